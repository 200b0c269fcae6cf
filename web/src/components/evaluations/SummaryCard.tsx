import { Card, Col, Row, Statistic, Table, Typography } from "antd";
import { groupThousands } from "../../../../src/core/money";
import { DEFAULT_GRADE_LABELS, GRADE_BANDS, GRADES, type Grade } from "../../../../src/core/selfeval/grade";
import { type EvaluationSummary, evaluationSummaryXlsxUrl } from "../../api/evaluations/coverage";
import { ExportButton } from "../list/ExportButton";

type Kind = EvaluationSummary["department"];

const share = (k: Kind, g: Grade) => {
  const x = k.grades.find((y) => y.grade === g);
  return x ? `${x.count}（${x.percent}%）` : "0";
};

/**
 * 年度汇总: the year's finalised evaluations as the report states them (counts, coverage, the key evaluations'
 * amount and mean score, rectification) and the grade distribution of each kind, with the summary workbook.
 */
export function SummaryCard({ s, year }: { s: EvaluationSummary; year: number }) {
  const r = s.rectification;
  return (
    <Card
      size="small"
      title="年度汇总（只计已定稿的评价）"
      style={{ marginBottom: 16 }}
      data-testid="evaluation-summary"
      extra={
        <ExportButton href={evaluationSummaryXlsxUrl(year)} testId="evaluation-summary-export" label="导出年度汇总" />
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={12} md={8} xl={4}>
          <Statistic title="部门评价" value={s.departmentEvaluations} suffix="个" />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Statistic title="部门评价平均分" value={s.department.meanScore ?? "—"} />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Statistic title="财政重点评价" value={s.keyEvaluations} suffix="个" />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Statistic
            title="重点评价项目金额"
            value={groupThousands(s.key.amountWan)}
            suffix="万元"
            data-testid="summary-key-amount"
          />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Statistic title="重点评价平均分" value={s.key.meanScore ?? "—"} data-testid="summary-key-mean" />
        </Col>
        <Col xs={12} md={8} xl={4}>
          <Statistic title="整改事项" value={r.items} suffix="项" />
          <Typography.Text type={r.overdue > 0 ? "danger" : "secondary"} style={{ fontSize: 12 }}>
            已下达 {r.issued} · 已回复 {r.answered} · 已通过 {r.accepted} · 退回 {r.returned} · 逾期 {r.overdue}
          </Typography.Text>
        </Col>
      </Row>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        等级分布
      </Typography.Title>
      <Table
        size="small"
        bordered
        pagination={false}
        rowKey="grade"
        scroll={{ x: 480 }}
        data-testid="summary-grades"
        dataSource={GRADES.map((g) => ({ grade: g }))}
        columns={[
          {
            title: "等级",
            dataIndex: "grade",
            render: (g: Grade) => `${DEFAULT_GRADE_LABELS[g]}（${GRADE_BANDS[g]}）`,
          },
          {
            title: `部门评价（${s.department.count} 个）`,
            key: "department",
            render: (_, x) => share(s.department, x.grade),
          },
          { title: `财政重点评价（${s.key.count} 个）`, key: "key", render: (_, x) => share(s.key, x.grade) },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: "8px 0 0" }}>
        {s.department.count + s.key.count === 0
          ? "本年度还没有定稿的评价；评价定稿后计入汇总。"
          : "各等级占比按最大余数法取两位小数，每类合计为 100.00%。"}
      </Typography.Paragraph>
    </Card>
  );
}
