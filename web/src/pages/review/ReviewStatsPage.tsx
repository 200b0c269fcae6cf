import { Alert, Card, Col, Empty, Row, Table, Tag, Typography } from "antd";
import { useMemo } from "react";
import { Link } from "react-router";
import type { Grade } from "../../../../src/core/selfeval/grade";
import {
  type GradeDistribution,
  type ReviewStats,
  reviewResultsXlsxUrl,
  useReviewStats,
} from "../../api/review/review";
import { useYear } from "../../auth/session";
import { EChart, type EChartsCoreOption } from "../../components/EChart";
import { ExportButton } from "../../components/list/ExportButton";
import { PageError } from "../../components/PageError";
import { PageTitle } from "../../components/PageTitle";
import { pts, signed } from "../../components/spot-check/labels";
import { distributionSentence } from "../../components/spot-check/statsText";
import { count } from "../../format";

/** The grades' colours, as the lists tag them (green, blue, orange, red). */
const GRADE_HEX: Record<Grade, string> = { excellent: "#52c41a", good: "#1677ff", fair: "#fa8c16", poor: "#f5222d" };

type Grades = GradeDistribution["grades"][number];

/** One kind's distribution: the report's sentence, a pie of the grades and the table with the shares. */
function DistributionCard({
  d,
  title,
  noun,
  kind,
}: {
  d: GradeDistribution;
  title: string;
  noun: "部门" | "项目";
  kind: "deptWide" | "project";
}) {
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: "item", formatter: "{b}：{c} 个（{d}%）" },
      legend: { bottom: 0, icon: "circle" },
      series: [
        {
          type: "pie",
          radius: ["40%", "68%"],
          center: ["50%", "44%"],
          avoidLabelOverlap: true,
          label: { formatter: "{b} {c}" },
          // A grade nobody got keeps its legend entry but no label or line pointing at nothing.
          data: d.grades.map((g) => ({
            name: g.label,
            value: g.count,
            itemStyle: { color: GRADE_HEX[g.grade] },
            label: { show: g.count > 0 },
            labelLine: { show: g.count > 0 },
          })),
        },
      ],
    }),
    [d],
  );
  return (
    <Card
      size="small"
      title={title}
      style={{ marginBottom: 16 }}
      data-testid={`stats-${kind}`}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          已确认 {count(d.total)} / 纳入复核 {count(d.sampled)}
        </Typography.Text>
      }
    >
      <Typography.Paragraph data-testid={`stats-${kind}-sentence`} style={{ marginBottom: 12 }}>
        {distributionSentence(d, noun)}
      </Typography.Paragraph>
      {d.total > 0 ? (
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <EChart
              option={option}
              height={240}
              aria-label={`${title}复核等级分布`}
              data-testid={`stats-${kind}-chart`}
            />
          </Col>
          <Col xs={24} md={14}>
            <Table<Grades>
              size="small"
              rowKey="grade"
              pagination={false}
              dataSource={d.grades}
              data-testid={`stats-${kind}-table`}
              columns={[
                {
                  title: "等级",
                  dataIndex: "label",
                  width: 70,
                  render: (l: string, g) => <Tag color={GRADE_HEX[g.grade]}>{l}</Tag>,
                },
                { title: "分数段", dataIndex: "band" },
                { title: `${noun}数`, dataIndex: "count", width: 70, align: "right" },
                { title: "占比", dataIndex: "percent", width: 80, align: "right", render: (p: string) => `${p}%` },
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={2}>
                    合计
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">
                    {d.total}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">
                    {d.sumOfPercents}%
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {d.roundingNote}
            </Typography.Text>
          </Col>
        </Row>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="确认复核结果后在此统计" />
      )}
    </Card>
  );
}

type ByDepartment = ReviewStats["byDepartment"][number];
type Overrated = ReviewStats["overrated"][number];

/** 自评与复核对比: each department's mean self and review score, as bars side by side, and the table. */
function DepartmentCompare({ s }: { s: ReviewStats }) {
  const rows = s.byDepartment;
  const option = useMemo<EChartsCoreOption>(
    () => ({
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: (v: unknown) => `${v} 分` },
      legend: { top: 0, data: ["平均自评得分", "平均复核得分"] },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: "value", min: 0, max: 100 },
      yAxis: {
        type: "category",
        data: rows.map((r) => r.department.name),
        axisLabel: { width: 110, overflow: "truncate" },
        inverse: true,
      },
      series: [
        { name: "平均自评得分", type: "bar", data: rows.map((r) => r.meanSelf), itemStyle: { color: "#bfbfbf" } },
        {
          name: "平均复核得分",
          type: "bar",
          data: rows.map((r) => r.meanReview),
          itemStyle: { color: "#1f5fae" },
          markLine: {
            symbol: "none",
            // The category axis runs top-down (inverse), so the line's start is at the top.
            label: { formatter: "90分", position: "start" },
            lineStyle: { color: "#52c41a", type: "dashed" },
            data: [{ xAxis: 90 }],
          },
        },
      ],
    }),
    [rows],
  );
  return (
    <Card
      size="small"
      title="自评与复核对比（按主管部门）"
      style={{ marginBottom: 16 }}
      data-testid="stats-by-department"
    >
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="确认复核结果后在此对比" />
      ) : (
        <Row gutter={16}>
          <Col xs={24} lg={11}>
            <EChart
              option={option}
              height={Math.max(200, rows.length * 48 + 60)}
              aria-label="各部门平均自评得分与复核得分"
              data-testid="stats-department-chart"
            />
          </Col>
          <Col xs={24} lg={13}>
            <Table<ByDepartment>
              size="small"
              rowKey={(r) => r.department.id}
              pagination={false}
              dataSource={rows}
              scroll={{ x: 520 }}
              data-testid="stats-department-table"
              columns={[
                { title: "主管部门", key: "d", render: (_, r) => r.department.name },
                { title: "已确认", dataIndex: "reviewed", width: 64, align: "right" },
                { title: "平均自评", dataIndex: "meanSelf", width: 80, align: "right", render: pts },
                { title: "平均复核", dataIndex: "meanReview", width: 80, align: "right", render: pts },
                { title: "平均差异", dataIndex: "meanDifference", width: 80, align: "right", render: signed },
                {
                  title: "自评偏高",
                  dataIndex: "overrated",
                  width: 76,
                  align: "right",
                  render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
                },
              ]}
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}

/**
 * 复核统计 (finance): the grade distribution of the confirmed reviews for departments as a whole and for
 * projects, in the words of the district's report, with the self score against the review by department and
 * the self-evaluations that overrated themselves by more than the year's threshold.
 */
export default function ReviewStatsPage() {
  const { year } = useYear();
  const stats = useReviewStats(year);
  if (stats.error && !stats.data) return <PageError error={stats.error} onRetry={() => void stats.refetch()} />;
  const s = stats.data;
  return (
    <>
      <PageTitle
        title="复核统计"
        sub={`${year}年度单位自评抽查复核结果${s ? ` · 评分规则 ${s.rulesVersion} 版` : ""}`}
        extra={<ExportButton href={reviewResultsXlsxUrl({ year })} testId="stats-export" label="导出复核结果" />}
      />
      {!s ? (
        <Card loading size="small" />
      ) : (
        <>
          {s.pending > 0 && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="stats-pending"
              title={
                <>
                  还有 <Link to="/review/items">{s.pending} 张</Link>
                  复核结果未经财政确认，统计只含已确认的；占比以已确认数为基数。
                </>
              }
            />
          )}
          <DistributionCard d={s.deptWide} title="部门整体支出" noun="部门" kind="deptWide" />
          <DistributionCard d={s.project} title="项目支出" noun="项目" kind="project" />
          <DepartmentCompare s={s} />
          <Card
            size="small"
            title={`自评偏高的自评表（自评分高出复核分超过 ${pts(s.overrateThreshold)} 分）`}
            data-testid="stats-overrated"
          >
            <Table<Overrated>
              size="small"
              rowKey="reviewId"
              dataSource={s.overrated}
              pagination={s.overrated.length > 20 ? { pageSize: 20 } : false}
              scroll={{ x: 640 }}
              locale={{ emptyText: "没有自评偏高的" }}
              columns={[
                {
                  title: "编码",
                  dataIndex: "code",
                  width: 110,
                  render: (c: string) => <span className="jx-num">{c}</span>,
                },
                {
                  title: "名称",
                  dataIndex: "name",
                  render: (n: string, r) => <Link to={`/review/items/${r.reviewId}`}>{n}</Link>,
                },
                { title: "主管部门", key: "d", width: 140, render: (_, r) => r.department.name },
                { title: "自评得分", dataIndex: "selfTotal", width: 80, align: "right", render: pts },
                { title: "复核得分", dataIndex: "reviewTotal", width: 80, align: "right", render: pts },
                {
                  title: "差异",
                  dataIndex: "difference",
                  width: 80,
                  align: "right",
                  render: (v: number | null) => <Typography.Text type="danger">{signed(v)}</Typography.Text>,
                },
              ]}
            />
          </Card>
        </>
      )}
    </>
  );
}
