import { CheckCircleFilled, CloseCircleFilled } from "@ant-design/icons";
import { Alert, Card, Col, Row, Space, Statistic, Table, Tag, Typography } from "antd";
import { Link } from "react-router";
import { FIRM_RATING_LABELS, FIRM_RATINGS } from "../../../../src/core/evaluations/list";
import { fenToWanExact } from "../../../../src/core/money";
import {
  type CoverageRow,
  evaluationStatsXlsxUrl,
  type FirmLedgerRow,
  type KeyProjectDue,
  useEvaluationCoverage,
  useEvaluationSummary,
  useFirmLedger,
} from "../../api/evaluations/coverage";
import { useYear } from "../../auth/session";
import { SummaryCard } from "../../components/evaluations/SummaryCard";
import { ExportButton } from "../../components/list/ExportButton";
import { PageError } from "../../components/PageError";
import { PageTitle } from "../../components/PageTitle";
import { count, rateOf, wan } from "../../format";

const num = (n: number) => <span className="jx-num">{count(n)}</span>;

/** 部门评价覆盖情况: each department's projects, evaluations, finalised ones, and whether it meets the minimum. */
function CoverageTable({ rows, min, loading }: { rows: CoverageRow[]; min: number; loading: boolean }) {
  return (
    <Table<CoverageRow>
      size="small"
      rowKey="departmentId"
      loading={loading}
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false, size: "small" } : false}
      scroll={{ x: 640 }}
      data-testid="coverage-table"
      locale={{ emptyText: "本年度没有有项目的主管部门" }}
      columns={[
        {
          title: "主管部门",
          key: "department",
          render: (_, r) => (
            <>
              {r.departmentName}
              <Typography.Text type="secondary" className="jx-num" style={{ marginLeft: 6, fontSize: 12 }}>
                {r.departmentCode}
              </Typography.Text>
            </>
          ),
        },
        {
          title: "项目数",
          dataIndex: "projects",
          width: 90,
          align: "right",
          sorter: (a, b) => a.projects - b.projects,
          render: num,
        },
        {
          title: "已开展评价",
          dataIndex: "evaluations",
          width: 120,
          align: "right",
          sorter: (a, b) => a.evaluations - b.evaluations,
          render: num,
        },
        {
          title: "已定稿",
          dataIndex: "finalised",
          width: 90,
          align: "right",
          sorter: (a, b) => a.finalised - b.finalised,
          render: num,
        },
        {
          title: `达到要求（至少 ${min} 个）`,
          dataIndex: "meets",
          width: 190,
          align: "center",
          filters: [
            { text: "已达到", value: true },
            { text: "未达到", value: false },
          ],
          onFilter: (v, r) => r.meets === v,
          sorter: (a, b) => Number(a.meets) - Number(b.meets),
          // Those still short of the requirement first: what finance follows up.
          defaultSortOrder: "ascend",
          render: (v: boolean) =>
            v ? (
              <Typography.Text type="success">
                <CheckCircleFilled /> 已达到
              </Typography.Text>
            ) : (
              <Typography.Text type="danger">
                <CloseCircleFilled /> 未达到
              </Typography.Text>
            ),
        },
      ]}
    />
  );
}

function KeyDueTable({ rows, loading }: { rows: KeyProjectDue[]; loading: boolean }) {
  return (
    <Table<KeyProjectDue>
      size="small"
      rowKey="projectCode"
      loading={loading}
      dataSource={rows}
      pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 640 }}
      data-testid="key-due-table"
      locale={{ emptyText: "周期内的重点项目都已评价" }}
      columns={[
        {
          title: "项目",
          key: "project",
          render: (_, p) => (
            <>
              <Link to={`/projects?q=${encodeURIComponent(p.projectCode)}`}>{p.name}</Link>
              <Typography.Text type="secondary" className="jx-num" style={{ marginLeft: 6, fontSize: 12 }}>
                {p.projectCode}
              </Typography.Text>
            </>
          ),
        },
        {
          title: "全年预算（万元）",
          dataIndex: "adjustedFen",
          width: 150,
          align: "right",
          sorter: (a, b) => a.adjustedFen - b.adjustedFen,
          defaultSortOrder: "descend",
          render: (v: number) => <span className="jx-num">{wan(v)}</span>,
        },
        {
          title: "周期内评价过的年度",
          dataIndex: "evaluatedYears",
          width: 170,
          render: (ys: number[]) => (ys.length === 0 ? <Tag color="orange">从未评价</Tag> : ys.join("、")),
        },
      ]}
    />
  );
}

/** 第三方机构履职台账, by firm: evaluations, on time, reworks and finance's ratings of the reports. */
function LedgerTable({ rows, loading }: { rows: FirmLedgerRow[]; loading: boolean }) {
  return (
    <Table<FirmLedgerRow>
      size="small"
      rowKey={(r) => r.firm.id}
      loading={loading}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 760 }}
      data-testid="ledger-table"
      locale={{ emptyText: "本年度还没有记录第三方机构的履职情况" }}
      expandable={{
        expandedRowRender: (f) => (
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={f.entries}
            columns={[
              {
                title: "评价项目",
                key: "evaluation",
                render: (_, e) => (
                  <Link to={`/evaluations/${e.evaluation.id}`}>
                    {e.evaluation.projectName}（{e.evaluation.projectCode}）
                  </Link>
                ),
              },
              { title: "按时完成", dataIndex: "onTime", width: 90, render: (v: boolean) => (v ? "是" : "否") },
              { title: "返工次数", dataIndex: "reworks", width: 90, align: "right" },
              {
                title: "报告评级",
                dataIndex: "rating",
                width: 90,
                render: (v: keyof typeof FIRM_RATING_LABELS) => FIRM_RATING_LABELS[v],
              },
              { title: "说明", dataIndex: "note", render: (v: string) => v || "—" },
            ]}
          />
        ),
      }}
      columns={[
        { title: "第三方机构", key: "firm", render: (_, f) => f.firm.name },
        { title: "承担评价", dataIndex: "evaluations", width: 90, align: "right", render: num },
        {
          title: "按时完成",
          key: "onTime",
          width: 120,
          align: "right",
          render: (_, f) => (
            <span className="jx-num">
              {count(f.onTime)}（{rateOf(f.onTime, f.evaluations)}）
            </span>
          ),
        },
        { title: "返工次数", dataIndex: "reworks", width: 90, align: "right", render: num },
        ...FIRM_RATINGS.map((r) => ({
          title: `评级${FIRM_RATING_LABELS[r]}`,
          key: r,
          width: 90,
          align: "right" as const,
          render: (_: unknown, f: FirmLedgerRow) => num(f.ratings[r]),
        })),
      ]}
    />
  );
}

/**
 * 评价统计 (finance): the year's department evaluation coverage by department against the framework's
 * minimum, the key projects due for evaluation within the cycle, and the third-party firms' ledger.
 */
export default function EvaluationStatsPage() {
  const { year } = useYear();
  const coverage = useEvaluationCoverage(year);
  const ledger = useFirmLedger(year);
  const summary = useEvaluationSummary(year);
  if (coverage.error && !coverage.data)
    return <PageError error={coverage.error} onRetry={() => void coverage.refetch()} />;
  const c = coverage.data;
  const loading = coverage.isPending;
  return (
    <>
      <PageTitle
        title="评价统计"
        sub={`${year}年度`}
        extra={
          <Space wrap>
            <Link to="/evaluations/framework">评价要求在“评价指标体系”中设定</Link>
            <ExportButton href={evaluationStatsXlsxUrl(year)} testId="evaluation-stats-export" label="导出覆盖与台账" />
          </Space>
        }
      />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card size="small" loading={loading}>
            <Statistic
              title="部门评价覆盖率"
              value={c ? `${c.rate}%` : "—"}
              styles={{ content: { color: c && c.covered === c.departments ? "#389e0d" : "#d46b08" } }}
              data-testid="stats-rate"
            />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              达到要求 {c?.covered ?? 0} / {c?.departments ?? 0} 个部门
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={loading}>
            <Statistic title="开展评价的部门" value={c?.participating ?? 0} suffix={`/ ${c?.departments ?? 0}`} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              参与率 {c ? rateOf(c.participating, c.departments) : "—"}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={loading}>
            <Statistic title="部门评价项目" value={c ? c.rows.reduce((s, r) => s + r.evaluations, 0) : 0} suffix="个" />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              已定稿 {c ? count(c.rows.reduce((s, r) => s + r.finalised, 0)) : 0} 个
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={loading}>
            <Statistic title="待评价的重点项目" value={c?.keyProjectsDue.length ?? 0} suffix="个" />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {c
                ? `全年预算 ${fenToWanExact(c.keyProjectThresholdFen)} 万元以上，${c.keyProjectCycleYears} 年内未评价`
                : ""}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      {summary.data && <SummaryCard s={summary.data} year={year} />}
      <Card
        size="small"
        title="部门评价覆盖情况"
        style={{ marginBottom: 16 }}
        extra={
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            要求：每个部门至少评价 {c?.minProjectsPerDepartment ?? "—"}{" "}
            个项目（按已开展的评价计；项目较少的部门全部评价即达标）
          </Typography.Text>
        }
      >
        <CoverageTable rows={c?.rows ?? []} min={c?.minProjectsPerDepartment ?? 0} loading={loading} />
      </Card>
      <Card
        size="small"
        title={`重点项目评价周期：${c?.keyProjectCycleYears ?? "—"} 年内至少评价一次`}
        style={{ marginBottom: 16 }}
      >
        <KeyDueTable rows={c?.keyProjectsDue ?? []} loading={loading} />
      </Card>
      <Card size="small" title="第三方机构履职台账" style={{ marginBottom: 16 }}>
        {ledger.error ? (
          <Alert type="error" showIcon title="台账读取失败，请刷新重试" />
        ) : (
          <LedgerTable rows={ledger.data?.firms ?? []} loading={ledger.isPending} />
        )}
      </Card>
    </>
  );
}
