import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../../src/app/context";
import { type SmallDistrict, smallDistrict } from "../support/district";

/**
 * The review threads of a monitoring report: the department returns it with a comment on an indicator, the
 * unit answers while the report is back in its hands, resubmits (the answer is frozen), and finance's 复核
 * comment joins the record.
 */
let now = new Date("2024-09-10T02:00:00Z");
const clock: Clock = { now: () => now };
let d: SmallDistrict;

const ORGS = `单位编码,单位名称,单位类型,上级编码,所属行业
301,测试区教育局,主管部门,,教育
301001,测试区第一小学,预算单位,301,教育
301002,测试区第二小学,预算单位,301,教育`;

const PROJECTS = `预算年度,项目编码,项目名称,主管部门编码,实施单位编码,项目类别,重点项目,年初预算数（元）,全年预算数（元）,财政拨款（元）,其他资金（元）
2025,P301001A,一小校舍维修,301,301001,一次性,否,500000.00,500000.00,500000.00,0`;

const DEPT_BUDGETS = `预算年度,主管部门编码,年初预算数（元）,全年预算数（元）,财政拨款（元）,其他资金（元）
2025,301,9000000.00,9000000.00,8800000.00,200000.00`;

const EXECUTION = [
  "预算年度,项目编码,月份,支付数（元）",
  ...[1, 2, 3, 4, 5, 6, 7].map((m) => `2025,P301001A,${m},20000.00`),
].join("\n");

const GOALS = {
  overallGoal: "2025年完成校舍维修面积1200平方米，消除安全隐患。",
  indicators: [
    ["产出指标", "数量指标", "维修面积", ">=", "1200", "平方米", 40],
    ["效益指标", "社会效益指标", "消除安全隐患处数", ">=", "12", "处", 40],
    ["满意度指标", "服务对象满意度指标", "师生满意度", ">=", "90", "%", 20],
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
  return res.json();
};

let url: string;
let listUrl: string;
const report = () => ok("unit1", "GET", url);
const act = async (who: string, body: Record<string, unknown>) =>
  ok(who, "POST", `${url}/actions`, { version: (await ok(who, "GET", url)).version, ...body });

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
  await ok("admin", "POST", "/api/v1/plan/goal-declaration/open?year=2025", { dueOn: "2024-10-31" });
  const list = await ok("unit1", "GET", "/api/v1/goals/tables?year=2025&q=P301001A");
  const goals = `/api/v1/goals/tables/${list.rows[0].id}`;
  const version = async (who: string) => (await ok(who, "GET", goals)).version;
  await ok("unit1", "PUT", goals, { version: await version("unit1"), ...GOALS });
  for (const [who, action] of [
    ["unit1", "submit"],
    ["edu", "approve"],
    ["admin", "approve"],
  ] as const)
    await ok(who, "POST", `${goals}/actions`, { version: await version(who), action });
  now = new Date("2025-08-05T02:00:00Z");
  await d.signInAgain();
  await d.importCsv("execution", EXECUTION);
  const { round } = await ok(
    "admin",
    "POST",
    "/api/v1/monitoring/rounds",
    { fiscalYear: 2025, cutoffMonth: 7, dueOn: "2025-08-31", selectionDueOn: "2025-08-15" },
    201,
  );
  const candidates = await ok("edu", "GET", `/api/v1/monitoring/rounds/${round.id}/candidates?q=P301001A`);
  await ok("edu", "POST", `/api/v1/monitoring/rounds/${round.id}/selections/${candidates[0].department.id}/subjects`, {
    subjects: [{ subjectKind: "project", id: candidates[0].id }],
  });
  const rows = await ok("unit1", "GET", `/api/v1/monitoring/reports?roundId=${round.id}`);
  url = `/api/v1/monitoring/reports/${rows.rows[0].id}`;
  listUrl = `/api/v1/monitoring/reports?roundId=${round.id}`;
}, 120_000);
afterAll(async () => {
  await d.close();
});

describe("a monitoring report's review threads", () => {
  it("keeps the rounds, the comments on indicators, and the unit's answers", async () => {
    let r = await report();
    expect((await ok("unit1", "GET", `${url}/review`)).rounds).toEqual([]);
    await ok("unit1", "PUT", url, {
      version: r.version,
      overallStatus: "维修工程已完成招标，正在施工。",
      expectedYearEnd: 50_000_000,
      executionNote: null,
      items: r.items.map((i: { uid: string }) => ({
        uid: i.uid,
        progress: "600",
        expected: "1200",
        likelihood: "certain",
        cause: null,
        causeNote: null,
        measures: null,
      })),
    });
    await act("unit1", { action: "submit", note: "首次填报" });
    r = await report();
    const [area, hazards] = r.items;

    // The department returns it with a general comment and one on an indicator.
    await act("edu", {
      action: "return",
      comment: "请核实完成值",
      itemComments: { [area.uid]: "维修面积的完成值与执行进度不符" },
    });
    let review = await ok("unit1", "GET", `${url}/review`);
    expect(review.rounds).toMatchObject([{ seq: 1, outcome: "returned", note: "首次填报" }]);
    expect(review.comments).toMatchObject([
      { itemKey: null, body: "请核实完成值", reviewer: "department", stage: "return", answerable: true },
      { itemKey: area.uid, itemLabel: "维修面积", body: "维修面积的完成值与执行进度不符", answerable: true },
    ]);
    expect(review.returned).toMatchObject({ seq: 1, diff: { items: [], fields: [] } });
    // The department sees the thread but cannot answer it; another unit does not see the report.
    const seen = await ok("edu", "GET", `${url}/review`);
    expect(seen.comments.every((c: { answerable: boolean }) => !c.answerable)).toBe(true);
    expect((await call("unit2", "GET", `${url}/review`)).statusCode).toBe(404);
    const item = review.comments[1];
    const answerUrl = `${url}/comments/${item.id}/answer`;
    const refused = await call("edu", "PUT", answerUrl, { version: item.version, answer: "已核实" });
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, "REVIEW_COMMENT_NOT_ANSWERABLE"]);
    const markup = await call("unit1", "PUT", answerUrl, { version: item.version, answer: "<b>已核实</b>" });
    expect(markup.json().error.code).toBe("REVIEW_ANSWER_MARKUP");

    const answered = await ok("unit1", "PUT", answerUrl, {
      version: item.version,
      answer: "已按实际完工面积修改为 500",
    });
    expect(answered).toMatchObject({ id: item.id, answer: "已按实际完工面积修改为 500" });
    const stale = await call("unit1", "PUT", answerUrl, { version: item.version, answer: "再改" });
    expect(stale.statusCode).toBe(409);

    // The unit changes the value; the comparison with the returned submission shows it.
    r = await report();
    await ok("unit1", "PUT", url, {
      version: r.version,
      overallStatus: r.overallStatus,
      expectedYearEnd: r.expectedYearEnd,
      executionNote: null,
      items: [
        {
          uid: area.uid,
          progress: "500",
          expected: "1200",
          likelihood: "certain",
          cause: null,
          causeNote: null,
          measures: null,
        },
      ],
    });
    review = await ok("unit1", "GET", `${url}/review`);
    expect(review.returned.diff.items).toEqual([
      expect.objectContaining({
        status: "changed",
        key: area.uid,
        changes: [{ field: "progress", before: "600", after: "500" }],
      }),
    ]);

    // Resubmitted: the answer is frozen as the reviewer reads it.
    await act("unit1", { action: "submit", note: "已修改完成值" });
    const frozen = await call("unit1", "PUT", answerUrl, { version: answered.version, answer: "改答复" });
    expect(frozen.statusCode).toBe(403);
    await act("edu", { action: "approve" });
    await act("admin", {
      action: "approve",
      comment: "执行进度滞后，须加快支出",
      itemComments: { [hazards.uid]: "请关注隐患整改进度" },
    });
    review = await ok("admin", "GET", `${url}/review`);
    expect(review.rounds.map((x: { outcome: string }) => x.outcome)).toEqual(["returned", "approved"]);
    expect(review.comments.slice(2)).toMatchObject([
      { itemKey: null, reviewer: "finance", stage: "approve", body: "执行进度滞后，须加快支出", roundSeq: 2 },
      { itemKey: hazards.uid, reviewer: "finance", body: "请关注隐患整改进度", answerable: false },
    ]);
    expect(review.comments[1]).toMatchObject({
      answer: "已按实际完工面积修改为 500",
      answeredByName: expect.any(String),
    });
  });

  it("filters the list by the implementing unit", async () => {
    const all = await ok("admin", "GET", listUrl);
    const unitId = all.rows[0].unit.id;
    expect((await ok("admin", "GET", `${listUrl}&unitId=${unitId}`)).total).toBe(1);
    expect((await ok("admin", "GET", `${listUrl}&unitId=${all.rows[0].department.id}`)).total).toBe(0);
  });
});
