import { Table, Tag } from "antd";
import { Link } from "react-router";
import type { ProjectRow } from "../api/types";
import { rateOf, wan } from "../format";
import { categoryLabel } from "./labels";

/** A short list of projects (home pages): no paging, links to the detail. */
export function ProjectMiniTable({ rows, testId }: { rows: ProjectRow[]; testId?: string }) {
  return (
    <Table<ProjectRow>
      data-testid={testId}
      rowKey="id"
      size="small"
      dataSource={rows}
      pagination={false}
      scroll={{ x: 900 }}
      columns={[
        { title: "项目编码", dataIndex: "code", width: 170 },
        {
          title: "项目名称",
          dataIndex: "name",
          render: (name: string, p) => (
            <>
              <Link to={`/projects/${p.id}`}>{name}</Link>
              {p.isKey && (
                <Tag color="red" style={{ marginInlineStart: 6 }}>
                  重点
                </Tag>
              )}
            </>
          ),
        },
        { title: "实施单位", dataIndex: ["unit", "name"], width: 200, ellipsis: true },
        { title: "类别", dataIndex: "category", width: 80, render: categoryLabel },
        {
          title: "全年预算数(万元)",
          dataIndex: "adjustedBudget",
          align: "right",
          width: 140,
          render: (v: number) => <span className="jx-num">{wan(v)}</span>,
        },
        {
          title: "执行数(万元)",
          dataIndex: "executed",
          align: "right",
          width: 130,
          render: (v: number) => <span className="jx-num">{wan(v)}</span>,
        },
        {
          title: "执行率",
          dataIndex: "executionRate",
          align: "right",
          width: 90,
          render: (_: unknown, p: { executed: number; adjustedBudget: number }) => rateOf(p.executed, p.adjustedBudget),
        },
      ]}
    />
  );
}
