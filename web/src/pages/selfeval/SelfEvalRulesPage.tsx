import { PlusOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Button, Card, Col, Form, Input, InputNumber, Radio, Row, Space, Switch, Table, Tag, Typography } from "antd";
import { useCallback, useMemo } from "react";
import type { DeptWideRow } from "../../../../src/core/selfeval/dept-template";
import { FORMULA_KIND_LABELS, formulaText, SOURCE_LABELS } from "../../../../src/core/selfeval/formula-text";
import { GRADE_BANDS, GRADES, type Grade } from "../../../../src/core/selfeval/grade";
import type { ExecutionMethod, TierBand } from "../../../../src/core/selfeval/rules";
import { selfEvalRulesChanges } from "../../../../src/core/selfeval/rules-changes";
import { errorMessage, isApiError } from "../../api/client";
import {
  type SelfEvalRulesBody,
  type SelfEvalRulesData,
  saveSelfEvalRules,
  selfEvalKeys,
  useSelfEvalRules,
} from "../../api/selfeval/selfeval";
import { useSession, useYear } from "../../auth/session";
import { ConfigPage } from "../../components/config/ConfigPage";
import { useConfigEditing } from "../../components/config/context";
import { RemoveButton } from "../../components/config/RemoveButton";
import { PageError } from "../../components/PageError";
import { rowSpans } from "../../components/print/spans";
import { DASH, dateTime } from "../../format";

type Body = Omit<SelfEvalRulesBody, "reason">;

/** The form's values: the rules' own shape, the execution method with its bands kept while "linear" is picked. */
interface Values extends Omit<Body, "project"> {
  project: Omit<Body["project"], "execution"> & {
    execution: { kind: ExecutionMethod["kind"]; bands?: { minRatePercent: number; percentOfWeight: number }[] };
  };
}

const valuesOf = (d: SelfEvalRulesData): Values =>
  structuredClone({
    project: d.project,
    gradeLabels: d.gradeLabels,
    overrateThreshold: d.overrateThreshold,
    deptWide: d.deptWide,
  });

const proposalOf = (v: Values): Body => ({
  ...v,
  project: {
    ...v.project,
    execution:
      v.project.execution.kind === "bands"
        ? { kind: "bands", bands: v.project.execution.bands ?? [] }
        : { kind: "linear" },
  },
});

/** "deptWide.rows.3.weight" (the server's field) → the form's name path. */
const formPath = (field: string): (string | number)[] =>
  field
    .replace(/^body\./, "")
    .split(".")
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));

const sum = (xs: readonly { weight: number }[] | undefined) =>
  Math.round((xs ?? []).reduce((s, x) => s + Math.round((x?.weight ?? 0) * 100), 0)) / 100;

const POINTS = { min: 0, max: 100, precision: 2, step: 1, style: { width: 120 }, suffix: "分" } as const;

/** 分值: 预算执行率 and each level 1, adding up to 100; where satisfaction's points go without it. */
function PointsCard({ loading }: { loading: boolean }) {
  const form = Form.useFormInstance<Values>();
  const project = Form.useWatch("project", { form, preserve: true }) as Values["project"] | undefined;
  const total = Math.round(((project?.executionWeight ?? 0) + sum(project?.levels)) * 100) / 100;
  return (
    <Card title="项目自评分值（满分100分）" size="small" loading={loading} style={{ marginBottom: 16 }}>
      <Form.Item
        name={["project", "executionWeight"]}
        label="预算执行率"
        rules={[{ required: true, type: "number", min: 0, max: 100, message: "须为 0—100 的分值" }]}
      >
        <InputNumber {...POINTS} data-testid="rules-execution-weight" />
      </Form.Item>
      <Form.List name={["project", "levels"]}>
        {(fields) => (
          <Space wrap size={[24, 0]}>
            {fields.map((f) => (
              <Form.Item
                key={f.key}
                name={[f.name, "weight"]}
                label={project?.levels?.[f.name]?.level1 ?? ""}
                rules={[{ required: true, type: "number", min: 0, max: 100, message: "须为 0—100 的分值" }]}
              >
                <InputNumber {...POINTS} />
              </Form.Item>
            ))}
          </Space>
        )}
      </Form.List>
      <Typography.Paragraph type={total === 100 ? "secondary" : "danger"} data-testid="rules-points-total">
        合计 {total.toFixed(2)} 分{total === 100 ? "" : "，须为 100 分"}
        。每个一级指标的分值按绩效目标表中各三级指标的权重分配。
      </Typography.Paragraph>
      <Typography.Text strong>无“{project?.satisfactionLevel1 ?? "满意度指标"}”时，其分值调入：</Typography.Text>
      <Form.List name={["project", "withoutSatisfaction"]}>
        {(fields) => (
          <Space wrap size={[24, 0]} style={{ marginTop: 8 }}>
            {fields.map((f) => (
              <Form.Item
                key={f.key}
                name={[f.name, "weight"]}
                label={project?.withoutSatisfaction?.[f.name]?.level1 ?? ""}
                rules={[{ required: true, type: "number", min: 0, max: 100, message: "须为 0—100 的分值" }]}
              >
                <InputNumber {...POINTS} />
              </Form.Item>
            ))}
          </Space>
        )}
      </Form.List>
    </Card>
  );
}

/** 执行率计分方法: rate × points, or bands of the rate; and whether a row below full points needs its reasons. */
function MethodCard({ loading }: { loading: boolean }) {
  const editing = useConfigEditing();
  const kind = Form.useWatch(["project", "execution", "kind"], { preserve: true }) as
    | ExecutionMethod["kind"]
    | undefined;
  return (
    <Card title="计分方法" size="small" loading={loading} style={{ marginBottom: 16 }}>
      <Form.Item name={["project", "execution", "kind"]} label="预算执行率计分方法">
        <Radio.Group>
          <Radio value="linear">执行率 × 分值（超过100%按100%计）</Radio>
          <Radio value="bands">按执行率分档计分</Radio>
        </Radio.Group>
      </Form.Item>
      {kind === "bands" && (
        <Form.List
          name={["project", "execution", "bands"]}
          rules={[
            {
              validator: async (_, bands: unknown[] | undefined) => {
                if (!bands || bands.length === 0) throw new Error("至少要有一档");
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((f, n) => (
                <Space key={f.key} align="baseline" wrap>
                  <span>执行率达到</span>
                  <Form.Item
                    name={[f.name, "minRatePercent"]}
                    rules={[{ required: true, type: "number", min: 0, max: 1000, message: "0%—1000%" }]}
                  >
                    <InputNumber min={0} max={1000} precision={2} suffix="%" style={{ width: 110 }} />
                  </Form.Item>
                  <span>得分值的</span>
                  <Form.Item
                    name={[f.name, "percentOfWeight"]}
                    rules={[{ required: true, type: "number", min: 0, max: 100, message: "0%—100%" }]}
                  >
                    <InputNumber min={0} max={100} precision={2} suffix="%" style={{ width: 110 }} />
                  </Form.Item>
                  <RemoveButton what={`第${n + 1}档`} onRemove={() => remove(f.name)} />
                </Space>
              ))}
              <Form.ErrorList errors={errors} />
              {editing && (
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ minRatePercent: 0, percentOfWeight: 0 })}
                >
                  添加一档
                </Button>
              )}
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
                从高到低找执行率达到的第一档；低于最低一档的得 0 分。
              </Typography.Paragraph>
            </>
          )}
        </Form.List>
      )}
      <Form.Item
        name={["project", "requireDeviationNote"]}
        label="未得满分的指标须填写偏差原因分析及改进措施才能提交"
        valuePropName="checked"
        style={{ marginBottom: 0 }}
      >
        <Switch checkedChildren="须填写" unCheckedChildren="不强制" />
      </Form.Item>
    </Card>
  );
}

/** 定性档次: the three tiers of a qualitative indicator, as shares of its points. */
function TiersCard({ loading }: { loading: boolean }) {
  return (
    <Card title="定性指标档次" size="small" loading={loading} style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        定性指标由单位选择达成档次，并在该档次的分值区间内评定得分。三档须从 0% 到 100% 首尾相接。
      </Typography.Paragraph>
      <Form.List name={["project", "tiers"]}>
        {(fields) =>
          fields.map((f) => (
            <Space key={f.key} align="baseline" wrap data-testid="rules-tier">
              <Form.Item
                name={[f.name, "label"]}
                rules={[{ required: true, whitespace: true, message: "请填写档次名称" }]}
              >
                <Input style={{ width: 170 }} maxLength={50} />
              </Form.Item>
              <Form.Item name={[f.name, "minPercent"]} rules={[{ required: true, type: "number", message: "必填" }]}>
                <InputNumber min={0} max={100} suffix="%" style={{ width: 96 }} />
              </Form.Item>
              <span>—</span>
              <Form.Item name={[f.name, "maxPercent"]} rules={[{ required: true, type: "number", message: "必填" }]}>
                <InputNumber min={0} max={100} suffix="%" style={{ width: 96 }} />
              </Form.Item>
              <Typography.Text type="secondary">的分值</Typography.Text>
            </Space>
          ))
        }
      </Form.List>
    </Card>
  );
}

function GradesCard({ loading }: { loading: boolean }) {
  return (
    <Card title="等级与复核" size="small" loading={loading} style={{ marginBottom: 16 }}>
      <Space wrap size={[16, 0]}>
        {GRADES.map((g: Grade) => (
          <Form.Item
            key={g}
            name={["gradeLabels", g]}
            label={GRADE_BANDS[g]}
            rules={[{ required: true, whitespace: true, message: "请填写等级名称" }]}
          >
            <Input style={{ width: 100 }} maxLength={10} />
          </Form.Item>
        ))}
      </Space>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        等级分段为国家规定（含下限、不含上限：89.99 分为第二档），名称可按本地习惯（如 一等/二等/三等/四等）。
      </Typography.Paragraph>
      <Form.Item
        name="overrateThreshold"
        label="自评偏高提示线"
        extra="抽查复核时，自评得分高出复核得分超过此分数的，标为“自评偏高”。"
        rules={[{ required: true, type: "number", min: 0.01, max: 100, message: "须大于 0、不超过 100 分" }]}
        style={{ marginBottom: 0 }}
      >
        <InputNumber min={0.01} max={100} precision={2} suffix="分" style={{ width: 140 }} />
      </Form.Item>
    </Card>
  );
}

/** The parameters of a row's formula that finance may change, inline. */
function FormulaFields({ n, row }: { n: number; row: DeptWideRow }) {
  const at = (...p: (string | number)[]) => ["deptWide", "rows", n, "formula", ...p];
  const f = row.formula;
  const num = (name: (string | number)[], suffix: string, width = 96) => (
    <Form.Item name={name} noStyle rules={[{ required: true, type: "number", message: "必填" }]}>
      <InputNumber size="small" precision={2} suffix={suffix} style={{ width }} />
    </Form.Item>
  );
  switch (f.kind) {
    case "ratio":
      return <Space size={4}>目标值 {num(at("target"), f.unit)}</Space>;
    case "deductPerPoint":
      return (
        <Space size={4} wrap>
          {f.direction === "over" ? "上限" : "下限"} {num(at("limitPercent"), "%")} 每点扣{" "}
          {num(at("perPoint"), "分", 90)}
        </Space>
      );
    case "bands":
      return (
        <Space size={4} wrap>
          {f.bands.map((b, k) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the bands of one row, in order
            <span key={k}>
              {b.min ?? "…"}—{b.max ?? "…"}：{num(at("bands", k, "value"), f.scale === "points" ? "分" : "%", 90)}
            </span>
          ))}
        </Space>
      );
    case "checklist":
      return (
        <Space size={4} wrap>
          {f.items.map((it, k) => (
            <span key={it.key} title={it.text}>
              第{k + 1}项扣 {num(at("items", k, "deduction"), "分", 90)}
            </span>
          ))}
        </Space>
      );
    case "tiers":
      return null;
  }
}

/** 部门整体支出评价表: the template's rows, each with its points, formula in words and scoring standard. */
function DeptTemplateCard({
  loading,
  tiers,
  stored,
}: {
  loading: boolean;
  tiers: TierBand[];
  stored: readonly DeptWideRow[] | undefined;
}) {
  const editing = useConfigEditing();
  const before = new Map((stored ?? []).map((r) => [r.key, r]));
  /** A formula changed while its explanation still tells the unit the old rule. */
  const stale = (r: DeptWideRow) => {
    const old = before.get(r.key);
    return (
      old !== undefined && formulaText(old.formula) !== formulaText(r.formula) && old.explanation === r.explanation
    );
  };
  const rows = (Form.useWatch(["deptWide", "rows"], { preserve: true }) as DeptWideRow[] | undefined) ?? [];
  const total = sum(rows);
  const span1 = rowSpans(rows.map((r) => r.level1));
  const span2 = rowSpans(rows.map((r) => `${r.level1}\u0000${r.level2}`));
  return (
    <Card
      title={`部门整体支出绩效自评表（${rows.length} 项指标）`}
      size="small"
      loading={loading}
      style={{ marginBottom: 16 }}
      extra={
        <Typography.Text type={total === 100 ? "secondary" : "danger"} data-testid="rules-dept-total">
          分值合计 {total.toFixed(2)}
          {total === 100 ? "" : "，须为 100"}
        </Typography.Text>
      }
    >
      <Table<DeptWideRow>
        size="small"
        bordered
        rowKey="key"
        pagination={false}
        dataSource={rows}
        data-testid="rules-dept-rows"
        scroll={{ x: 1000 }}
        columns={[
          { title: "一级", dataIndex: "level1", width: 60, onCell: (_, n) => ({ rowSpan: span1[n ?? 0] ?? 1 }) },
          { title: "二级", dataIndex: "level2", width: 90, onCell: (_, n) => ({ rowSpan: span2[n ?? 0] ?? 1 }) },
          { title: "指标", dataIndex: "name", width: 150 },
          {
            title: "分值",
            key: "weight",
            width: 110,
            render: (_: unknown, _r, n) => (
              <Form.Item
                name={["deptWide", "rows", n, "weight"]}
                noStyle
                rules={[{ required: true, type: "number", min: 0, max: 100, message: "0—100" }]}
              >
                <InputNumber size="small" min={0} max={100} precision={2} style={{ width: 90 }} />
              </Form.Item>
            ),
          },
          {
            title: "计分公式",
            key: "formula",
            render: (_: unknown, r, n) => (
              <>
                <Tag>{FORMULA_KIND_LABELS[r.formula.kind]}</Tag>
                <span style={{ fontSize: 13 }}>{r.source ? SOURCE_LABELS[r.source] : ""}</span>
                <div style={{ fontSize: 13, marginTop: 2 }}>{formulaText(r.formula, tiers)}</div>
                {editing && (
                  <div style={{ marginTop: 4 }}>
                    <FormulaFields n={n} row={r} />
                  </div>
                )}
              </>
            ),
          },
          {
            title: "评分标准（单位填报时看到的说明）",
            key: "explanation",
            width: 300,
            render: (_: unknown, r, n) =>
              editing ? (
                <>
                  <Form.Item name={["deptWide", "rows", n, "explanation"]} noStyle>
                    <Input.TextArea autoSize={{ minRows: 1, maxRows: 5 }} maxLength={1000} />
                  </Form.Item>
                  {stale(r) && (
                    <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="rules-explanation-stale">
                      计分公式已改，请同时修改这段说明，以免单位按旧标准理解
                    </Typography.Text>
                  )}
                </>
              ) : (
                <span style={{ fontSize: 12, color: "rgba(0,0,0,0.65)" }}>{r.explanation}</span>
              ),
          },
        ]}
      />
    </Card>
  );
}

/**
 * 自评评分规则: how a project's 100 points are split and computed, the qualitative tiers, the grade names,
 * the overrating line of the spot-check review, and the department-wide template with each formula in words;
 * the year's versions. Finance edits through the shared configuration page until the year's
 * self-evaluation opens; from then on the rules are frozen (the forms were scored by them).
 */
export default function SelfEvalRulesPage() {
  const { year } = useYear();
  const { can } = useSession();
  const rules = useSelfEvalRules(year);
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const d = rules.data;
  const stored = useMemo(() => (d ? valuesOf(d) : undefined), [d]);
  const manage = can("selfeval.manage");
  const tiers =
    (Form.useWatch(["project", "tiers"], { form, preserve: true }) as TierBand[] | undefined) ?? d?.project.tiers ?? [];

  const changes = useCallback(
    (before: Values, after: Values) => selfEvalRulesChanges(proposalOf(before), proposalOf(after)),
    [],
  );
  const save = async (v: Values, note: string) => {
    const saved = await saveSelfEvalRules(year, { ...proposalOf(v), reason: note });
    await queryClient.invalidateQueries({ queryKey: selfEvalKeys.rules(year) });
    return `已保存为 ${saved.version} 版`;
  };
  const onSaveError = (e: unknown) => {
    const issues = isApiError(e)
      ? ((e.details as { issues?: { field: string; message: string }[] } | undefined)?.issues ?? [])
      : [];
    const placed = issues.map((i) => ({ name: formPath(i.field), errors: [i.message] }));
    form.setFields(placed as Parameters<typeof form.setFields>[0]);
    // A message on a whole list (levels, rows) has no field of its own: it is shown above as well.
    return errorMessage(e);
  };

  if (rules.error && !d) return <PageError error={rules.error} onRetry={() => void rules.refetch()} />;
  const nextVersion = `${year}.${(d?.history.length ?? 0) + 1}`;
  const where = !d
    ? ""
    : d.setForYear === null
      ? "系统默认（财预〔2020〕10号）"
      : d.setForYear === year
        ? `现行 ${d.version} 版`
        : `沿用${d.setForYear}年度 ${d.version} 版`;
  const notice = !d?.locked
    ? "自评评分规则由财政局设定，此处仅供查阅。"
    : d.lockedBy === year
      ? `${year}年度单位自评已开启，自评表已按开启时的评分规则（${d.version} 版）生成分值并计分，规则已冻结，不能再修改；如需调整，请在下一年度开启自评前修改。`
      : `${d.lockedBy}年度单位自评已开启，沿用的是本年度及以前的评分规则，本年度的规则已冻结，不能再修改；如需新规则，请设在${(d.lockedBy ?? year) + 1}年度或以后。`;

  return (
    <ConfigPage<Values>
      title="自评评分规则"
      sub={`${year}年度 · ${where}${d?.locked ? " · 已冻结" : ""}`}
      canEdit={manage && d?.locked === false}
      readOnlyNotice={<span data-testid="rules-notice">{notice}</span>}
      form={form}
      stored={stored}
      loading={rules.isPending}
      nextVersion={nextVersion}
      changes={changes}
      save={save}
      onSaveError={onSaveError}
      saveHint="保存为新版本后，本年度开启单位自评时按新规则生成自评表的分值；开启后规则冻结。旧版本保留备查。"
      footer={<History data={d} year={year} loading={rules.isPending} />}
    >
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <PointsCard loading={rules.isPending} />
          <TiersCard loading={rules.isPending} />
        </Col>
        <Col xs={24} xl={12}>
          <MethodCard loading={rules.isPending} />
          <GradesCard loading={rules.isPending} />
        </Col>
      </Row>
      <DeptTemplateCard loading={rules.isPending} tiers={tiers} stored={stored?.deptWide.rows} />
    </ConfigPage>
  );
}

function History({ data: d, year, loading }: { data: SelfEvalRulesData | undefined; year: number; loading: boolean }) {
  return (
    <Card title={`${year}年度版本记录`} size="small">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        loading={loading}
        dataSource={d?.history ?? []}
        data-testid="rules-history"
        locale={{
          emptyText:
            d?.setForYear && d.setForYear !== year
              ? `本年度未单独设定，沿用${d.setForYear}年度规则`
              : "本年度未单独设定，使用系统默认规则",
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
          { title: "设定时间", dataIndex: "createdAt", width: 170, render: (v: string) => dateTime(v) },
          { title: "设定人", dataIndex: "createdByName", width: 120, render: (v: string | null) => v ?? "系统初始化" },
          { title: "修改说明", dataIndex: "note", render: (v: string | null) => v ?? DASH },
        ]}
      />
    </Card>
  );
}
