import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../../src/app/context";
import { rows } from "../../src/db/repos/rows";
import { type SmallDistrict, smallDistrict } from "../support/district";

/**
 * Dual monitoring in a district that starts from an empty database: its own files (organisations, 2025
 * budgets, monthly execution to July), goal tables declared and approved through the workflow, then a
 * monitoring round as of July: departments choose, finance picks key projects, units fill the prefilled
 * forms, departments and finance review.
 */
let now = new Date("2024-09-10T02:00:00Z");
const clock: Clock = { now: () => now };
let d: SmallDistrict;

const ORGS = `单位编码,单位名称,单位类型,上级编码,所属行业
301,测试区教育局,主管部门,,教育
301001,测试区第一小学,预算单位,301,教育
301002,测试区第二小学,预算单位,301,教育
302,测试区卫生健康局,主管部门,,卫生健康
302001,测试区疾控中心,预算单位,302,卫生健康`;

const PROJECTS = `预算年度,项目编码,项目名称,主管部门编码,实施单位编码,项目类别,重点项目,年初预算数（元）,全年预算数（元）,财政拨款（元）,其他资金（元）
2025,P301001A,一小校舍维修,301,301001,一次性,否,500000.00,500000.00,500000.00,0
2025,P301001B,一小课后服务补助,301,301001,常年性,否,300000.00,300000.00,300000.00,0
2025,P301002A,二小图书购置,301,301002,一次性,否,0,0,0,0
2025,P302001A,疾控免疫规划,302,302001,常年性,是,800000.00,800000.00,700000.00,100000.00`;

const DEPT_BUDGETS = `预算年度,主管部门编码,年初预算数（元）,全年预算数（元）,财政拨款（元）,其他资金（元）
2025,301,9000000.00,9000000.00,8800000.00,200000.00
2025,302,6000000.00,6000000.00,6000000.00,0`;

// 一小校舍维修 pays 20,000 a month (28.00% by July: red); 疾控 pays 480,000 by July (60.00%: green).
const EXECUTION = [
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

const call = (who: string, method: string, url: string, body?: unknown) => d.as(d.who(who), method, url, body);
const ok = async (who: string, method: string, url: string, body?: unknown, status = 200) => {
  const res = await call(who, method, url, body);
  expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 500)}`).toBe(status);
  return status === 204 ? null : res.json();
};

/** Declares a sound table, then it goes through the desks to approval. */
async function approveGoals(declarer: string, desks: string[], code: string) {
  const list = await ok(declarer, "GET", `/api/v1/goals/tables?year=2025&q=${code}`);
  const table = list.rows.find((r: { subjectCode: string }) => r.subjectCode === code);
  const url = `/api/v1/goals/tables/${table.id}`;
  const version = async (who: string) => (await ok(who, "GET", url)).version;
  await ok(declarer, "PUT", url, { version: await version(declarer), ...SOUND });
  for (const [who, action] of [[declarer, "submit"], ...desks.map((w) => [w, "approve"])] as const)
    await ok(who, "POST", `${url}/actions`, { version: await version(who), action });
}

let round: { id: number };
const reportOf = async (who: string, code: string) => {
  const list = await ok(who, "GET", `/api/v1/monitoring/reports?roundId=${round.id}&q=${code}`);
  const row = list.rows.find((r: { code: string }) => r.code === code);
  return ok(who, "GET", `/api/v1/monitoring/reports/${row.id}`);
};

beforeAll(async () => {
  d = await smallDistrict(clock);
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
}, 120_000);
afterAll(async () => {
  await d.close();
});

describe("monitoring in a district from zero", () => {
  it("refuses a round with a bad month or due date, and writes nothing", async () => {
    const month = await call("admin", "POST", "/api/v1/monitoring/rounds", {
      fiscalYear: 2025,
      cutoffMonth: 13,
      dueOn: "2025-08-31",
      selectionDueOn: "2025-08-15",
    });
    expect(month.statusCode).toBe(400);
    const early = await call("admin", "POST", "/api/v1/monitoring/rounds", {
      fiscalYear: 2025,
      cutoffMonth: 7,
      dueOn: "2025-07-20",
      selectionDueOn: "2025-07-10",
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error).toMatchObject({
      code: "MONITORING_ROUND_INVALID",
      message: "填报截止日期须晚于 7 月末（2025-07-31）",
    });
    const none = await call("admin", "POST", "/api/v1/monitoring/rounds", {
      fiscalYear: 2026,
      cutoffMonth: 7,
      dueOn: "2026-08-31",
      selectionDueOn: "2026-08-15",
    });
    expect(none.json().error.code).toBe("PLAN_NO_BUDGET");
    expect((await call("edu", "POST", "/api/v1/monitoring/rounds", {})).statusCode).toBe(403);
    expect(await rows(d.db.orm, sql`select id from monitoring_rounds`)).toEqual([]);
  });

  it("opens a round as of July: a choosing task for each department, once", async () => {
    const opened = await ok(
      "admin",
      "POST",
      "/api/v1/monitoring/rounds",
      { fiscalYear: 2025, cutoffMonth: 7, dueOn: "2025-08-31", selectionDueOn: "2025-08-15" },
      201,
    );
    expect(opened).toMatchObject({ departments: 2, round: { cutoffMonth: 7, timeProgress: "58.33", status: "open" } });
    round = opened.round;
    const again = await call("admin", "POST", "/api/v1/monitoring/rounds", {
      fiscalYear: 2025,
      cutoffMonth: 7,
      dueOn: "2025-09-10",
      selectionDueOn: "2025-08-20",
    });
    expect([again.statusCode, again.json().error.code]).toEqual([409, "MONITORING_ROUND_EXISTS"]);
    const inbox = await ok("edu", "GET", "/api/v1/tasks/inbox");
    expect(inbox.tasks.map((t: { title: string }) => t.title)).toContain(
      "2025年度绩效运行监控（截至7月）：选取监控对象",
    );
    // The selection task opens the round's selection page.
    expect(inbox.tasks.find((t: { kind: string }) => t.kind === "monitoring_selection").link).toBe(
      `/monitoring/rounds/${round.id}/select`,
    );
    const rounds = await ok("unit1", "GET", "/api/v1/monitoring/rounds?year=2025");
    expect(rounds).toMatchObject({ executionMonths: 7, rounds: [{ id: round.id }] });
  });

  it("lets a department choose among its own subjects with approved goals only", async () => {
    const candidates = await ok("edu", "GET", `/api/v1/monitoring/rounds/${round.id}/candidates`);
    expect(candidates.map((c: { code: string }) => c.code)).toEqual(["301", "P301001A", "P301001B", "P301002A"]);
    const byCode = Object.fromEntries(candidates.map((c: { code: string }) => [c.code, c]));
    expect(byCode.P301001A).toMatchObject({ budget: 50_000_000, executed: 14_000_000, rate: "28.00" });
    expect(byCode.P301001B.goalTableId).toBeNull();
    const edu = byCode["301"].department.id;
    const url = `/api/v1/monitoring/rounds/${round.id}/selections/${edu}/subjects`;
    const noGoals = await call("edu", "POST", url, { subjects: [{ subjectKind: "project", id: byCode.P301001B.id }] });
    expect(noGoals.statusCode).toBe(400);
    expect(noGoals.json().error).toMatchObject({
      code: "MONITORING_NO_APPROVED_GOALS",
      message: "“一小课后服务补助”（P301001B）没有已批复的绩效目标表，须先完成目标申报审核才能监控",
    });
    // Another department's project, or choosing for another department, is refused.
    const health = await ok("health", "GET", `/api/v1/monitoring/rounds/${round.id}/candidates`);
    const cdcProject = health.find((c: { code: string }) => c.code === "P302001A");
    const foreign = await call("edu", "POST", url, { subjects: [{ subjectKind: "project", id: cdcProject.id }] });
    expect(foreign.json().error.code).toBe("MONITORING_SELECTION_INVALID");
    const otherDesk = await call(
      "edu",
      "POST",
      `/api/v1/monitoring/rounds/${round.id}/selections/${cdcProject.department.id}/subjects`,
      {
        subjects: [{ subjectKind: "project", id: cdcProject.id }],
      },
    );
    expect(otherDesk.statusCode).toBe(403);
    expect(
      (await call("unit1", "POST", url, { subjects: [{ subjectKind: "project", id: byCode.P301001A.id }] })).statusCode,
    ).toBe(403);
    expect(await rows(d.db.orm, sql`select id from monitoring_reports`)).toEqual([]);

    const chosen = await ok("edu", "POST", url, {
      subjects: [
        { subjectKind: "project", id: byCode.P301001A.id },
        { subjectKind: "deptWide", id: byCode["301"].id },
      ],
    });
    expect(chosen).toEqual({ created: 2, converted: 0, existing: 0 });
    const twice = await ok("edu", "POST", url, { subjects: [{ subjectKind: "project", id: byCode.P301001A.id }] });
    expect(twice).toEqual({ created: 0, converted: 0, existing: 1 });
    const unitInbox = await ok("unit1", "GET", "/api/v1/tasks/inbox");
    expect(unitInbox.tasks.find((t: { kind: string }) => t.kind === "monitoring_department")).toMatchObject({
      title: "2025年度绩效运行监控（截至7月）：一小校舍维修",
      kind: "monitoring_department",
      dueOn: "2025-08-31",
      link: expect.stringMatching(/^\/monitoring\/reports\/\d+$/),
    });
    const selections = await ok("edu", "GET", `/api/v1/monitoring/rounds/${round.id}/selections`);
    expect(selections).toHaveLength(1);
    expect(selections[0]).toMatchObject({ departmentReports: 2, taskStatus: "in_progress", candidates: 2 });
    const confirmed = await ok("edu", "POST", `/api/v1/monitoring/rounds/${round.id}/selections/${edu}/confirm`, {
      confirmed: true,
    });
    expect(confirmed.taskStatus).toBe("done");
  });

  it("lets finance pick a key project itself", async () => {
    const all = await ok("admin", "GET", `/api/v1/monitoring/rounds/${round.id}/candidates?q=疾控`);
    const picked = await ok("admin", "POST", `/api/v1/monitoring/rounds/${round.id}/key-picks`, {
      subjects: [{ subjectKind: "project", id: all[0].id }],
    });
    expect(picked).toEqual({ created: 1, converted: 0, existing: 0 });
    expect((await ok("cdc", "GET", "/api/v1/tasks/inbox")).tasks[0]).toMatchObject({
      kind: "monitoring_key",
      title: "2025年度财政重点监控（截至7月）：疾控免疫规划",
    });
    expect(
      (await call("edu", "POST", `/api/v1/monitoring/rounds/${round.id}/key-picks`, { subjects: [] })).statusCode,
    ).toBe(403);
  });

  it("opens the unit's form prefilled from the execution and the approved goals", async () => {
    const report = await reportOf("unit1", "P301001A");
    expect(report.execution).toMatchObject({
      budget: 50_000_000,
      executed: 14_000_000,
      rate: "28.00",
      timeProgress: "58.33",
      light: "red",
    });
    expect(report.execution.byMonth).toEqual([...Array(7).fill(2_000_000), 0, 0, 0, 0, 0]);
    expect(report.items.map((i: { name: string }) => i.name)).toEqual(SOUND.indicators.map((i) => i.name));
    expect(report.items[0]).toMatchObject({ target: "1200", unit: "平方米", likelihood: null, progress: null });
    expect(report).toMatchObject({ editable: true, allowedActions: ["submit"], status: "draft", light: "red" });
    expect(report.reasons[0]).toContain("执行率 28.00%");
    // Another unit does not see it.
    expect((await call("unit2", "GET", `/api/v1/monitoring/reports/${report.id}`)).statusCode).toBe(404);
    expect((await call("unit2", "PUT", `/api/v1/monitoring/reports/${report.id}`, {})).statusCode).toBe(400);
  });

  it("refuses wrong types by name and keeps nothing; submits only a complete form", async () => {
    let report = await reportOf("unit1", "P301001A");
    const url = `/api/v1/monitoring/reports/${report.id}`;
    const blank = { progress: null, expected: null, likelihood: null, cause: null, causeNote: null, measures: null };
    const body = (items: object[]) => ({
      version: report.version,
      overallStatus: "维修工程已完成招标，正在施工。",
      expectedYearEnd: 50_000_000,
      executionNote: null,
      items,
    });
    const wrong = await call("unit1", "PUT", url, body([{ uid: report.items[0].uid, ...blank, progress: "大约一半" }]));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe("MONITORING_REPORT_INVALID");
    expect(wrong.json().error.message).toContain("维修面积");
    expect((await ok("unit1", "GET", url)).version).toBe(report.version);

    report = await ok(
      "unit1",
      "PUT",
      url,
      body([{ uid: report.items[0].uid, ...blank, progress: "600", likelihood: "possible" }]),
    );
    expect(report.issues.some((i: { field: string }) => i.field.endsWith(".measures"))).toBe(true);
    const early = await call("unit1", "POST", `${url}/actions`, { version: report.version, action: "submit" });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.code).toBe("MONITORING_REPORT_INCOMPLETE");

    const answers = report.items.map((i: { uid: string }, n: number) => ({
      uid: i.uid,
      progress: "600",
      expected: "1200",
      likelihood: n === 4 ? "impossible" : "certain",
      cause: n === 4 ? "经费保障" : null,
      causeNote: n === 4 ? "资金到位晚" : null,
      measures: n === 4 ? "加快拨付进度" : null,
    }));
    report = await ok("unit1", "PUT", url, body(answers));
    expect(report.issues).toEqual([]);
    expect(report.light).toBe("red");
    expect(report.reasons).toContain("指标“消除安全隐患处数”预计完全不可能完成");
    const task = (await ok("unit1", "GET", "/api/v1/tasks?year=2025&kind=monitoring_department")).rows[0];
    expect(task.status).toBe("in_progress");
    report = await ok("unit1", "POST", `${url}/actions`, {
      version: report.version,
      action: "submit",
      note: "首次填报",
    });
    expect(report).toMatchObject({ status: "submitted", editable: false });
  });

  it("goes to the department, then finance's review with its comment; the task is done", async () => {
    let report = await reportOf("edu", "P301001A");
    expect(report.allowedActions).toEqual(["approve", "return"]);
    const url = `/api/v1/monitoring/reports/${report.id}/actions`;
    report = await ok("edu", "POST", url, { version: report.version, action: "approve" });
    expect(report.status).toBe("dept_approved");
    report = await ok("admin", "POST", url, {
      version: report.version,
      action: "approve",
      comment: "执行进度滞后，须加快支出",
    });
    expect(report.status).toBe("approved");
    const task = (await ok("unit1", "GET", "/api/v1/tasks?year=2025&kind=monitoring_department")).rows[0];
    expect(task.status).toBe("done");
    const notes = await ok("unit1", "GET", "/api/v1/notifications?pageSize=5");
    expect(notes.rows[0]).toMatchObject({
      title: "监控表已复核：一小校舍维修",
      body: "复核意见：执行进度滞后，须加快支出",
    });
  });

  it("returns a key report with a comment on an indicator, and takes it again", async () => {
    let report = await reportOf("cdc", "P302001A");
    expect(report.execution).toMatchObject({ rate: "60.00", light: "green" });
    const url = `/api/v1/monitoring/reports/${report.id}`;
    report = await ok("cdc", "PUT", url, {
      version: report.version,
      overallStatus: "免疫规划按计划推进。",
      expectedYearEnd: 80_000_000,
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
    expect(report.light).toBe("green");
    report = await ok("cdc", "POST", `${url}/actions`, { version: report.version, action: "submit" });
    report = await ok("health", "POST", `${url}/actions`, { version: report.version, action: "approve" });
    const noComment = await call("admin", "POST", `${url}/actions`, { version: report.version, action: "return" });
    expect(noComment.json().error.code).toBe("MONITORING_RETURN_NEEDS_COMMENT");
    report = await ok("admin", "POST", `${url}/actions`, {
      version: report.version,
      action: "return",
      comment: "请核实完成值",
      itemComments: { [report.items[0].uid]: "维修面积的完成值与进度不符" },
    });
    expect(report).toMatchObject({ status: "returned", statusText: "已退回（财政）" });
    expect((await reportOf("cdc", "P302001A")).editable).toBe(true);
    const task = (await ok("cdc", "GET", "/api/v1/tasks/inbox")).tasks[0];
    expect(task.status).toBe("returned");
  });

  it("lists reports with their lights, and counts the year", async () => {
    const red = await ok("admin", "GET", `/api/v1/monitoring/reports?roundId=${round.id}&light=red`);
    expect(red.rows.map((r: { code: string }) => r.code)).toEqual(["P301001A"]);
    const byRate = await ok("admin", "GET", `/api/v1/monitoring/reports?roundId=${round.id}&sort=rate&order=desc`);
    expect(byRate.rows.map((r: { code: string; rate: string }) => `${r.code} ${r.rate}`)).toEqual([
      "301 62.22",
      "P302001A 60.00",
      "P301001A 28.00",
    ]);
    // A unit lists its own reports only.
    const mine = await ok("unit1", "GET", `/api/v1/monitoring/reports?roundId=${round.id}`);
    expect(mine.total).toBe(1);
    const summary = await ok("admin", "GET", "/api/v1/monitoring/summary?year=2025");
    expect(summary).toMatchObject({
      fiscalYear: 2025,
      rounds: 1,
      tasks: { department: { total: 2 }, key: { total: 1 } },
      lights: { red: 1, green: 2, yellow: 0, none: 0 },
    });
    expect(summary.tasks.department.byStatus).toMatchObject({ done: 1, todo: 1 });
    expect(summary.tasks.key.byStatus).toMatchObject({ returned: 1 });
  });

  it("takes back a subject chosen by mistake while untouched, never one being filled", async () => {
    const dept = await reportOf("edu", "301");
    const filled = await reportOf("edu", "P301001A");
    const refused = await call("edu", "DELETE", `/api/v1/monitoring/reports/${filled.id}`);
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, "MONITORING_NOT_EDITABLE"]);
    await ok("edu", "DELETE", `/api/v1/monitoring/reports/${dept.id}`, undefined, 204);
    expect((await call("edu", "GET", `/api/v1/monitoring/reports/${dept.id}`)).statusCode).toBe(404);
    const tasks = await rows(
      d.db.orm,
      sql`select id from tasks where object_kind = 'monitoring_report' and object_id = ${dept.id}`,
    );
    expect(tasks).toEqual([]);
  });

  it("ranks key candidates by their reasons and draws from them once, with a record that replays", async () => {
    const ranked = await ok("admin", "GET", `/api/v1/monitoring/rounds/${round.id}/key-candidates`);
    const byCode = Object.fromEntries(ranked.map((c: { code: string }) => [c.code, c]));
    expect(byCode.P301001A.reasons).toEqual(["lagging"]);
    expect(byCode.P301001A.reasonText).toContain("执行率 28.00%");
    expect(byCode.P302001A.reasons).toEqual(["key_project"]);
    expect(byCode.P302001A.report).toMatchObject({ kind: "key" });
    expect((await call("edu", "GET", `/api/v1/monitoring/rounds/${round.id}/key-candidates`)).statusCode).toBe(403);
    expect((await ok("admin", "GET", `/api/v1/monitoring/rounds/${round.id}/key-draw`)).draw).toBeNull();
    const drawn = await ok(
      "admin",
      "POST",
      `/api/v1/monitoring/rounds/${round.id}/key-draw`,
      { count: 1, onlyWithReasons: ["lagging"] },
      201,
    );
    // The only lagging project left to draw is 一小校舍维修 (already a department report): it turns key.
    expect(drawn.picks.map((p: { code: string }) => p.code)).toEqual(["P301001A"]);
    expect(drawn).toMatchObject({ algorithm: "key-monitoring-v1", created: 0, converted: 1 });
    expect(drawn.params.seed).toMatch(/^[0-9a-f]{32}$/);
    const again = await call("admin", "POST", `/api/v1/monitoring/rounds/${round.id}/key-draw`, { count: 1 });
    expect([again.statusCode, again.json().error.code]).toEqual([409, "DRAW_EXISTS"]);
    const replay = (await ok("admin", "GET", `/api/v1/monitoring/rounds/${round.id}/key-draw`)).replay;
    expect(replay).toEqual({ matches: true, differences: [] });
    // The record holds every project of the region with its budget: a department does not read it.
    expect((await call("edu", "GET", `/api/v1/monitoring/rounds/${round.id}/key-draw`)).statusCode).toBe(403);
    const task = (await ok("unit1", "GET", "/api/v1/tasks?year=2025&kind=monitoring_key")).rows[0];
    expect(task).toMatchObject({ status: "done" });
  });

  it("lets finance preview and save a new warning line, with a reason; lights follow", async () => {
    const rules = await ok("edu", "GET", "/api/v1/monitoring/rules?year=2025");
    expect(rules).toMatchObject({ redGapPoints: 15, setForYear: null, history: [] });
    const body = { redGapPoints: 40, possibleMakesYellow: false, causeCategories: rules.causeCategories };
    const preview = await ok("admin", "POST", "/api/v1/monitoring/rules/preview?year=2025", body);
    // 一小校舍维修 stays red through its impossible indicator; nothing changes colour.
    expect(preview).toMatchObject({
      reports: 2,
      before: { red: 1, green: 1 },
      after: { red: 1, green: 1 },
      changed: [],
    });
    const noReason = await call("admin", "PUT", "/api/v1/monitoring/rules?year=2025", { ...body, reason: " " });
    expect(noReason.json().error).toMatchObject({ code: "MONITORING_RULES_INVALID", message: "请填写修改说明" });
    const bad = await call("admin", "PUT", "/api/v1/monitoring/rules?year=2025", {
      ...body,
      causeCategories: ["经费", "经费"],
      reason: "x",
    });
    expect(bad.json().error.code).toBe("MONITORING_RULES_INVALID");
    expect((await call("edu", "PUT", "/api/v1/monitoring/rules?year=2025", { ...body, reason: "x" })).statusCode).toBe(
      403,
    );
    const saved = await ok("admin", "PUT", "/api/v1/monitoring/rules?year=2025", {
      ...body,
      reason: "本年度放宽红灯线",
    });
    expect(saved).toMatchObject({ version: "2025.1", redGapPoints: 40, setForYear: 2025 });
    expect(saved.history[0]).toMatchObject({ version: "2025.1", note: "本年度放宽红灯线" });
    const report = await reportOf("admin", "P301001A");
    // The gap of 30.33 points is now within the line: the execution is yellow (the impossible indicator keeps it red).
    expect(report.execution.light).toBe("yellow");
    expect(report.light).toBe("red");
    expect(report.rulesVersion).toBe("2025.1");
  });
});
