import { Progress, Table, Typography } from "antd";
import type { FindingsByDepartment } from "../../../../src/core/goals/quality";
import { percent } from "../../../../src/core/percent";
import { count } from "../../format";
import { ERROR_COLOR, ERROR_TEXT, WARNING_TEXT } from "./colors";

const errorShare = (d: FindingsByDepartment) => (d.tables > 0 ? d.tablesWithErrors / d.tables : 0);

/** Findings by department, most first; a click on a department filters the findings below. */
export function DeptLintTable({
  departments,
  selected,
  onSelect,
  loading,
}: {
  departments: FindingsByDepartment[];
  selected: string | undefined;
  onSelect: (code: string | undefined) => void;
  loading: boolean;
}) {
  return (
    <Table<FindingsByDepartment>
      data-testid="goal-dept-table"
      rowKey="departmentCode"
      size="small"
      loading={loading}
      dataSource={departments}
      scroll={{ x: 760 }}
      locale={{ emptyText: loading ? " " : "该年度没有绩效目标表" }}
      pagination={{
        defaultPageSize: 10,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (t) => `共 ${t} 个部门`,
      }}
      rowClassName={(d) => (d.departmentCode === selected ? "jx-goal-selected" : "jx-goal-clickable")}
      onRow={(d) => ({
        onClick: () => onSelect(d.departmentCode === selected ? undefined : d.departmentCode),
        title: "点击查看该部门的问题明细",
      })}
      columns={[
        {
          title: "部门",
          dataIndex: "departmentName",
          sorter: (a, b) => a.departmentCode.localeCompare(b.departmentCode),
          render: (name: string, d) => (
            <>
              {name} <Typography.Text type="secondary">{d.departmentCode}</Typography.Text>
            </>
          ),
        },
        {
          title: "目标表数",
          dataIndex: "tables",
          width: 100,
          align: "right",
          sorter: (a, b) => a.tables - b.tables,
          render: count,
        },
        {
          title: "有错误的表",
          dataIndex: "tablesWithErrors",
          width: 110,
          align: "right",
          sorter: (a, b) => a.tablesWithErrors - b.tablesWithErrors,
          render: count,
        },
        {
          title: "错误表占比",
          key: "share",
          width: 170,
          sorter: (a, b) => errorShare(a) - errorShare(b),
          render: (_: unknown, d) => (
            <Progress
              percent={Number(percent(d.tablesWithErrors, d.tables))}
              size="small"
              strokeColor={ERROR_COLOR}
              format={(p) => `${(p ?? 0).toFixed(1)}%`}
            />
          ),
        },
        {
          title: "错误",
          dataIndex: "errors",
          width: 80,
          align: "right",
          sorter: (a, b) => a.errors - b.errors,
          render: (n: number) => <span style={{ color: n > 0 ? ERROR_TEXT : undefined }}>{count(n)}</span>,
        },
        {
          title: "提示",
          dataIndex: "warnings",
          width: 80,
          align: "right",
          sorter: (a, b) => a.warnings - b.warnings,
          render: (n: number) => <span style={{ color: n > 0 ? WARNING_TEXT : undefined }}>{count(n)}</span>,
        },
      ]}
    />
  );
}
