import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dateInChina } from "../../src/core/calendar";
import { DEFAULT_EVALUATION_FRAMEWORK } from "../../src/core/evaluations/framework";
import { rows } from "../../src/db/repos/rows";
import type { MonitoringDistrict } from "../support/monitoring-district";
import { type FilledForm, selfEvalDistrict } from "../support/selfeval-district";

/**
 * 部门绩效考核 on a district's own data, built through the users' paths: 2025's self-evaluations reviewed (two
 * confirmed for 教育局, 卫健局's left with finance), department evaluations of four departments (one of 教育局's
 * still submitted), a key evaluation of 疾控免疫规划 by two experts, a rectification notice to 一小 with one item
 * accepted, one overdue and one still within its deadline, and every task the year made. Each component is
 * checked against a computation by hand, then the weighted score, the ranking with a tie, the average with a
 * department exactly at it, the template's versions and refusals, scope and the export.
 */
let m: MonitoringDistrict & { forms: FilledForm[] };
// biome-ignore lint/suspicious/noExplicitAny: the API's JSON, as the tests read it
type Json = any;
const call = (who: string, method: string, url: string, body?: unknown) => m.d.as(m.d.who(who), method, url, body);
const ok = async (who: string, method: string, url: string, body?: unknown): Promise<Json> => {
  const res = await call(who, method, url, body);
  expect(res.statusCode, `${who} ${method} ${url}: ${res.body.slice(0, 600)}`).toBeLessThan(300);
  return res.json();
};
const one = async <T>(query: ReturnType<typeof sql>) => (await rows<T>(m.d.db.orm, query))[0]!;
const idOf = async (table: "orgs" | "users" | "projects", column: string, value: string) =>
  (await one<{ id: number }>(sql`select id from ${sql.raw(table)} where ${sql.raw(column)} = ${value}`)).id;

const F = DEFAULT_EVALUATION_FRAMEWORK;
/** Full points on every indicator, less `short` points taken from the first indicators in order. */
const sheet = (short: number) => {
  let left = Math.round(short * 100);
  return F.rows.map((r) => {
    const take = Math.min(left, Math.round(r.points * 100));
    left -= take;
    return { uid: r.uid, points: (Math.round(r.points * 100) - take) / 100, comment: "已核实" };
  });
};
const REPORT = {
  basics: "项目年度预算已全部下达。",
  work: "成立评价工作组，查阅资料并现场核查。",
  problems: "进度管理有待加强。",
  recommendations: "提前开展招标。",
};
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

const MORE_ORGS = `单位编码,单位名称,单位类型,上级编码,所属行业
303,测试区民政局,主管部门,,民政
303001,测试区养老服务中心,预算单位,303,民政
304,测试区交通运输局,主管部门,,交通
304001,测试区公路养护中心,预算单位,304,交通
305,测试区档案馆,主管部门,,档案`;
const MORE_PROJECTS = `预算年度,项目编码,项目名称,主管部门编码,实施单位编码,项目类别,重点项目,年初预算数（元）,全年预算数（元）,财政拨款（元）,其他资金（元）
2025,P303001A,养老服务补贴,303,303001,常年性,否,200000.00,200000.00,200000.00,0
2025,P304001A,农村公路养护,304,304001,常年性,否,400000.00,400000.00,400000.00,0`;

/** A department evaluation scored at `score`, submitted, and finalised by finance unless `final` is false. */
async function departmentEvaluation(who: string, code: string, score: number, final = true) {
  let e = await ok(who, "POST", "/api/v1/evaluations/department", { projectId: await idOf("projects", "code", code) });
  e = await ok(who, "PUT", `/api/v1/evaluations/${e.id}/sheet`, {
    version: e.members[0].version,
    scores: sheet(100 - score),
  });
  expect(e.scores.score).toBe(score);
  e = await ok(who, "PUT", `/api/v1/evaluations/${e.id}/report`, { version: e.version, ...REPORT });
  e = await ok(who, "POST", `/api/v1/evaluations/${e.id}/submit`, { version: e.version });
  if (final)
    e = await ok("admin", "POST", `/api/v1/evaluations/${e.id}/actions`, { version: e.version, action: "finalise" });
  return e;
}

function upload(who: string, itemId: number) {
  const boundary = "----dept-score-test";
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="付款凭证.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    PDF,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return m.d.as(m.d.who(who), "POST", `/api/v1/attachments?entity=rectification_item&recordId=${itemId}`, body, {
    "content-type": `multipart/form-data; boundary=${boundary}`,
  });
}

/** The review totals of 2025 as the review list computes them, by form code. */
const reviewTotals: Record<string, number> = {};

beforeAll(async () => {
  m = await selfEvalDistrict();
  await m.d.importCsv("orgs", MORE_ORGS);
  await m.d.importCsv("projects", MORE_PROJECTS);
  await m.d.account("civil", "department", "303");
  await m.d.account("roads", "department", "304");
  await m.d.account("archive", "department", "305");
  await m.d.account(
    "audit",
    "auditor",
    (await one<{ code: string }>(sql`select code from orgs where kind = 'bureau'`)).code,
  );

  // 抽查复核: every approved self-evaluation is taken; each reviewer takes 2 points off the first item.
  await ok("admin", "POST", "/api/v1/review/draws", {
    fiscalYear: 2025,
    count: 2,
    forced: [],
    excluded: [],
    stratify: { department: true, budget: true },
    includeDeptWide: true,
  });
  const firm = (await ok("admin", "GET", "/api/v1/review/firms"))[0];
  await ok("admin", "POST", "/api/v1/review/assignments", { fiscalYear: 2025, firmId: firm.id, dueOn: "2026-04-30" });
  for (const reviewer of ["rev1", "rev2"])
    for (const row of (await ok(reviewer, "GET", "/api/v1/review/items?year=2025")).rows) {
      const url = `/api/v1/review/items/${row.id}`;
      const detail = await ok(reviewer, "GET", url);
      const items = detail.items.map((i: { uid: string; self: { points: number | null } }, n: number) => ({
        uid: i.uid,
        points: n === 0 ? Math.max(0, (i.self.points ?? 0) - 2) : i.self.points,
        notApplicable: false,
        comment: n === 0 ? "佐证材料不足，扣2分" : null,
      }));
      const saved = await ok(reviewer, "PUT", url, { version: detail.version, guidance: "如实填报佐证材料", items });
      await ok(reviewer, "POST", `${url}/actions`, { version: saved.version, action: "submit" });
    }
  // Finance confirms 教育局's two; 疾控免疫规划's review stays with finance (not final).
  for (const row of (await ok("admin", "GET", "/api/v1/review/items?year=2025")).rows) {
    reviewTotals[row.code] = row.reviewTotal;
    if (row.code !== "P302001A")
      await ok("admin", "POST", `/api/v1/review/items/${row.id}/actions`, { version: row.version, action: "confirm" });
  }

  // 部门评价: 教育局 90 (and 50 on a second project, submitted only), 卫健局 80, 民政局 70, 交通运输局 80.
  await ok("admin", "POST", "/api/v1/evaluations/department/rounds", { fiscalYear: 2025, dueOn: "2026-03-31" });
  await departmentEvaluation("edu", "P301001B", 90);
  await departmentEvaluation("edu", "P301001A", 50, false);
  await departmentEvaluation("health", "P302001A", 80);
  await departmentEvaluation("civil", "P303001A", 70);
  await departmentEvaluation("roads", "P304001A", 80);

  // 重点评价 of 疾控免疫规划: two experts, 85.00 and 86.25, mean 85.625 → 85.63.
  await ok("admin", "POST", "/api/v1/org/orgs", { code: "F02", name: "测试区评审专家库", kind: "firm" });
  const experts: number[] = [];
  for (const [name, account] of [
    ["张明", "exp1"],
    ["李华", "exp2"],
  ] as const) {
    await m.d.account(account, "expert", "F02");
    const x = await ok("admin", "POST", "/api/v1/evaluations/experts", {
      name,
      employer: "测试大学",
      employerOrgId: null,
      title: "高级会计师",
      fields: ["财务"],
      phone: "",
      userId: await idOf("users", "username", account),
      active: true,
    });
    experts.push(x.id);
  }
  let key = await ok("admin", "POST", "/api/v1/evaluations/key", {
    projectId: await idOf("projects", "code", "P302001A"),
  });
  key = await ok("admin", "PUT", `/api/v1/evaluations/${key.id}/team`, {
    version: key.version,
    firmId: null,
    members: experts.map((expertId, i) => ({ expertId, isLead: i === 0 })),
  });
  key = await ok("admin", "POST", `/api/v1/evaluations/${key.id}/scoring`, {
    version: key.version,
    dueOn: "2026-02-28",
  });
  for (const [account, short] of [
    ["exp1", 15],
    ["exp2", 13.75],
  ] as const) {
    const mine = (await ok(account, "GET", `/api/v1/evaluations/${key.id}`)).members.find(
      (x: { canScore?: boolean; userId?: number; version: number; expert: { name: string } }) =>
        x.expert.name === (account === "exp1" ? "张明" : "李华"),
    );
    const saved = await ok(account, "PUT", `/api/v1/evaluations/${key.id}/sheet`, {
      version: mine.version,
      scores: sheet(short),
    });
    const me = saved.members.find((x: { expert: { name: string } }) => x.expert.name === mine.expert.name);
    await ok(account, "POST", `/api/v1/evaluations/${key.id}/sheet/submit`, { version: me.version });
  }
  key = await ok("admin", "GET", `/api/v1/evaluations/${key.id}`);
  key = await ok("admin", "POST", `/api/v1/evaluations/${key.id}/actions`, {
    version: key.version,
    action: "finalise",
  });
  expect(key.scores.score).toBe(85.63);

  // 整改: three items to 一小 from its review; the first answered and accepted at once.
  const review = (await ok("admin", "GET", "/api/v1/review/items?year=2025")).rows.find(
    (r: { code: string }) => r.code === "P301001A",
  );
  const notice = await ok("admin", "POST", "/api/v1/rectification/notices", {
    source: "review",
    sourceId: review.id,
    unitId: await idOf("orgs", "code", "301001"),
    title: "一小校舍维修复核整改",
    items: [
      { problem: "佐证材料不足", requirement: "补充验收报告", deadline: "2026-02-10" },
      { problem: "目标未细化", requirement: "补充季度目标", deadline: "2026-02-20" },
      { problem: "满意度调查样本不足", requirement: "年内补充调查", deadline: "2026-12-31" },
    ],
  });
  const first = notice.items[0];
  expect((await upload("unit1", first.id)).statusCode).toBe(201);
  const answered = await ok("unit1", "POST", `/api/v1/rectification/items/${first.id}/actions`, {
    version: first.version,
    action: "answer",
    text: "已补充验收报告",
  });
  await ok("admin", "POST", `/api/v1/rectification/items/${first.id}/actions`, {
    version: answered.version,
    action: "accept",
  });

  // The assessment is read on 1 March 2026: the first two deadlines have passed, the third has not.
  m.setNow(new Date("2026-03-01T02:00:00Z"));
  await m.d.signInAgain();
}, 600_000);
afterAll(async () => {
  await m?.d.close();
});

const TODAY = "2026-03-01";
type Row = {
  rank: number | null;
  department: { code: string };
  components: { key: string; value: number | null; count: number; part: number | null; pending: number; how: string }[];
  score: number | null;
  grade: string | null;
  belowAverage: boolean;
};
const rowOf = (v: { rows: Row[] }, code: string) => v.rows.find((r) => r.department.code === code)!;
const componentOf = (r: Row, key: string) => r.components.find((c) => c.key === key)!;
/** Hundredths of a two-decimal figure, exactly. */
const h = (x: number) => BigInt(Math.round(x * 100));
/** n / d rounded half up to an integer (n, d ≥ 0). */
const halfUp = (n: bigint, d: bigint) => (2n * n + d) / (2n * d);
const points = (hundredths: bigint) => Number(hundredths) / 100;

/** The year's tasks of a department and its units as the task list shows them: on time / counted / pending. */
/**
 * The timeliness of a department's tasks by hand: the task list, and when each was handed in (the database's
 * record of the last submission, or of being done without one).
 */
async function tasksOf(department: string) {
  const all = (await ok("admin", "GET", "/api/v1/tasks?year=2025&pageSize=200")).rows as {
    id: number;
    department: { code: string };
    kind: string;
    status: string;
    dueOn: string;
  }[];
  const handedIn = new Map(
    (
      await rows<{ id: number; at: Date | string | null }>(m.d.db.orm, sql`select id, submitted_at as at from tasks`)
    ).map((r) => [r.id, r.at === null ? null : new Date(r.at)]),
  );
  const mine = all.filter((t) => t.department.code === department && t.status !== "closed");
  const inHand = (t: (typeof mine)[number]) => t.status === "done" || t.status === "submitted";
  const onTime = mine.filter((t) => inHand(t) && dateInChina(handedIn.get(t.id)!) <= t.dueOn).length;
  const counted = mine.filter((t) => inHand(t) || t.dueOn < TODAY).length;
  return { onTime, counted, pending: mine.length - counted };
}

describe("department scores (部门绩效考核)", () => {
  let v: { rows: Row[]; average: number | null; templateVersion: string } & Json;

  it("gives every department a row: each component as computed by hand", async () => {
    v = await ok("admin", "GET", "/api/v1/results/department-scores?year=2025");
    expect(v).toMatchObject({ fiscalYear: 2025, today: TODAY, templateVersion: "default", departments: 5 });
    expect(v.rows.map((r: Row) => r.department.code).sort()).toEqual(["301", "302", "303", "304", "305"]);

    // 自评质量: 教育局's two confirmed reviews (its department-wide form and 一小校舍维修), averaged half up;
    // 卫健局's review is not confirmed, so it has none.
    const edu = rowOf(v, "301");
    const quality = halfUp(h(reviewTotals["301"]!) + h(reviewTotals.P301001A!), 2n);
    expect(componentOf(edu, "selfEvalQuality")).toMatchObject({ value: points(quality), count: 2, part: null });
    expect(componentOf(rowOf(v, "302"), "selfEvalQuality")).toMatchObject({ value: null, count: 0 });
    // 部门评价: final ones only (教育局's 50 is still submitted); 重点评价: 85.63.
    expect(componentOf(edu, "deptEval")).toMatchObject({ value: 90, count: 1 });
    expect(componentOf(rowOf(v, "302"), "deptEval")).toMatchObject({ value: 80, count: 1 });
    expect(componentOf(rowOf(v, "303"), "deptEval")).toMatchObject({ value: 70, count: 1 });
    expect(componentOf(rowOf(v, "302"), "keyEval")).toMatchObject({ value: 85.63, count: 1 });
    expect(componentOf(edu, "keyEval")).toMatchObject({ value: null, count: 0, how: "无已定稿的重点评价，不参与计分" });
    // 整改落实: 1 accepted of the 2 accepted or overdue; the third is within its deadline.
    expect(componentOf(edu, "rectification")).toMatchObject({ value: 50, count: 2, part: 1, pending: 1 });
    expect(componentOf(edu, "rectification").how).toBe(
      "已验收 1 项 ÷ 应计 2 项（已验收或已过整改期限）× 100；另有 1 项未到整改期限，暂不计入",
    );
    expect(componentOf(rowOf(v, "302"), "rectification").value).toBeNull();
    // 任务完成及时性: the tasks of the department and its units, from the task list.
    for (const code of ["301", "302", "303", "304"]) {
      const t = await tasksOf(code);
      const c = componentOf(rowOf(v, code), "taskTimeliness");
      expect({ part: c.part, count: c.count, pending: c.pending }, code).toEqual({
        part: t.onTime,
        count: t.counted,
        pending: t.pending,
      });
      expect(c.value, code).toBe(
        t.counted === 0 ? null : points(halfUp(BigInt(t.onTime) * 10_000n, BigInt(t.counted))),
      );
    }
    // 教育局: its own declaration and self-evaluation done on time, 一小's accepted item done on time, its
    // department evaluation handed in (submitted, finance has not finalised it) before its due day; 一小's and
    // 二小's declarations never done (due 2024-10-31) and 一小's overdue item counted late.
    expect(await tasksOf("301")).toMatchObject({ onTime: 5, counted: 8 });
    // 档案馆 has nothing at all: no score, no rank.
    expect(rowOf(v, "305")).toMatchObject({ score: null, rank: null, grade: null, belowAverage: false });
    expect(rowOf(v, "305").components.every((c) => c.value === null)).toBe(true);
  });

  it("weighs the components a department has (30/25/20/15/10, rescaled), ranks and averages them", async () => {
    const w: Record<string, bigint> = {
      selfEvalQuality: 30n,
      deptEval: 25n,
      keyEval: 20n,
      rectification: 15n,
      taskTimeliness: 10n,
    };
    const expected = (r: Row) => {
      let num = 0n;
      let den = 0n;
      for (const c of r.components)
        if (c.value !== null) {
          num += w[c.key]! * 100n * h(c.value);
          den += w[c.key]! * 100n;
        }
      return den === 0n ? null : points(halfUp(num, den));
    };
    for (const r of v.rows) expect(r.score, r.department.code).toBe(expected(r));
    // 卫健局 by hand: (25 × 80 + 20 × 85.63 + 10 × timeliness) / 55.
    const t302 = componentOf(rowOf(v, "302"), "taskTimeliness").value!;
    expect(rowOf(v, "302").score).toBe(points(halfUp(25n * 8000n + 20n * 8563n + 10n * h(t302), 55n)));
    const scored = v.rows.filter((r: Row) => r.score !== null);
    expect(scored).toHaveLength(4);
    const mean = points(
      halfUp(
        scored.reduce((s: bigint, r: Row) => s + h(r.score!), 0n),
        4n,
      ),
    );
    expect(v.average).toBe(mean);
    expect(v.scored).toBe(4);
    const byScore = [...scored].sort((a: Row, b: Row) => b.score! - a.score!);
    expect(scored.map((r: Row) => r.department.code)).toEqual(byScore.map((r: Row) => r.department.code));
    expect(scored.map((r: Row) => r.rank)).toEqual([1, 2, 3, 4]);
    for (const r of scored) expect(r.belowAverage).toBe(r.score! < mean);
    expect(v.belowAverageCount).toBe(scored.filter((r: Row) => r.score! < mean).length);
    expect(v.rows.at(-1).department.code).toBe("305");
  });

  it("refuses a template whose weights do not total 100 or that names an unknown component; nothing written", async () => {
    const before = await one<{ n: number }>(
      sql`select count(*)::int as n from audit_log where entity = 'dept_score_template'`,
    );
    const url = "/api/v1/results/department-scores/template?year=2025";
    const ninety = await call("admin", "PUT", url, {
      components: [
        { key: "deptEval", weight: 60 },
        { key: "keyEval", weight: 30 },
      ],
      basedOn: "default",
      reason: "只看评价",
    });
    expect(ninety.statusCode).toBe(400);
    expect(ninety.json().error).toMatchObject({
      code: "DEPT_SCORE_TEMPLATE_INVALID",
      message: "各项权重合计须为 100（现为 90.00）",
      details: { field: "components" },
    });
    const unknown = await call("admin", "PUT", url, {
      components: [
        { key: "deptEval", weight: 60 },
        { key: "keyEval", weight: 30 },
        { key: "budget", weight: 10 },
      ],
      basedOn: "default",
      reason: "加入预算执行",
    });
    expect(unknown.json().error).toMatchObject({
      code: "DEPT_SCORE_TEMPLATE_INVALID",
      message: "第3项：未知的考核内容“budget”",
      details: { field: "components.2.key" },
    });
    const noReason = await call("admin", "PUT", url, {
      components: [{ key: "deptEval", weight: 100 }],
      basedOn: "default",
      reason: " ",
    });
    expect(noReason.json().error).toMatchObject({ code: "DEPT_SCORE_TEMPLATE_INVALID", details: { field: "reason" } });
    const notFinance = await call("edu", "PUT", url, {
      components: [{ key: "deptEval", weight: 100 }],
      basedOn: "default",
      reason: "x",
    });
    expect(notFinance.statusCode).toBe(403);
    expect((await ok("admin", "GET", url)).history).toEqual([]);
    expect((await one<{ n: number }>(sql`select count(*)::int as n from rule_sets where module = 'deptScore'`)).n).toBe(
      0,
    );
    expect(
      (await one<{ n: number }>(sql`select count(*)::int as n from audit_log where entity = 'dept_score_template'`)).n,
    ).toBe(before.n);
  });

  it("saves versions with a reason, audited; ranks ties together and a department exactly at the average is not below", async () => {
    const url = "/api/v1/results/department-scores/template?year=2025";
    const first = await ok("admin", "PUT", url, {
      components: [{ key: "deptEval", weight: 100 }],
      basedOn: "default",
      reason: "本年度只考核部门评价",
    });
    expect(first).toMatchObject({
      version: "2025.1",
      setForYear: 2025,
      components: [{ key: "deptEval", weight: 100 }],
    });
    const stale = await call("admin", "PUT", url, {
      components: [{ key: "deptEval", weight: 100 }],
      basedOn: "default",
      reason: "重复保存",
    });
    expect([stale.statusCode, stale.json().error.code]).toEqual([409, "STALE_VERSION"]);
    const audit = await one<{ entity_id: string; reason: string; after: Json }>(
      sql`select entity_id, reason, after from audit_log where entity = 'dept_score_template' order by id desc limit 1`,
    );
    expect(audit).toMatchObject({ entity_id: "2025:2025.1", reason: "本年度只考核部门评价" });
    expect(audit.after).toEqual({ version: "2025.1", components: [{ key: "deptEval", weight: 100 }] });

    // 90, 80, 70, 80: the average is 80.00; 卫健局 and 交通运输局 share rank 2 at the average, not below it.
    const s = await ok("admin", "GET", "/api/v1/results/department-scores?year=2025");
    expect(s.templateVersion).toBe("2025.1");
    expect(s.average).toBe(80);
    expect(s.rows.map((r: Row) => [r.department.code, r.score, r.rank, r.belowAverage])).toEqual([
      ["301", 90, 1, false],
      // Equal scores share the rank and list by name (交通 before 卫生 in pinyin).
      ["304", 80, 2, false],
      ["302", 80, 2, false],
      ["303", 70, 4, true],
      ["305", null, null, false],
    ]);
    expect(s.belowAverageCount).toBe(1);
    expect(rowOf(s, "301").components.map((c: { key: string }) => c.key)).toEqual(["deptEval"]);

    // A second version keeps the first; the history lists both with their weights, newest first.
    const second = await ok("admin", "PUT", url, {
      components: [
        { key: "deptEval", weight: 50 },
        { key: "keyEval", weight: 50 },
      ],
      basedOn: "2025.1",
      reason: "重点评价与部门评价并重",
    });
    expect(second.version).toBe("2025.2");
    expect(
      second.history.map((x: { version: string; note: string; components: unknown[] }) => [
        x.version,
        x.note,
        x.components.length,
      ]),
    ).toEqual([
      ["2025.2", "重点评价与部门评价并重", 2],
      ["2025.1", "本年度只考核部门评价", 1],
    ]);
    // A later year without its own template carries this one over.
    expect((await ok("edu", "GET", "/api/v1/results/department-scores/template?year=2026")).version).toBe("2025.2");
    // 卫健局: (50 × 80 + 50 × 85.63) / 100 = 82.815 → 82.82.
    const s2 = await ok("admin", "GET", "/api/v1/results/department-scores?year=2025");
    expect(rowOf(s2, "302").score).toBe(82.82);
  });

  it("shows a department its own row, a unit its department's, each with the average and the rank", async () => {
    const all = await ok("admin", "GET", "/api/v1/results/department-scores?year=2025");
    const edu = await ok("edu", "GET", "/api/v1/results/department-scores?year=2025");
    expect(edu.rows).toEqual([rowOf(all, "301")]);
    expect(edu).toMatchObject({ average: all.average, departments: 5, templateVersion: "2025.2" });
    const unit = await ok("unit1", "GET", "/api/v1/results/department-scores?year=2025");
    expect(unit.rows.map((r: Row) => [r.department.code, r.rank])).toEqual([["301", rowOf(all, "301").rank]]);
    expect(
      (await ok("cdc", "GET", "/api/v1/results/department-scores?year=2025")).rows.map((r: Row) => r.department.code),
    ).toEqual(["302"]);
    expect((await ok("audit", "GET", "/api/v1/results/department-scores?year=2025")).rows).toHaveLength(5);
    expect((await call("rev1", "GET", "/api/v1/results/department-scores?year=2025")).statusCode).toBe(403);
    expect((await call("rev1", "GET", "/api/v1/results/department-scores.xlsx?year=2025")).statusCode).toBe(403);
  });

  it("exports the ranking with Chinese headers and two decimals, in the viewer's scope", async () => {
    const res = await call("admin", "GET", "/api/v1/results/department-scores.xlsx?year=2025");
    expect([res.statusCode, res.headers["content-type"]]).toEqual([200, expect.stringContaining("spreadsheetml")]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = book.getWorksheet("部门绩效考核")!;
    expect(String(ws.getCell("A1").value)).toContain("2025年度部门绩效考核（模板 2025.2；全区平均分");
    expect(ws.getRow(2).values).toEqual([
      undefined,
      "排名",
      "部门编码",
      "部门名称",
      "部门评价（权重50）",
      "重点评价（权重50）",
      "综合得分",
      "等级",
      "低于全区平均分",
    ]);
    const cdc = [3, 4, 5, 6, 7].map((n) => ws.getRow(n)).find((r) => r.getCell(2).value === "302")!;
    expect([cdc.getCell(4).value, cdc.getCell(5).value, cdc.getCell(6).value]).toEqual([80, 85.63, 82.82]);
    expect(cdc.getCell(6).numFmt).toBe("0.00");
    expect(book.getWorksheet("计分依据")!.rowCount).toBe(2 + 5 * 2);
    const edu = await call("edu", "GET", "/api/v1/results/department-scores.xlsx?year=2025");
    const own = new ExcelJS.Workbook();
    await own.xlsx.load(edu.rawPayload as unknown as ArrayBuffer);
    expect(own.getWorksheet("部门绩效考核")!.rowCount).toBe(3);
  });
});
