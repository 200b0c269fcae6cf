import { ArrowLeftOutlined } from "@ant-design/icons";
import { Button, Card, Col, Descriptions, Empty, Row, Skeleton, Table, Tag } from "antd";
import { useNavigate, useParams } from "react-router";
import { isApiError } from "../api/client";
import { useProject } from "../api/hooks";
import type { ExecutionMonth } from "../api/types";
import { AuditHistory } from "../components/AuditHistory";
import { ExecutionChart } from "../components/ExecutionChart";
import { ProjectGoalTable } from "../components/goals/ProjectGoalTable";
import { categoryLabel } from "../components/labels";
import { PageError } from "../components/PageError";
import { PageTitle } from "../components/PageTitle";
import { DASH, dateTime, rateOf, wan } from "../format";
import NotFoundPage from "./NotFoundPage";

const wanText = (fen: number) => <span className="jx-num">{wan(fen)} 万元</span>;

export default function ProjectDetailPage() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const q = useProject(id);

  if (!Number.isInteger(id) || id <= 0 || (isApiError(q.error) && q.error.status === 404)) return <NotFoundPage />;
  if (q.error) return <PageError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );

  const { project: p, execution, history, goalTable } = q.data;
  const months = [...execution].sort((a, b) => a.month - b.month);

  return (
    <>
      <PageTitle
        title={p.name}
        sub={p.code}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)}>
            返回
          </Button>
        }
      />
      <Card title="项目信息" size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          data-testid="project-descriptions"
          size="small"
          bordered
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: "code", label: "项目编码", children: p.code },
            { key: "name", label: "项目名称", children: p.name },
            { key: "year", label: "预算年度", children: `${p.fiscalYear}年` },
            { key: "dept", label: "主管部门", children: `${p.department.name}（${p.department.code}）` },
            { key: "unit", label: "实施单位", children: `${p.unit.name}（${p.unit.code}）` },
            { key: "category", label: "项目类别", children: categoryLabel(p.category) },
            {
              key: "isKey",
              label: "重点项目",
              children: p.isKey ? <Tag color="red">是</Tag> : "否",
            },
            { key: "sector", label: "所属行业", children: p.sector || DASH },
            { key: "initial", label: "年初预算数", children: wanText(p.initialBudget) },
            { key: "adjusted", label: "全年预算数", children: wanText(p.adjustedBudget) },
            { key: "fiscal", label: "其中：财政拨款", children: wanText(p.fiscalFunds) },
            { key: "other", label: "其中：其他资金", children: wanText(p.otherFunds) },
            { key: "executed", label: "执行数", children: wanText(p.executed) },
            { key: "rate", label: "执行率", children: rateOf(p.executed, p.adjustedBudget) },
            { key: "updated", label: "最近更新", children: dateTime(p.updatedAt) },
          ]}
        />
      </Card>
      <Card title={`${p.fiscalYear}年度绩效目标表`} size="small" style={{ marginBottom: 16 }}>
        <ProjectGoalTable projectId={p.id} unitId={p.unit.id} goalTable={goalTable} />
      </Card>
      <Card title="月度执行情况" size="small" style={{ marginBottom: 16 }}>
        {months.length === 0 ? (
          <Empty description="暂无月度执行数据" />
        ) : (
          <Row gutter={16}>
            <Col xs={24} xl={13}>
              <ExecutionChart months={months} budget={p.adjustedBudget} />
            </Col>
            <Col xs={24} xl={11}>
              <Table<ExecutionMonth>
                data-testid="execution-table"
                rowKey="month"
                size="small"
                pagination={false}
                dataSource={months}
                columns={[
                  { title: "月份", dataIndex: "month", width: 70, render: (m: number) => `${m}月` },
                  {
                    title: "当月支付数(万元)",
                    dataIndex: "executed",
                    align: "right",
                    render: (v: number) => <span className="jx-num">{wan(v)}</span>,
                  },
                  {
                    title: "累计支付数(万元)",
                    dataIndex: "cumulative",
                    align: "right",
                    render: (v: number) => <span className="jx-num">{wan(v)}</span>,
                  },
                  {
                    title: "累计执行率",
                    key: "rate",
                    align: "right",
                    render: (_: unknown, m) => rateOf(m.cumulative, p.adjustedBudget),
                  },
                ]}
              />
            </Col>
          </Row>
        )}
      </Card>
      <Card title="变更记录（审计记录）" size="small">
        <AuditHistory entries={history} />
      </Card>
    </>
  );
}
