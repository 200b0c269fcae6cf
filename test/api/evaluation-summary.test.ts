import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_EVALUATION_FRAMEWORK } from "../../src/core/evaluations/framework";
import { rows } from "../../src/db/repos/rows";
import { type EvaluationDistrict, evaluationDistrict } from "../support/evaluation-district";

/**
 * The year's evaluation summary from an empty district: two key evaluations scored by two experts each (means
 * rounded half up, one overridden), a department evaluation, a rectification notice from a key evaluation with
 * an item overdue; the figures, the export and the scope.
 */
let t: EvaluationDistrict;
const F = DEFAULT_EVALUATION_FRAMEWORK;
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

/** Full points, less `off` hundredths taken from the first indicator that can give them. */
const sheet = (off: number) => {
  let left = off;
  return F.rows.map((r) => {
    const take = Math.min(left, Math.round(r.points * 100));
    left -= take;
    return { uid: r.uid, points: (Math.round(r.points * 100) - take) / 100, comment: "" };
  });
};
const userId = async (username: string) =>
  (await rows<{ id: number }>(t.d.db.orm, sql`select id from users where username = ${username}`))[0]!.id;

async function expert(name: string, account: string) {
  return (
    await t.ok("admin", "POST", "/api/v1/evaluations/experts", {
      name,
      employer: "测试大学",
      employerOrgId: null,
      title: "教授",
      fields: ["财务"],
      phone: "",
      userId: await userId(account),
      active: true,
    })
  ).id as number;
}

/** A key evaluation of a 2025 project scored by two experts with these totals (hundredths off 100). */
async function keyEvaluation(code: string, team: [string, number, number][]) {
  const e = await t.ok("admin", "POST", "/api/v1/evaluations/key", { projectId: await t.project(2025, code) });
  const v = (
    await t.ok("admin", "PUT", `/api/v1/evaluations/${e.id}/team`, {
      version: e.version,
      firmId: null,
      members: team.map(([, expertId], i) => ({ expertId, isLead: i === 0 })),
    })
  ).version;
  await t.ok("admin", "POST", `/api/v1/evaluations/${e.id}/scoring`, {
    version: v,
    dueOn: "2025-12-31",
  });
  for (const [account, , off] of team) {
    const mine = await t.ok(account, "GET", `/api/v1/evaluations/${e.id}`);
    const member = mine.members.find((m: { id: number }) => m.id === mine.myMemberId);
    const saved = await t.ok(account, "PUT", `/api/v1/evaluations/${e.id}/sheet`, {
      version: member.version,
      scores: sheet(off),
    });
    const own = saved.members.find((m: { id: number }) => m.id === saved.myMemberId);
    await t.ok(account, "POST", `/api/v1/evaluations/${e.id}/sheet/submit`, { version: own.version });
  }
  return t.ok("admin", "GET", `/api/v1/evaluations/${e.id}`);
}

let school: { id: number; version: number };
beforeAll(async () => {
  t = await evaluationDistrict();
  const e1 = await expert("张明", "exp1");
  const e2 = await expert("李华", "exp2");
  // 80.33 and 80.34: the mean 80.335 is 80.34, half up.
  school = await keyEvaluation("P301001A", [
    ["exp1", e1, 1967],
    ["exp2", e2, 1966],
  ]);
  await t.ok("admin", "POST", `/api/v1/evaluations/${school.id}/actions`, {
    version: school.version,
    action: "finalise",
  });
  // 70.00 and 75.00 → 72.50, overridden to 68.00 with a reason.
  const cdc = await keyEvaluation("P302001A", [
    ["exp1", e1, 3000],
    ["exp2", e2, 2500],
  ]);
  const over = await t.ok("admin", "PUT", `/api/v1/evaluations/${cdc.id}/override`, {
    version: cdc.version,
    points: 68,
    reason: "专家未扣减资金挪用问题",
  });
  await t.ok("admin", "POST", `/api/v1/evaluations/${cdc.id}/actions`, { version: over.version, action: "finalise" });
});
afterAll(() => t.d.close());

describe("the year's evaluation summary", () => {
  it("counts finalised key evaluations, their amount in 万元 and the mean of their scores half up", async () => {
    const s = await t.ok("admin", "GET", "/api/v1/evaluations/summary?year=2025");
    // 一小校舍维修 52万元 + 疾控免疫规划 80万元; scores 80.34 and 68.00 (override) → 74.17.
    expect(s).toMatchObject({ keyEvaluations: 2, keyAmount: 132, keyMeanScore: 74.17, departmentEvaluations: 0 });
    expect(s.key.grades.map((g: { count: number }) => g.count)).toEqual([0, 1, 1, 0]);
    const cdc = s.rows.find((r: { project: { code: string } }) => r.project.code === "P302001A");
    expect(cdc).toMatchObject({
      score: 68,
      overridePoints: 68,
      overrideReason: "专家未扣减资金挪用问题",
      grade: "fair",
    });
  });

  it("adds a finalised department evaluation and the coverage of the year's requirement", async () => {
    await t.ok("admin", "POST", "/api/v1/evaluations/department/rounds", { fiscalYear: 2025, dueOn: "2025-12-31" });
    let e = await t.ok("edu", "POST", "/api/v1/evaluations/department", {
      projectId: await t.project(2025, "P301002A"),
    });
    e = await t.ok("edu", "PUT", `/api/v1/evaluations/${e.id}/sheet`, { version: e.version, scores: sheet(850) });
    e = await t.ok("edu", "PUT", `/api/v1/evaluations/${e.id}/report`, {
      version: e.version,
      basics: "二小图书购置30万元。",
      work: "部门自行组织评价。",
      problems: "图书分类登记滞后。",
      recommendations: "完善登记制度。",
    });
    e = await t.ok("edu", "POST", `/api/v1/evaluations/${e.id}/submit`, { version: e.version });
    await t.ok("admin", "POST", `/api/v1/evaluations/${e.id}/actions`, { version: e.version, action: "finalise" });
    const s = await t.ok("admin", "GET", "/api/v1/evaluations/summary?year=2025");
    expect(s).toMatchObject({ departmentEvaluations: 1, departmentCoverage: 50 });
    expect(s.coverage).toMatchObject({ departments: 2, covered: 1, participating: 1, rate: "50.00" });
    expect(s.department).toMatchObject({ count: 1, meanScore: "91.50", amountWan: "30.00" });
    // A department reads the figures of its own subtree only.
    const edu = await t.ok("edu", "GET", "/api/v1/evaluations/summary?year=2025");
    expect(edu.rows.map((r: { project: { code: string } }) => r.project.code).sort()).toEqual(["P301001A", "P301002A"]);
  });

  it("counts the rectification of a key evaluation's problems, with an item overdue from the day after its deadline", async () => {
    const created = await t.call("admin", "POST", "/api/v1/rectification/notices", {
      source: "evaluation",
      sourceId: school.id,
      unitId: await t.org("301001"),
      title: "一小校舍维修重点评价整改",
      items: [
        { problem: "开工滞后", requirement: "报送进度计划", deadline: "2025-11-20" },
        { problem: "档案不全", requirement: "补齐验收资料", deadline: "2025-12-31" },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const [first, second] = created.json().items;
    const boundary = "----summary-test";
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="资料.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      PDF,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const up = await t.d.as(
      t.d.who("unit1"),
      "POST",
      `/api/v1/attachments?entity=rectification_item&recordId=${second.id}`,
      body,
      {
        "content-type": `multipart/form-data; boundary=${boundary}`,
      },
    );
    expect(up.statusCode, up.body).toBe(201);
    await t.ok("unit1", "POST", `/api/v1/rectification/items/${second.id}/actions`, {
      version: second.version,
      action: "answer",
      text: "已补齐",
    });
    t.setNow(new Date("2025-11-20T15:00:00Z")); // 23:00 in China on the deadline day: not yet overdue
    await t.d.signInAgain();
    expect((await t.ok("admin", "GET", "/api/v1/evaluations/summary?year=2025")).rectification).toEqual({
      items: 2,
      issued: 1,
      answered: 1,
      accepted: 0,
      returned: 0,
      overdue: 0,
    });
    t.setNow(new Date("2025-11-20T16:00:00Z")); // 00:00 on the next day in China
    await t.d.signInAgain();
    expect((await t.ok("admin", "GET", "/api/v1/evaluations/summary?year=2025")).rectification.overdue).toBe(1);
    expect(first.id).toBeGreaterThan(0);
  });

  it("exports the figures, the grades, the coverage and every evaluation as Excel", async () => {
    const res = await t.call("admin", "GET", "/api/v1/evaluations/summary.xlsx?year=2025");
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["汇总", "等级分布", "部门覆盖", "评价清单"]);
    const figures = wb.getWorksheet("汇总")!;
    const values = figures.getSheetValues().flatMap((r) => (Array.isArray(r) ? [r.slice(1).join("|")] : []));
    expect(values).toContain("重点评价项目金额|132.00 万元");
    expect(values).toContain("重点评价平均得分|74.17");
    expect(values).toContain("逾期未整改|1 项");
    expect(wb.getWorksheet("评价清单")!.rowCount).toBe(2 + 3);
  });

  it("gives a unit the figures of its own projects; refuses a year outside 2000–2100, naming it", async () => {
    const unit = await t.ok("unit1", "GET", "/api/v1/evaluations/summary?year=2025");
    expect(unit.rows.map((r: { project: { code: string } }) => r.project.code)).toEqual(["P301001A"]);
    expect(unit).toMatchObject({ keyEvaluations: 1, keyAmount: 52, keyMeanScore: 80.34 });
    const bad = await t.call("admin", "GET", "/api/v1/evaluations/summary?year=1999");
    expect([bad.statusCode, bad.json().error.message]).toEqual([
      400,
      expect.stringContaining("年度须在 2000–2100 之间"),
    ]);
  });
});
