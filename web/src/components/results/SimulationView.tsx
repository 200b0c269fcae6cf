import { Card, Checkbox, Col, Input, Row, Select, Space, Statistic, Table, Tabs, Typography } from "antd";
import { useMemo, useState } from "react";
import type { AdjustmentAction } from "../../../../src/core/results/rules";
import type { Simulation, SimulationRow, SimulationTotals } from "../../api/results/results";
import { count, DASH, wan } from "../../format";
import { ActionTag, actionOptions, deptScoreVersionText, EvidenceLinks, ruleSetText, Wan } from "./labels";

type DeptTotals = SimulationTotals["byDepartment"][number];
type RuleTotals = SimulationTotals["byRule"][number];

const byText = (a: string, b: string) => a.localeCompare(b, "zh-Hans-CN");
const isAdjusted = (r: { cut: number; raise: number }) => r.cut > 0 || r.raise > 0;

/** The money columns every totals table shows, in 万元. */
function sumColumns<T extends { request: number; cut: number; raise: number; newAmount: number }>() {
  return [
    {
      title: "申请数",
      key: "request",
      align: "right" as const,
      width: 100,
      sorter: (a: T, b: T) => a.request - b.request,
      render: (_: unknown, r: T) => <Wan fen={r.request} />,
    },
    {
      title: "核减",
      key: "cut",
      align: "right" as const,
      width: 100,
      sorter: (a: T, b: T) => a.cut - b.cut,
      defaultSortOrder: undefined,
      render: (_: unknown, r: T) => <Wan fen={r.cut} />,
    },
    {
      title: "增加",
      key: "raise",
      align: "right" as const,
      width: 100,
      sorter: (a: T, b: T) => a.raise - b.raise,
      render: (_: unknown, r: T) => <Wan fen={r.raise} />,
    },
    {
      title: "调整后",
      key: "newAmount",
      align: "right" as const,
      width: 100,
      sorter: (a: T, b: T) => a.newAmount - b.newAmount,
      render: (_: unknown, r: T) => <Wan fen={r.newAmount} />,
    },
  ];
}

/** The headline figures of a simulation (or of an adoption's frozen list). */
export function TotalsStats({
  t,
}: {
  t: Omit<SimulationTotals, "byDepartment" | "byRule" | "suspended" | "cancelled"> &
    Partial<Pick<SimulationTotals, "suspended" | "cancelled">>;
}) {
  const held = (t.suspended ?? 0) + (t.cancelled ?? 0);
  return (
    <Row gutter={[16, 12]} data-testid="result-totals">
      <Col xs={12} md={4}>
        <Statistic title="申请项目" value={count(t.projects)} suffix="项" />
      </Col>
      <Col xs={12} md={4}>
        <Statistic title="调整项目" value={count(t.adjusted)} suffix="项" />
      </Col>
      <Col xs={12} md={4}>
        <Statistic title="申请合计（万元）" value={wan(t.request)} />
      </Col>
      <Col xs={12} md={4}>
        <Statistic
          title="核减合计（万元）"
          value={wan(t.cut)}
          valueStyle={t.cut > 0 ? { color: "#cf1322" } : undefined}
        />
        {held > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            其中暂缓 {wan(t.suspended ?? 0)}、取消 {wan(t.cancelled ?? 0)}
          </Typography.Text>
        )}
      </Col>
      <Col xs={12} md={4}>
        <Statistic
          title="增加合计（万元）"
          value={wan(t.raise)}
          valueStyle={t.raise > 0 ? { color: "#389e0d" } : undefined}
        />
      </Col>
      <Col xs={12} md={4}>
        <Statistic title="调整后合计（万元）" value={wan(t.newAmount)} />
      </Col>
    </Row>
  );
}

interface RowFilters {
  departmentId?: number | undefined;
  action?: AdjustmentAction | undefined;
  adjustedOnly: boolean;
  q: string;
}

/** The project rows of a simulation: filtered, sorted and paged in the browser (the whole list is here). */
function ProjectRows({
  rows,
  departments,
  filters,
  setFilters,
}: {
  rows: readonly SimulationRow[];
  departments: readonly DeptTotals[];
  filters: RowFilters;
  setFilters: (f: RowFilters) => void;
}) {
  const shown = useMemo(() => {
    const q = filters.q.trim().toLowerCase();
    return rows.filter(
      (r) =>
        (filters.departmentId === undefined || r.departmentId === filters.departmentId) &&
        (filters.action === undefined || r.action === filters.action) &&
        (!filters.adjustedOnly || isAdjusted(r)) &&
        (q === "" || r.projectCode.toLowerCase().includes(q) || r.projectName.toLowerCase().includes(q)),
    );
  }, [rows, filters]);
  const deptOptions = departments.map((d) => ({ value: d.departmentId, label: d.departmentName }));

  return (
    <>
      <Space wrap size={[12, 8]} style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label="搜索项目"
          placeholder="项目编码或名称"
          allowClear
          style={{ width: 220 }}
          onSearch={(q) => setFilters({ ...filters, q })}
          data-testid="simulation-search"
        />
        <Select
          aria-label="主管部门"
          placeholder="主管部门"
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          style={{ width: 180 }}
          value={filters.departmentId}
          options={deptOptions}
          onChange={(departmentId?: number) => setFilters({ ...filters, departmentId })}
        />
        <Select
          aria-label="处理方式"
          placeholder="处理方式"
          allowClear
          style={{ width: 120 }}
          value={filters.action}
          options={actionOptions}
          onChange={(action?: AdjustmentAction) => setFilters({ ...filters, action })}
        />
        <Checkbox
          checked={filters.adjustedOnly}
          onChange={(e) => setFilters({ ...filters, adjustedOnly: e.target.checked })}
          data-testid="simulation-adjusted-only"
        >
          只看有调整的项目
        </Checkbox>
        <Typography.Text type="secondary">共 {count(shown.length)} 项</Typography.Text>
      </Space>
      <Table<SimulationRow>
        size="small"
        rowKey="projectCode"
        dataSource={shown as SimulationRow[]}
        data-testid="simulation-rows"
        scroll={{ x: 1110 }}
        pagination={{
          defaultPageSize: 20,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (t) => `共 ${t} 条`,
        }}
        locale={{ emptyText: "没有符合条件的项目" }}
        onRow={(r) => ({ "data-code": r.projectCode }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: "项目",
            key: "code",
            width: 200,
            sorter: (a, b) => byText(a.projectCode, b.projectCode),
            render: (_: unknown, r) => (
              <div style={{ lineHeight: "18px" }}>
                <div>{r.projectName}</div>
                <Typography.Text type="secondary" className="jx-num" style={{ fontSize: 12 }}>
                  {r.projectCode}
                </Typography.Text>
              </div>
            ),
          },
          {
            title: "主管部门",
            dataIndex: "departmentName",
            width: 130,
            ellipsis: true,
            sorter: (a, b) => byText(a.departmentName, b.departmentName),
          },
          {
            title: "处理",
            dataIndex: "action",
            width: 80,
            sorter: (a, b) => byText(a.action, b.action),
            render: (a: string) => <ActionTag action={a} />,
          },
          ...sumColumns<SimulationRow>(),
          {
            title: "理由与依据",
            key: "reason",
            render: (_: unknown, r) => (
              <div>
                <div>{r.reason || DASH}</div>
                <EvidenceLinks evidence={r.evidence} />
                {r.alsoMet.length > 0 && (
                  <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                    另符合：{r.alsoMet.map((m) => m.label).join("；")}（未适用）
                  </Typography.Text>
                )}
              </div>
            ),
          },
        ]}
      />
    </>
  );
}

/** A simulation: the headline, per department, per rule, and every project with its reason and evidence. */
export function SimulationView({ sim }: { sim: Simulation }) {
  const [filters, setFilters] = useState<RowFilters>({ adjustedOnly: true, q: "" });
  const [tab, setTab] = useState("rows");
  const t = sim.totals;
  const toDepartment = (departmentId: number) => {
    setFilters({ ...filters, departmentId });
    setTab("rows");
  };
  return (
    <div data-testid="simulation">
      <Card size="small" style={{ marginBottom: 12 }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
          {ruleSetText(sim.ruleSet)} · {sim.fiscalYear}年度评价结果 → {sim.budgetYear}年度预算申请 · 全区部门平均得分{" "}
          {sim.average ?? DASH}（部门绩效考核：{deptScoreVersionText(sim.deptScoreVersion)}）· 金额单位：万元 ·
          按当前数据模拟，未写入任何数据
        </Typography.Paragraph>
        <TotalsStats t={t} />
      </Card>
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: "rows",
              label: `分项目（${count(t.adjusted)} 项有调整）`,
              children: (
                <ProjectRows rows={sim.rows} departments={t.byDepartment} filters={filters} setFilters={setFilters} />
              ),
            },
            {
              key: "departments",
              label: `分部门（${count(t.byDepartment.length)}）`,
              children: (
                <Table<DeptTotals>
                  size="small"
                  rowKey="departmentId"
                  dataSource={t.byDepartment}
                  pagination={false}
                  data-testid="simulation-departments"
                  columns={[
                    {
                      title: "主管部门",
                      dataIndex: "departmentName",
                      sorter: (a, b) => byText(a.departmentName, b.departmentName),
                      render: (name: string, d) => (
                        <Typography.Link onClick={() => toDepartment(d.departmentId)} title="查看该部门的项目">
                          {name}
                        </Typography.Link>
                      ),
                    },
                    {
                      title: "项目数",
                      dataIndex: "projects",
                      width: 80,
                      align: "right",
                      sorter: (a, b) => a.projects - b.projects,
                    },
                    {
                      title: "调整项目",
                      dataIndex: "adjusted",
                      width: 90,
                      align: "right",
                      sorter: (a, b) => a.adjusted - b.adjusted,
                    },
                    ...sumColumns<DeptTotals>(),
                  ]}
                />
              ),
            },
            {
              key: "rules",
              label: "分规则",
              children: (
                <Table<RuleTotals>
                  size="small"
                  rowKey="index"
                  dataSource={t.byRule}
                  pagination={false}
                  data-testid="simulation-rules"
                  columns={[
                    { title: "规则", dataIndex: "label" },
                    { title: "适用项目", dataIndex: "projects", width: 90, align: "right" },
                    { title: "调整项目", dataIndex: "adjusted", width: 90, align: "right" },
                    ...sumColumns<RuleTotals>(),
                  ]}
                />
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
