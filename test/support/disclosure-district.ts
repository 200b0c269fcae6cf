import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { rows } from "../../src/db/repos/rows";
import type { EvaluationDistrict } from "./evaluation-district";
import { addExpert, sheetOff } from "./evaluation-district";
import type { MonitoringDistrict } from "./monitoring-district";
import { type FilledForm, selfEvalDistrict } from "./selfeval-district";

/**
 * The self-evaluation district with what the bureau publishes about 2025: approved goal tables (疾控免疫规划 is
 * the key project), approved self-evaluations, and a key evaluation of 疾控免疫规划 finalised by two experts
 * (80.34, 良) with a rectification notice of one item sent to 疾控中心. The clock is then 2026-03-02. Finance
 * accounts: admin (administrator), clerk (信息员) and checker (审核员), both 财政绩效股; auditor1 (审计).
 */
export interface DisclosureDistrict extends MonitoringDistrict {
  forms: FilledForm[];
  t: EvaluationDistrict;
  /** The finalised key evaluation of 疾控免疫规划. */
  evaluationId: number;
  userId(username: string): Promise<number>;
}

export async function disclosureDistrict(): Promise<DisclosureDistrict> {
  const m = await selfEvalDistrict();
  const d = m.d;
  const call = (who: string, method: string, url: string, body?: unknown) => d.as(d.who(who), method, url, body);
  const ok = async (who: string, method: string, url: string, body?: unknown) => {
    const res = await call(who, method, url, body);
    expect(res.statusCode, `${who} ${method} ${url}: ${res.body.slice(0, 600)}`).toBeLessThan(300);
    return res.statusCode === 204 ? null : res.json();
  };
  const id = async (query: ReturnType<typeof sql>) => (await rows<{ id: number }>(d.db.orm, query))[0]!.id;
  const t: EvaluationDistrict = {
    d,
    setNow: m.setNow,
    ok,
    call,
    org: (code) => id(sql`select id from orgs where code = ${code}`),
    project: (year, code) => id(sql`select id from projects where code = ${code} and fiscal_year = ${year}`),
  };
  m.setNow(new Date("2026-02-02T02:00:00Z"));
  await d.signInAgain();
  await d.account("clerk", "finance_staff", "CZJ");
  await d.account("checker", "finance_staff", "CZJ");
  await d.account("auditor1", "auditor", "CZJ");
  await d.account("exp1", "expert", "F01");
  await d.account("exp2", "expert", "F01");
  const experts = [await addExpert(t, "张明", "exp1"), await addExpert(t, "李华", "exp2")];
  const e = await ok("admin", "POST", "/api/v1/evaluations/key", { projectId: await t.project(2025, "P302001A") });
  const v = (
    await ok("admin", "PUT", `/api/v1/evaluations/${e.id}/team`, {
      version: e.version,
      firmId: null,
      members: experts.map((expertId, i) => ({ expertId, isLead: i === 0 })),
    })
  ).version;
  await ok("admin", "POST", `/api/v1/evaluations/${e.id}/scoring`, { version: v, dueOn: "2026-02-28" });
  for (const [account, off] of [
    ["exp1", 1967],
    ["exp2", 1966],
  ] as const) {
    const mine = await ok(account, "GET", `/api/v1/evaluations/${e.id}`);
    const member = mine.members.find((x: { id: number }) => x.id === mine.myMemberId);
    const saved = await ok(account, "PUT", `/api/v1/evaluations/${e.id}/sheet`, {
      version: member.version,
      scores: sheetOff(off),
    });
    const own = saved.members.find((x: { id: number }) => x.id === saved.myMemberId);
    await ok(account, "POST", `/api/v1/evaluations/${e.id}/sheet/submit`, { version: own.version });
  }
  const scored = await ok("admin", "GET", `/api/v1/evaluations/${e.id}`);
  await ok("admin", "POST", `/api/v1/evaluations/${e.id}/actions`, { version: scored.version, action: "finalise" });
  await ok("admin", "POST", "/api/v1/rectification/notices", {
    source: "evaluation",
    sourceId: e.id,
    unitId: await t.org("302001"),
    title: "疾控免疫规划重点评价整改",
    items: [{ problem: "冷链记录不全", requirement: "补齐冷链温度记录", deadline: "2026-04-30" }],
  });
  m.setNow(new Date("2026-03-02T02:00:00Z"));
  await d.signInAgain();
  return {
    ...m,
    t,
    evaluationId: e.id as number,
    userId: (username) => id(sql`select id from users where username = ${username}`),
  };
}
