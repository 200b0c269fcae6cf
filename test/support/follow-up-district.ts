import { expect } from "vitest";
import type { SmallDistrict } from "./district";

/**
 * A small district for the follow-ups of monitoring: two departments, three projects with approved goal
 * tables, execution to July (一小 28.00% and 二小 10.00%: red; 疾控 60.00%: green), a round as of July in
 * which the departments chose all three, and 一小's and 疾控's reports filled, submitted and approved by
 * their departments (二小's is left in draft). `advance` moves the clock to August and signs in again.
 */
export const ORGS = `单位编码,单位名称,单位类型,上级编码,所属行业
301,测试区教育局,主管部门,,教育
301001,测试区第一小学,预算单位,301,教育
301002,测试区第二小学,预算单位,301,教育
302,测试区卫生健康局,主管部门,,卫生健康
302001,测试区疾控中心,预算单位,302,卫生健康`;

const PROJECTS = `预算年度,项目编码,项目名称,主管部门编码,实施单位编码,项目类别,重点项目,年初预算数（元）,全年预算数（元）,财政拨款（元）,其他资金（元）
2025,P301001A,一小校舍维修,301,301001,一次性,否,500000.00,500000.00,500000.00,0
2025,P301002A,二小图书购置,301,301002,一次性,否,200000.00,200000.00,200000.00,0
2025,P302001A,疾控免疫规划,302,302001,常年性,否,800000.00,800000.00,700000.00,100000.00`;

const DEPT_BUDGETS = `预算年度,主管部门编码,年初预算数（元）,全年预算数（元）,财政拨款（元）,其他资金（元）
2025,301,9000000.00,9000000.00,8800000.00,200000.00
2025,302,6000000.00,6000000.00,6000000.00,0`;

// 一小 28.00% by July and 二小 10.00%: red; 疾控 60.00%: green.
const EXECUTION = [
  "预算年度,项目编码,月份,支付数（元）",
  ...[1, 2, 3, 4, 5, 6, 7].map((m) => `2025,P301001A,${m},20000.00`),
  "2025,P301002A,3,20000.00",
  ...[1, 2, 3, 4, 5, 6, 7].map((m) => `2025,P302001A,${m},${m === 7 ? "60000.00" : "70000.00"}`),
].join("\n");

const SOUND = {
  overallGoal: "2025年完成年度任务，消除安全隐患，服务对象满意度不低于90%。",
  indicators: [
    ["产出指标", "数量指标", "完成数量", ">=", "1200", "件", 20],
    ["产出指标", "质量指标", "验收合格率", "=", "100", "%", 15],
    ["产出指标", "时效指标", "完成时间", "<=", "8", "月", 10],
    ["产出指标", "成本指标", "单价", "<=", "400", "元", 15],
    ["效益指标", "社会效益指标", "消除隐患处数", ">=", "12", "处", 20],
    ["效益指标", "可持续影响指标", "使用年限延长", ">=", "10", "年", 10],
    ["满意度指标", "服务对象满意度指标", "服务对象满意度", ">=", "90", "%", 10],
  ].map(([level1, level2, name, operator, target, unit, weight]) => ({
    level1,
    level2,
    name,
    kind: "quantitative",
    operator,
    target,
    unit,
    weight,
    explanation: null,
  })),
};

export async function followUpDistrict(d: SmallDistrict, advance: () => Promise<void>) {
  const call = (who: string, method: string, url: string, body?: unknown) => d.as(d.who(who), method, url, body);
  const ok = async (who: string, method: string, url: string, body?: unknown, status = 200) => {
    const res = await call(who, method, url, body);
    expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 500)}`).toBe(status);
    return status === 204 ? null : res.json();
  };
  const round = { id: 0 };
  const reports: Record<string, { id: number; version: number }> = {};
  const goalTable = async (who: string, code: string) => {
    const list = await ok(who, "GET", `/api/v1/goals/tables?year=2025&q=${code}`);
    return list.rows.find((r: { subjectCode: string }) => r.subjectCode === code);
  };
  const goalAct = async (who: string, id: number, action: string, comment?: string) => {
    const { version } = await ok(who, "GET", `/api/v1/goals/tables/${id}`);
    return ok(who, "POST", `/api/v1/goals/tables/${id}/actions`, { version, action, comment });
  };

  async function approveGoals(declarer: string, desks: string[], code: string) {
    const table = await goalTable(declarer, code);
    const url = `/api/v1/goals/tables/${table.id}`;
    await ok(declarer, "PUT", url, { version: (await ok(declarer, "GET", url)).version, ...SOUND });
    await goalAct(declarer, table.id, "submit");
    for (const who of desks) await goalAct(who, table.id, "approve");
  }

  /** The unit fills every indicator as certain and submits; the department approves. */
  async function fillAndSubmit(unit: string, dept: string, code: string) {
    const list = await ok(unit, "GET", `/api/v1/monitoring/reports?roundId=${round.id}&q=${code}`);
    const url = `/api/v1/monitoring/reports/${list.rows[0].id}`;
    let report = await ok(unit, "GET", url);
    report = await ok(unit, "PUT", url, {
      version: report.version,
      overallStatus: "按计划推进。",
      expectedYearEnd: report.execution.budget,
      executionNote: null,
      items: report.items.map((i: { uid: string }) => ({
        uid: i.uid,
        progress: "50",
        expected: "100",
        likelihood: "certain",
        cause: null,
        causeNote: null,
        measures: null,
      })),
    });
    report = await ok(unit, "POST", `${url}/actions`, { version: report.version, action: "submit" });
    report = await ok(dept, "POST", `${url}/actions`, { version: report.version, action: "approve" });
    reports[code] = report;
  }

  for (const [kind, csv] of [
    ["orgs", ORGS],
    ["projects", PROJECTS],
    ["dept-budgets", DEPT_BUDGETS],
  ] as const)
    await d.importCsv(kind, csv);
  await d.account("unit1", "unit", "301001");
  await d.account("unit2", "unit", "301002");
  await d.account("edu", "department", "301");
  await d.account("cdc", "unit", "302001");
  await d.account("health", "department", "302");
  await ok("admin", "POST", "/api/v1/plan/goal-declaration/open?year=2025", { dueOn: "2024-10-31" });
  await approveGoals("unit1", ["edu", "admin"], "P301001A");
  await approveGoals("unit2", ["edu", "admin"], "P301002A");
  await approveGoals("cdc", ["health", "admin"], "P302001A");
  await advance();
  await d.importCsv("execution", EXECUTION);
  round.id = (
    await ok(
      "admin",
      "POST",
      "/api/v1/monitoring/rounds",
      { fiscalYear: 2025, cutoffMonth: 7, dueOn: "2025-08-31", selectionDueOn: "2025-08-15" },
      201,
    )
  ).round.id;
  for (const [dept, codes] of [
    ["edu", ["P301001A", "P301002A"]],
    ["health", ["P302001A"]],
  ] as const) {
    const candidates = await ok(dept, "GET", `/api/v1/monitoring/rounds/${round.id}/candidates`);
    const chosen = candidates.filter((c: { code: string }) => (codes as readonly string[]).includes(c.code));
    await ok(dept, "POST", `/api/v1/monitoring/rounds/${round.id}/selections/${chosen[0].department.id}/subjects`, {
      subjects: chosen.map((c: { id: number }) => ({ subjectKind: "project", id: c.id })),
    });
  }
  await fillAndSubmit("unit1", "edu", "P301001A");
  await fillAndSubmit("cdc", "health", "P302001A");
  return { call, ok, round, reports, fillAndSubmit, goalTable, goalAct };
}
