import { Table, Typography } from "antd";
import { Link } from "react-router";
import type { HomeUnit } from "../../api/types";
import { count, rateOf, wan } from "../../format";

/** 下属单位项目概况: the department's projects summed by implementing unit. */
export function UnitSummary({ units }: { units: HomeUnit[] }) {
  return (
    <>
      <Table<HomeUnit>
        data-testid="unit-summary-table"
        rowKey={(l) => l.unit.id}
        size="small"
        dataSource={units}
        pagination={false}
        scroll={{ x: 760 }}
        locale={{ emptyText: "本部门暂无项目" }}
        columns={[
          { title: "单位编码", dataIndex: ["unit", "code"], width: 120 },
          {
            title: "实施单位",
            dataIndex: ["unit", "name"],
            render: (name: string, l) => <Link to={`/projects?unitId=${l.unit.id}`}>{name}</Link>,
          },
          { title: "项目数", dataIndex: "projectCount", align: "right", width: 80, render: count },
          { title: "重点项目", dataIndex: "keyCount", align: "right", width: 90, render: count },
          {
            title: "全年预算数(万元)",
            dataIndex: "adjustedBudget",
            align: "right",
            width: 150,
            render: (v: number) => <span className="jx-num">{wan(v)}</span>,
          },
          {
            title: "执行数(万元)",
            dataIndex: "executed",
            align: "right",
            width: 140,
            render: (v: number) => <span className="jx-num">{wan(v)}</span>,
          },
          {
            title: "执行率",
            key: "rate",
            align: "right",
            width: 90,
            render: (_: unknown, l) => rateOf(l.executed, l.adjustedBudget),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
        点击单位名称查看该单位的项目清单。
      </Typography.Paragraph>
    </>
  );
}
