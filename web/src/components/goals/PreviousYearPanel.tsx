import { Alert, Button, Card, Col, Empty, Row, Segmented, Skeleton, Space, Table, Tag, Typography } from "antd";
import type { ColumnType } from "antd/es/table";
import { useMemo, useState } from "react";
import { Link } from "react-router";
import { INDICATOR_STATUS_LABELS, type IndicatorDiff, type IndicatorStatus } from "../../../../src/core/goals/compare";
import type { GoalIndicator } from "../../../../src/core/goals/types";
import { errorMessage } from "../../api/client";
import { wan } from "../../format";
import { points, targetText } from "./indicatorForm";
import { changeLines, type PreviousYear } from "./previousYear";
import { GoalStatusTag } from "./status";

const STATUS_COLORS: Record<IndicatorStatus, string> = {
  added: "green",
  removed: "red",
  changed: "orange",
  unchanged: "default",
};
const STATUS_ORDER: Record<IndicatorStatus, number> = { changed: 0, added: 1, removed: 2, unchanged: 3 };

const sideOf = (d: IndicatorDiff): { previous: GoalIndicator | null; current: GoalIndicator | null } => ({
  previous: d.status === "added" ? null : d.previous,
  current: d.status === "removed" ? null : d.current,
});
const indicatorOf = (d: IndicatorDiff): GoalIndicator => (d.status === "removed" ? d.previous : d.current);
const cell = (i: GoalIndicator | null) =>
  i ? (
    <span className="jx-num">
      {targetText(i) || "—"}
      <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
        权重 {points(Math.round(i.weight * 100))}
      </Typography.Text>
    </span>
  ) : (
    <Typography.Text type="secondary">—</Typography.Text>
  );

/**
 * 与上年对比: last year's table of the same project or department, what this year's table added,
 * dropped and adjusted (target, weight …), the overall goal and the funds of both years.
 */
export function PreviousYearPanel({
  state,
  fiscalYear,
  dirty,
}: {
  state: PreviousYear;
  fiscalYear: number;
  dirty: boolean;
}) {
  const [show, setShow] = useState<"changes" | "all">("changes");
  const { comparison } = state;
  const previous = state.data?.previous ?? null;
  const rows = useMemo(() => {
    const list = (comparison?.indicators ?? []).map((d, n) => ({ key: String(n), d }));
    return show === "all" ? list : list.filter((r) => r.d.status !== "unchanged");
  }, [comparison, show]);

  const title = `与上年对比（${fiscalYear - 1}年度）`;
  if (state.error)
    return (
      <Card size="small" title={title} style={{ marginBottom: 12 }} data-testid="goal-previous">
        <Alert
          type="error"
          showIcon
          title={errorMessage(state.error)}
          action={
            <Button size="small" onClick={state.refetch}>
              重试
            </Button>
          }
        />
      </Card>
    );
  if (state.loading)
    return (
      <Card size="small" title={title} style={{ marginBottom: 12 }} data-testid="goal-previous">
        <Skeleton active paragraph={{ rows: 3 }} />
      </Card>
    );
  if (!previous || !comparison)
    return (
      <Card size="small" title={title} style={{ marginBottom: 12 }} data-testid="goal-previous">
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={`没有${fiscalYear - 1}年度的绩效目标表（新增项目，或上年未申报），无可对比的内容`}
        />
      </Card>
    );

  const { counts, funds } = comparison;
  const carried = state.data?.carriedFromId === previous.id;
  const fundsText =
    funds.before && funds.after ? (
      <span className="jx-num">
        上年 {wan(funds.before.total)} 万元 → 本年 {wan(funds.after.total)} 万元
        {funds.changeRate !== null && (
          <Typography.Text type={funds.change && funds.change < 0 ? "danger" : "success"} style={{ marginLeft: 6 }}>
            （{funds.change !== null && funds.change > 0 ? "+" : ""}
            {funds.changeRate}%）
          </Typography.Text>
        )}
      </span>
    ) : (
      "—"
    );

  const columns: ColumnType<{ key: string; d: IndicatorDiff }>[] = [
    {
      title: "变化",
      key: "status",
      width: 96,
      filters: (Object.keys(INDICATOR_STATUS_LABELS) as IndicatorStatus[]).map((s) => ({
        text: INDICATOR_STATUS_LABELS[s],
        value: s,
      })),
      onFilter: (value, r) => r.d.status === value,
      sorter: (a, b) => STATUS_ORDER[a.d.status] - STATUS_ORDER[b.d.status],
      render: (_, r) => <Tag color={STATUS_COLORS[r.d.status]}>{INDICATOR_STATUS_LABELS[r.d.status]}</Tag>,
    },
    {
      title: "二级指标",
      key: "level2",
      width: 120,
      render: (_, r) => indicatorOf(r.d).level2 || "—",
    },
    { title: "三级指标", key: "name", width: 200, render: (_, r) => indicatorOf(r.d).name || "—" },
    {
      title: `上年（${comparison.previousYear}）`,
      key: "before",
      width: 170,
      render: (_, r) => cell(sideOf(r.d).previous),
    },
    {
      title: `本年（${comparison.currentYear}）`,
      key: "after",
      width: 170,
      render: (_, r) => cell(sideOf(r.d).current),
    },
    {
      title: "说明",
      key: "note",
      render: (_, r) =>
        r.d.status === "changed" ? (
          <div style={{ fontSize: 12 }}>
            {changeLines(r.d).map((l) => (
              <div key={l}>{l}</div>
            ))}
          </div>
        ) : r.d.status === "added" ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            本年新增的指标
          </Typography.Text>
        ) : r.d.status === "removed" ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            上年有、本年已删除的指标
          </Typography.Text>
        ) : null,
    },
  ];

  return (
    <Card
      size="small"
      title={title}
      style={{ marginBottom: 12 }}
      data-testid="goal-previous"
      extra={
        <Space size={8}>
          {carried && <Tag color="blue">本表由上年目标表结转</Tag>}
          <Link to={`/goal-tables/${previous.id}`}>查看{comparison.previousYear}年度目标表</Link>
        </Space>
      }
    >
      <Row gutter={[16, 8]} style={{ marginBottom: 8 }}>
        <Col xs={24} lg={12}>
          <Space size={6} wrap>
            <span>{comparison.previousYear}年度目标表</span>
            <GoalStatusTag status={previous.status} returnedBy={previous.returnedBy} />
            <span>第{previous.revision}版</span>
            <Typography.Text type="secondary">指标 {previous.table.indicators.length} 个</Typography.Text>
          </Space>
        </Col>
        <Col xs={24} lg={12}>
          <span>资金总额：</span>
          {fundsText}
        </Col>
        <Col xs={24}>
          <Space size={6} wrap data-testid="goal-previous-counts">
            <span>本年指标与上年相比：</span>
            <Tag color="green">
              {INDICATOR_STATUS_LABELS.added} {counts.added}
            </Tag>
            <Tag color="red">
              {INDICATOR_STATUS_LABELS.removed} {counts.removed}
            </Tag>
            <Tag color="orange">
              {INDICATOR_STATUS_LABELS.changed} {counts.changed}
            </Tag>
            <Tag>
              {INDICATOR_STATUS_LABELS.unchanged} {counts.unchanged}
            </Tag>
            {dirty && <Typography.Text type="secondary">（含本页未保存的修改）</Typography.Text>}
          </Space>
        </Col>
      </Row>
      {comparison.overallGoal.changed ? (
        <Row gutter={[12, 8]} style={{ marginBottom: 8 }} data-testid="goal-previous-overall">
          <Col xs={24} lg={12}>
            <Typography.Text type="secondary">上年年度总体目标：</Typography.Text>
            <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>
              {comparison.overallGoal.before}
            </Typography.Paragraph>
          </Col>
          <Col xs={24} lg={12}>
            <Typography.Text type="secondary">本年年度总体目标：</Typography.Text>
            <Typography.Paragraph style={{ whiteSpace: "pre-wrap", margin: 0 }}>
              {comparison.overallGoal.after}
            </Typography.Paragraph>
          </Col>
        </Row>
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          年度总体目标与上年一致（年份除外）。
        </Typography.Paragraph>
      )}
      <Space style={{ marginBottom: 8 }}>
        <Segmented
          size="small"
          value={show}
          onChange={(v) => setShow(v as "changes" | "all")}
          options={[
            { value: "changes", label: `只看变化（${counts.added + counts.removed + counts.changed}）` },
            { value: "all", label: `全部指标（${comparison.indicators.length}）` },
          ]}
        />
      </Space>
      <Table
        size="small"
        bordered
        data-testid="goal-previous-table"
        rowKey="key"
        dataSource={rows}
        columns={columns}
        scroll={{ x: 900 }}
        pagination={rows.length > 10 ? { pageSize: 10, size: "small", showSizeChanger: false } : false}
        locale={{ emptyText: "本年指标与上年完全一致" }}
      />
    </Card>
  );
}
