import { Table, Typography } from "antd";
import { Link } from "react-router";
import type { HomeDepartment } from "../../api/types";
import { count, rateOf, wan } from "../../format";

/** All departments in scope with their budgets and execution; sortable in the browser. */
export function DeptTable({ departments }: { departments: HomeDepartment[] }) {
  const total = departments.reduce(
    (s, d) => ({ n: s.n + d.projectCount, b: s.b + d.adjustedBudget, e: s.e + d.executed }),
    { n: 0, b: 0, e: 0 },
  );
  return (
    <Table<HomeDepartment>
      data-testid="dept-table"
      rowKey="id"
      size="small"
      dataSource={departments}
      pagination={
        departments.length > 20 ? { pageSize: 20, showSizeChanger: true, showTotal: (t) => `共 ${t} 个部门` } : false
      }
      scroll={{ x: 760 }}
      columns={[
        { title: "部门编码", dataIndex: "code", width: 110, sorter: (a, b) => a.code.localeCompare(b.code) },
        {
          title: "主管部门",
          dataIndex: "name",
          render: (name: string, d) => <Link to={`/projects?departmentId=${d.id}`}>{name}</Link>,
        },
        {
          title: "项目数",
          dataIndex: "projectCount",
          align: "right",
          width: 90,
          sorter: (a, b) => a.projectCount - b.projectCount,
          render: count,
        },
        {
          title: "全年预算数(万元)",
          dataIndex: "adjustedBudget",
          align: "right",
          width: 150,
          defaultSortOrder: "descend",
          sorter: (a, b) => a.adjustedBudget - b.adjustedBudget,
          render: (v: number) => <span className="jx-num">{wan(v)}</span>,
        },
        {
          title: "执行数(万元)",
          dataIndex: "executed",
          align: "right",
          width: 140,
          sorter: (a, b) => a.executed - b.executed,
          render: (v: number) => <span className="jx-num">{wan(v)}</span>,
        },
        {
          title: "执行率",
          key: "rate",
          align: "right",
          width: 100,
          sorter: (a, b) => ratio(a) - ratio(b),
          render: (_: unknown, d) => rateOf(d.executed, d.adjustedBudget),
        },
      ]}
      summary={() =>
        departments.length > 1 ? (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}>
              <Typography.Text strong>合计</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              {count(total.n)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              <span className="jx-num">{wan(total.b)}</span>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">
              <span className="jx-num">{wan(total.e)}</span>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={5} align="right">
              {rateOf(total.e, total.b)}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        ) : null
      }
    />
  );
}

const ratio = (d: HomeDepartment) => (d.adjustedBudget > 0 ? d.executed / d.adjustedBudget : -1);
