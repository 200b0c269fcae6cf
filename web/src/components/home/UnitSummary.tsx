import { useQuery } from "@tanstack/react-query";
import { Alert, Table, Typography } from "antd";
import { Link } from "react-router";
import { fetchProjects } from "../../api/endpoints";
import type { OrgRef, ProjectRow } from "../../api/types";
import { count, rateOf, wan } from "../../format";

interface UnitLine {
  unit: OrgRef;
  projectCount: number;
  keyCount: number;
  adjustedBudget: number;
  executed: number;
}

const PAGE = 100;
const MAX_PAGES = 20;

/** Every project the account sees (a department has a few dozen), pages of 100 at most 2,000. */
async function fetchAllProjects(year: number): Promise<{ rows: ProjectRow[]; total: number }> {
  const first = await fetchProjects({ year, page: 1, pageSize: PAGE, sort: "code", order: "asc" });
  const rows = [...first.rows];
  const pages = Math.min(MAX_PAGES, Math.ceil(first.total / PAGE));
  for (let page = 2; page <= pages; page++) {
    const next = await fetchProjects({ year, page, pageSize: PAGE, sort: "code", order: "asc" });
    rows.push(...next.rows);
  }
  return { rows, total: first.total };
}

function byUnit(rows: ProjectRow[]): UnitLine[] {
  const map = new Map<number, UnitLine>();
  for (const p of rows) {
    const line = map.get(p.unit.id) ?? { unit: p.unit, projectCount: 0, keyCount: 0, adjustedBudget: 0, executed: 0 };
    line.projectCount += 1;
    line.keyCount += p.isKey ? 1 : 0;
    line.adjustedBudget += p.adjustedBudget;
    line.executed += p.executed;
    map.set(p.unit.id, line);
  }
  return [...map.values()].sort((a, b) => b.adjustedBudget - a.adjustedBudget);
}

/** 下属单位项目概况: the department's projects summed by implementing unit. */
export function UnitSummary({ year }: { year: number }) {
  const q = useQuery({ queryKey: ["projects-all", year], queryFn: () => fetchAllProjects(year) });
  const lines = q.data ? byUnit(q.data.rows) : [];
  return (
    <>
      {q.data && q.data.rows.length < q.data.total && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`项目较多，仅汇总了前 ${q.data.rows.length} 个项目，完整数据请到项目库查看。`}
        />
      )}
      {q.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title="单位汇总加载失败" />}
      <Table<UnitLine>
        data-testid="unit-summary-table"
        rowKey={(l) => l.unit.id}
        size="small"
        loading={q.isPending}
        dataSource={lines}
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
