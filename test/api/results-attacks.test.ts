import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_EVALUATION_FRAMEWORK } from "../../src/core/evaluations/framework";
import { rows } from "../../src/db/repos/rows";
import { type EvaluationDistrict, evaluationDistrict } from "../support/evaluation-district";

/**
 * Result application under attack: another unit's or department's lines, forged rule sets, two adoptions or two
 * acknowledgements at once, a stale replacement or rule set version, and what the exports carry. The district is
 * the small one of the evaluations (results year 2025, requests for 2026); its 二小图书购置 is graded 优 by the
 * education bureau's department evaluation, so a grade rule meets it.
 */
let t: EvaluationDistrict;
const F = DEFAULT_EVALUATION_FRAMEWORK;

const sheet = (off: number) => {
  let left = off;
  return F.rows.map((r) => {
    const take = Math.min(left, Math.round(r.points * 100));
    left -= take;
    return { uid: r.uid, points: (Math.round(r.points * 100) - take) / 100, comment: "" };
  });
};

const REQUESTS = `预算年度,项目编码,项目名称,申请金额（元）,刚性支出
2026,P301001A,一小校舍维修,600000.00,否
2026,P301002A,二小图书购置,333333.33,否
2026,P302001A,疾控免疫规划,900000.01,否`;

const PROJECT_HEAD =
  "预算年度,项目编码,项目名称,主管部门编码,实施单位编码,项目类别,重点项目,年初预算数（元）,全年预算数（元）,财政拨款（元）,其他资金（元）";

const count = async (table: string, where = "true") =>
  Number(
    (
      await rows<{ n: string }>(
        t.d.db.orm,
        sql`select count(*)::text as n from ${sql.raw(table)} where ${sql.raw(where)}`,
      )
    )[0]!.n,
  );

// biome-ignore lint/suspicious/noExplicitAny: test code reads answers as the API's JSON.
type Row = any;

const CUT_EXCELLENT = [{ kind: "grade", priority: 1, grade: "excellent", action: "cut", percent: 10 }];

async function save(name: string, rules: unknown[], extra: Record<string, unknown> = {}) {
  return t.call("admin", "POST", "/api/v1/results/rule-sets", { fiscalYear: 2025, name, rules, ...extra });
}

let ruleSet: number;
beforeAll(async () => {
  t = await evaluationDistrict();
  await t.d.account("unit2", "unit", "301002");
  await t.d.account("cdcu", "unit", "302001");
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
  t.setNow(new Date("2025-11-25T02:00:00Z"));
  await t.d.signInAgain();
  const saved = await save("优等核减", CUT_EXCELLENT);
  expect(saved.statusCode, saved.body).toBe(201);
  ruleSet = saved.json().id;
});
afterAll(() => t.d.close());

describe("forged rule sets", () => {
  it("refuses absurd percentages, caps and priorities with the rule named, and writes nothing", async () => {
    const before = await count("result_rule_sets");
    const cases: [unknown[], string][] = [
      [[{ kind: "departmentScore", priority: 1, percent: 1e308 }], "rules.0.percent"],
      [[{ kind: "departmentScore", priority: 1, percent: -0.01 }], "rules.0.percent"],
      [[{ kind: "departmentScore", priority: 1, percent: 10.005 }], "rules.0.percent"],
      [[{ kind: "departmentScore", priority: 1_000_000, percent: 10 }], "rules.0.priority"],
      [[{ kind: "departmentScore", priority: 0, percent: 10 }], "rules.0.priority"],
      [[{ kind: "grade", priority: 1, grade: "excellent", action: "raise", percent: 5, capFen: -1 }], "rules.0.capFen"],
      [[{ kind: "grade", priority: 1, grade: "excellent", action: "raise", percent: 5, capFen: 0 }], "rules.0.capFen"],
    ];
    for (const [rules, field] of cases) {
      const res = await save("伪造", rules);
      expect(res.statusCode, `${JSON.stringify(rules)}: ${res.body}`).toBe(400);
      expect(res.json().error.code).toBe("RESULT_RULES_INVALID");
      expect(res.json().error.details.issues.map((i: { field: string }) => i.field)).toContain(field);
    }
    // Outside the shape: a percentage as text, a cap past 2^53, too many rules or codes, a year far away.
    const shaped: unknown[] = [
      { fiscalYear: 2025, name: "x", rules: [{ kind: "departmentScore", priority: 1, percent: "NaN" }] },
      {
        fiscalYear: 2025,
        name: "x",
        rules: [{ kind: "grade", priority: 1, grade: "excellent", action: "raise", percent: 5, capFen: 2 ** 60 }],
      },
      { fiscalYear: 2025, name: "x", rules: Array.from({ length: 51 }, () => CUT_EXCELLENT[0]) },
      {
        fiscalYear: 2025,
        name: "x",
        rules: [
          { kind: "exemption", exempt: "codes", note: "n", codes: Array.from({ length: 2001 }, (_, i) => `C${i}`) },
        ],
      },
      { fiscalYear: 99999, name: "x", rules: CUT_EXCELLENT },
      { fiscalYear: 2025, name: "x".repeat(61), rules: CUT_EXCELLENT },
    ];
    for (const body of shaped) {
      const res = await t.call("admin", "POST", "/api/v1/results/rule-sets", body);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(400);
    }
    // A code listed 2,000 times: one issue each, still one answer and nothing written.
    const dup = await save("重复编码", [
      { kind: "exemption", exempt: "codes", note: "重点", codes: Array.from({ length: 2000 }, () => "P301001A") },
      ...CUT_EXCELLENT,
    ]);
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.details.issues).toHaveLength(1999);
    expect(await count("result_rule_sets")).toBe(before);
  });

  it("will not simulate or adopt a rule set of another year, or one that does not exist", async () => {
    const other = await t.call("admin", "POST", "/api/v1/results/rule-sets", {
      fiscalYear: 2024,
      name: "2024年规则",
      rules: CUT_EXCELLENT,
    });
    expect(other.statusCode, other.body).toBe(201);
    for (const url of ["/api/v1/results/simulations", "/api/v1/results/adoptions"]) {
      const res = await t.call("admin", "POST", url, { fiscalYear: 2025, ruleSetId: other.json().id });
      expect(res.statusCode, res.body).toBe(400);
      const missing = await t.call("admin", "POST", url, { fiscalYear: 2025, ruleSetId: 2_147_483_647 });
      expect(missing.statusCode).toBe(404);
    }
    expect(await count("result_adoptions")).toBe(0);
  });

  it("refuses to adopt for a year without requests, and reports an empty summary", async () => {
    const none = await t.call("admin", "POST", "/api/v1/results/rule-sets", {
      fiscalYear: 2024,
      name: "2024年规则二",
      rules: CUT_EXCELLENT,
    });
    const res = await t.call("admin", "POST", "/api/v1/results/adoptions", {
      fiscalYear: 2024,
      ruleSetId: none.json().id,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("RESULT_NO_REQUESTS");
    const s = await t.ok("admin", "GET", "/api/v1/results/summary?year=2024");
    expect(s).toMatchObject({ adoption: null, adoptions: 0, projects: 0, projectsAdjusted: 0, totalCut: 0 });
    expect((await t.call("admin", "GET", "/api/v1/results/adjustments/export.json?year=2024")).statusCode).toBe(404);
  });
});

describe("adoption under contention", () => {
  let first: Row;
  it("two first adoptions at once: one wins, the other is 409 and writes nothing", async () => {
    await t.d.importCsv("requests", REQUESTS);
    const [a, b] = await Promise.all([
      t.call("admin", "POST", "/api/v1/results/adoptions", { fiscalYear: 2025, ruleSetId: ruleSet }),
      t.call("admin", "POST", "/api/v1/results/adoptions", { fiscalYear: 2025, ruleSetId: ruleSet }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    first = (a.statusCode === 201 ? a : b).json();
    expect(await count("result_adoptions")).toBe(1);
    expect(await count("result_adjustments")).toBe(3);
    expect(await count("tasks", "kind = 'result_adjustment'")).toBe(1);
  });

  it("two replacements of the same adoption at once: one wins; a stale `replaces` is refused", async () => {
    const body = { fiscalYear: 2025, ruleSetId: ruleSet, replaces: first.id, reason: "复核后重新采纳" };
    const [a, b] = await Promise.all([
      t.call("admin", "POST", "/api/v1/results/adoptions", body),
      t.call("admin", "POST", "/api/v1/results/adoptions", body),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect(await count("result_adoptions")).toBe(2);
    expect(await count("result_adoptions", "status = 'current'")).toBe(1);
    expect(await count("result_adjustments")).toBe(6);
    const stale = await t.call("admin", "POST", "/api/v1/results/adoptions", body);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("RESULT_ALREADY_ADOPTED");
    // The superseded adoption's notice is closed, the new one open: one open notice per line.
    expect(await count("tasks", "kind = 'result_adjustment' and status = 'todo'")).toBe(1);
    expect(await count("tasks", "kind = 'result_adjustment' and status = 'closed'")).toBe(1);
  });
});

describe("crossing scope", () => {
  let line: Row;
  beforeAll(async () => {
    const list = await t.ok("admin", "GET", "/api/v1/results/adjustments?year=2025&adjustedOnly=true");
    line = list.rows[0];
    expect(line.projectCode).toBe("P301002A");
  });

  it("another unit or department cannot read, acknowledge or export the line; outsiders are refused", async () => {
    for (const who of ["unit1", "health", "cdcu"]) {
      expect((await t.call(who, "GET", `/api/v1/results/adjustments/${line.id}`)).statusCode).toBe(404);
      expect((await t.call(who, "POST", `/api/v1/results/adjustments/${line.id}/acknowledge`)).statusCode).toBe(404);
      const list = await t.ok(who, "GET", "/api/v1/results/adjustments?year=2025");
      expect(list.rows.map((r: Row) => r.projectCode)).not.toContain("P301002A");
      const json = await t.ok(who, "GET", "/api/v1/results/adjustments/export.json?year=2025");
      expect(json.rows.map((r: Row) => r.projectCode)).not.toContain("P301002A");
    }
    for (const who of ["frm", "exp1"]) {
      expect((await t.call(who, "GET", `/api/v1/results/adjustments/${line.id}`)).statusCode).toBe(403);
      expect((await t.call(who, "GET", "/api/v1/results/summary?year=2025")).statusCode).toBe(403);
      expect((await t.call(who, "GET", "/api/v1/results/department-scores?year=2025")).statusCode).toBe(403);
    }
    expect((await t.call("edu", "POST", `/api/v1/results/adjustments/${line.id}/acknowledge`)).statusCode).toBe(403);
    expect((await t.call("admin", "POST", `/api/v1/results/adjustments/${line.id}/acknowledge`)).statusCode).toBe(403);
  });

  it("a unit sees its department's score row only", async () => {
    const s = await t.ok("unit2", "GET", "/api/v1/results/department-scores?year=2025");
    expect(s.rows.map((r: Row) => r.department.code)).toEqual(["301"]);
    const h = await t.ok("cdcu", "GET", "/api/v1/results/department-scores?year=2025");
    expect(h.rows.map((r: Row) => r.department.code)).toEqual(["302"]);
  });

  it("two acknowledgements at once: one marks it read, the other is 409; one audit entry", async () => {
    const [a, b] = await Promise.all([
      t.call("unit2", "POST", `/api/v1/results/adjustments/${line.id}/acknowledge`),
      t.call("unit2", "POST", `/api/v1/results/adjustments/${line.id}/acknowledge`),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect(await count("audit_log", `entity = 'result_adjustment' and action = 'acknowledge'`)).toBe(1);
  });
});

describe("exports", () => {
  it("writes a name that looks like a formula as text, never as a formula", async () => {
    // Imports refuse a cell starting with "=" (IMPORT_MARKUP); a name that got in another way is still text.
    await t.d.importCsv(
      "projects",
      `${PROJECT_HEAD}\n2025,P301003A,三小设备购置,301,301001,一次性,否,1000.00,1000.00,1000.00,0`,
    );
    await t.d.db.orm.execute(
      sql`update projects set name = '=HYPERLINK("http://evil.example","点此")' where code = 'P301003A'`,
    );
    const add = await t.call("admin", "POST", "/api/v1/results/requests", {
      budgetYear: 2026,
      projectCode: "P301003A",
      amount: 100_000,
    });
    expect(add.statusCode, add.body).toBe(201);
    const res = await t.call("admin", "GET", "/api/v1/results/requests/export.xlsx?budgetYear=2026");
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const cells: ExcelJS.Cell[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(c)));
    const evil = cells.find((c) => String(c.value).includes("HYPERLINK"));
    expect(evil?.type).toBe(ExcelJS.ValueType.String);
    expect(cells.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
  });
});

describe("searches", () => {
  it("takes % and _ in a search literally", async () => {
    for (const q of ["%", "_", "\\"]) {
      const r = await t.ok("admin", "GET", `/api/v1/results/requests?budgetYear=2026&q=${encodeURIComponent(q)}`);
      expect(r.total, q).toBe(0);
      const a = await t.ok("admin", "GET", `/api/v1/results/adjustments?year=2025&q=${encodeURIComponent(q)}`);
      expect(a.total, q).toBe(0);
    }
  });
});

describe("a district of thousands of requests", () => {
  const N = 5_000;
  beforeAll(async () => {
    const codes = Array.from({ length: N }, (_, i) => `Q${String(i).padStart(6, "0")}`);
    await t.d.importCsv(
      "projects",
      [PROJECT_HEAD, ...codes.map((c) => `2025,${c},批量项目${c},302,302001,常年性,否,1000.00,1000.00,1000.00,0`)].join(
        "\n",
      ),
    );
    await t.d.importCsv(
      "requests",
      ["预算年度,项目编码,申请金额（元）", ...codes.map((c, i) => `2026,${c},${1000 + i}.01`)].join("\n"),
    );
  }, 120_000);

  it("simulates them in one go", async () => {
    const started = Date.now();
    const s = await t.ok("admin", "POST", "/api/v1/results/simulations", { fiscalYear: 2025, ruleSetId: ruleSet });
    expect(s.rows.length).toBeGreaterThan(N);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it("refuses an export that would not hold every request, rather than cutting it short", async () => {
    const res = await t.call("admin", "GET", "/api/v1/results/requests/export.xlsx?budgetYear=2026");
    expect(res.statusCode, res.body.slice(0, 300)).toBe(400);
    expect(res.json().error.code).toBe("RESULT_EXPORT_TOO_MANY");
    expect(res.json().error.message).toContain(`共 ${N + 4} 条`);
    const edu = await t.call(
      "admin",
      "GET",
      `/api/v1/results/requests/export.xlsx?budgetYear=2026&departmentId=${await t.org("301")}`,
    );
    expect(edu.statusCode).toBe(200);
  });

  it("refuses an adjustment list export that would not hold every line, in Excel and JSON", async () => {
    const more = Array.from({ length: 15_000 }, (_, i) => `R${String(i).padStart(6, "0")}`);
    await t.d.importCsv(
      "projects",
      [PROJECT_HEAD, ...more.map((c) => `2025,${c},批量项目${c},302,302001,常年性,否,1000.00,1000.00,1000.00,0`)].join(
        "\n",
      ),
    );
    await t.d.importCsv(
      "requests",
      ["预算年度,项目编码,申请金额（元）", ...more.map((c) => `2026,${c},10.00`)].join("\n"),
    );
    const current = (await t.ok("admin", "GET", "/api/v1/results/adoptions?year=2025")).adoptions[0];
    const adopted = await t.call("admin", "POST", "/api/v1/results/adoptions", {
      fiscalYear: 2025,
      ruleSetId: ruleSet,
      replaces: current.id,
      reason: "全部申请导入后重新采纳",
    });
    expect(adopted.statusCode, adopted.body.slice(0, 300)).toBe(201);
    expect(adopted.json().projects).toBe(N + 15_004);
    for (const file of ["export.xlsx", "export.json"]) {
      const res = await t.call("admin", "GET", `/api/v1/results/adjustments/${file}?year=2025`);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(400);
      expect(res.json().error).toMatchObject({ code: "RESULT_EXPORT_TOO_MANY", details: { total: N + 15_004 } });
      const edu = await t.call(
        "admin",
        "GET",
        `/api/v1/results/adjustments/${file}?year=2025&departmentId=${await t.org("301")}`,
      );
      expect(edu.statusCode).toBe(200);
    }
  }, 180_000);
});
