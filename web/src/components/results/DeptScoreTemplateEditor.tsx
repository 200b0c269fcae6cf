import { PlusOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Form, type FormInstance, InputNumber, Select, Space, Table, Tag, Typography } from "antd";
import { useCallback, useMemo } from "react";
import {
  DEFAULT_DEPT_SCORE_TEMPLATE,
  DEPT_SCORE_COMPONENT_LABELS,
  DEPT_SCORE_COMPONENTS,
  type DeptScoreComponent,
  validateDeptScoreTemplate,
} from "../../../../src/core/results/department-score";
import { deptScoreTemplateChanges } from "../../../../src/core/results/department-score-changes";
import { pointsText, toHundredths } from "../../../../src/core/selfeval/grade";
import { isApiError } from "../../api/client";
import {
  type DeptScoreTemplateData,
  departmentScoresKeys,
  saveDeptScoreTemplate,
  useDeptScoreTemplate,
} from "../../api/results/department-scores";
import { useSession } from "../../auth/session";
import { DASH, dateTime } from "../../format";
import { ChangeList } from "../config/ChangeList";
import { ConfigPage } from "../config/ConfigPage";
import { useConfigEditing } from "../config/context";
import { RemoveButton } from "../config/RemoveButton";
import { PageError } from "../PageError";

type Row = { key: DeptScoreComponent; weight: number | null };
interface Values {
  components: Row[];
}

const valuesOf = (d: DeptScoreTemplateData): Values => ({ components: structuredClone(d.components) });
const templateOf = (v: Values) => ({
  components: (v.components ?? []).map((c) => ({ key: c.key, weight: c.weight ?? 0 })),
});

/** "components.2.weight" (the server's field) → the form's name path. */
const formPath = (field: string): (string | number)[] => field.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/** The whole's rule, live: the weights of the components listed sum to exactly 100. */
function TotalLine({ rows }: { rows: Row[] }) {
  let total = 0n;
  for (const r of rows) total += toHundredths(r.weight ?? 0) ?? 0n;
  const ok = total === 10_000n;
  return (
    <Typography.Text type={ok ? "success" : "danger"} data-testid="dept-score-weight-total">
      权重合计 <b className="jx-num">{pointsText(total)}</b>
      {ok ? " ✓" : "，须为 100"}
    </Typography.Text>
  );
}

function ComponentsCard({ form, loading }: { form: FormInstance<Values>; loading: boolean }) {
  const editing = useConfigEditing();
  const rows = (Form.useWatch("components", { form, preserve: true }) ?? []) as Row[];
  const unused = DEPT_SCORE_COMPONENTS.filter((k) => !rows.some((r) => r?.key === k));
  return (
    <Card
      size="small"
      loading={loading}
      title="考核内容与权重"
      extra={<TotalLine rows={rows} />}
      style={{ marginBottom: 16 }}
      data-testid="dept-score-template"
    >
      <Form.List
        name="components"
        rules={[
          {
            // The rules of the whole (the total, a component listed twice), as the server checks them.
            validator: async (_, value: Row[] | undefined) => {
              const issues = validateDeptScoreTemplate({ version: "", ...templateOf({ components: value ?? [] }) });
              const whole = issues.filter((i) => i.field === "components" || i.field.endsWith(".key"));
              if (whole.length > 0) throw new Error(whole.map((i) => i.message).join("；"));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            <Table
              size="small"
              bordered
              pagination={false}
              rowKey="key"
              dataSource={fields}
              locale={{ emptyText: "没有考核内容" }}
              columns={[
                { title: "序号", key: "n", width: 60, render: (_, __, i) => i + 1 },
                {
                  title: "考核内容",
                  key: "key",
                  render: (_, f, i) =>
                    editing ? (
                      <Form.Item name={[f.name, "key"]} style={{ marginBottom: 0 }}>
                        <Select
                          aria-label={`第${i + 1}项考核内容`}
                          style={{ width: 200 }}
                          options={DEPT_SCORE_COMPONENTS.map((k) => ({
                            value: k,
                            label: DEPT_SCORE_COMPONENT_LABELS[k],
                            disabled: k !== rows[i]?.key && rows.some((r) => r?.key === k),
                          }))}
                        />
                      </Form.Item>
                    ) : (
                      (DEPT_SCORE_COMPONENT_LABELS[rows[i]?.key as DeptScoreComponent] ?? rows[i]?.key)
                    ),
                },
                {
                  title: "权重",
                  key: "weight",
                  width: 200,
                  render: (_, f, i) => (
                    <Form.Item
                      name={[f.name, "weight"]}
                      style={{ marginBottom: 0 }}
                      rules={[
                        { required: true, message: "请填写权重" },
                        {
                          validator: async (_r, w: number | null) => {
                            const h = w === null || w === undefined ? null : toHundredths(w);
                            if (h !== null && (h <= 0n || h > 10_000n))
                              throw new Error("权重须大于 0、不超过 100，最多两位小数");
                          },
                        },
                      ]}
                    >
                      <InputNumber
                        aria-label={`第${i + 1}项权重`}
                        min={0}
                        max={100}
                        precision={2}
                        step={5}
                        style={{ width: 140 }}
                        data-testid={`dept-score-weight-${i}`}
                      />
                    </Form.Item>
                  ),
                },
                {
                  title: "",
                  key: "remove",
                  width: 56,
                  render: (_, f, i) => (
                    <RemoveButton
                      what={`“${DEPT_SCORE_COMPONENT_LABELS[rows[i]?.key as DeptScoreComponent] ?? "该项"}”`}
                      onRemove={() => remove(f.name)}
                    />
                  ),
                },
              ]}
            />
            <Form.ErrorList errors={errors} />
            {editing && unused.length > 0 && (
              <Button
                icon={<PlusOutlined />}
                style={{ marginTop: 8 }}
                onClick={() => add({ key: unused[0], weight: null })}
                data-testid="dept-score-add"
              >
                添加考核内容
              </Button>
            )}
          </>
        )}
      </Form.List>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: "8px 0 0" }}>
        综合得分 = Σ 权重 × 该项得分 ÷ 部门有数据各项的权重之和（缺项不计分，按其余各项折算到 100
        分），四舍五入保留两位小数。 系统默认：
        {DEFAULT_DEPT_SCORE_TEMPLATE.components
          .map((c) => `${DEPT_SCORE_COMPONENT_LABELS[c.key]} ${c.weight}`)
          .join("、")}
        。
      </Typography.Paragraph>
    </Card>
  );
}

/** The year's versions, each with what it changed against the one before (the year's first: against the default). */
function History({ data: d, year }: { data: DeptScoreTemplateData | undefined; year: number }) {
  const rows = d?.history ?? [];
  return (
    <Card title={`${year}年度版本记录`} size="small">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        data-testid="dept-score-history"
        scroll={{ x: 560 }}
        expandable={{
          expandedRowRender: (h, i) => {
            const before = rows[i + 1] ?? DEFAULT_DEPT_SCORE_TEMPLATE;
            return (
              <>
                <Typography.Text type="secondary">
                  {rows[i + 1] ? `与 ${rows[i + 1]!.version} 版对比` : "与系统默认对比"}
                </Typography.Text>
                <ChangeList changes={deptScoreTemplateChanges(before, h)} />
              </>
            );
          },
        }}
        locale={{
          emptyText:
            d?.setForYear && d.setForYear !== year
              ? `本年度未单独设定，沿用${d.setForYear}年度的考核模板`
              : "本年度未单独设定，使用系统默认的考核模板",
        }}
        columns={[
          {
            title: "版本",
            dataIndex: "version",
            width: 120,
            render: (v: string) => (
              <Space>
                {v}
                {v === d?.version && d?.setForYear === year && <Tag color="green">现行</Tag>}
              </Space>
            ),
          },
          {
            title: "权重",
            key: "weights",
            render: (_, h) => h.components.map((c) => `${DEPT_SCORE_COMPONENT_LABELS[c.key]} ${c.weight}`).join("、"),
          },
          { title: "设定时间", dataIndex: "createdAt", width: 170, render: (v: string) => dateTime(v) },
          { title: "设定人", dataIndex: "createdByName", width: 110, render: (v: string | null) => v ?? DASH },
          { title: "修改说明", dataIndex: "note", render: (v: string | null) => v ?? DASH },
        ]}
      />
    </Card>
  );
}

/**
 * 考核模板: the components of the department score and their weights, a versioned rule set. Finance edits through
 * the shared configuration page (修改明细, 修改说明, a new version); everyone else reads.
 */
export function DeptScoreTemplateEditor({ year }: { year: number }) {
  const { can } = useSession();
  const template = useDeptScoreTemplate(year);
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const d = template.data;
  const stored = useMemo(() => (d ? valuesOf(d) : undefined), [d]);
  const changes = useCallback(
    (before: Values, after: Values) => deptScoreTemplateChanges(templateOf(before), templateOf(after)),
    [],
  );
  const save = async (v: Values, note: string) => {
    const saved = await saveDeptScoreTemplate(year, { ...templateOf(v), basedOn: d?.version ?? "", reason: note });
    await queryClient.invalidateQueries({ queryKey: departmentScoresKeys.all });
    return `已保存为 ${saved.version} 版`;
  };
  const onSaveError = (e: unknown) => {
    const issues = isApiError(e)
      ? ((e.details as { issues?: { field: string; message: string }[] } | undefined)?.issues ?? [])
      : [];
    const placed = issues.filter((i) => i.field !== "components");
    form.setFields(
      placed.map((i) => ({ name: formPath(i.field), errors: [i.message] })) as Parameters<typeof form.setFields>[0],
    );
    if (issues.length === 0) return isApiError(e) ? e.message : "保存失败，请稍后重试";
    return `未保存：${issues.map((i) => i.message).join("；")}`;
  };
  if (template.error && !d) return <PageError error={template.error} onRetry={() => void template.refetch()} />;
  const where = !d
    ? ""
    : d.setForYear === null
      ? "系统默认"
      : d.setForYear === year
        ? `现行 ${d.version} 版`
        : `沿用${d.setForYear}年度 ${d.version} 版`;
  return (
    <ConfigPage<Values>
      title="考核模板"
      sub={`${year}年度 · ${where}`}
      canEdit={can("results.manage")}
      readOnlyNotice="部门绩效考核模板由财政局设定，此处仅供查阅。"
      form={form}
      stored={stored}
      loading={template.isPending}
      nextVersion={`${year}.${(d?.history.length ?? 0) + 1}`}
      changes={changes}
      save={save}
      onSaveError={onSaveError}
      saveHint="保存为新版本后，部门绩效考核排名立即按新权重计算；已采纳的预算调整清单不受影响。旧版本保留备查。"
      footer={<History data={d} year={year} />}
    >
      {d && d.setForYear !== null && d.setForYear !== year && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`本年度沿用${d.setForYear}年度的考核模板，保存后成为本年度的第一个版本。`}
        />
      )}
      <ComponentsCard form={form} loading={template.isPending} />
    </ConfigPage>
  );
}
