import { useQueryClient } from "@tanstack/react-query";
import { Alert, Card, Col, Form, InputNumber, Radio, Row, Space, Table, Tag, Typography } from "antd";
import { useCallback, useMemo } from "react";
import { monitoringRulesChanges, monitoringRulesHints } from "../../../../src/core/monitoring/rules";
import { errorMessage, isApiError } from "../../api/client";
import {
  type MonitoringRules,
  type MonitoringRulesImpact,
  monitoringKeys,
  previewMonitoringRules,
  saveMonitoringRules,
  useMonitoringRules,
} from "../../api/monitoring/monitoring";
import { useSession, useYear } from "../../auth/session";
import { ConfigPage } from "../../components/config/ConfigPage";
import { TagListInput } from "../../components/config/TagListInput";
import type { ConfigImpact } from "../../components/config/types";
import { lightLabel } from "../../components/monitoring/codes";
import { PageError } from "../../components/PageError";
import { count, DASH, dateTime } from "../../format";

interface Values {
  redGapPoints: number;
  possibleMakesYellow: boolean;
  causeCategories: string[];
}

const valuesOf = (d: MonitoringRules): Values => ({
  redGapPoints: d.redGapPoints,
  possibleMakesYellow: d.possibleMakesYellow,
  causeCategories: [...d.causeCategories],
});

const proposalOf = (v: Values) => ({
  redGapPoints: v.redGapPoints,
  possibleMakesYellow: v.possibleMakesYellow,
  causeCategories: (v.causeCategories ?? []).map((c) => c.trim()),
});

const LIGHTS = ["green", "yellow", "red"] as const;

/** The server's 试算 as the save dialog shows it. */
function impactOf(r: MonitoringRulesImpact): ConfigImpact {
  const changed = r.changed.length;
  const worse = r.changed.filter((c) => rank(c.after) > rank(c.before)).length;
  const headline =
    r.reports === 0
      ? "本年度尚无监控表，保存对已有监控结果没有影响"
      : changed === 0
        ? "对本年度已有监控表的亮灯没有影响"
        : `保存后 ${count(changed)} 份监控表的预警灯改变${worse > 0 ? `，其中 ${count(worse)} 份变得更严重` : ""}`;
  return {
    headline,
    tone: worse > 0 ? "warning" : changed > 0 ? "success" : "info",
    scope: `按本年度全部监控表 ${count(r.reports)} 份试算（对比现行 ${r.rulesVersion} 版）。${examples(r)}`,
    figures: LIGHTS.map((l) => ({
      label: `${lightLabel(l)}（份）`,
      before: r.before[l] ?? 0,
      after: r.after[l] ?? 0,
      moreIsWorse: l !== "green",
    })),
  };
}
/** A few of the reports whose light changes, by name. */
function examples(r: MonitoringRulesImpact): string {
  if (r.changed.length === 0) return "";
  const shown = r.changed
    .slice(0, 5)
    .map((c) => `${c.name}（${lightLabel(c.before)}→${lightLabel(c.after)}）`)
    .join("、");
  return `亮灯改变的如：${shown}${r.changed.length > 5 ? " 等" : ""}。`;
}

/** green 0 < yellow 1 < red 2 (不适用 counts as green). */
const rank = (l: string) => (l === "red" ? 2 : l === "yellow" ? 1 : 0);

/** "causeCategories.2" (the server's field) → the form's name path. */
const formPath = (field: string): string[] | null => {
  const top = field.replace(/^body\./, "").split(".")[0] ?? "";
  return ["redGapPoints", "possibleMakesYellow", "causeCategories"].includes(top) ? [top] : null;
};

/**
 * 预警规则: the year's warning rules of monitoring (the red-light threshold X, whether 有可能 lights
 * yellow) and the categories of causes of deviation, versioned. Finance edits through the shared
 * configuration page (编辑 → 修改明细, 试算 and 修改说明 → a new version).
 */
export default function MonitoringRulesPage() {
  const { year } = useYear();
  const { can } = useSession();
  const rules = useMonitoringRules(year);
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const d = rules.data;
  const stored = useMemo(() => (d ? valuesOf(d) : undefined), [d]);
  const watched = Form.useWatch([], form) as Values | undefined;
  const x = watched?.redGapPoints ?? d?.redGapPoints;
  const hints = watched?.causeCategories ? monitoringRulesHints({ causeCategories: watched.causeCategories }) : [];

  const changes = useCallback(
    (before: Values, after: Values) => monitoringRulesChanges(proposalOf(before), proposalOf(after)),
    [],
  );
  const impact = useCallback(async (v: Values) => impactOf(await previewMonitoringRules(year, proposalOf(v))), [year]);
  const impactKey = useMemo(() => ["monitoring-rules", year] as const, [year]);

  const save = async (v: Values, note: string) => {
    const saved = await saveMonitoringRules(year, { ...proposalOf(v), reason: note });
    await queryClient.invalidateQueries({ queryKey: monitoringKeys.rules(year) });
    void queryClient.invalidateQueries({ queryKey: monitoringKeys.all });
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
    : d.setForYear === null
      ? "系统默认"
      : d.setForYear === year
        ? `现行 ${d.version} 版`
        : `沿用${d.setForYear}年度 ${d.version} 版`;

  return (
    <ConfigPage<Values>
      title="预警规则"
      sub={`${year}年度 · ${where}`}
      canEdit={can("monitoring.manage")}
      readOnlyNotice="监控预警规则由财政局设定，此处仅供查阅。"
      form={form}
      stored={stored}
      loading={rules.isPending}
      nextVersion={nextVersion}
      changes={changes}
      impact={impact}
      impactKey={impactKey}
      save={save}
      onSaveError={onSaveError}
      saveHint="保存后，本年度全部监控表（含已提交、已审核的）按新规则重新亮灯；旧版本保留备查。"
      footer={<History data={d} year={year} loading={rules.isPending} />}
    >
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card title="预警灯" size="small" loading={rules.isPending} style={{ marginBottom: 16 }}>
            <Typography.Paragraph type="secondary">
              时间进度 = 截止月份 N ÷ 12；差距 = 执行率 − 时间进度。差距 ≥ 0 为绿灯；落后不足 X 个百分点为黄灯；落后 X
              个百分点及以上，或任一指标“完全不可能”完成，为红灯。
            </Typography.Paragraph>
            <Form.Item
              name="redGapPoints"
              label="红灯阈值 X（百分点）"
              extra={
                x
                  ? `例：6 月时间进度 50.00%，执行率低于 ${(50 - x).toFixed(2)}% 亮红灯`
                  : "执行率落后时间进度达到此值亮红灯"
              }
              rules={[
                { required: true, message: "请填写红灯阈值" },
                { type: "number", min: 0.01, max: 100, message: "红灯阈值须大于 0 且不超过 100 个百分点" },
              ]}
            >
              <InputNumber min={0.01} max={100} precision={2} step={1} suffix="个百分点" style={{ width: 180 }} />
            </Form.Item>
            <Form.Item
              name="possibleMakesYellow"
              label="指标完成可能性为“有可能”时"
              rules={[{ required: true, message: "请选择" }]}
            >
              <Radio.Group>
                <Radio value={true}>至少亮黄灯</Radio>
                <Radio value={false}>不影响亮灯</Radio>
              </Radio.Group>
            </Form.Item>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title="偏差原因分类" size="small" loading={rules.isPending} style={{ marginBottom: 16 }}>
            <Form.Item
              name="causeCategories"
              extra="单位填报“有可能”或“完全不可能”完成的指标时，从这些分类中选择偏差原因"
              rules={[{ required: true, type: "array", min: 1, message: "至少要有一个偏差原因分类" }]}
            >
              <TagListInput
                what="偏差原因分类"
                maxLength={20}
                placeholder="输入分类名称后回车"
                stored={stored?.causeCategories}
              />
            </Form.Item>
            {hints.map((h) => (
              <Alert key={h} type="warning" showIcon title={h} />
            ))}
          </Card>
        </Col>
      </Row>
    </ConfigPage>
  );
}

function History({ data: d, year, loading }: { data: MonitoringRules | undefined; year: number; loading: boolean }) {
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
              : "本年度未单独设定，使用系统默认规则（红灯阈值 15 个百分点）",
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
