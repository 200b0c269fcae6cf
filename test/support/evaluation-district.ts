import { sql } from "drizzle-orm";
import { expect } from "vitest";
import type { Clock } from "../../src/app/context";
import { DEFAULT_EVALUATION_FRAMEWORK } from "../../src/core/evaluations/framework";
import { rows } from "../../src/db/repos/rows";
import { type SmallDistrict, smallDistrict } from "./district";

/**
 * A small district for evaluations, from an empty database and its own files: two departments and three units,
 * projects of 2022, 2023 and 2025 (the same 一小校舍维修 and 疾控免疫规划 in several years), two firms (F01 takes
 * evaluations, F02 is the home of the expert accounts) and accounts: admin (finance), edu and health
 * (departments), unit1 (一小), exp1 … exp6 (experts at F02), frm (F01's account).
 */
const ORGS = `单位编码,单位名称,单位类型,上级编码,所属行业
301,测试区教育局,主管部门,,教育
301001,测试区第一小学,预算单位,301,教育
301002,测试区第二小学,预算单位,301,教育
302,测试区卫生健康局,主管部门,,卫生健康
302001,测试区疾控中心,预算单位,302,卫生健康`;

const HEAD =
  "预算年度,项目编码,项目名称,主管部门编码,实施单位编码,项目类别,重点项目,年初预算数（元）,全年预算数（元）,财政拨款（元）,其他资金（元）";
/** One file a year, as the budget system exports them. */
const PROJECTS = [
  ["2022,P301001A,一小校舍维修,301,301001,一次性,否,450000.00,450000.00,450000.00,0"],
  ["2023,P302001A,疾控免疫规划,302,302001,常年性,是,700000.00,700000.00,700000.00,0"],
  [
    "2025,P301001A,一小校舍维修,301,301001,一次性,否,500000.00,520000.00,520000.00,0",
    "2025,P301002A,二小图书购置,301,301002,一次性,否,300000.00,300000.00,300000.00,0",
    "2025,P302001A,疾控免疫规划,302,302001,常年性,是,800000.00,800000.00,700000.00,100000.00",
  ],
].map((lines) => [HEAD, ...lines].join("\n"));

/** An API answer as JSON: the server checked it against the contract's schema already. */
// biome-ignore lint/suspicious/noExplicitAny: test code reads answers as the API's JSON, as res.json() does.
type Json = any;

export interface EvaluationDistrict {
  d: SmallDistrict;
  setNow(t: Date): void;
  /** Calls the API as `who`, expecting 2xx, and answers the JSON. */
  ok(who: string, method: string, url: string, body?: unknown): Promise<Json>;
  call(who: string, method: string, url: string, body?: unknown): ReturnType<SmallDistrict["as"]>;
  org(code: string): Promise<number>;
  project(year: number, code: string): Promise<number>;
}

/** With a web directory, the server also serves the built web app (for browser tests). */
export async function evaluationDistrict(options: { webDir?: string } = {}): Promise<EvaluationDistrict> {
  let now = new Date("2025-11-10T02:00:00Z");
  const clock: Clock = { now: () => now };
  const d = await smallDistrict(clock, "450299", options);
  const call = (who: string, method: string, url: string, body?: unknown) => d.as(d.who(who), method, url, body);
  const ok = async (who: string, method: string, url: string, body?: unknown) => {
    const res = await call(who, method, url, body);
    expect(res.statusCode, `${who} ${method} ${url}: ${res.body.slice(0, 600)}`).toBeLessThan(300);
    return res.statusCode === 204 ? null : res.json();
  };
  await d.importCsv("orgs", ORGS);
  for (const file of PROJECTS) await d.importCsv("projects", file);
  for (const [code, name] of [
    ["F01", "测试评价咨询有限公司"],
    ["F02", "测试区评审专家库"],
    ["F03", "测试会计师事务所"],
  ])
    await ok("admin", "POST", "/api/v1/org/orgs", { code, name, kind: "firm" });
  await d.account("edu", "department", "301");
  await d.account("health", "department", "302");
  await d.account("unit1", "unit", "301001");
  await d.account("frm", "firm", "F01");
  for (const x of ["exp1", "exp2", "exp3", "exp4", "exp5", "exp6"]) await d.account(x, "expert", "F02");
  const org = async (code: string) =>
    (await rows<{ id: number }>(d.db.orm, sql`select id from orgs where code = ${code}`))[0]!.id;
  const project = async (year: number, code: string) =>
    (
      await rows<{ id: number }>(d.db.orm, sql`select id from projects where code = ${code} and fiscal_year = ${year}`)
    )[0]!.id;
  return {
    d,
    setNow: (t) => {
      now = t;
    },
    ok,
    call,
    org,
    project,
  };
}

/** Full points of the framework in effect by default, less `off` hundredths taken from the first indicators. */
export function sheetOff(off: number) {
  let left = off;
  return DEFAULT_EVALUATION_FRAMEWORK.rows.map((r) => {
    const take = Math.min(left, Math.round(r.points * 100));
    left -= take;
    return { uid: r.uid, points: (Math.round(r.points * 100) - take) / 100, comment: "" };
  });
}

/** An expert of the pool scoring with this account. */
export async function addExpert(t: EvaluationDistrict, name: string, account: string): Promise<number> {
  const [user] = await rows<{ id: number }>(t.d.db.orm, sql`select id from users where username = ${account}`);
  return (
    await t.ok("admin", "POST", "/api/v1/evaluations/experts", {
      name,
      employer: "测试大学",
      employerOrgId: null,
      title: "教授",
      fields: ["财务"],
      phone: "",
      userId: user!.id,
      active: true,
    })
  ).id as number;
}

/**
 * A key evaluation of a 2025 project, its team formed and scoring opened, each expert's sheet (`[account,
 * expertId, hundredths off 100]`) saved and submitted; the evaluation as finance then reads it (not finalised).
 */
export async function scoredKeyEvaluation(t: EvaluationDistrict, code: string, team: [string, number, number][]) {
  const e = await t.ok("admin", "POST", "/api/v1/evaluations/key", { projectId: await t.project(2025, code) });
  const v = (
    await t.ok("admin", "PUT", `/api/v1/evaluations/${e.id}/team`, {
      version: e.version,
      firmId: null,
      members: team.map(([, expertId], i) => ({ expertId, isLead: i === 0 })),
    })
  ).version;
  await t.ok("admin", "POST", `/api/v1/evaluations/${e.id}/scoring`, { version: v, dueOn: "2025-12-31" });
  for (const [account, , off] of team) {
    const mine = await t.ok(account, "GET", `/api/v1/evaluations/${e.id}`);
    const member = mine.members.find((m: { id: number }) => m.id === mine.myMemberId);
    const saved = await t.ok(account, "PUT", `/api/v1/evaluations/${e.id}/sheet`, {
      version: member.version,
      scores: sheetOff(off),
    });
    const own = saved.members.find((m: { id: number }) => m.id === saved.myMemberId);
    await t.ok(account, "POST", `/api/v1/evaluations/${e.id}/sheet/submit`, { version: own.version });
  }
  return t.ok("admin", "GET", `/api/v1/evaluations/${e.id}`);
}
