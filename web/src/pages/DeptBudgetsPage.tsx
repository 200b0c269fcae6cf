import { Card, Table, Typography } from "antd";
import { Link } from "react-router";
import { useDeptBudgets } from "../api/hooks";
import type { DeptBudgetRow } from "../api/types";
import { useYear } from "../auth/session";
import { PageError } from "../components/PageError";
import { PageTitle } from "../components/PageTitle";
import { count, rateOf, wan } from "../format";

type MoneyKey = "initialBudget" | "adjustedBudget" | "fiscalFunds" | "otherFunds" | "executed" | "projectBudget";

const moneyColumn = (title: string, key: MoneyKey, width = 140) => ({
  title,
  dataIndex: key,
  key,
  align: "right" as const,
  width,
  sorter: (a: DeptBudgetRow, b: DeptBudgetRow) => a[key] - b[key],
  render: (v: number) => <span className="jx-num">{wan(v)}</span>,
});

const ratio = (r: DeptBudgetRow) => (r.adjustedBudget > 0 ? r.executed / r.adjustedBudget : -1);

export default function DeptBudgetsPage() {
  const { year } = useYear();
  const q = useDeptBudgets(year);
  if (q.error) return <PageError error={q.error} onRetry={() => void q.refetch()} />;
  const rows = q.data?.rows ?? [];
  const sum = (k: MoneyKey) => rows.reduce((s, r) => s + r[k], 0);
  const moneyKeys: MoneyKey[] = ["initialBudget", "adjustedBudget", "fiscalFunds", "otherFunds", "executed"];

  return (
    <>
      <PageTitle title="部门整体预算" sub={`${year}年度 · 金额单位：万元`} />
      <Card size="small">
        <Table<DeptBudgetRow>
          data-testid="dept-budget-table"
          rowKey={(r) => r.department.id}
          size="small"
          loading={q.isPending}
          dataSource={rows}
          scroll={{ x: 1300 }}
          pagination={{
            pageSize: 50,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (t) => `共 ${t} 个部门`,
          }}
          locale={{ emptyText: "暂无部门整体预算数据，可在“数据导入”中导入" }}
          columns={[
            {
              title: "部门编码",
              dataIndex: ["department", "code"],
              key: "code",
              width: 110,
              fixed: "left",
              defaultSortOrder: "ascend",
              sorter: (a, b) => a.department.code.localeCompare(b.department.code),
            },
            {
              title: "主管部门",
              dataIndex: ["department", "name"],
              key: "name",
              width: 200,
              fixed: "left",
              sorter: (a, b) => a.department.name.localeCompare(b.department.name, "zh-CN"),
              render: (name: string, r) => <Link to={`/projects?departmentId=${r.department.id}`}>{name}</Link>,
            },
            moneyColumn("年初预算数", "initialBudget"),
            moneyColumn("全年预算数", "adjustedBudget"),
            moneyColumn("财政拨款", "fiscalFunds"),
            moneyColumn("其他资金", "otherFunds"),
            moneyColumn("执行数", "executed"),
            {
              title: "执行率",
              key: "rate",
              align: "right",
              width: 90,
              sorter: (a, b) => ratio(a) - ratio(b),
              render: (_: unknown, r) => rateOf(r.executed, r.adjustedBudget),
            },
            {
              title: "项目数",
              dataIndex: "projectCount",
              key: "projectCount",
              align: "right",
              width: 80,
              sorter: (a, b) => a.projectCount - b.projectCount,
              render: count,
            },
            moneyColumn("项目预算合计", "projectBudget", 150),
          ]}
          summary={() =>
            rows.length > 1 ? (
              <Table.Summary fixed="bottom">
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0} colSpan={2}>
                    <Typography.Text strong>合计（{rows.length} 个部门）</Typography.Text>
                  </Table.Summary.Cell>
                  {moneyKeys.map((k, i) => (
                    <Table.Summary.Cell key={k} index={i + 2} align="right">
                      <span className="jx-num">{wan(sum(k))}</span>
                    </Table.Summary.Cell>
                  ))}
                  <Table.Summary.Cell index={7} align="right">
                    {rateOf(sum("executed"), sum("adjustedBudget"))}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={8} align="right">
                    {count(rows.reduce((s, r) => s + r.projectCount, 0))}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={9} align="right">
                    <span className="jx-num">{wan(sum("projectBudget"))}</span>
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              </Table.Summary>
            ) : null
          }
        />
      </Card>
    </>
  );
}
