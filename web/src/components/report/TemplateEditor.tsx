import { Alert, Card, Collapse, Input, Select, Table, Tag, Typography } from "antd";
import type { TextAreaRef } from "antd/es/input/TextArea";
import { useRef } from "react";
import { REPORT_SECTION_LABELS, REPORT_SECTIONS, type ReportSection } from "../../../../src/core/report/figures";
import type { ReportFigure, ReportTemplate } from "../../api/report/annual";
import { insertAtCursor, quotedKeys } from "./reportText";

/** The editor's bar of buttons stays at the foot of the screen while the sections scroll. */
const EDITOR_CSS = `
.jx-rp-bar { position: sticky; bottom: 0; z-index: 5; margin: 4px -20px 0; padding: 10px 20px; background: #fff;
  border-top: 1px solid #e5e8ed; box-shadow: 0 -2px 8px rgba(0,0,0,0.06); display: flex; gap: 8px; align-items: center;
  flex-wrap: wrap; }
`;

/** A part of the template: its title, its opening, or one of the eight sections. */
export type TemplatePart = "title" | "intro" | ReportSection;

export const partLabel = (p: TemplatePart): string =>
  p === "title"
    ? "标题"
    : p === "intro"
      ? "开篇"
      : `第${REPORT_SECTIONS.indexOf(p) + 1}节　${REPORT_SECTION_LABELS[p]}`;

const valueText = (f: ReportFigure) => (f.value === null ? "无数据" : `${f.value}${f.unit}`);

/** The figures offered for a part: its own section's first, then the year and region, then every other section's. */
function figureOptions(part: TemplatePart, figures: readonly ReportFigure[]) {
  const own = part === "title" ? "intro" : part;
  const option = (f: ReportFigure) => ({
    value: f.key,
    label: (
      <span style={{ display: "flex", justifyContent: "space-between", gap: 12 }}>
        <span style={{ overflow: "hidden", textOverflow: "ellipsis" }}>{f.label}</span>
        <Typography.Text type={f.value === null ? "warning" : "secondary"} style={{ whiteSpace: "nowrap" }}>
          {valueText(f)}
        </Typography.Text>
      </span>
    ),
    search: `${f.label} ${f.key}`,
  });
  const groups = [
    {
      label: own === "intro" ? "年度与区划" : `本节：${REPORT_SECTION_LABELS[own]}`,
      options: [] as ReturnType<typeof option>[],
    },
    { label: "年度与区划", options: [] as ReturnType<typeof option>[] },
    { label: "其他各节", options: [] as ReturnType<typeof option>[] },
  ];
  for (const f of figures) groups[f.section === own ? 0 : f.section === "intro" ? 1 : 2]!.options.push(option(f));
  return groups.filter((g) => g.options.length > 0);
}

/** The figures a part quotes, with what each means and its value now: the key alone says little to a reader. */
function QuotedFigures({ text, figures }: { text: string; figures: ReadonlyMap<string, ReportFigure> }) {
  const keys = quotedKeys(text);
  if (keys.length === 0) return null;
  const rows = keys.map((key) => ({ key, figure: figures.get(key) }));
  return (
    <Collapse
      size="small"
      ghost
      style={{ marginTop: 4 }}
      items={[
        {
          key: "figures",
          label: (
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              本节引用的数字（{keys.length}）：{"{{…}}"} 起草时换成当年的值
            </Typography.Text>
          ),
          children: (
            <Table
              size="small"
              pagination={false}
              rowKey="key"
              dataSource={rows}
              columns={[
                {
                  title: "数字",
                  render: (_: unknown, r) =>
                    r.figure?.label ?? <Typography.Text type="danger">未知的数字</Typography.Text>,
                },
                {
                  title: "当前值",
                  width: 160,
                  render: (_: unknown, r) => (r.figure ? valueText(r.figure) : "—"),
                },
                {
                  title: "占位符",
                  width: 280,
                  render: (_: unknown, r) => <Typography.Text code>{`{{${r.key}}}`}</Typography.Text>,
                },
              ]}
            />
          ),
        },
      ]}
    />
  );
}

/**
 * 编辑文字: the template part by part, each with 插入数字 (the figure's placeholder at the cursor) and the
 * refusal the server gave for it.
 */
export function TemplateEditor({
  value,
  onChange,
  figures,
  errors,
  found = {},
}: {
  value: ReportTemplate;
  onChange: (t: ReportTemplate) => void;
  figures: readonly ReportFigure[];
  /** Refusals by part (`_` for one that names no part). */
  errors: Readonly<Record<string, string>>;
  /** How many problems and figures without data the last draft's check found in each part. */
  found?: Readonly<Record<string, { errors: number; missing: number }>>;
}) {
  const fields = useRef(new Map<TemplatePart, HTMLTextAreaElement | HTMLInputElement>());
  const byKey = new Map(figures.map((f) => [f.key, f]));

  const textOf = (p: TemplatePart) =>
    p === "title" ? value.title : p === "intro" ? value.intro : (value.sections.find((s) => s.key === p)?.text ?? "");
  const setText = (p: TemplatePart, text: string) =>
    onChange(
      p === "title"
        ? { ...value, title: text }
        : p === "intro"
          ? { ...value, intro: text }
          : { ...value, sections: value.sections.map((s) => (s.key === p ? { ...s, text } : s)) },
    );

  const insert = (p: TemplatePart, key: string) => {
    const el = fields.current.get(p);
    const selection =
      el && el.selectionStart !== null ? { start: el.selectionStart, end: el.selectionEnd ?? el.selectionStart } : null;
    const next = insertAtCursor(textOf(p), selection, `{{${key}}}`);
    setText(p, next.text);
    // After React has written the new value: the cursor goes behind the inserted figure.
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(next.cursor, next.cursor);
    });
  };

  const picker = (p: TemplatePart) => (
    <Select<string>
      size="small"
      showSearch={{ optionFilterProp: "search" }}
      value={null}
      placeholder="插入数字"
      aria-label={`${partLabel(p)}：插入数字`}
      data-testid={`report-insert-${p}`}
      style={{ width: 150 }}
      popupMatchSelectWidth={400}
      options={figureOptions(p, figures)}
      onChange={(key) => insert(p, key)}
    />
  );

  const part = (p: TemplatePart) => {
    const error = errors[p];
    const label = partLabel(p);
    const common = {
      "aria-label": label,
      "data-testid": `report-edit-${p}`,
      status: error ? ("error" as const) : undefined,
    };
    return (
      <Card
        key={p}
        size="small"
        id={`jx-rp-edit-${p}`}
        title={
          <span>
            {label}
            {(found[p]?.errors ?? 0) > 0 && (
              <Tag color="red" style={{ marginInlineStart: 8 }} data-testid={`report-edit-found-${p}`}>
                核对发现 {found[p]?.errors} 处问题
              </Tag>
            )}
            {(found[p]?.missing ?? 0) > 0 && (
              <Tag color="gold" style={{ marginInlineStart: 8 }}>
                {found[p]?.missing} 个数字暂无数据
              </Tag>
            )}
          </span>
        }
        extra={picker(p)}
        style={{ marginBottom: 12, scrollMarginTop: 80 }}
      >
        {p === "title" ? (
          <Input
            {...common}
            value={value.title}
            onChange={(e) => setText(p, e.target.value)}
            ref={(r) => {
              if (r?.input) fields.current.set(p, r.input);
            }}
          />
        ) : (
          <Input.TextArea
            {...common}
            value={textOf(p)}
            autoSize={{ minRows: 3, maxRows: 18 }}
            onChange={(e) => setText(p, e.target.value)}
            ref={(r: TextAreaRef | null) => {
              const el = r?.resizableTextArea?.textArea;
              if (el) fields.current.set(p, el);
            }}
          />
        )}
        {error && (
          <Typography.Text
            type="danger"
            data-testid={`report-edit-error-${p}`}
            style={{ display: "block", marginTop: 4 }}
          >
            {error}
          </Typography.Text>
        )}
        <QuotedFigures text={textOf(p)} figures={byKey} />
      </Card>
    );
  };

  return (
    <div data-testid="report-editor">
      <style>{EDITOR_CSS}</style>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="怎样写"
        description={
          <>
            以“# ”开头的一行是一级标题（排为“一、”“二、”…），以“##
            ”开头的一行是小标题（排为“（一）”“（二）”…，接在下一段前）；其余每行一段。
            {"{{…}}"} 是从当年数据计算的数字，用每节右上角的“插入数字”添加；{"{{数字:0}}"} 指定小数位数，{"{{数字:cn}}"}{" "}
            写成中文数字（如“四个”）。
            直接写在文中的数字也会被核对。修改后点击“起草并核对”更新报告；修改只在本页有效，离开本页即丢失，请及时下载
            Word。
          </>
        }
      />
      {errors._ && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errors._} />}
      {(["title", "intro", ...REPORT_SECTIONS] as TemplatePart[]).map(part)}
    </div>
  );
}
