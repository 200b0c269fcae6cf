import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../../src/db/repos/rows";
import type { EvaluationDistrict } from "../support/evaluation-district";
import { resultsDistrict } from "../support/results-district";

/**
 * Result application from an empty district (results year 2025, requests for 2026): two key evaluations (良 and
 * 中), a department evaluation (优), a rectification item past its deadline, the 2026 requests imported from the
 * budget system's file. Rule sets are saved, simulated, compared and adopted through the API; the adopted list
 * stays as it was when the data changes; units read theirs.
 */
let t: EvaluationDistrict;

const REQUESTS = `预算年度,项目编码,项目名称,申请金额（元）,刚性支出
2026,P301001A,一小校舍维修,600000.00,否
2026,P301002A,二小图书购置,333333.33,否
2026,P302001A,疾控免疫规划,900000.01,否`;

const count = async (table: string) =>
  Number((await rows<{ n: string }>(t.d.db.orm, sql`select count(*)::text as n from ${sql.raw(table)}`))[0]!.n);

/** Who works for each project's unit, and its department. */
const ACCOUNTS = {
  P301001A: { unit: "unit1", department: "edu" },
  P301002A: { unit: "unit2", department: "edu" },
  P302001A: { unit: "cdcu", department: "health" },
};

let cdc: number;
let notice: number;
beforeAll(async () => {
  ({ t, cdc, notice } = await resultsDistrict());
  await t.d.importCsv("requests", REQUESTS);
});
afterAll(() => t.d.close());

const DEPT_RULE = [{ kind: "departmentScore", priority: 1, percent: 10 }];
const GRADE_RULES = [
  { kind: "exemption", exempt: "rigid" },
  { kind: "rectification", priority: 1, trigger: "overdue", action: "suspend" },
  { kind: "grade", priority: 2, grade: "excellent", action: "raise", percent: 5, capFen: 1_000_000 },
  { kind: "grade", priority: 2, grade: "good", action: "keep" },
  { kind: "grade", priority: 2, grade: "fair", action: "cut", percent: 20 },
  { kind: "grade", priority: 2, grade: "poor", action: "cancel" },
];

async function save(name: string, rules: unknown[], extra: Record<string, unknown> = {}) {
  return t.call("admin", "POST", "/api/v1/results/rule-sets", { fiscalYear: 2025, name, rules, ...extra });
}

/** A row of the API's JSON answer, as res.json() gives it. */
// biome-ignore lint/suspicious/noExplicitAny: test code reads answers as the API's JSON.
type Row = any;
const byCode = (rs: Row[]): Record<string, Row> => Object.fromEntries(rs.map((r: Row) => [r.projectCode, r]));

let deptSet: number;
let gradeSet: number;
describe("rule sets", () => {
  it("refuses a percentage outside 0–100 and an unknown grade, naming the rule, and writes nothing", async () => {
    const bad = await save("错误规则", [
      { kind: "departmentScore", priority: 1, percent: 120 },
      { kind: "grade", priority: 2, grade: "great", action: "cut", percent: 10 },
    ]);
    expect(bad.statusCode).toBe(400);
    const body = bad.json().error;
    expect(body.code).toBe("RESULT_RULES_INVALID");
    expect(body.details.issues.map((i: { field: string }) => i.field)).toEqual(["rules.0.percent", "rules.1.grade"]);
    expect(body.message).toContain("第1条规则（按部门得分）：比例须在 0 到 100 之间");
    expect(body.message).toContain("第2条规则（按评价等级）：未知的等级“great”");
    expect(await count("result_rule_sets")).toBe(0);
  });

  it("saves version 1, then a change as version 2 with its note; a stale base is refused", async () => {
    const first = await save("低于平均分核减", [{ kind: "departmentScore", priority: 1, percent: 5 }]);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ version: 1 });
    const again = await save("低于平均分核减", DEPT_RULE);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("RESULT_RULES_NAME_TAKEN");
    const second = await save("低于平均分核减", DEPT_RULE, { baseVersion: 1, note: "比例按区政府意见调为10%" });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json()).toMatchObject({ version: 2 });
    deptSet = second.json().id;
    const stale = await save("低于平均分核减", DEPT_RULE, { baseVersion: 1, note: "再改" });
    expect(stale.statusCode).toBe(409);
    const g = await save("按评价等级", GRADE_RULES);
    expect(g.statusCode, g.body).toBe(201);
    gradeSet = g.json().id;
    const list = await t.ok("admin", "GET", "/api/v1/results/rule-sets?year=2025");
    const dept = list.ruleSets.find((r: { name: string }) => r.name === "低于平均分核减");
    expect(dept).toMatchObject({ version: 2, note: "比例按区政府意见调为10%" });
    expect(dept.earlier.map((v: { version: number }) => v.version)).toEqual([1]);
    const audit = await rows<{ action: string }>(
      t.d.db.orm,
      sql`select action from audit_log where entity = 'result_rule_set' order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(["create", "update", "create"]);
  });

  it("is for finance only", async () => {
    expect((await t.call("edu", "GET", "/api/v1/results/rule-sets?year=2025")).statusCode).toBe(403);
    expect(
      (await t.call("edu", "POST", "/api/v1/results/simulations", { fiscalYear: 2025, ruleSetId: deptSet })).statusCode,
    ).toBe(403);
  });
});

describe("simulation", () => {
  it("by grade: the overdue rectification holds the project before its grade; 中 is cut 20% half up; 优 raised to the cap", async () => {
    const s = await t.ok("admin", "POST", "/api/v1/results/simulations", { fiscalYear: 2025, ruleSetId: gradeSet });
    const r = byCode(s.rows);
    expect(r.P301001A).toMatchObject({ action: "suspend", cut: 60_000_000, newAmount: 0 });
    expect(r.P301001A.reason).toContain("整改事项逾期未完成1项");
    expect(r.P301001A.alsoMet.map((m: { index: number }) => m.index)).toEqual([3]);
    expect(r.P301001A.evidence).toEqual([
      { label: "整改通知：一小校舍维修重点评价整改", link: `/rectification/notices/${notice}` },
    ]);
    // 20% of 900,000.01元 = 180,000.002元 → 180,000.00元.
    expect(r.P302001A).toMatchObject({ action: "cut", cut: 18_000_000, newAmount: 72_000_001 });
    expect(r.P302001A.reason).toBe("财政重点评价得分68.00分，等级为中，按规则核减20%");
    expect(r.P302001A.evidence).toEqual([{ label: "财政重点评价：68.00分", link: `/evaluations/${cdc}` }]);
    // 5% of 333,333.33元 = 16,666.67元, capped at 10,000.00元.
    expect(r.P301002A).toMatchObject({ action: "raise", raise: 1_000_000, newAmount: 34_333_333 });
    const sum = (k: keyof Row) => s.rows.reduce((a: number, x: Row) => a + (x[k] as number), 0);
    expect(s.totals).toMatchObject({
      projects: 3,
      adjusted: 3,
      request: sum("request"),
      cut: sum("cut"),
      raise: sum("raise"),
      newAmount: sum("newAmount"),
      suspended: 60_000_000,
    });
    const byDept = s.totals.byDepartment.reduce((a: number, d: { cut: number }) => a + d.cut, 0);
    expect(byDept).toBe(s.totals.cut);
    expect(s.totals.byRule.map((x: { adjusted: number }) => x.adjusted)).toEqual([0, 1, 1, 0, 1, 0]);
  });

  it("by department score: the projects of the departments below the region's average are cut 10%, the others kept", async () => {
    const scores = await t.ok("admin", "GET", "/api/v1/results/department-scores?year=2025");
    const below = new Set(scores.rows.filter((d: Row) => d.belowAverage).map((d: Row) => d.department.id as number));
    expect(below.size).toBeGreaterThan(0);
    const s = await t.ok("admin", "POST", "/api/v1/results/simulations", { fiscalYear: 2025, ruleSetId: deptSet });
    expect(Number(s.average)).toBe(scores.average);
    expect(s.rows.some((r: Row) => r.action === "keep")).toBe(true);
    for (const row of s.rows as Row[]) {
      if (below.has(row.departmentId)) {
        expect(row.action).toBe("cut");
        expect(row.cut).toBe(Math.floor((row.request * 10) / 100 + 0.5));
      } else expect(row).toMatchObject({ action: "keep", cut: 0, newAmount: row.request });
    }
  });

  it("compares two rule sets side by side, flagging the projects they treat differently", async () => {
    const c = await t.ok("admin", "POST", "/api/v1/results/comparisons", {
      fiscalYear: 2025,
      ruleSetIds: [deptSet, gradeSet],
    });
    expect(c.labels).toEqual(["低于平均分核减（第2版）", "按评价等级（第1版）"]);
    expect(c.totals).toHaveLength(2);
    expect(c.projects.filter((p: { differs: boolean }) => p.differs).length).toBeGreaterThan(0);
    const bad = await t.call("admin", "POST", "/api/v1/results/comparisons", {
      fiscalYear: 2025,
      ruleSetIds: [deptSet, deptSet],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("RESULT_COMPARE_INVALID");
  });
});

describe("adoption", () => {
  let adoption: { id: number };
  it("freezes the list, issues a 预算调整告知 to each unit adjusted, and refuses a second adoption", async () => {
    const res = await t.call("admin", "POST", "/api/v1/results/adoptions", { fiscalYear: 2025, ruleSetId: gradeSet });
    expect(res.statusCode, res.body).toBe(201);
    adoption = res.json();
    expect(adoption).toMatchObject({ seq: 1, status: "current", adjusted: 3, cut: 78_000_000, raise: 1_000_000 });
    const twice = await t.call("admin", "POST", "/api/v1/results/adoptions", { fiscalYear: 2025, ruleSetId: gradeSet });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe("RESULT_ALREADY_ADOPTED");
    expect(await count("result_adoptions")).toBe(1);
    expect(await count("result_adjustments")).toBe(3);
    const tasks = await rows<{ org: string; status: string }>(
      t.d.db.orm,
      sql`select o.code as org, t.status from tasks t join orgs o on o.id = t.org_id
          where t.kind = 'result_adjustment' order by o.code`,
    );
    expect(tasks).toEqual([
      { org: "301001", status: "todo" },
      { org: "301002", status: "todo" },
      { org: "302001", status: "todo" },
    ]);
  });

  it("keeps the adopted list when the scores change afterwards; a simulation sees the change", async () => {
    const e = await t.ok("admin", "GET", `/api/v1/evaluations/${cdc}`);
    expect(e.status).toBe("final");
    // The rectification item is accepted late: a new simulation no longer holds the school's project.
    const item = (await t.ok("admin", "GET", `/api/v1/rectification/notices/${notice}`)).items[0];
    const boundary = "----results-test";
    const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
    const upload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="进度计划.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      pdf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const up = await t.d.as(
      t.d.who("unit1"),
      "POST",
      `/api/v1/attachments?entity=rectification_item&recordId=${item.id}`,
      upload,
      { "content-type": `multipart/form-data; boundary=${boundary}` },
    );
    expect(up.statusCode, up.body).toBe(201);
    await t.ok("unit1", "POST", `/api/v1/rectification/items/${item.id}/actions`, {
      version: item.version,
      action: "answer",
      text: "已报送进度计划",
    });
    const answered = (await t.ok("admin", "GET", `/api/v1/rectification/items/${item.id}`)).version;
    const accepted = await t.call("admin", "POST", `/api/v1/rectification/items/${item.id}/actions`, {
      version: answered,
      action: "accept",
      text: "同意",
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const s = await t.ok("admin", "POST", "/api/v1/results/simulations", { fiscalYear: 2025, ruleSetId: gradeSet });
    expect(byCode(s.rows).P301001A).toMatchObject({ action: "keep", cut: 0 });
    const list = await t.ok("admin", "GET", "/api/v1/results/adjustments?year=2025");
    expect(byCode(list.rows).P301001A).toMatchObject({ action: "suspend", cut: 60_000_000 });
    expect(list.adoption).toMatchObject({ id: adoption.id, cut: 78_000_000 });
  });

  it("a change is a new adoption that names the one it replaces and says why; the old one stays readable", async () => {
    const noReason = await t.call("admin", "POST", "/api/v1/results/adoptions", {
      fiscalYear: 2025,
      ruleSetId: deptSet,
      replaces: adoption.id,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.code).toBe("RESULT_ADOPTION_INVALID");
    const res = await t.call("admin", "POST", "/api/v1/results/adoptions", {
      fiscalYear: 2025,
      ruleSetId: deptSet,
      replaces: adoption.id,
      reason: "区政府决定按部门得分核减",
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ seq: 2, status: "current", reason: "区政府决定按部门得分核减" });
    const all = await t.ok("admin", "GET", "/api/v1/results/adoptions?year=2025");
    expect(all.adoptions.map((a: { seq: number; status: string }) => [a.seq, a.status])).toEqual([
      [2, "current"],
      [1, "superseded"],
    ]);
    const old = await t.ok("admin", "GET", `/api/v1/results/adjustments?year=2025&adoptionId=${adoption.id}`);
    expect(old.total).toBe(3);
    const closed = await rows<{ n: string }>(
      t.d.db.orm,
      sql`select count(*)::text as n from tasks t join result_adjustments j on j.id = t.object_id
          where t.kind = 'result_adjustment' and j.adoption_id = ${adoption.id} and t.status = 'closed'`,
    );
    expect(closed[0]!.n).toBe("3");
    const summary = await t.ok("admin", "GET", "/api/v1/results/summary?year=2025");
    expect(summary.adoption).toMatchObject({ seq: 2, ruleSet: { name: "低于平均分核减", version: 2 } });
    expect(summary.totalCut).toBe(Number((summary.fen.cut / 1_000_000).toFixed(2)));
    expect(summary.projectsAdjusted).toBe(
      summary.byDepartment.reduce((a: number, d: { adjusted: number }) => a + d.adjusted, 0),
    );
  });

  it("a unit reads its own lines only and marks its notice read; a department cannot do it for the unit", async () => {
    const mine = await t.ok("unit1", "GET", `/api/v1/results/adjustments?year=2025&adoptionId=${adoption.id}`);
    expect(mine.rows.map((r: Row) => r.projectCode)).toEqual(["P301001A"]);
    // The adoption's totals are the unit's own, not the district's.
    expect(mine.adoption).toMatchObject({ projects: 1, cut: mine.rows[0].cut, request: mine.rows[0].request });
    const all = await t.ok("unit1", "GET", "/api/v1/results/adoptions?year=2025");
    expect(all.adoptions.every((a: Row) => a.projects === 1)).toBe(true);
    const health = await t.ok("health", "GET", `/api/v1/results/adjustments?year=2025&adoptionId=${adoption.id}`);
    expect(health.rows.map((r: Row) => r.projectCode)).toEqual(["P302001A"]);
    expect((await t.call("frm", "GET", "/api/v1/results/adjustments?year=2025")).statusCode).toBe(403);
    // The superseded adoption's notices are closed: they can no longer be marked read.
    const closed = await t.call("unit1", "POST", `/api/v1/results/adjustments/${mine.rows[0].id}/acknowledge`);
    expect(closed.statusCode).toBe(409);
    const current = await t.ok("admin", "GET", "/api/v1/results/adjustments?year=2025&adjustedOnly=true");
    expect(current.total).toBeGreaterThan(0);
    const line = current.rows[0];
    const account = ACCOUNTS[line.projectCode as keyof typeof ACCOUNTS];
    expect(
      (await t.call(account.department, "POST", `/api/v1/results/adjustments/${line.id}/acknowledge`)).statusCode,
    ).toBe(403);
    const inbox = await t.ok(account.unit, "GET", "/api/v1/tasks/inbox");
    expect(JSON.stringify(inbox)).toContain(`2026年预算调整：${line.projectName}`);
    const ack = await t.call(account.unit, "POST", `/api/v1/results/adjustments/${line.id}/acknowledge`);
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({ taskStatus: "done", reason: line.reason });
    const again = await t.call(account.unit, "POST", `/api/v1/results/adjustments/${line.id}/acknowledge`);
    expect(again.statusCode).toBe(409);
  });

  it("exports the list as Excel with a total row and as JSON for the budget system", async () => {
    const x = await t.call(
      "admin",
      "GET",
      `/api/v1/results/adjustments/export.xlsx?year=2025&adoptionId=${adoption.id}`,
    );
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const last = ws.getRow(ws.rowCount).values as unknown[];
    expect(last).toContain("合计");
    expect(last).toContain(780_000);
    const j = await t.ok("admin", "GET", `/api/v1/results/adjustments/export.json?year=2025&adoptionId=${adoption.id}`);
    expect(j.budgetYear).toBe(2026);
    expect(
      byCode(j.rows.map((r: { projectCode: string; cutFen: number }) => ({ ...r, cut: r.cutFen }))).P302001A,
    ).toMatchObject({
      cutFen: 18_000_000,
      request: "900000.01",
      newAmount: "720000.01",
    });
  });
});
