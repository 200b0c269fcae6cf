import { expect } from "vitest";
import type { Clock } from "../../src/app/context";
import { type SmallDistrict, smallDistrict } from "./district";

/**
 * A small district ready for monitoring, built from an empty database with its own files: two departments,
 * four 2025 projects, department-wide budgets, goal tables declared and approved through the workflow
 * (一小校舍维修, 疾控免疫规划 and 教育局's department-wide budget), then execution to July imported in August.
 * Accounts: admin (finance), edu and health (departments), unit1, unit2 and cdc (units).
 */
export const ORGS = `单位编码,单位名称,单位类型,上级编码,所属行业
301,测试区教育局,主管部门,,教育
301001,测试区第一小学,预算单位,301,教育
301002,测试区第二小学,预算单位,301,教育
302,测试区卫生健康局,主管部门,,卫生健康
302001,测试区疾控中心,预算单位,302,卫生健康`;

export const PROJECTS = `预算年度,项目编码,项目名称,主管部门编码,实施单位编码,项目类别,重点项目,年初预算数（元）,全年预算数（元）,财政拨款（元）,其他资金（元）
2025,P301001A,一小校舍维修,301,301001,一次性,否,500000.00,500000.00,500000.00,0
2025,P301001B,一小课后服务补助,301,301001,常年性,否,300000.00,300000.00,300000.00,0
2025,P301002A,二小图书购置,301,301002,一次性,否,0,0,0,0
2025,P302001A,疾控免疫规划,302,302001,常年性,是,800000.00,800000.00,700000.00,100000.00`;

const DEPT_BUDGETS = `预算年度,主管部门编码,年初预算数（元）,全年预算数（元）,财政拨款（元）,其他资金（元）
2025,301,9000000.00,9000000.00,8800000.00,200000.00
2025,302,6000000.00,6000000.00,6000000.00,0`;

// 一小校舍维修 pays 20,000 a month (28.00% by July: red); 疾控 pays 480,000 by July (60.00%: green).
export const EXECUTION = [
  "预算年度,项目编码,月份,支付数（元）",
  ...[1, 2, 3, 4, 5, 6, 7].map((m) => `2025,P301001A,${m},20000.00`),
  ...[1, 2, 3, 4, 5, 6, 7].map((m) => `2025,P302001A,${m},${m === 7 ? "60000.00" : "70000.00"}`),
  "2025,P301001B,1,10000.00",
].join("\n");

const DEPT_EXECUTION = [
  "预算年度,主管部门编码,月份,支付数（元）",
  ...[1, 2, 3, 4, 5, 6, 7].map((m) => `2025,301,${m},800000.00`),
].join("\n");

const SOUND = {
  overallGoal: "2025年完成校舍维修面积1200平方米，消除安全隐患，师生满意度不低于90%。",
  indicators: [
    ["产出指标", "数量指标", "维修面积", ">=", "1200", "平方米", 20],
    ["产出指标", "质量指标", "工程验收合格率", "=", "100", "%", 15],
    ["产出指标", "时效指标", "完工时间", "<=", "8", "月", 10],
    ["产出指标", "成本指标", "维修单价", "<=", "400", "元/平方米", 15],
    ["效益指标", "社会效益指标", "消除安全隐患处数", ">=", "12", "处", 20],
    ["效益指标", "可持续影响指标", "校舍使用年限延长", ">=", "10", "年", 10],
    ["满意度指标", "服务对象满意度指标", "师生满意度", ">=", "90", "%", 10],
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

export interface MonitoringDistrict {
  d: SmallDistrict;
  /** Moves the server's clock. */
  setNow(t: Date): void;
}

export async function monitoringDistrict(options: { webDir?: string } = {}): Promise<MonitoringDistrict> {
  let now = new Date("2024-09-10T02:00:00Z");
  const clock: Clock = { now: () => now };
  const d = await smallDistrict(clock, "450299", options);
  const ok = async (who: string, method: string, url: string, body?: unknown) => {
    const res = await d.as(d.who(who), method, url, body);
    expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 500)}`).toBe(200);
    return res.json();
  };
  /** Declares a sound table, then it goes through the desks to approval. */
  const approveGoals = async (declarer: string, desks: string[], code: string) => {
    const list = await ok(declarer, "GET", `/api/v1/goals/tables?year=2025&q=${code}`);
    const table = list.rows.find((r: { subjectCode: string }) => r.subjectCode === code);
    const url = `/api/v1/goals/tables/${table.id}`;
    const version = async (who: string) => (await ok(who, "GET", url)).version;
    await ok(declarer, "PUT", url, { version: await version(declarer), ...SOUND });
    for (const [who, action] of [[declarer, "submit"], ...desks.map((w) => [w, "approve"])] as const)
      await ok(who, "POST", `${url}/actions`, { version: await version(who), action });
  };
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
  await approveGoals("cdc", ["health", "admin"], "P302001A");
  await approveGoals("edu", ["admin"], "301");
  // The year runs on: July's execution is imported in August.
  now = new Date("2025-08-05T02:00:00Z");
  await d.signInAgain();
  await d.importCsv("execution", EXECUTION);
  await d.importCsv("dept-execution", DEPT_EXECUTION);
  return {
    d,
    setNow: (t) => {
      now = t;
    },
  };
}
