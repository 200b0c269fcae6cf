import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MonitoringDistrict, monitoringDistrict } from "../support/monitoring-district";

/**
 * Self-evaluation in a district that starts from an empty database: its own files, goal tables approved
 * through the workflow, the year's execution imported; finance opens 单位自评, the unit fills the prefilled
 * form (scored as it types), submits, the department and finance review.
 */
let m: MonitoringDistrict;
const ok = async (who: string, method: string, url: string, body?: unknown) => {
  const res = await m.d.as(m.d.who(who), method, url, body);
  expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 600)}`).toBe(200);
  return res.json();
};

interface Item {
  uid: string;
  name: string;
  weight: number;
  kind: string;
  score: { status: string; points: number | null; how: string };
  answers: Record<string, unknown>;
}

beforeAll(async () => {
  m = await monitoringDistrict();
  // The rest of the year's execution, imported in January.
  m.setNow(new Date("2026-01-10T02:00:00Z"));
  await m.d.signInAgain();
});
afterAll(async () => {
  await m?.d.close();
});

const formOf = async (who: string, code: string) => {
  const list = await ok(who, "GET", `/api/v1/selfeval/forms?year=2025&q=${code}`);
  const row = list.rows.find((r: { code: string }) => r.code === code);
  expect(row, `form of ${code}`).toBeTruthy();
  return ok(who, "GET", `/api/v1/selfeval/forms/${row.id}`);
};

describe("self-evaluation from zero", () => {
  it("the rules can be changed before the year opens, and are frozen after", async () => {
    const rules = await ok("admin", "GET", "/api/v1/selfeval/rules?year=2025");
    expect(rules).toMatchObject({ version: "2024.1", locked: false, project: { executionWeight: 10 } });
    const { fiscalYear: _y, version: _v, setForYear: _s, locked: _l, history: _h, ...body } = rules;
    const bad = await m.d.as(m.d.who("admin"), "PUT", "/api/v1/selfeval/rules?year=2025", {
      ...body,
      project: { ...body.project, executionWeight: 20 },
      reason: "执行率改为20分",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: "SELFEVAL_RULES_INVALID", details: { field: "project.levels" } });
    const saved = await ok("admin", "PUT", "/api/v1/selfeval/rules?year=2025", {
      ...body,
      overrateThreshold: 8,
      reason: "自评偏高提示线改为8分",
    });
    expect(saved).toMatchObject({ version: "2025.1", overrateThreshold: 8, setForYear: 2025 });
  });

  it("opening issues a form per subject with an approved goal table and a task per filler", async () => {
    const bad = await m.d.as(m.d.who("admin"), "POST", "/api/v1/selfeval/rounds", {
      fiscalYear: 2025,
      dueOn: "2025-12-01",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe("SELFEVAL_ROUND_INVALID");
    const opened = await ok("admin", "POST", "/api/v1/selfeval/rounds", { fiscalYear: 2025, dueOn: "2026-02-28" });
    // Approved: 一小校舍维修, 疾控免疫规划, 教育局 as a whole; the other three have no approved table.
    expect(opened).toMatchObject({ forms: 3, tasks: 3, withoutGoals: 3, round: { rulesVersion: "2025.1" } });
    const again = await ok("admin", "POST", "/api/v1/selfeval/rounds", { fiscalYear: 2025, dueOn: "2026-03-15" });
    expect(again).toMatchObject({ forms: 0, tasks: 0, round: { dueOn: "2026-03-15" } });
    const inbox = await ok("unit1", "GET", "/api/v1/tasks?year=2025&kind=selfeval");
    expect(inbox.rows).toHaveLength(1);
    expect(inbox.rows[0]).toMatchObject({ kind: "selfeval", status: "todo", dueOn: "2026-03-15" });
    const locked = await m.d.as(m.d.who("admin"), "PUT", "/api/v1/selfeval/rules?year=2025", {
      ...(await ok("admin", "GET", "/api/v1/selfeval/rules?year=2025")),
      reason: "再改",
    });
    expect(locked.statusCode).toBe(409);
  });

  it("the form comes prefilled with the budget, execution and indicators, with points by the rules", async () => {
    const form = await formOf("unit1", "P301001A");
    expect(form.figures).toMatchObject({
      startBudget: 50_000_000,
      adjustedBudget: 50_000_000,
      executed: 14_000_000,
      rate: "28.00",
      live: true,
    });
    expect(form.executionWeight).toBe(10);
    // Output 50 shared 20:15:10:15, benefit 30 shared 20:10, satisfaction 10.
    expect(form.items.map((i: Item) => i.weight)).toEqual([16.67, 12.5, 8.33, 12.5, 20, 10, 10]);
    expect(form.score).toMatchObject({ total: null, unscorable: 7 });
    expect(form.score.execution).toMatchObject({ points: 2.8, rate: "28.00" });
    expect(form.editable).toBe(true);
  });

  it("values of the wrong type are refused with the indicator named, and nothing is written", async () => {
    const form = await formOf("unit1", "P301001A");
    const area = form.items.find((i: Item) => i.name === "维修面积");
    const res = await m.d.as(m.d.who("unit1"), "PUT", `/api/v1/selfeval/forms/${form.id}`, {
      version: form.version,
      overallActual: "",
      items: [{ uid: area.uid, actual: "约1200" }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: "SELFEVAL_FORM_INVALID",
      details: { field: `items.${area.uid}.actual` },
    });
    expect(res.json().error.message).toContain("维修面积");
    expect((await formOf("unit1", "P301001A")).version).toBe(form.version);
  });

  it("scores as the unit types, and a submission needs every explanation", async () => {
    const form = await formOf("unit1", "P301001A");
    const actuals: Record<string, string> = {
      维修面积: "1000",
      工程验收合格率: "100%",
      完工时间: "9",
      维修单价: "380",
      消除安全隐患处数: "12",
      校舍使用年限延长: "10",
      师生满意度: "95%",
    };
    const saved = await ok("unit1", "PUT", `/api/v1/selfeval/forms/${form.id}`, {
      version: form.version,
      overallActual: "",
      items: form.items.map((i: Item) => ({ uid: i.uid, actual: actuals[i.name] })),
    });
    const points = Object.fromEntries(saved.items.map((i: Item) => [i.name, i.score.points]));
    // 1000/1200 × 16.67 = 13.89; 8/9 × 8.33 = 7.40; the rest full; execution 28% × 10 = 2.80.
    expect(points).toMatchObject({ 维修面积: 13.89, 完工时间: 7.4, 维修单价: 12.5, 师生满意度: 10 });
    expect(saved.score).toMatchObject({ total: 89.09, grade: "good" });
    const incomplete = await m.d.as(m.d.who("unit1"), "POST", `/api/v1/selfeval/forms/${form.id}/actions`, {
      version: saved.version,
      action: "submit",
    });
    expect(incomplete.statusCode).toBe(400);
    const fields = incomplete.json().error.details.issues.map((i: { field: string }) => i.field);
    const uidOf = (name: string) => saved.items.find((i: Item) => i.name === name).uid;
    expect(fields).toEqual(
      expect.arrayContaining(["overallActual", `items.${uidOf("维修面积")}.note`, `items.${uidOf("完工时间")}.note`]),
    );
    expect(fields).toHaveLength(3);
    const filled = await ok("unit1", "PUT", `/api/v1/selfeval/forms/${form.id}`, {
      version: saved.version,
      overallActual: "完成维修1000平方米，消除隐患12处。",
      items: [
        { uid: uidOf("维修面积"), note: "二期工程因雨季顺延至次年" },
        { uid: uidOf("完工时间"), note: "雨季停工一个月" },
      ],
    });
    const submitted = await ok("unit1", "POST", `/api/v1/selfeval/forms/${form.id}/actions`, {
      version: filled.version,
      action: "submit",
    });
    expect(submitted).toMatchObject({ status: "submitted", editable: false, figures: { live: false } });
    const inbox = await ok("unit1", "GET", "/api/v1/tasks?year=2025&kind=selfeval");
    expect(inbox.rows[0].status).toBe("submitted");
  });

  it("another unit cannot see the form; the department approves, finance returns, then approves", async () => {
    const form = await formOf("unit1", "P301001A");
    expect((await m.d.as(m.d.who("unit2"), "GET", `/api/v1/selfeval/forms/${form.id}`)).statusCode).toBe(404);
    expect((await m.d.as(m.d.who("cdc"), "GET", `/api/v1/selfeval/forms/${form.id}`)).statusCode).toBe(404);
    const act = (who: string, version: number, action: string, extra: object = {}) =>
      ok(who, "POST", `/api/v1/selfeval/forms/${form.id}/actions`, { version, action, ...extra });
    const byDept = await act("edu", form.version, "approve");
    expect(byDept.status).toBe("dept_approved");
    const noComment = await m.d.as(m.d.who("admin"), "POST", `/api/v1/selfeval/forms/${form.id}/actions`, {
      version: byDept.version,
      action: "return",
    });
    expect(noComment.statusCode).toBe(400);
    const area = form.items.find((i: Item) => i.name === "维修面积");
    const returned = await act("admin", byDept.version, "return", {
      comment: "请补充二期工程的完成计划",
      itemComments: { [area.uid]: "顺延部分须写明完成时间" },
    });
    expect(returned).toMatchObject({ status: "returned", editable: false, figures: { live: true } });
    const review = await ok("unit1", "GET", `/api/v1/selfeval/forms/${form.id}/review`);
    expect(review.comments.map((c: { body: string }) => c.body)).toEqual(
      expect.arrayContaining(["请补充二期工程的完成计划", "顺延部分须写明完成时间"]),
    );
    const mine = await formOf("unit1", "P301001A");
    const fixed = await ok("unit1", "PUT", `/api/v1/selfeval/forms/${form.id}`, {
      version: mine.version,
      overallActual: mine.overallActual,
      items: [{ uid: area.uid, note: "二期工程因雨季顺延，2026年4月底前完成" }],
    });
    const again = await ok("unit1", "POST", `/api/v1/selfeval/forms/${form.id}/actions`, {
      version: fixed.version,
      action: "submit",
      note: "补充完成计划",
    });
    const dept = await act("edu", again.version, "approve");
    const approved = await act("admin", dept.version, "approve", { comment: "同意" });
    expect(approved).toMatchObject({ status: "approved", score: { total: 89.09, grade: "good" } });
    const inbox = await ok("unit1", "GET", "/api/v1/tasks?year=2025&kind=selfeval");
    expect(inbox.rows[0].status).toBe("done");
  });

  it("an approved score keeps the figures it was submitted with", async () => {
    await m.d.importCsv("execution", "预算年度,项目编码,月份,支付数（元）\n2025,P301001A,12,300000.00");
    const form = await formOf("admin", "P301001A");
    expect(form.figures).toMatchObject({ executed: 14_000_000, live: false });
    expect(form.score.total).toBe(89.09);
  });

  it("a department as a whole is scored by the template, its execution rate read from the budget", async () => {
    const form = await formOf("edu", "301");
    expect(form.subjectKind).toBe("deptWide");
    const rate = form.items.find((i: Item) => i.name === "预算执行率");
    // 800,000 a month to July of 9,000,000.
    expect(rate.score).toMatchObject({ status: "scored" });
    expect(rate.score.how).toContain("62.22");
    expect(form.items.reduce((s: number, i: Item) => s + i.weight, 0)).toBeCloseTo(100, 6);
    expect((await m.d.as(m.d.who("unit1"), "GET", `/api/v1/selfeval/forms/${form.id}`)).statusCode).toBe(404);
  });

  it("coverage counts the region's subjects, forms, submissions and money", async () => {
    const c = await ok("admin", "GET", "/api/v1/selfeval/coverage?year=2025");
    expect(c.project).toMatchObject({ subjects: 4, forms: 2, submitted: 1, approved: 1, approvedBudget: 50_000_000 });
    expect(c.deptWide).toMatchObject({ subjects: 2, forms: 1, submitted: 0 });
    expect(c.project.submittedShare).toBe("25.00");
    const edu = await ok("edu", "GET", "/api/v1/selfeval/coverage?year=2025");
    expect(edu.departments.map((r: { department: { code: string } }) => r.department.code)).toEqual(["301"]);
  });
});
