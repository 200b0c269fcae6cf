import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_EVALUATION_FRAMEWORK } from "../../src/core/evaluations/framework";
import { rows } from "../../src/db/repos/rows";
import { type EvaluationDistrict, evaluationDistrict } from "../support/evaluation-district";

/**
 * Evaluations from an empty district: the framework, the expert pool and its ties, key evaluations with their
 * conflicts of interest, blind scoring and the mean, the year's department evaluation with its evidence and
 * coverage, and the firm's ledger.
 */
let t: EvaluationDistrict;
beforeAll(async () => {
  t = await evaluationDistrict();
});
afterAll(() => t.d.close());

const F = DEFAULT_EVALUATION_FRAMEWORK;
const userId = async (username: string) =>
  (await rows<{ id: number }>(t.d.db.orm, sql`select id from users where username = ${username}`))[0]!.id;
const auditCount = async (entity: string) =>
  (await rows<{ n: number }>(t.d.db.orm, sql`select count(*)::int as n from audit_log where entity = ${entity}`))[0]!.n;

/** Every indicator at full points, except these. */
const sheet = (except: Record<string, number> = {}) =>
  F.rows.map((r) => ({ uid: r.uid, points: except[r.uid] ?? r.points, comment: `${r.name}：已核实` }));

const experts: Record<string, number> = {};
interface Member {
  id: number;
  version: number;
  expert: { name: string };
  visible: boolean;
  scores: { uid: string; points: number }[];
}
const key: Record<string, { id: number; version: number; members: Member[] }> = {};

describe("the evaluation framework", () => {
  it("refuses weights that do not add up and output + benefit under 60, naming the row; nothing is written", async () => {
    const before = await auditCount("evaluation_framework");
    const off = F.rows.map((r) => (r.uid === "B4" ? { ...r, points: 9 } : r));
    const sum = await t.call("admin", "PUT", "/api/v1/evaluations/framework?year=2025", {
      ...F,
      rows: off,
      reason: "调整",
    });
    expect([sum.statusCode, sum.json().error.code]).toEqual([400, "EVALUATION_FRAMEWORK_INVALID"]);
    expect(sum.json().error.message).toContain("合计应为100分，现为99.00分");
    // 10 points moved from 社会效益 to 立项依据: still 100, but 产出 35 + 效益 20 = 55.
    const low = F.rows.map((r) =>
      r.uid === "B1" ? { ...r, points: 0.01 } : r.uid === "D1" ? { ...r, points: 12.99 } : r,
    );
    const under = await t.call("admin", "PUT", "/api/v1/evaluations/framework?year=2025", {
      ...F,
      rows: low,
      reason: "调整",
    });
    expect(under.json().error.message).toContain("产出和效益指标分值合计不得低于60分，现为55.01分");
    const unnamed = F.rows.map((r, i) => (i === 2 ? { ...r, name: " " } : r));
    const row = await t.call("admin", "PUT", "/api/v1/evaluations/framework?year=2025", {
      ...F,
      rows: unnamed,
      reason: "x",
    });
    expect(row.json().error).toMatchObject({ code: "EVALUATION_FRAMEWORK_INVALID", message: "第3行：请填写三级指标" });
    const noReason = await t.call("admin", "PUT", "/api/v1/evaluations/framework?year=2025", { ...F, reason: " " });
    expect(noReason.json().error.details.field).toBe("reason");
    expect(await auditCount("evaluation_framework")).toBe(before);
    expect((await t.ok("admin", "GET", "/api/v1/evaluations/framework?year=2025")).history).toEqual([]);
  });

  it("saves a version with its reason, audited; departments read it, only finance saves it", async () => {
    const saved = await t.ok("admin", "PUT", "/api/v1/evaluations/framework?year=2025", {
      ...F,
      keyProjectCycleYears: 3,
      keyProjectThresholdFen: 40_0000_00,
      reason: "按县级标准调整重点项目金额",
    });
    expect(saved).toMatchObject({ version: "2025.1", setForYear: 2025, keyProjectCycleYears: 3 });
    expect(saved.history[0].note).toBe("按县级标准调整重点项目金额");
    expect(await auditCount("evaluation_framework")).toBe(1);
    expect((await t.ok("edu", "GET", "/api/v1/evaluations/framework?year=2025")).version).toBe("2025.1");
    expect(
      (await t.call("edu", "PUT", "/api/v1/evaluations/framework?year=2025", { ...F, reason: "x" })).statusCode,
    ).toBe(403);
  });
});

describe("the expert pool and declared ties", () => {
  it("takes experts with their fields, employer and account; lists, filters and deactivates them", async () => {
    const edu = await t.org("301");
    const add = async (name: string, account: string, fields: string[], employerOrgId: number | null = null) => {
      const e = await t.ok("admin", "POST", "/api/v1/evaluations/experts", {
        name,
        employer: employerOrgId ? "测试区教育局" : "测试大学",
        employerOrgId,
        title: "高级会计师",
        fields,
        phone: "",
        userId: await userId(account),
        active: true,
      });
      experts[account] = e.id;
      return e;
    };
    await add("张明", "exp1", ["财务", "教育"]);
    await add("李华", "exp2", ["工程"]);
    expect((await add("王芳", "exp3", ["教育"], edu)).employerOrg).toMatchObject({ code: "301" });
    await add("赵强", "exp4", ["卫生"]);
    await add("钱伟", "exp5", ["财务"]);
    const retired = await add("孙丽", "exp6", ["财务"]);
    const taken = await t.call("admin", "POST", "/api/v1/evaluations/experts", {
      name: "重复",
      employer: "",
      employerOrgId: null,
      title: "",
      fields: ["财务"],
      phone: "",
      userId: await userId("exp1"),
      active: true,
    });
    expect([taken.statusCode, taken.json().error.code]).toEqual([409, "EVALUATION_EXPERT_INVALID"]);
    const notExpert = await t.call("admin", "POST", "/api/v1/evaluations/experts", {
      name: "部门",
      employer: "",
      employerOrgId: null,
      title: "",
      fields: ["财务"],
      phone: "",
      userId: await userId("edu"),
      active: true,
    });
    expect(notExpert.json().error).toMatchObject({ code: "EVALUATION_EXPERT_INVALID", details: { field: "userId" } });
    const off = await t.ok("admin", "PUT", `/api/v1/evaluations/experts/${retired.id}`, {
      ...retired,
      employerOrgId: null,
      userId: retired.user.id,
      active: false,
      version: retired.version,
    });
    expect(off.active).toBe(false);
    expect(
      (await t.ok("admin", "GET", "/api/v1/evaluations/experts?field=财务&active=true")).rows.map(
        (e: { name: string }) => e.name,
      ),
    ).toEqual(["张明", "钱伟"]);
    expect((await t.ok("admin", "GET", "/api/v1/evaluations/experts?q=王")).total).toBe(1);
    expect((await t.ok("admin", "GET", "/api/v1/evaluations/experts?pageSize=2&page=3")).rows).toHaveLength(2);
    expect((await t.call("exp1", "GET", "/api/v1/evaluations/experts")).statusCode).toBe(403);
  });

  it("offers finance the accounts of role 专家 to link, found by name, and nobody else", async () => {
    const all = await t.ok("admin", "GET", "/api/v1/evaluations/expert-accounts");
    expect(all.rows.map((a: { username: string }) => a.username).sort()).toEqual([
      "exp1",
      "exp2",
      "exp3",
      "exp4",
      "exp5",
      "exp6",
    ]);
    expect(all.rows[0]).toMatchObject({ org: { code: "F02" }, active: true });
    expect((await t.ok("admin", "GET", "/api/v1/evaluations/expert-accounts?q=exp3")).rows).toHaveLength(1);
    for (const who of ["edu", "exp1"])
      expect((await t.call(who, "GET", "/api/v1/evaluations/expert-accounts")).statusCode).toBe(403);
  });

  it("exports the pool as filtered and the year's statistics as Excel, to finance only", async () => {
    const pool = await t.call("admin", "GET", "/api/v1/evaluations/experts.xlsx?field=财务&active=true");
    expect(pool.statusCode).toBe(200);
    expect(pool.headers["content-type"]).toContain("spreadsheetml");
    const ExcelJS = (await import("exceljs")).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(pool.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(String(sheet.getCell("A1").value)).toContain("共 2 人");
    expect([sheet.getCell("A3").value, sheet.getCell("A4").value]).toEqual(["张明", "钱伟"]);
    const stats = await t.call("admin", "GET", "/api/v1/evaluations/stats.xlsx?year=2024");
    expect([stats.statusCode, stats.headers["content-type"]]).toEqual([200, expect.stringContaining("spreadsheetml")]);
    for (const url of ["/api/v1/evaluations/experts.xlsx", "/api/v1/evaluations/stats.xlsx?year=2024"])
      expect((await t.call("edu", "GET", url)).statusCode).toBe(403);
  });

  it("records declared ties of an expert or a firm", async () => {
    await t.ok("admin", "POST", "/api/v1/evaluations/ties", {
      expertId: experts.exp4,
      firmId: null,
      orgId: await t.org("302001"),
      kind: "evaluated",
      fiscalYear: 2024,
      note: "评价疾控中心专项",
    });
    const firmTie = await t.ok("admin", "POST", "/api/v1/evaluations/ties", {
      expertId: null,
      firmId: await t.org("F03"),
      orgId: await t.org("302"),
      kind: "advised",
      fiscalYear: 2025,
      note: "",
    });
    expect(firmTie).toMatchObject({ kind: "advised", firm: { code: "F03" }, org: { code: "302" } });
    const both = await t.call("admin", "POST", "/api/v1/evaluations/ties", {
      expertId: experts.exp4,
      firmId: await t.org("F03"),
      orgId: await t.org("302"),
      kind: "advised",
      fiscalYear: 2025,
      note: "",
    });
    expect(both.json().error.code).toBe("EVALUATION_TIE_INVALID");
    expect((await t.ok("admin", "GET", `/api/v1/evaluations/ties?expertId=${experts.exp4}`)).rows).toHaveLength(1);
    const spare = await t.ok("admin", "POST", "/api/v1/evaluations/ties", {
      expertId: experts.exp1,
      firmId: null,
      orgId: await t.org("302"),
      kind: "advised",
      fiscalYear: 2019,
      note: "误登记",
    });
    await t.ok("admin", "DELETE", `/api/v1/evaluations/ties/${spare.id}`);
    expect((await t.call("admin", "DELETE", `/api/v1/evaluations/ties/${spare.id}`)).statusCode).toBe(404);
    expect((await t.ok("admin", "GET", `/api/v1/evaluations/ties?expertId=${experts.exp1}`)).rows).toEqual([]);
    expect(await auditCount("evaluation_tie")).toBe(4);
  });
});

/** A key evaluation of a project of a year, its team, and every expert submitting full points. */
async function pastEvaluation(year: number, code: string, expert: string) {
  const e = await t.ok("admin", "POST", "/api/v1/evaluations/key", { projectId: await t.project(year, code) });
  let v = (
    await t.ok("admin", "PUT", `/api/v1/evaluations/${e.id}/team`, {
      version: e.version,
      firmId: null,
      members: [{ expertId: experts[expert], isLead: true }],
    })
  ).version;
  // The scoring of a past year opened in its time: a deadline is never before the day it is set.
  t.setNow(new Date(`${year + 1}-01-10T02:00:00Z`));
  await t.d.signInAgain();
  const opened = await t.ok("admin", "POST", `/api/v1/evaluations/${e.id}/scoring`, {
    version: v,
    dueOn: `${year + 1}-03-31`,
  });
  t.setNow(new Date("2025-11-10T02:00:00Z"));
  await t.d.signInAgain();
  const m = opened.members[0];
  const saved = await t.ok(expert, "PUT", `/api/v1/evaluations/${e.id}/sheet`, { version: m.version, scores: sheet() });
  await t.ok(expert, "POST", `/api/v1/evaluations/${e.id}/sheet/submit`, { version: saved.members[0].version });
  v = (await t.ok("admin", "GET", `/api/v1/evaluations/${e.id}`)).version;
  return t.ok("admin", "POST", `/api/v1/evaluations/${e.id}/actions`, { version: v, action: "finalise" });
}

describe("key evaluations: conflicts of interest", () => {
  it("keeps the project's adjusted budget and the framework version", async () => {
    await pastEvaluation(2022, "P301001A", "exp5");
    await pastEvaluation(2023, "P302001A", "exp5");
    const school = await t.ok("admin", "POST", "/api/v1/evaluations/key", {
      projectId: await t.project(2025, "P301001A"),
    });
    expect(school).toMatchObject({
      kind: "key",
      status: "draft",
      amount: 52_000_000,
      rulesVersion: "2025.1",
      owner: { code: "CZJ" },
    });
    expect(school.framework).toHaveLength(F.rows.length);
    key.school = school;
    key.cdc = await t.ok("admin", "POST", "/api/v1/evaluations/key", { projectId: await t.project(2025, "P302001A") });
    const again = await t.call("admin", "POST", "/api/v1/evaluations/key", {
      projectId: await t.project(2025, "P301001A"),
    });
    expect([again.statusCode, again.json().error.code]).toEqual([409, "EVALUATION_EXISTS"]);
  });

  const team = (id: number, version: number, members: [string, boolean][], firmId: number | null = null) =>
    t.call("admin", "PUT", `/api/v1/evaluations/${id}/team`, {
      version,
      firmId,
      members: members.map(([x, isLead]) => ({ expertId: experts[x], isLead })),
    });

  it("refuses an expert of the project's own department, a declared tie, a past evaluation within N years and a tied firm", async () => {
    const employer = await team(key.school!.id, key.school!.version, [
      ["exp1", true],
      ["exp3", false],
    ]);
    expect([employer.statusCode, employer.json().error.code]).toEqual([409, "EVALUATION_CONFLICT"]);
    expect(employer.json().error.message).toContain("专家王芳属于项目单位（测试区教育局），应当回避");
    const declared = await team(key.cdc!.id, key.cdc!.version, [["exp4", true]]);
    expect(declared.json().error.message).toContain(
      "专家赵强在2024年度曾评价该单位（测试区疾控中心，评价疾控中心专项）",
    );
    const past = await team(key.cdc!.id, key.cdc!.version, [["exp5", true]]);
    expect(past.json().error.message).toContain("专家钱伟在2023年度曾评价该单位（测试区疾控中心“疾控免疫规划”）");
    const firm = await team(key.cdc!.id, key.cdc!.version, [["exp1", true]], await t.org("F03"));
    expect(firm.json().error.message).toContain("测试会计师事务所在2025年度曾提供咨询该单位（测试区卫生健康局）");
    // A firm-wide 回避 declared for the spot-check review bars the firm here too, whatever its year.
    await t.ok("admin", "POST", "/api/v1/review/conflicts", {
      firmId: await t.org("F01"),
      reviewerId: null,
      orgCode: "302001",
      reason: "为该单位提供记账服务",
    });
    const reviewTie = await team(key.cdc!.id, key.cdc!.version, [["exp1", true]], await t.org("F01"));
    expect(reviewTie.json().error.message).toContain(
      "测试评价咨询有限公司已声明与该单位回避（测试区疾控中心：为该单位提供记账服务）",
    );
    const retired = await team(key.cdc!.id, key.cdc!.version, [["exp6", true]]);
    expect(retired.json().error).toMatchObject({ code: "EVALUATION_TEAM_INVALID", message: "第1位：专家孙丽已停用" });
    const twoLeads = await team(key.cdc!.id, key.cdc!.version, [
      ["exp1", true],
      ["exp2", true],
    ]);
    expect(twoLeads.json().error.code).toBe("EVALUATION_TEAM_INVALID");
    expect((await t.ok("admin", "GET", `/api/v1/evaluations/${key.cdc!.id}`)).members).toEqual([]);
  });

  it("accepts an expert whose past evaluation of the unit is just outside N years", async () => {
    // 钱伟 evaluated 一小 in 2022: with N = 3 the years that count for 2025 are 2023–2025.
    const res = await team(key.school!.id, key.school!.version, [["exp5", true]]);
    expect(res.statusCode, res.body).toBe(200);
    const final = await team(
      key.school!.id,
      res.json().version,
      [
        ["exp1", true],
        ["exp2", false],
      ],
      await t.org("F01"),
    );
    expect(final.statusCode, final.body).toBe(200);
    expect(final.json()).toMatchObject({ firm: { code: "F01" } });
    expect(
      final.json().members.map((m: { expert: { name: string }; isLead: boolean }) => [m.expert.name, m.isLead]),
    ).toEqual([
      ["张明", true],
      ["李华", false],
    ]);
    key.school = final.json();
  });
});

describe("key evaluations: blind scoring, the mean and the override", () => {
  const memberOf = (e: { members: Member[] }, name: string) => e.members.find((m) => m.expert.name === name)!;

  it("opens the scoring: each expert gets a task of their own in their inbox", async () => {
    const before = await t.call("exp1", "PUT", `/api/v1/evaluations/${key.school!.id}/sheet`, {
      version: 1,
      scores: [],
    });
    expect([before.statusCode, before.json().error.code]).toEqual([409, "EVALUATION_NOT_EDITABLE"]);
    const opened = await t.ok("admin", "POST", `/api/v1/evaluations/${key.school!.id}/scoring`, {
      version: key.school!.version,
      dueOn: "2025-12-20",
    });
    expect(opened.status).toBe("scoring");
    key.school = opened;
    const inbox = await t.ok("exp1", "GET", "/api/v1/tasks/inbox");
    expect(inbox.tasks.map((x: { kind: string; title: string; link: string }) => [x.kind, x.title, x.link])).toEqual([
      ["evaluation_scoring", "2025年度财政重点评价评分：一小校舍维修", `/evaluations/${opened.id}`],
    ]);
    // The same firm's other experts do not see it: the task is the account's.
    expect((await t.ok("exp3", "GET", "/api/v1/tasks/inbox")).tasks).toEqual([]);
    expect((await t.ok("exp1", "GET", "/api/v1/notifications")).rows.map((n: { title: string }) => n.title)).toContain(
      "新任务：2025年度财政重点评价评分：一小校舍维修",
    );
  });

  it("shows a scoring evaluation to its firm without scores, and not at all to the project's department yet", async () => {
    const id = key.school!.id;
    const firm = await t.ok("frm", "GET", `/api/v1/evaluations/${id}`);
    expect(firm).toMatchObject({ status: "scoring", scores: null, myMemberId: null, canScore: false });
    expect(firm.members.every((m: Member) => !m.visible)).toBe(true);
    expect((await t.call("edu", "GET", `/api/v1/evaluations/${id}`)).statusCode).toBe(404);
    expect((await t.call("unit1", "GET", `/api/v1/evaluations/${id}`)).statusCode).toBe(404);
    const firmScores = await t.call("frm", "PUT", `/api/v1/evaluations/${id}/sheet`, { version: 1, scores: [] });
    expect(firmScores.statusCode).toBe(403);
  });

  it("refuses points outside the weight, an expert off the team and finance as a scorer", async () => {
    const id = key.school!.id;
    const m = memberOf(key.school!, "张明");
    const over = await t.call("exp1", "PUT", `/api/v1/evaluations/${id}/sheet`, {
      version: m.version,
      scores: [{ uid: "D1", points: 3.5, comment: "" }],
    });
    expect(over.json().error).toMatchObject({
      code: "EVALUATION_SCORES_INVALID",
      message: "“立项依据充分性”的得分须在0至3分之间，最多两位小数",
    });
    const thirds = await t.call("exp1", "PUT", `/api/v1/evaluations/${id}/sheet`, {
      version: m.version,
      scores: [{ uid: "D1", points: 1.005, comment: "" }],
    });
    expect(thirds.json().error.code).toBe("EVALUATION_SCORES_INVALID");
    // Off the team the evaluation does not exist for the expert.
    for (const [method, url] of [
      ["GET", `/api/v1/evaluations/${id}`],
      ["PUT", `/api/v1/evaluations/${id}/sheet`],
    ]) {
      const res = await t.call("exp4", method!, url!, method === "PUT" ? { version: 1, scores: [] } : undefined);
      expect([res.statusCode, res.json().error.code]).toEqual([404, "NOT_FOUND"]);
    }
    expect((await t.ok("exp4", "GET", "/api/v1/evaluations?year=2025")).total).toBe(0);
    const admin = await t.call("admin", "PUT", `/api/v1/evaluations/${id}/sheet`, { version: 1, scores: [] });
    expect([admin.statusCode, admin.json().error.code]).toEqual([403, "EVALUATION_NOT_MEMBER"]);
    expect(await rows(t.d.db.orm, sql`select id from evaluation_scores s where s.member_id = ${m.id}`)).toEqual([]);
  });

  it("shows an expert only their own sheet until they submit, then the others' submitted sheets", async () => {
    const id = key.school!.id;
    // 张明 80.33, 李华 80.34: everything at full points but 实际完成率 (0) and 社会效益.
    const a = await t.ok("exp1", "PUT", `/api/v1/evaluations/${id}/sheet`, {
      version: memberOf(key.school!, "张明").version,
      scores: sheet({ O1: 0, B1: 0.33 }),
    });
    const b = await t.ok("exp2", "PUT", `/api/v1/evaluations/${id}/sheet`, {
      version: memberOf(key.school!, "李华").version,
      scores: sheet({ O1: 0, B1: 0.34 }),
    });
    expect(memberOf(a, "张明")).toMatchObject({ visible: true, total: 80.33 });
    expect(memberOf(a, "李华")).toMatchObject({ visible: false, total: null, scores: [] });
    expect(a.scores).toBeNull();
    expect(memberOf(b, "张明")).toMatchObject({ visible: false, scores: [] });
    const task = async (who: string) => (await t.ok(who, "GET", "/api/v1/tasks/inbox")).tasks[0];
    expect((await task("exp1")).status).toBe("in_progress");

    const missing = await t.call("exp1", "POST", `/api/v1/evaluations/${id}/sheet/submit`, { version: 999 });
    expect(missing.json().error.code).toBe("STALE_VERSION");
    const submitted = await t.ok("exp1", "POST", `/api/v1/evaluations/${id}/sheet/submit`, {
      version: memberOf(a, "张明").version,
    });
    // 李华 has not submitted: their sheet stays closed even to an expert who has.
    expect(memberOf(submitted, "李华").visible).toBe(false);
    expect((await t.ok("exp1", "GET", "/api/v1/tasks?year=2025")).rows[0].status).toBe("done");
    const again = await t.call("exp1", "PUT", `/api/v1/evaluations/${id}/sheet`, {
      version: memberOf(submitted, "张明").version,
      scores: sheet(),
    });
    expect([again.statusCode, again.json().error.code]).toEqual([409, "EVALUATION_SHEET_SUBMITTED"]);

    const finalise = await t.call("admin", "POST", `/api/v1/evaluations/${id}/actions`, {
      version: submitted.version,
      action: "finalise",
    });
    expect([finalise.statusCode, finalise.json().error.code]).toEqual([409, "EVALUATION_NOT_ALL_SUBMITTED"]);
    expect(finalise.json().error.message).toContain("李华");

    await t.ok("exp2", "POST", `/api/v1/evaluations/${id}/sheet/submit`, { version: memberOf(b, "李华").version });
    const seen = await t.ok("exp1", "GET", `/api/v1/evaluations/${id}`);
    expect(memberOf(seen, "李华")).toMatchObject({ visible: true, total: 80.34 });
    expect(memberOf(seen, "李华").scores.find((s) => s.uid === "B1")?.points).toBe(0.34);
    // 80.335 rounds half up.
    expect(seen.scores).toMatchObject({ mean: 80.34, override: null, score: 80.34, grade: "good", gradeLabel: "良" });
  });

  it("takes finance's override only with a reason, keeps both, and finalises; no scoring after", async () => {
    const id = key.school!.id;
    let e = await t.ok("admin", "GET", `/api/v1/evaluations/${id}`);
    const bare = await t.call("admin", "PUT", `/api/v1/evaluations/${id}/override`, {
      version: e.version,
      points: 85,
      reason: "",
    });
    expect(bare.json().error).toMatchObject({ code: "EVALUATION_OVERRIDE_INVALID", details: { field: "reason" } });
    const high = await t.call("admin", "PUT", `/api/v1/evaluations/${id}/override`, {
      version: e.version,
      points: 100.5,
      reason: "理由充分说明",
    });
    expect(high.json().error.code).toBe("EVALUATION_OVERRIDE_INVALID");
    e = await t.ok("admin", "PUT", `/api/v1/evaluations/${id}/override`, {
      version: e.version,
      points: 90,
      reason: "现场核查发现质量优于专家评分依据",
    });
    expect(e.scores).toMatchObject({ mean: 80.34, override: 90, score: 90, grade: "excellent" });
    expect(e.scores.how).toContain("现场核查发现质量优于专家评分依据");
    e = await t.ok("admin", "POST", `/api/v1/evaluations/${id}/actions`, { version: e.version, action: "finalise" });
    expect(e.status).toBe("final");
    const after = await t.call("exp2", "PUT", `/api/v1/evaluations/${id}/sheet`, { version: 1, scores: sheet() });
    expect([after.statusCode, after.json().error.code]).toEqual([409, "EVALUATION_NOT_EDITABLE"]);
    const late = await t.call("admin", "PUT", `/api/v1/evaluations/${id}/override`, {
      version: e.version,
      points: 70,
      reason: "再次调整得分",
    });
    expect(late.json().error.code).toBe("EVALUATION_NOT_EDITABLE");
    // The unit reads its project's final evaluation, with both the mean and the override.
    expect((await t.ok("unit1", "GET", `/api/v1/evaluations/${id}`)).scores).toMatchObject({ mean: 80.34, score: 90 });
    const row = (await t.ok("admin", "GET", "/api/v1/evaluations?year=2025&kind=key&q=一小")).rows[0];
    expect(row).toMatchObject({ id, status: "final", submittedSheets: 2, scores: { mean: 80.34, score: 90 } });
    // 发整改通知 picks among the year's final evaluations, found by the unit's name as well.
    const finals = await t.ok("admin", "GET", "/api/v1/evaluations?year=2025&status=final&q=第一小学");
    expect(finals.rows.map((r: { id: number }) => r.id)).toEqual([id]);
    expect(finals.rows[0].unit.name).toBe("测试区第一小学");
    const drafts = await t.ok("admin", "GET", "/api/v1/evaluations?year=2025&status=draft&pageSize=50");
    expect(drafts.rows.map((r: { id: number }) => r.id)).toContain(key.cdc!.id);
    expect(drafts.rows.every((r: { status: string }) => r.status === "draft")).toBe(true);
    expect((await t.ok("admin", "GET", "/api/v1/evaluations?year=2025&status=scoring&q=第一小学")).total).toBe(0);
  });

  it("keeps the firm's work in its ledger", async () => {
    const entry = await t.ok("admin", "PUT", `/api/v1/evaluations/${key.school!.id}/ledger`, {
      onTime: false,
      reworks: 2,
      rating: "good",
      note: "报告返工两次",
    });
    expect(entry).toMatchObject({ firm: { code: "F01" }, onTime: false, reworks: 2, rating: "good" });
    const noFirm = await t.call("admin", "PUT", `/api/v1/evaluations/${key.cdc!.id}/ledger`, {
      onTime: true,
      reworks: 0,
      rating: "good",
    });
    expect(noFirm.json().error.code).toBe("EVALUATION_LEDGER_INVALID");
    const ledger = await t.ok("admin", "GET", "/api/v1/evaluations/ledger?year=2025");
    expect(ledger.firms).toEqual([
      expect.objectContaining({
        firm: expect.objectContaining({ code: "F01" }),
        evaluations: 1,
        onTime: 0,
        reworks: 2,
        ratings: { excellent: 0, good: 1, fair: 0, poor: 0 },
      }),
    ]);
  });
});
