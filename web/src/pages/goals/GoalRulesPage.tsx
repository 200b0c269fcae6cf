import { PlusOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Button, Card, Col, Form, Input, InputNumber, Row, Space, Table, Tag, Typography } from "antd";
import { useCallback, useMemo } from "react";
import { goalRulesChanges } from "../../../../src/core/goals/goal-rules-diff";
import { errorMessage, isApiError } from "../../api/client";
import {
  type GoalRulesData,
  type GoalRulesImpact,
  type GoalRulesProposal,
  goalRulesKey,
  previewGoalRules,
  saveGoalRules,
  useGoalRules,
} from "../../api/goals/goal-rules";
import { useSession, useYear } from "../../auth/session";
import { ConfigPage } from "../../components/config/ConfigPage";
import { useConfigEditing } from "../../components/config/context";
import { RemoveButton } from "../../components/config/RemoveButton";
import { TagListInput } from "../../components/config/TagListInput";
import type { ConfigImpact } from "../../components/config/types";
import { goalSeverityLabel } from "../../components/labels";
import { PageError } from "../../components/PageError";
import { count, DASH, dateTime } from "../../format";

interface Values {
  totalWeight: number;
  levels: { level1: string; level2: string[] }[];
  minIndicators: number;
  /** The policy keeps a fraction; the form shows a percentage. */
  maxQualitativePct: number;
  vagueWords: string[];
  inputWords: string[];
  moneyUnits: string[];
  satisfactionWords: string[];
  rateWords: string[];
  processWords: string[];
  multiYearWords: string[];
  expectedBenefits: { sector: string; level2: string[] }[];
}

const valuesOf = (d: GoalRulesData): Values => ({
  totalWeight: d.template.totalWeight,
  levels: d.template.levels.map((l) => ({ level1: l.level1, level2: [...l.level2] })),
  minIndicators: d.policy.minIndicators,
  maxQualitativePct: Math.round(d.policy.maxQualitativeShare * 100),
  vagueWords: d.policy.vagueWords,
  inputWords: d.policy.inputWords,
  moneyUnits: d.policy.moneyUnits,
  satisfactionWords: d.policy.satisfactionWords,
  rateWords: d.policy.rateWords,
  processWords: d.policy.processWords,
  multiYearWords: d.policy.multiYearWords,
  expectedBenefits: d.policy.expectedBenefits.map((e) => ({ sector: e.sector, level2: [...e.level2] })),
});

/** The form's values as the API takes them (names trimmed; the server cleans word lists the same way). */
const proposalOf = (year: number, v: Values): GoalRulesProposal => ({
  fiscalYear: year,
  template: {
    totalWeight: v.totalWeight,
    levels: v.levels.map((l) => ({ level1: (l.level1 ?? "").trim(), level2: l.level2 ?? [] })),
  },
  policy: {
    minIndicators: v.minIndicators,
    maxQualitativeShare: v.maxQualitativePct / 100,
    vagueWords: v.vagueWords ?? [],
    inputWords: v.inputWords ?? [],
    moneyUnits: v.moneyUnits ?? [],
    satisfactionWords: v.satisfactionWords ?? [],
    rateWords: v.rateWords ?? [],
    processWords: v.processWords ?? [],
    multiYearWords: v.multiYearWords ?? [],
    expectedBenefits: (v.expectedBenefits ?? []).map((e) => ({
      sector: (e.sector ?? "").trim(),
      level2: e.level2 ?? [],
    })),
  },
});

/** "template.levels.1.level2.0" (the server's field) → the form's name path. */
function formPath(field: string): (string | number)[] | null {
  const parts = field.replace(/^body\./, "").split(".");
  const n = (s: string | undefined) => Number(s);
  if (parts[0] === "template" && parts[1] === "totalWeight") return ["totalWeight"];
  if (parts[0] === "template" && parts[1] === "levels")
    return parts[2] === undefined ? ["levels"] : ["levels", n(parts[2]), parts[3] === "level1" ? "level1" : "level2"];
  if (parts[0] === "policy" && parts[1] === "maxQualitativeShare") return ["maxQualitativePct"];
  if (parts[0] === "policy" && parts[1] === "expectedBenefits")
    return parts[2] === undefined ? ["expectedBenefits"] : ["expectedBenefits", n(parts[2]), parts[3] ?? "level2"];
  if (parts[0] === "policy" && parts[1]) return [parts[1]];
  return null;
}

const WORD_LISTS: { name: keyof Values & `${string}${"Words" | "Units"}`; label: string; help: string }[] = [
  { name: "vagueWords", label: "模糊表述用语", help: "指标值或名称含这些词时提示“表述模糊”，如“进一步”“有所提高”" },
  { name: "inputWords", label: "投入类用语", help: "产出指标名称含这些词时提示“以投入代替产出”，如“资金”“经费”" },
  { name: "moneyUnits", label: "金额单位", help: "产出指标以这些单位计量时视为投入，如“万元”" },
  {
    name: "satisfactionWords",
    label: "满意度用语",
    help: "满意度指标以外的指标名称含这些词时提示“满意度指标放错位置”",
  },
  {
    name: "rateWords",
    label: "比率类词尾",
    help: "数量指标或成本指标名称以这些词结尾时提示“以比率代替数量/金额”，如“覆盖率”“占比”",
  },
  {
    name: "processWords",
    label: "预算执行类用语",
    help: "产出指标名称含这些词时提示“以预算执行过程代替产出”，如“拨付率”“执行率”",
  },
  {
    name: "multiYearWords",
    label: "多年目标用语",
    help: "年度目标或指标含这些词（或提到以后年度）时提示“年度目标写成多年目标”，如“三年内”“十四五期间”",
  },
];

/** The server's 试算 as the save dialog shows it. */
function impactOf(r: GoalRulesImpact): ConfigImpact {
  const blocked = r.tablesNewlyBlocked > 0 ? `，其中 ${count(r.tablesNewlyBlocked)} 张原无错误的将不能按原样提交` : "";
  const headline =
    r.tablesGainingFindings > 0
      ? `保存后 ${count(r.tablesGainingFindings)} 张目标表将新增审核问题${blocked}`
      : r.tablesLosingFindings > 0
        ? `没有目标表新增审核问题；${count(r.tablesLosingFindings)} 张的部分问题将不再提示`
        : "对本年度现行目标表的审核结果没有影响";
  return {
    headline,
    tone: r.tablesGainingFindings > 0 ? "warning" : r.tablesLosingFindings > 0 ? "success" : "info",
    scope: `按本年度现行目标表 ${count(r.tables)} 张试算（对比现行 ${r.rulesVersion} 版）。已批复的表不会退回，新问题在智能审核中列出。`,
    figures: [
      { label: "错误（处）", before: r.before.errors, after: r.after.errors, moreIsWorse: true },
      { label: "警告（处）", before: r.before.warnings, after: r.after.warnings, moreIsWorse: true },
      {
        label: "有错误的目标表（张）",
        before: r.before.tablesWithErrors,
        after: r.after.tablesWithErrors,
        moreIsWorse: true,
      },
      {
        label: "有警告的目标表（张）",
        before: r.before.tablesWithWarnings,
        after: r.after.tablesWithWarnings,
        moreIsWorse: true,
      },
    ],
    detail: {
      title: "按规则（处）",
      rows: r.byRule.map((b) => ({
        key: b.code,
        label: b.title,
        tag: goalSeverityLabel(b.severity),
        before: b.before,
        after: b.after,
        moreIsWorse: true,
      })),
    },
  };
}

/** The level-1 rows of the framework, each with its level-2 names. */
function Levels({ stored }: { stored: Values | undefined }) {
  const editing = useConfigEditing();
  const form = Form.useFormInstance<Values>();
  return (
    <Form.List
      name="levels"
      rules={[
        {
          validator: async (_, levels: Values["levels"] | undefined) => {
            if (!levels || levels.length === 0) throw new Error("至少要有一个一级指标");
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, i) => {
            const level1: string = form.getFieldValue(["levels", field.name, "level1"]) ?? "";
            const storedLevel2 = stored?.levels.find((l) => l.level1 === level1.trim())?.level2;
            return (
              <Row key={field.key} gutter={8} align="top" wrap={false} data-testid={`rules-level-${i}`}>
                <Col flex="180px">
                  <Form.Item
                    name={[field.name, "level1"]}
                    label={i === 0 ? "一级指标" : undefined}
                    rules={[
                      { required: true, whitespace: true, message: "请填写一级指标名称" },
                      { max: 20, message: "不超过 20 个字" },
                      {
                        validator: async (_, value: string | undefined) => {
                          const all = (form.getFieldValue("levels") as Values["levels"]) ?? [];
                          const same = all.filter((l) => l?.level1?.trim() === value?.trim()).length;
                          if (value?.trim() && same > 1) throw new Error(`“${value.trim()}”重复`);
                        },
                      },
                    ]}
                  >
                    <Input
                      placeholder="如 产出指标"
                      onChange={() => {
                        // A repeat fixed on another row clears this row's message as well.
                        const flagged = fields
                          .filter((f) => f.name !== field.name)
                          .map((f): ["levels", number, "level1"] => ["levels", f.name, "level1"])
                          .filter((path) => form.getFieldError(path).length > 0);
                        if (flagged.length > 0) setTimeout(() => void form.validateFields(flagged).catch(() => {}), 0);
                      }}
                    />
                  </Form.Item>
                </Col>
                <Col flex="auto" style={{ minWidth: 0 }}>
                  <Form.Item
                    name={[field.name, "level2"]}
                    label={i === 0 ? "二级指标" : undefined}
                    rules={[{ required: true, type: "array", min: 1, message: "至少要有一个二级指标" }]}
                  >
                    <TagListInput
                      what="二级指标"
                      maxLength={30}
                      placeholder="输入二级指标名称后回车"
                      stored={storedLevel2}
                    />
                  </Form.Item>
                </Col>
                {editing && (
                  <Col flex="32px">
                    <Form.Item label={i === 0 ? " " : undefined}>
                      <RemoveButton
                        what={`一级指标“${level1 || `第${i + 1}个`}”`}
                        onRemove={() => remove(field.name)}
                      />
                    </Form.Item>
                  </Col>
                )}
              </Row>
            );
          })}
          <Form.ErrorList errors={errors} />
          {editing && (
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ level1: "", level2: [] })}>
              添加一级指标
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
}

/** 各行业应有的效益指标: one row per sector, the row with a blank sector for every sector not listed. */
function ExpectedBenefits({ stored }: { stored: Values | undefined }) {
  const editing = useConfigEditing();
  return (
    <Form.Item
      label="各行业应有的效益指标"
      extra="目标表的效益指标下缺少所列二级指标时提示“缺少应有的效益指标”；行业留空的一行适用于未列出的行业。"
    >
      <Form.List name="expectedBenefits">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, i) => (
              <Row key={field.key} gutter={8} wrap={false}>
                <Col flex="120px">
                  <Form.Item name={[field.name, "sector"]} style={{ marginBottom: 8 }}>
                    <Input placeholder="未列出的行业" maxLength={40} aria-label={`第${i + 1}行行业`} />
                  </Form.Item>
                </Col>
                <Col flex="auto">
                  <Form.Item name={[field.name, "level2"]} style={{ marginBottom: 8 }}>
                    <TagListInput
                      what="二级指标"
                      maxLength={30}
                      placeholder="输入二级指标名称后回车"
                      stored={stored?.expectedBenefits[i]?.level2}
                    />
                  </Form.Item>
                </Col>
                {editing && (
                  <Col flex="32px">
                    <RemoveButton what={`第${i + 1}行`} onRemove={() => remove(field.name)} />
                  </Col>
                )}
              </Row>
            ))}
            {editing && (
              <Button
                type="dashed"
                size="small"
                icon={<PlusOutlined />}
                onClick={() => add({ sector: "", level2: [] })}
              >
                添加行业
              </Button>
            )}
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}

/**
 * 指标体系与审核规则: the year's level-1/level-2 indicator framework and the thresholds and word lists
 * of the quality checks. Read first; finance edits through the shared configuration page (编辑 →
 * 修改明细, 试算 and 修改说明 → a new version).
 */
export default function GoalRulesPage() {
  const { year } = useYear();
  const { can } = useSession();
  const editable = can("goal.configure");
  const rules = useGoalRules(year);
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const d = rules.data;
  const stored = useMemo(() => (d ? valuesOf(d) : undefined), [d]);

  const changes = useCallback(
    (before: Values, after: Values) => {
      const b = proposalOf(year, before);
      const a = proposalOf(year, after);
      return goalRulesChanges(b, a);
    },
    [year],
  );
  const impact = useCallback(async (v: Values) => impactOf(await previewGoalRules(proposalOf(year, v))), [year]);
  const impactKey = useMemo(() => ["goal-rules", year] as const, [year]);

  const save = async (v: Values, note: string) => {
    const saved = await saveGoalRules({ ...proposalOf(year, v), reason: note });
    await queryClient.invalidateQueries({ queryKey: goalRulesKey(year) });
    void queryClient.invalidateQueries({ queryKey: ["goal-lint"] });
    return `已保存为 ${saved.version} 版`;
  };

  const onSaveError = (e: unknown) => {
    const issues = isApiError(e)
      ? ((e.details as { issues?: { field: string; message: string }[] } | undefined)?.issues ?? [])
      : [];
    const placed = issues.flatMap((i) => {
      const name = formPath(i.field);
      return name ? [{ name, errors: [i.message] }] : [];
    });
    form.setFields(placed as Parameters<typeof form.setFields>[0]);
    return placed.length === issues.length && placed.length > 0 ? null : errorMessage(e);
  };

  if (rules.error && !d) return <PageError error={rules.error} onRetry={() => void rules.refetch()} />;
  const nextVersion = `${year}.${(d?.history.length ?? 0) + 1}`;
  const where = !d
    ? ""
    : d.id === null
      ? "系统默认（财预〔2020〕10号）"
      : d.setForYear === year
        ? `现行 ${d.version} 版`
        : `沿用${d.setForYear}年度 ${d.version} 版`;

  return (
    <ConfigPage<Values>
      title="指标体系与审核规则"
      sub={`${year}年度 · ${where}`}
      canEdit={editable}
      readOnlyNotice="指标体系和审核规则由财政局设定，此处仅供查阅。"
      form={form}
      stored={stored}
      loading={rules.isPending}
      nextVersion={nextVersion}
      changes={changes}
      impact={impact}
      impactKey={impactKey}
      save={save}
      onSaveError={onSaveError}
      saveHint="保存后，本年度全部目标表（含已批复的）按新的指标体系和规则审核；旧版本保留备查。"
      footer={<History data={d} year={year} loading={rules.isPending} />}
    >
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card
            title="指标体系（一级、二级指标）"
            size="small"
            loading={rules.isPending}
            style={{ marginBottom: 16 }}
            extra={<Typography.Text type="secondary">三级指标由单位填报时在二级指标下设置</Typography.Text>}
          >
            <Levels stored={stored} />
            <Form.Item
              name="totalWeight"
              label="权重合计（分）"
              style={{ marginTop: 16, marginBottom: 0 }}
              rules={[{ required: true, type: "number", min: 1, max: 1000, message: "须为 1–1000 的分值" }]}
              extra="各三级指标权重之和须等于此分值，否则不能提交。"
            >
              <InputNumber min={1} max={1000} style={{ width: 140 }} />
            </Form.Item>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title="智能审核规则" size="small" loading={rules.isPending} style={{ marginBottom: 16 }}>
            <Space size={24} wrap>
              <Form.Item
                name="minIndicators"
                label="最少三级指标数"
                rules={[{ required: true, type: "integer", min: 1, max: 50, message: "须为 1–50 的整数" }]}
              >
                <InputNumber min={1} max={50} precision={0} style={{ width: 120 }} />
              </Form.Item>
              <Form.Item
                name="maxQualitativePct"
                label="定性指标占比上限"
                rules={[{ required: true, type: "number", min: 1, max: 100, message: "须为 1%–100%" }]}
              >
                <InputNumber min={1} max={100} precision={0} suffix="%" style={{ width: 120 }} />
              </Form.Item>
            </Space>
            {WORD_LISTS.map((w) => (
              <Form.Item key={w.name} name={w.name} label={w.label} extra={w.help}>
                <TagListInput what={w.label} maxLength={20} stored={stored?.[w.name]} />
              </Form.Item>
            ))}
            <ExpectedBenefits stored={stored} />
          </Card>
        </Col>
      </Row>
    </ConfigPage>
  );
}

function History({ data: d, year, loading }: { data: GoalRulesData | undefined; year: number; loading: boolean }) {
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
                {v === d?.version && <Tag color="green">现行</Tag>}
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
