import { Card, Checkbox, Input, Space, Table, Tabs, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo, useState } from "react";
import type { Comparison } from "../../api/results/results";
import { count, DASH, wan } from "../../format";
import { ActionTag, Wan, WanDiff } from "./labels";

type Dept = Comparison["departments"][number];
type Project = Comparison["projects"][number];
type Totals = Comparison["totals"][number];

const CSS = `.jx-differs > td { background: #fff7e6 !important; }`;

/** One column per rule set: its new amount and, after the first, the difference to the first. */
function perRuleSet<T extends { figures: (null | { newAmount: number; cut: number })[]; newAmountDiff: number[] }>(
  labels: readonly string[],
  cell: (f: NonNullable<T["figures"][number]>, row: T, i: number) => React.ReactNode,
): ColumnsType<T> {
  return labels.map((label, i) => ({
    title: label,
    key: `rs${i}`,
    width: 190,
    render: (_: unknown, row: T) => {
      const f = row.figures[i];
      if (!f) return <Typography.Text type="secondary">{DASH}</Typography.Text>;
      return (
        <div>
          {cell(f as NonNullable<T["figures"][number]>, row, i)}
          {i > 0 && (
            <div style={{ fontSize: 12 }}>
              调整后较第一个规则集 <WanDiff fen={row.newAmountDiff[i] ?? 0} />
            </div>
          )}
        </div>
      );
    },
  }));
}

/**
 * 2–6 rule sets over the same data side by side: the totals of each, per department, and per project with
 * the projects where they differ (action or new amount) marked; the first rule set is the base of the differences.
 */
export function ComparisonView({ cmp }: { cmp: Comparison }) {
  const [differsOnly, setDiffersOnly] = useState(true);
  const [q, setQ] = useState("");
  const projects = useMemo(() => {
    const s = q.trim().toLowerCase();
    return cmp.projects.filter(
      (p) =>
        (!differsOnly || p.differs) &&
        (s === "" || p.projectCode.toLowerCase().includes(s) || p.projectName.toLowerCase().includes(s)),
    );
  }, [cmp.projects, differsOnly, q]);
  const differing = cmp.projects.filter((p) => p.differs).length;

  const totalsRows: { key: string; label: string; value: (t: Totals) => React.ReactNode }[] = [
    { key: "projects", label: "申请项目（项）", value: (t) => count(t.projects) },
    { key: "request", label: "申请合计（万元）", value: (t) => wan(t.request) },
    { key: "adjusted", label: "调整项目（项）", value: (t) => count(t.adjusted) },
    { key: "cut", label: "核减合计（万元）", value: (t) => wan(t.cut) },
    { key: "raise", label: "增加合计（万元）", value: (t) => wan(t.raise) },
    { key: "newAmount", label: "调整后合计（万元）", value: (t) => wan(t.newAmount) },
  ];

  return (
    <div data-testid="comparison">
      <style>{CSS}</style>
      <Card size="small" title="合计" style={{ marginBottom: 12 }}>
        <Typography.Paragraph type="secondary">
          {cmp.fiscalYear}年度评价结果 → {cmp.budgetYear}年度预算申请 · 全区部门平均得分 {cmp.average ?? DASH} ·
          按当前数据模拟，未写入任何数据
        </Typography.Paragraph>
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={totalsRows}
          data-testid="comparison-totals"
          scroll={{ x: 200 + 160 * cmp.labels.length }}
          columns={[
            { title: "", dataIndex: "label", width: 170, fixed: "left" },
            ...cmp.labels.map((label, i) => ({
              title: label,
              key: `rs${i}`,
              align: "right" as const,
              render: (_: unknown, r: (typeof totalsRows)[number]) => (
                <span className="jx-num">{cmp.totals[i] ? r.value(cmp.totals[i]) : DASH}</span>
              ),
            })),
          ]}
        />
      </Card>
      <Card size="small">
        <Tabs
          items={[
            {
              key: "projects",
              label: `分项目（${count(differing)} 项结果不同）`,
              children: (
                <>
                  <Space wrap size={[12, 8]} style={{ marginBottom: 12 }}>
                    <Input.Search
                      aria-label="搜索项目"
                      placeholder="项目编码或名称"
                      allowClear
                      style={{ width: 220 }}
                      onSearch={setQ}
                    />
                    <Checkbox
                      checked={differsOnly}
                      onChange={(e) => setDiffersOnly(e.target.checked)}
                      data-testid="comparison-differs-only"
                    >
                      只看结果不同的项目
                    </Checkbox>
                    <Typography.Text type="secondary">共 {count(projects.length)} 项</Typography.Text>
                  </Space>
                  <Table<Project>
                    size="small"
                    rowKey="projectCode"
                    dataSource={projects}
                    data-testid="comparison-projects"
                    rowClassName={(p) => (p.differs ? "jx-differs" : "")}
                    onRow={(p) =>
                      ({ "data-code": p.projectCode, "data-differs": p.differs }) as React.HTMLAttributes<HTMLElement>
                    }
                    scroll={{ x: 420 + 190 * cmp.labels.length }}
                    pagination={{ defaultPageSize: 20, showSizeChanger: true, showTotal: (t) => `共 ${t} 条` }}
                    locale={{ emptyText: differsOnly ? "各规则集对所有项目的结果相同" : "没有符合条件的项目" }}
                    columns={[
                      {
                        title: "项目",
                        key: "project",
                        width: 240,
                        fixed: "left",
                        sorter: (a, b) => a.projectCode.localeCompare(b.projectCode),
                        render: (_: unknown, p) => (
                          <div style={{ lineHeight: "18px" }}>
                            <div>{p.projectName}</div>
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {p.projectCode} · {p.departmentName} · 申请{" "}
                              {wan(p.figures.find((f) => f !== null)?.request)}
                            </Typography.Text>
                          </div>
                        ),
                      },
                      ...perRuleSet<Project>(cmp.labels, (f) => (
                        <div title={f.reason}>
                          {/* The amount is labelled: after a 核减 tag a bare figure reads as the cut. */}
                          <ActionTag action={f.action} /> 调整后 <Wan fen={f.newAmount} />
                          {(f.cut > 0 || f.raise > 0) && (
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {" "}
                              （{f.cut > 0 ? `核减 ${wan(f.cut)}` : `增加 ${wan(f.raise)}`}）
                            </Typography.Text>
                          )}
                          {f.rule && <div style={{ fontSize: 12, color: "rgba(0,0,0,0.45)" }}>{f.rule}</div>}
                        </div>
                      )),
                    ]}
                  />
                </>
              ),
            },
            {
              key: "departments",
              label: `分部门（${count(cmp.departments.length)}）`,
              children: (
                <Table<Dept>
                  size="small"
                  rowKey="departmentId"
                  dataSource={cmp.departments}
                  pagination={false}
                  data-testid="comparison-departments"
                  scroll={{ x: 200 + 190 * cmp.labels.length }}
                  columns={[
                    { title: "主管部门", dataIndex: "departmentName", width: 180, fixed: "left" },
                    ...perRuleSet<Dept>(cmp.labels, (f) => (
                      <div>
                        调整后 <Wan fen={f.newAmount} />
                        <div style={{ fontSize: 12, color: "rgba(0,0,0,0.45)" }}>
                          核减 {wan(f.cut)} · 调整 {count(f.adjusted)} 项
                        </div>
                      </div>
                    )),
                  ]}
                />
              ),
            },
            {
              key: "rules",
              label: "分规则",
              children: (
                <Space direction="vertical" style={{ width: "100%" }}>
                  {cmp.labels.map((label, i) => (
                    <div key={label}>
                      <Typography.Text strong>{label}</Typography.Text>
                      <Table
                        size="small"
                        rowKey="index"
                        pagination={false}
                        dataSource={cmp.byRule[i] ?? []}
                        columns={[
                          { title: "规则", dataIndex: "label" },
                          { title: "调整项目", dataIndex: "adjusted", width: 90, align: "right" },
                          {
                            title: "核减（万元）",
                            dataIndex: "cut",
                            width: 120,
                            align: "right",
                            render: (v: number) => <Wan fen={v} />,
                          },
                          {
                            title: "增加（万元）",
                            dataIndex: "raise",
                            width: 120,
                            align: "right",
                            render: (v: number) => <Wan fen={v} />,
                          },
                        ]}
                      />
                    </div>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
