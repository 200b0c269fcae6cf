import { PlusOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  AutoComplete,
  Button,
  Card,
  Col,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Row,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useCallback, useEffect, useMemo } from "react";
import {
  EVAL_LEVEL1,
  EVAL_LEVEL1_LABELS,
  type EvalLevel1,
  type EvaluationFramework,
  type FrameworkRow,
  levelTotals,
  validateFramework,
} from "../../../../src/core/evaluations/framework";
import { evaluationFrameworkChanges } from "../../../../src/core/evaluations/framework-changes";
import { fenToWanExact, parseWan } from "../../../../src/core/money";
import { pointsText } from "../../../../src/core/selfeval/grade";
import { isApiError } from "../../api/client";
import {
  type EvaluationFrameworkData,
  frameworkKey,
  saveEvaluationFramework,
  useEvaluationFramework,
} from "../../api/evaluations/framework";
import { useSession, useYear } from "../../auth/session";
import { ConfigPage } from "../../components/config/ConfigPage";
import { useConfigEditing } from "../../components/config/context";
import { RemoveButton } from "../../components/config/RemoveButton";
import { PageError } from "../../components/PageError";
import { useIsPhone } from "../../components/phone/useIsPhone";
import { rowSpans } from "../../components/print/spans";
import { DASH, dateTime } from "../../format";

/** The form's values: the framework, the key-project threshold as typed in 万元. */
interface Values extends Omit<EvaluationFramework, "keyProjectThresholdFen"> {
  thresholdWan: string;
}

const valuesOf = (d: EvaluationFrameworkData): Values =>
  structuredClone({
    rows: d.rows,
    conflictYears: d.conflictYears,
    minProjectsPerDepartment: d.minProjectsPerDepartment,
    keyProjectCycleYears: d.keyProjectCycleYears,
    thresholdWan: fenToWanExact(d.keyProjectThresholdFen),
  });

const frameworkOf = (v: Values): EvaluationFramework => ({
  rows: (v.rows ?? []).map((r) => ({ ...r, points: r.points ?? 0 })),
  conflictYears: v.conflictYears,
  minProjectsPerDepartment: v.minProjectsPerDepartment,
  keyProjectCycleYears: v.keyProjectCycleYears,
  keyProjectThresholdFen: parseWan(v.thresholdWan ?? "") ?? -1,
});

/** "rows.3.points" (the server's field) → the form's name path; "thresholdFen" → the 万元 field. */
const formPath = (field: string): (string | number)[] =>
  field === "keyProjectThresholdFen"
    ? ["thresholdWan"]
    : field.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p));

const KEY_PREFIX: Record<EvalLevel1, string> = { decision: "D", process: "P", output: "O", benefit: "B" };

/** A key for a new row of a level 1 (D7, O5 …) that no row has. */
function newUid(rows: readonly FrameworkRow[], level1: EvalLevel1): string {
  const used = new Set(rows.map((r) => r.uid));
  const prefix = KEY_PREFIX[level1];
  let n = rows.filter((r) => r.uid.startsWith(prefix)).length + 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/** The rule a save must meet, live: 100 points in all, 产出 + 效益 at least 60. */
function TotalsCard({ rows }: { rows: readonly FrameworkRow[] }) {
  const { by, total } = levelTotals(rows.map((r) => ({ level1: r.level1, points: r.points ?? 0 })));
  const ob = by.output + by.benefit;
  const totalOk = total === 10000n;
  const obOk = ob >= 6000n;
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="framework-totals">
      <Space wrap size={[24, 8]} align="baseline">
        {EVAL_LEVEL1.map((l) => (
          <span key={l}>
            {EVAL_LEVEL1_LABELS[l]} <b className="jx-num">{pointsText(by[l])}</b> 分
          </span>
        ))}
        <Typography.Text type={totalOk ? "success" : "danger"} data-testid="framework-total">
          合计 <b className="jx-num">{pointsText(total)}</b> 分{totalOk ? " ✓" : "，须为 100 分"}
        </Typography.Text>
        <Typography.Text type={obOk ? "success" : "danger"} data-testid="framework-output-benefit">
          产出 + 效益 <b className="jx-num">{pointsText(ob)}</b> 分{obOk ? " ✓" : "，不得低于 60 分"}
        </Typography.Text>
      </Space>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: "8px 0 0" }}>
        规则：各指标分值合计 100 分，产出和效益两项一级指标合计不低于 60
        分。新建的评价按创建时的版本复制指标和分值，以后修改不影响已建的评价。
      </Typography.Paragraph>
    </Card>
  );
}

/** A row of a level's table: the indicator and its place in the form's list. */
type Item = { r: FrameworkRow; index: number };

/** One level 1 (决策 …) with its indicators: 二级, 三级, 分值, 评分标准; rows added and removed while editing. */
function LevelCard({
  level1,
  rows,
  add,
  remove,
}: {
  level1: EvalLevel1;
  rows: readonly FrameworkRow[];
  add: (row: FrameworkRow, at: number) => void;
  remove: (index: number) => void;
}) {
  const editing = useConfigEditing();
  // Read on a phone, 二级 goes above the name so that the points stay on the screen.
  const compact = useIsPhone() && !editing;
  const mine = rows.map((r, index) => ({ r, index })).filter((x) => x.r.level1 === level1);
  const { by } = levelTotals(mine.map((x) => ({ level1, points: x.r.points ?? 0 })));
  const level2s = [...new Set(mine.map((x) => x.r.level2).filter((s) => s))];
  const span2 = rowSpans(mine.map((x) => x.r.level2));
  const label = EVAL_LEVEL1_LABELS[level1];
  const addRow = () => {
    const last = mine.at(-1);
    add(
      { uid: newUid(rows, level1), level1, level2: last?.r.level2 ?? "", name: "", points: 1, standard: "" },
      last ? last.index + 1 : rows.length,
    );
  };
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid={`framework-level-${level1}`}
      title={`${label}（${mine.length} 项指标）`}
      extra={
        <span data-testid={`framework-level-total-${level1}`}>
          小计 <b className="jx-num">{pointsText(by[level1])}</b> 分
        </span>
      }
    >
      <Table<Item>
        size="small"
        bordered
        rowKey={(x) => x.r.uid}
        pagination={false}
        dataSource={mine}
        scroll={{ x: compact ? 480 : 860 }}
        locale={{ emptyText: `“${label}”下还没有指标` }}
        columns={[
          ...(compact
            ? []
            : [
                {
                  title: "二级指标",
                  key: "level2",
                  width: 150,
                  onCell: (_: Item, n?: number) => ({ rowSpan: editing ? 1 : (span2[n ?? 0] ?? 1) }),
                  render: (_: unknown, { r, index }: Item) =>
                    editing ? (
                      <Form.Item
                        name={[index, "level2"]}
                        style={{ marginBottom: 0 }}
                        rules={[{ required: true, whitespace: true, message: "请填写二级指标" }]}
                      >
                        <AutoComplete
                          size="small"
                          options={level2s.map((v) => ({ value: v }))}
                          aria-label={`${label}第${mine.findIndex((x) => x.index === index) + 1}项的二级指标`}
                          maxLength={50}
                        />
                      </Form.Item>
                    ) : (
                      r.level2
                    ),
                },
              ]),
          {
            title: compact ? "指标" : "三级指标",
            key: "name",
            width: 170,
            render: (_, { r, index }) =>
              editing ? (
                <Form.Item
                  name={[index, "name"]}
                  style={{ marginBottom: 0 }}
                  rules={[{ required: true, whitespace: true, message: "请填写三级指标" }]}
                >
                  <Input size="small" maxLength={100} aria-label={`第${index + 1}行三级指标`} />
                </Form.Item>
              ) : compact ? (
                <>
                  <div style={{ fontSize: 12, color: "rgba(0,0,0,0.55)" }}>{r.level2}</div>
                  {r.name}
                </>
              ) : (
                r.name
              ),
          },
          {
            title: "分值",
            key: "points",
            width: 120,
            render: (_, { index }) => (
              <Form.Item
                name={[index, "points"]}
                style={{ marginBottom: 0 }}
                rules={[{ required: true, type: "number", min: 0.01, max: 100, message: "0.01—100 分" }]}
              >
                <InputNumber
                  size="small"
                  min={0}
                  max={100}
                  precision={2}
                  style={{ width: 96 }}
                  aria-label={`第${index + 1}行分值`}
                  data-testid={`framework-points-${index}`}
                />
              </Form.Item>
            ),
          },
          {
            title: "评分标准",
            key: "standard",
            render: (_, { r, index }) =>
              editing ? (
                <Form.Item name={[index, "standard"]} style={{ marginBottom: 0 }}>
                  <Input.TextArea
                    autoSize={{ minRows: 1, maxRows: 4 }}
                    maxLength={1000}
                    aria-label={`第${index + 1}行评分标准`}
                  />
                </Form.Item>
              ) : (
                <span style={{ fontSize: 13, color: "rgba(0,0,0,0.75)" }}>{r.standard || DASH}</span>
              ),
          },
          ...(editing
            ? [
                {
                  title: "",
                  key: "remove",
                  width: 48,
                  render: (_: unknown, { r, index }: { r: FrameworkRow; index: number }) => (
                    <RemoveButton what={`指标“${r.name || `第${index + 1}行`}”`} onRemove={() => remove(index)} />
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && (
        <Button
          type="dashed"
          size="small"
          icon={<PlusOutlined />}
          onClick={addRow}
          style={{ marginTop: 8 }}
          data-testid={`framework-add-${level1}`}
        >
          在“{label}”下添加指标
        </Button>
      )}
    </Card>
  );
}

/** The rows, by level 1, with the whole's checks (validateFramework) shown under them when a save is tried. */
function RowsSection({ form, loading }: { form: FormInstance<Values>; loading: boolean }) {
  const watched = Form.useWatch("rows", { form, preserve: true }) as FrameworkRow[] | undefined;
  const rows = watched ?? [];
  // A refusal of the whole (100 points, 产出 + 效益 ≥ 60) follows the edits once shown, rather than staying stale.
  useEffect(() => {
    if (watched && form.getFieldError("rows").length > 0) void form.validateFields([["rows"]]).catch(() => undefined);
  }, [watched, form]);
  return (
    <>
      <TotalsCard rows={rows} />
      {loading && <Card size="small" loading style={{ marginBottom: 16 }} />}
      <Form.List
        name="rows"
        rules={[
          {
            // The whole's rules (100 points, 产出 + 效益 ≥ 60, each level 1 used), as the server checks them.
            validator: async (_, value: FrameworkRow[] | undefined) => {
              const issues = validateFramework({
                ...frameworkOf(form.getFieldsValue(true) as Values),
                rows: (value ?? []).map((r) => ({ ...r, points: r?.points ?? 0 })),
              }).filter((i) => i.field === "rows");
              if (issues.length > 0) throw new Error(issues.map((i) => i.message).join("；"));
            },
          },
        ]}
      >
        {(_fields, { add, remove }, { errors }) => (
          <>
            {errors.length > 0 && (
              <Alert
                type="error"
                showIcon
                style={{ marginBottom: 16 }}
                data-testid="framework-errors"
                title={
                  <>
                    不能保存：
                    {errors.map((e, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: the messages of one check, in order
                      <div key={i}>{e}</div>
                    ))}
                  </>
                }
              />
            )}
            {!loading && EVAL_LEVEL1.map((l) => <LevelCard key={l} level1={l} rows={rows} add={add} remove={remove} />)}
          </>
        )}
      </Form.List>
    </>
  );
}

/** 回避年限 and the year's requirement of department and key evaluations. */
function PolicyCard({ loading }: { loading: boolean }) {
  const int = (min: number, max: number, message: string) => [
    { required: true, type: "number" as const, min, max, message },
  ];
  return (
    <Card title="回避与评价要求" size="small" loading={loading} style={{ marginBottom: 16 }}>
      <Row gutter={16}>
        <Col xs={24} md={12} xl={6}>
          <Form.Item
            name="conflictYears"
            label="回避年限（年）"
            extra="专家或机构近 N 年内评价过、咨询过的单位，其项目须回避（含当年）。"
            rules={int(0, 10, "须为 0—10 的整数")}
          >
            <InputNumber min={0} max={10} precision={0} style={{ width: 140 }} data-testid="framework-conflict-years" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item
            name="minProjectsPerDepartment"
            label="每个部门至少评价项目数"
            extra="部门评价的年度要求；项目数少于此数的部门，全部评价即达标。"
            rules={int(0, 50, "须为 0—50 的整数")}
          >
            <InputNumber min={0} max={50} precision={0} suffix="个" style={{ width: 140 }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item
            name="keyProjectCycleYears"
            label="重点项目评价周期（年）"
            extra="重点项目在此年数内至少评价一次。"
            rules={int(1, 10, "须为 1—10 的整数")}
          >
            <InputNumber min={1} max={10} precision={0} style={{ width: 140 }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item
            name="thresholdWan"
            label="重点项目金额标准（万元）"
            extra="全年预算数达到此金额的项目为重点项目。"
            rules={[
              {
                validator: async (_, v: string | undefined) => {
                  if (parseWan(v ?? "") === null)
                    throw new Error("请填写金额（万元），最多六位小数，如 500 或 1336.64");
                },
              },
            ]}
          >
            <Input suffix="万元" style={{ width: 180 }} maxLength={20} data-testid="framework-threshold" />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}

/**
 * 评价指标体系: the framework of department and key evaluations (决策 / 过程 / 产出 / 效益 with their level-2
 * and level-3 indicators, points and 评分标准), 回避年限 and the year's evaluation requirement; the year's
 * versions. Finance edits through the shared configuration page; everyone else reads.
 */
export default function EvaluationFrameworkPage() {
  const { year } = useYear();
  const { can } = useSession();
  const framework = useEvaluationFramework(year);
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const d = framework.data;
  const stored = useMemo(() => (d ? valuesOf(d) : undefined), [d]);
  const changes = useCallback(
    (before: Values, after: Values) => evaluationFrameworkChanges(frameworkOf(before), frameworkOf(after)),
    [],
  );
  const save = async (v: Values, note: string) => {
    const saved = await saveEvaluationFramework(year, { ...frameworkOf(v), reason: note });
    await queryClient.invalidateQueries({ queryKey: frameworkKey(year) });
    return `已保存为 ${saved.version} 版`;
  };
  const onSaveError = (e: unknown) => {
    const issues = isApiError(e)
      ? ((e.details as { issues?: { field: string; message: string }[] } | undefined)?.issues ?? [])
      : [];
    const placed = issues.filter((i) => i.field !== "rows");
    form.setFields(
      placed.map((i) => ({ name: formPath(i.field), errors: [i.message] })) as Parameters<typeof form.setFields>[0],
    );
    if (issues.length === 0) return isApiError(e) ? e.message : "保存失败，请稍后重试";
    // The whole's rules have no field of their own; the rows' own issues are marked in the table too.
    return `未保存：${issues.map((i) => i.message).join("；")}`;
  };

  if (framework.error && !d) return <PageError error={framework.error} onRetry={() => void framework.refetch()} />;
  const where = !d
    ? ""
    : d.setForYear === null
      ? "系统默认"
      : d.setForYear === year
        ? `现行 ${d.version} 版`
        : `沿用${d.setForYear}年度 ${d.version} 版`;
  return (
    <ConfigPage<Values>
      title="评价指标体系"
      sub={`${year}年度 · ${where}`}
      canEdit={can("evaluation.manage")}
      readOnlyNotice="评价指标体系由财政局设定，此处仅供查阅。部门评价和财政重点评价按创建时的版本打分。"
      form={form}
      stored={stored}
      loading={framework.isPending}
      nextVersion={`${year}.${(d?.history.length ?? 0) + 1}`}
      changes={changes}
      save={save}
      onSaveError={onSaveError}
      saveHint="保存为新版本后，本年度新建的部门评价和重点评价按新版本打分；已建的评价保留原版本的指标和分值。旧版本保留备查。"
      footer={<History data={d} year={year} loading={framework.isPending} />}
    >
      <RowsSection form={form} loading={framework.isPending} />
      <PolicyCard loading={framework.isPending} />
    </ConfigPage>
  );
}

function History({
  data: d,
  year,
  loading,
}: {
  data: EvaluationFrameworkData | undefined;
  year: number;
  loading: boolean;
}) {
  return (
    <Card title={`${year}年度版本记录`} size="small">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        loading={loading}
        dataSource={d?.history ?? []}
        data-testid="framework-history"
        scroll={{ x: 560 }}
        locale={{
          emptyText:
            d?.setForYear && d.setForYear !== year
              ? `本年度未单独设定，沿用${d.setForYear}年度的指标体系`
              : "本年度未单独设定，使用系统默认的指标体系（决策15、过程20、产出35、效益30）",
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
