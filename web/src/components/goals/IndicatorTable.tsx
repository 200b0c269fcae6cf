import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  BookOutlined,
  CloseCircleFilled,
  DeleteOutlined,
  EditOutlined,
  ExclamationCircleFilled,
  MessageOutlined,
  PlusOutlined,
} from "@ant-design/icons";
import { AutoComplete, Button, Input, InputNumber, Select, Space, Table, Tooltip, Typography } from "antd";
import type { ColumnType } from "antd/es/table";
import { type ReactNode, useMemo } from "react";
import type { GoalFinding, GoalFindingField } from "../../../../src/core/goals/quality";
import {
  INDICATOR_KIND_LABELS,
  type IndicatorKind,
  type IndicatorTemplate,
  OPERATOR_LABELS,
  OPERATORS,
} from "../../../../src/core/goals/types";
import { useIsPhone } from "../phone/useIsPhone";
import { IndicatorCards, type IndicatorItem } from "./IndicatorCards";
import { type IndicatorRow, points, targetText, useGoalRulesOfTable, weightHundredths } from "./indicatorForm";

type Item = IndicatorItem;

const SEP = "\u0001";
/** The level choices of a template: level 2 names grouped under their level 1. */
function levelOptionsOf(template: IndicatorTemplate) {
  const options = template.levels.map((l) => ({
    label: l.level1,
    title: l.level1,
    options: l.level2.map((l2) => ({ value: `${l.level1}${SEP}${l2}`, label: l2 })),
  }));
  return { options, known: new Set(options.flatMap((g) => g.options.map((o) => o.value))) };
}
const KIND_OPTIONS = (Object.keys(INDICATOR_KIND_LABELS) as IndicatorKind[]).map((k) => ({
  value: k,
  label: INDICATOR_KIND_LABELS[k],
}));
const OPERATOR_OPTIONS = OPERATORS.map((op) => ({ value: op, label: OPERATOR_LABELS[op] }));
const UNIT_OPTIONS = [
  "%",
  "个",
  "人",
  "人次",
  "次",
  "项",
  "场",
  "户",
  "所",
  "天",
  "月",
  "平方米",
  "公里",
  "亩",
  "万元",
].map((u) => ({ value: u }));

/** "第3行“产出指标/数量指标/x”：" is the row itself when the message is shown under it. */
const ROW_PREFIX = /^第\d+行“[^”]*”：/;
export const shortMessage = (f: GoalFinding): string => f.message.replace(ROW_PREFIX, "");

type Status = "error" | "warning" | undefined;

const FIELD_NAMES: Partial<Record<GoalFindingField, string>> = {
  level1: "二级指标",
  level2: "二级指标",
  name: "指标名称",
  operator: "运算符",
  target: "目标值",
  unit: "计量单位",
  weight: "权重",
};

export interface IndicatorTableProps {
  rows: IndicatorRow[];
  editable: boolean;
  /** Live findings of the form, row by row. */
  findings: readonly GoalFinding[];
  /** Reviewers' comments on the row across rounds, with their answers (the shared comment thread). */
  threadOf?: ((row: IndicatorRow) => ReactNode) | undefined;
  /** Row keys to highlight briefly (just added or moved). */
  flashKey?: string | null | undefined;
  onChangeRow?: (key: string, patch: Partial<IndicatorRow>) => void;
  onMove?: (key: string, delta: -1 | 1) => void;
  onRemove?: (key: string) => void;
  onAdd?: (level1: string) => void;
  onOpenLibrary?: (level1: string, level2?: string) => void;
  onFocusRow?: (key: string) => void;
  /** A reviewer who may return the table writes a comment on one row. */
  onComment?: (index: number) => void;
  /** Rows with a comment the reviewer is drafting (by row index), and its editor under the row. */
  draftComments?: Readonly<Record<number, string>>;
  draftEditorOf?: ((index: number) => ReactNode) | undefined;
  /** A small tag per row key after the indicator's name (较上年新增 / 较上年变化; 较退回时修改 …). */
  rowTags?: ReadonlyMap<string, ReactNode> | undefined;
}

/**
 * The indicator tree of a goal table: a heading per level 1 (from the template) with its rows, every
 * row with its own level-2 choice, and the live findings and reviewers' comments under the row. On a
 * phone the same cells are stacked in one card per indicator (IndicatorCards).
 */
export function IndicatorTable(props: IndicatorTableProps) {
  const { rows, editable, findings, flashKey, draftComments } = props;
  const { template } = useGoalRulesOfTable();
  const phone = useIsPhone();
  // Controls a finger can hit on a phone; the desktop's dense table keeps the small ones.
  const size = phone ? "middle" : "small";
  const levels = useMemo(() => levelOptionsOf(template), [template]);

  const byRow = useMemo(() => {
    const m = new Map<number, GoalFinding[]>();
    for (const f of findings)
      if (f.indicatorIndex !== null) m.set(f.indicatorIndex, [...(m.get(f.indicatorIndex) ?? []), f]);
    return m;
  }, [findings]);

  const items = useMemo(() => {
    const out: Item[] = [];
    const indexed = rows.map((row, index) => ({ row, index }));
    for (const { level1 } of template.levels) {
      const mine = indexed.filter((x) => x.row.level1.trim() === level1);
      out.push({ type: "group", key: `g:${level1}`, level1, known: true, rows: mine.map((x) => x.row) });
      for (const x of mine) out.push({ type: "row", key: x.row.key, row: x.row, index: x.index });
    }
    const known = new Set(template.levels.map((l) => l.level1));
    const others = indexed.filter((x) => !known.has(x.row.level1.trim()));
    if (others.length > 0) {
      out.push({ type: "group", key: "g:?", level1: "", known: false, rows: others.map((x) => x.row) });
      for (const x of others) out.push({ type: "row", key: x.row.key, row: x.row, index: x.index });
    }
    return out;
  }, [rows, template]);

  const statusOf = (index: number, ...fields: GoalFindingField[]): Status => {
    const list = (byRow.get(index) ?? []).filter((f) => f.field !== null && fields.includes(f.field));
    if (list.some((f) => f.severity === "error")) return "error";
    return list.length > 0 ? "warning" : undefined;
  };
  const hintOf = (index: number, ...fields: GoalFindingField[]): string | undefined => {
    const list = (byRow.get(index) ?? []).filter((f) => f.field !== null && fields.includes(f.field));
    return list.length > 0 ? list.map(shortMessage).join("；") : undefined;
  };
  /** A control with its problem as a tooltip and a red or orange border. */
  const withHint = (index: number, fields: GoalFindingField[], node: ReactNode) => {
    const hint = hintOf(index, ...fields);
    return hint ? (
      <Tooltip title={hint} placement="topLeft">
        <div>{node}</div>
      </Tooltip>
    ) : (
      node
    );
  };

  const canMove = (index: number, delta: -1 | 1) => {
    const a = rows[index];
    const b = rows[index + delta];
    return Boolean(a && b && a.level1.trim() === b.level1.trim() && a.level2.trim() === b.level2.trim());
  };

  const change = (key: string, patch: Partial<IndicatorRow>) => props.onChangeRow?.(key, patch);

  const groupCell = (item: Item) => {
    if (item.type !== "group") return null;
    const w = weightHundredths(item.rows);
    if (!item.known)
      return (
        <span style={{ color: "#cf1322" }}>
          <CloseCircleFilled /> 不在本年度指标体系内的指标（{item.rows.length} 个）：请为下列指标重新选择二级指标
        </span>
      );
    return (
      <div style={{ display: "flex", alignItems: "center", gap: 12, flexWrap: "wrap" }}>
        <span>{item.level1}</span>
        <Typography.Text type="secondary" style={{ fontWeight: 400, fontSize: 12 }}>
          {item.rows.length > 0 ? `${item.rows.length} 个指标 · 权重 ${points(w)}` : ""}
        </Typography.Text>
        {item.rows.length === 0 && (
          <span style={{ color: "#cf1322", fontWeight: 400, fontSize: 12 }}>
            <CloseCircleFilled /> 尚无指标，至少填写一个
          </span>
        )}
        <div style={{ flex: 1 }} />
        {editable && (
          <Space size={4}>
            <Button
              size="small"
              type="link"
              icon={<PlusOutlined />}
              onClick={() => props.onAdd?.(item.level1)}
              data-testid={`goal-add-${item.level1}`}
            >
              添加指标
            </Button>
            <Button size="small" type="link" icon={<BookOutlined />} onClick={() => props.onOpenLibrary?.(item.level1)}>
              从指标库选
            </Button>
          </Space>
        )}
      </div>
    );
  };

  /** A red mark on a row with an error, an orange one on a row with only hints. */
  const markOf = (index: number): ReactNode => {
    const list = byRow.get(index) ?? [];
    if (list.some((f) => f.severity === "error"))
      return <CloseCircleFilled style={{ color: "#f5222d", marginLeft: 4 }} aria-label="有错误" />;
    return list.length > 0 ? (
      <ExclamationCircleFilled style={{ color: "#fa8c16", marginLeft: 4 }} aria-label="有提示" />
    ) : null;
  };

  const rowCell =
    (render: (x: Extract<Item, { type: "row" }>) => ReactNode) =>
    (_: unknown, item: Item): ReactNode =>
      item.type === "row" ? render(item) : null;

  const columns: ColumnType<Item>[] = [];
  const first: ColumnType<Item> = {
    title: "序号",
    key: "no",
    width: 52,
    align: "center",
    render: (_: unknown, item: Item) => {
      if (item.type === "group") return groupCell(item);
      return (
        <span className="jx-num" style={{ whiteSpace: "nowrap" }}>
          {item.index + 1}
          {markOf(item.index)}
        </span>
      );
    },
  };
  columns.push(first);

  if (editable) {
    columns.push(
      {
        title: "二级指标",
        key: "level",
        width: 156,
        render: rowCell(({ row, index }) => {
          const value = row.level2.trim() === "" ? undefined : `${row.level1.trim()}${SEP}${row.level2.trim()}`;
          return withHint(
            index,
            ["level1", "level2"],
            <Select
              aria-label={`第${index + 1}行二级指标`}
              size={size}
              style={{ width: "100%" }}
              placeholder="选择二级指标"
              status={statusOf(index, "level1", "level2")}
              value={value}
              options={levels.options}
              // The closed select shows "服务对象满意度" for "服务对象满意度指标": the column says it is a 二级指标.
              labelRender={(o) =>
                levels.known.has(String(o.value))
                  ? String(o.label).replace(/指标$/, "")
                  : String(o.value).split(SEP).join("/")
              }
              popupMatchSelectWidth={180}
              onChange={(v: string) => {
                const [level1 = "", level2 = ""] = v.split(SEP);
                change(row.key, { level1, level2 });
              }}
            />,
          );
        }),
      },
      {
        title: "三级指标名称",
        key: "name",
        width: 220,
        render: rowCell(({ row, index }) => (
          <>
            {withHint(
              index,
              ["name"],
              <Input.TextArea
                aria-label={`第${index + 1}行指标名称`}
                size={size}
                autoSize={{ minRows: 1, maxRows: 3 }}
                placeholder="如：改造校舍面积"
                maxLength={100}
                status={statusOf(index, "name")}
                value={row.name}
                onChange={(e) => change(row.key, { name: e.target.value })}
              />,
            )}
            {props.rowTags?.get(row.key)}
          </>
        )),
      },
      {
        title: "性质",
        key: "kind",
        width: 84,
        render: rowCell(({ row, index }) => (
          <Select
            aria-label={`第${index + 1}行指标性质`}
            size={size}
            style={{ width: "100%" }}
            value={row.kind}
            options={KIND_OPTIONS}
            onChange={(kind: IndicatorKind) =>
              change(
                row.key,
                kind === "qualitative"
                  ? { kind, operator: null, unit: null }
                  : { kind, operator: row.operator ?? ">=", unit: row.unit ?? "" },
              )
            }
          />
        )),
      },
      {
        title: "运算符",
        key: "operator",
        width: 66,
        render: rowCell(({ row, index }) =>
          withHint(
            index,
            ["operator"],
            <Select
              aria-label={`第${index + 1}行运算符`}
              size={size}
              style={{ width: "100%" }}
              disabled={row.kind !== "quantitative"}
              placeholder={row.kind === "quantitative" ? "选择" : "—"}
              status={statusOf(index, "operator")}
              value={row.kind === "quantitative" ? (row.operator ?? undefined) : undefined}
              options={OPERATOR_OPTIONS}
              onChange={(operator: IndicatorRow["operator"]) => change(row.key, { operator })}
            />,
          ),
        ),
      },
      {
        title: "目标值",
        key: "target",
        width: 104,
        render: rowCell(({ row, index }) =>
          withHint(
            index,
            ["target"],
            <Input.TextArea
              aria-label={`第${index + 1}行目标值`}
              size={size}
              autoSize={{ minRows: 1, maxRows: 3 }}
              placeholder={row.kind === "quantitative" ? "数值，如 95" : "如：按期完工"}
              maxLength={100}
              status={statusOf(index, "target")}
              value={row.target}
              onChange={(e) => change(row.key, { target: e.target.value })}
            />,
          ),
        ),
      },
      {
        title: "计量单位",
        key: "unit",
        width: 84,
        render: rowCell(({ row, index }) =>
          withHint(
            index,
            ["unit"],
            <AutoComplete
              aria-label={`第${index + 1}行计量单位`}
              size={size}
              style={{ width: "100%" }}
              disabled={row.kind !== "quantitative"}
              placeholder={row.kind === "quantitative" ? "如 %" : "—"}
              status={statusOf(index, "unit")}
              value={row.kind === "quantitative" ? (row.unit ?? "") : ""}
              options={UNIT_OPTIONS}
              maxLength={20}
              onChange={(unit: string) => change(row.key, { unit })}
            />,
          ),
        ),
      },
      {
        title: "权重",
        key: "weight",
        width: 88,
        render: rowCell(({ row, index }) =>
          withHint(
            index,
            ["weight"],
            <InputNumber
              aria-label={`第${index + 1}行权重`}
              data-testid={`goal-weight-${index}`}
              size={size}
              style={{ width: "100%" }}
              min={0}
              max={template.totalWeight}
              precision={2}
              step={1}
              status={statusOf(index, "weight")}
              value={row.weight}
              onChange={(v) => change(row.key, { weight: typeof v === "number" ? v : 0 })}
            />,
          ),
        ),
      },
      {
        title: "指标解释",
        key: "explanation",
        width: 140,
        render: rowCell(({ row, index }) => (
          <Input.TextArea
            aria-label={`第${index + 1}行指标解释`}
            size={size}
            autoSize={{ minRows: 1, maxRows: 4 }}
            placeholder="口径、数据来源"
            maxLength={500}
            value={row.explanation ?? ""}
            onChange={(e) => change(row.key, { explanation: e.target.value })}
          />
        )),
      },
      {
        title: "操作",
        key: "ops",
        width: 92,
        render: rowCell(({ row, index }) => (
          <Space size={0}>
            <Tooltip title="上移（同一二级指标内）">
              <Button
                size={size}
                type="text"
                icon={<ArrowUpOutlined />}
                aria-label={`第${index + 1}行上移`}
                disabled={!canMove(index, -1)}
                onClick={() => props.onMove?.(row.key, -1)}
              />
            </Tooltip>
            <Tooltip title="下移（同一二级指标内）">
              <Button
                size={size}
                type="text"
                icon={<ArrowDownOutlined />}
                aria-label={`第${index + 1}行下移`}
                disabled={!canMove(index, 1)}
                onClick={() => props.onMove?.(row.key, 1)}
              />
            </Tooltip>
            <Tooltip title="删除该指标">
              <Button
                size={size}
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={`删除第${index + 1}行`}
                onClick={() => props.onRemove?.(row.key)}
              />
            </Tooltip>
          </Space>
        )),
      },
    );
  } else {
    columns.push(
      {
        title: "二级指标",
        key: "level",
        width: 130,
        render: rowCell(({ row, index }) => {
          const prev = rows[index - 1];
          // The table shows a level 2 once for its rows; a card stands alone and always names it.
          const same = !phone && prev && prev.level1 === row.level1 && prev.level2 === row.level2;
          return same ? null : <span>{row.level2 || "—"}</span>;
        }),
      },
      {
        title: "三级指标",
        key: "name",
        width: 220,
        render: rowCell(({ row }) => (
          <>
            {row.name || "—"}
            {props.rowTags?.get(row.key)}
          </>
        )),
      },
      {
        title: "性质",
        key: "kind",
        width: 64,
        render: rowCell(({ row }) => INDICATOR_KIND_LABELS[row.kind] ?? row.kind),
      },
      {
        title: "指标值",
        key: "target",
        width: 140,
        render: rowCell(({ row }) => <span className="jx-num">{targetText(row) || "—"}</span>),
      },
      {
        title: "权重",
        key: "weight",
        width: 70,
        align: "right",
        render: rowCell(({ row }) => <span className="jx-num">{points(Math.round(row.weight * 100))}</span>),
      },
      {
        title: "指标解释",
        key: "explanation",
        render: rowCell(({ row }) => (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.explanation || (phone ? "—" : "")}
          </Typography.Text>
        )),
      },
    );
    if (props.onComment)
      columns.push({
        title: "审核意见",
        key: "comment",
        width: 110,
        render: rowCell(({ index }) => (
          <Button
            size="small"
            type="link"
            icon={draftComments?.[index] !== undefined ? <EditOutlined /> : <MessageOutlined />}
            onClick={() => props.onComment?.(index)}
            aria-label={`对第${index + 1}行写审核意见`}
          >
            {draftComments?.[index] !== undefined ? "改意见" : "写意见"}
          </Button>
        )),
      });
  }

  const columnCount = columns.length;
  for (const [i, c] of columns.entries())
    c.onCell = (item: Item) => (item.type === "group" ? { colSpan: i === 0 ? columnCount : 0 } : {});

  const notesOf = (item: Item): ReactNode[] => {
    if (item.type !== "row") return [];
    const notes: ReactNode[] = [];
    const thread = props.threadOf?.(item.row);
    if (thread)
      notes.push(
        <div key="c" data-testid="goal-row-comment">
          {thread}
        </div>,
      );
    const draft = draftComments?.[item.index] !== undefined ? props.draftEditorOf?.(item.index) : null;
    if (draft) notes.push(<div key="d">{draft}</div>);
    const list = byRow.get(item.index) ?? [];
    const { row } = item;
    // A row just added and not yet filled in: one line saying what to fill, not a wall of red.
    if (row.loadedIndex === null && !row.name.trim() && !row.target.trim() && !(row.weight > 0) && list.length > 0) {
      const fields = [...new Set(list.map((f) => (f.field ? FIELD_NAMES[f.field] : undefined)).filter(Boolean))];
      notes.push(
        <div key="new" className="jx-gt-note jx-gt-note-error">
          <CloseCircleFilled /> 新增指标：请{fields.length > 0 ? `填写${fields.join("、")}` : "补全各栏"}
          <span className="jx-gt-sugg">（可从“指标库”选用同类项目常用的指标）</span>
        </div>,
      );
      return notes;
    }
    for (const [n, f] of list.entries())
      notes.push(
        <div key={n} className={`jx-gt-note jx-gt-note-${f.severity}`}>
          {f.severity === "error" ? <CloseCircleFilled /> : <ExclamationCircleFilled />} {shortMessage(f)}
          {f.suggestion && <span className="jx-gt-sugg">（建议：{f.suggestion}）</span>}
        </div>,
      );
    return notes;
  };
  if (phone)
    return (
      <IndicatorCards
        items={items}
        columns={columns}
        groupOf={groupCell}
        notesOf={notesOf}
        markOf={markOf}
        commented={(row) => Boolean(props.threadOf?.(row))}
        flashKey={flashKey}
        onFocusRow={props.onFocusRow}
      />
    );
  const withNotes = items.filter((it) => notesOf(it).length > 0).map((it) => it.key);

  return (
    <Table<Item>
      className="jx-gt-table"
      data-testid="goal-indicators"
      rowKey="key"
      size="small"
      bordered
      pagination={false}
      dataSource={items}
      columns={columns}
      scroll={{ x: editable ? 1086 : 900 }}
      sticky={{ offsetHeader: 56, offsetScroll: 56 }}
      expandable={{
        showExpandColumn: false,
        expandedRowKeys: withNotes,
        rowExpandable: (it) => it.type === "row",
        expandedRowRender: (it) => <div className="jx-gt-notes">{notesOf(it)}</div>,
      }}
      rowClassName={(it) =>
        it.type === "group"
          ? `jx-gt-group${it.known ? "" : " jx-gt-group-other"}`
          : `jx-gt-row${withNotes.includes(it.key) ? " jx-gt-has-notes" : ""}${it.key === flashKey ? " jx-gt-flash" : ""}`
      }
      onRow={(it) => ({
        onFocus: () => {
          if (it.type === "row") props.onFocusRow?.(it.key);
        },
      })}
      locale={{ emptyText: "暂无指标" }}
    />
  );
}
