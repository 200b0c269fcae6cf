import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_EVALUATION_FRAMEWORK } from "../../src/core/evaluations/framework";
import { rows } from "../../src/db/repos/rows";
import { type EvaluationDistrict, evaluationDistrict } from "../support/evaluation-district";

/**
 * Blind scoring across every read, from an empty district: while a key evaluation is scored, an expert who has
 * not submitted and the firm learn no score — not the mean, not finance's override nor its reason — from the
 * list, the year's summary and its workbook, or the history. Scoring deadlines are not set in the past.
 */
let t: EvaluationDistrict;
const F = DEFAULT_EVALUATION_FRAMEWORK;
// biome-ignore lint/suspicious/noExplicitAny: the API's JSON as the test reads it.
type Json = any;
const sheet = () => F.rows.map((r) => ({ uid: r.uid, points: r.points, comment: "" }));
const userId = async (username: string) =>
  (await rows<{ id: number }>(t.d.db.orm, sql`select id from users where username = ${username}`))[0]!.id;
const REASON = "实地核查后调整为85分";

let id = 0;
beforeAll(async () => {
  t = await evaluationDistrict();
  const experts: number[] = [];
  for (const [name, account] of [
    ["张明", "exp1"],
    ["李华", "exp2"],
  ] as const)
    experts.push(
      (
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
      ).id,
    );
  const e = await t.ok("admin", "POST", "/api/v1/evaluations/key", { projectId: await t.project(2025, "P301001A") });
  id = e.id;
  const team = await t.ok("admin", "PUT", `/api/v1/evaluations/${id}/team`, {
    version: e.version,
    firmId: await t.org("F01"),
    members: experts.map((expertId, i) => ({ expertId, isLead: i === 0 })),
  });
  const opened = await t.ok("admin", "POST", `/api/v1/evaluations/${id}/scoring`, {
    version: team.version,
    dueOn: "2025-12-20",
  });
  const mine = opened.members.find((m: Json) => m.expert.name === "张明");
  const saved = await t.ok("exp1", "PUT", `/api/v1/evaluations/${id}/sheet`, {
    version: mine.version,
    scores: sheet(),
  });
  await t.ok("exp1", "POST", `/api/v1/evaluations/${id}/sheet/submit`, {
    version: saved.members.find((m: Json) => m.id === saved.myMemberId).version,
  });
  const now = await t.ok("admin", "GET", `/api/v1/evaluations/${id}`);
  await t.ok("admin", "PUT", `/api/v1/evaluations/${id}/override`, {
    version: now.version,
    points: 85,
    reason: REASON,
  });
});
afterAll(() => t.d.close());

const rowOf = (s: Json) => s.rows.find((r: Json) => r.id === id);

describe("blind scoring in the lists, the summary and the history", () => {
  it("gives finance the mean, the override and its reason while the scoring is open", async () => {
    const s = await t.ok("admin", "GET", "/api/v1/evaluations/summary?year=2025");
    expect(rowOf(s)).toMatchObject({ score: 85, overridePoints: 85, overrideReason: REASON, grade: "good" });
    const list = await t.ok("admin", "GET", "/api/v1/evaluations?year=2025");
    expect(rowOf(list)).toMatchObject({ overridePoints: 85, overrideReason: REASON });
  });

  for (const who of ["exp2", "frm"])
    it(`tells ${who} no score, override or reason in the summary, its workbook, the list or the history`, async () => {
      const s = await t.ok(who, "GET", "/api/v1/evaluations/summary?year=2025");
      expect(rowOf(s)).toMatchObject({ score: null, grade: null, overridePoints: null, overrideReason: null });
      const list = await t.ok(who, "GET", "/api/v1/evaluations?year=2025");
      expect(rowOf(list)).toMatchObject({ scores: null, overridePoints: null, overrideReason: null });
      const history = await t.ok(who, "GET", `/api/v1/evaluations/${id}/history`);
      const override = history.rows.find((r: Json) => r.action === "override");
      expect(override).toMatchObject({ before: null, after: null, reason: null });

      const res = await t.call(who, "GET", "/api/v1/evaluations/summary.xlsx?year=2025");
      expect(res.statusCode).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const cells = wb
        .getWorksheet("评价清单")!
        .getSheetValues()
        .flatMap((r) => (Array.isArray(r) ? r.slice(1).map(String) : []));
      expect(cells).toContain("P301001A");
      expect(cells.join("|")).not.toContain(REASON);
      expect(cells).not.toContain("85.00");
    });

  it("shows the expert who has submitted the override in the history, as the evaluation shows it", async () => {
    const history = await t.ok("exp1", "GET", `/api/v1/evaluations/${id}/history`);
    expect(history.rows.find((r: Json) => r.action === "override").reason).toBe(REASON);
  });
});

describe("scoring deadlines", () => {
  it("refuses a key evaluation's scoring or the year's department evaluation due before today", async () => {
    const e = await t.ok("admin", "POST", "/api/v1/evaluations/key", { projectId: await t.project(2025, "P302001A") });
    const team = await t.ok("admin", "PUT", `/api/v1/evaluations/${e.id}/team`, {
      version: e.version,
      firmId: null,
      members: [
        {
          expertId: (await t.ok("admin", "GET", "/api/v1/evaluations/experts")).rows[0].id,
          isLead: true,
        },
      ],
    });
    // Today is 2025-11-10 in China.
    const late = await t.call("admin", "POST", `/api/v1/evaluations/${e.id}/scoring`, {
      version: team.version,
      dueOn: "2025-11-09",
    });
    expect([late.statusCode, late.json().error.message]).toEqual([400, expect.stringContaining("早于今天")]);
    const round = await t.call("admin", "POST", "/api/v1/evaluations/department/rounds", {
      fiscalYear: 2025,
      dueOn: "2025-03-31",
    });
    expect([round.statusCode, round.json().error.message]).toEqual([400, expect.stringContaining("早于今天")]);
    expect((await t.ok("admin", "GET", `/api/v1/evaluations/${e.id}`)).status).toBe("draft");
    await t.ok("admin", "POST", `/api/v1/evaluations/${e.id}/scoring`, { version: team.version, dueOn: "2025-11-10" });
  });
});

describe("回避 by the employer's name", () => {
  it("refuses an expert whose employer is typed as the project's unit, not linked to it", async () => {
    const x = await t.ok("admin", "POST", "/api/v1/evaluations/experts", {
      name: "赵强",
      employer: " 测试区第二小学 ",
      employerOrgId: null,
      title: "会计师",
      fields: ["财务"],
      phone: "",
      userId: await userId("exp3"),
      active: true,
    });
    const e = await t.ok("admin", "POST", "/api/v1/evaluations/key", { projectId: await t.project(2025, "P301002A") });
    const res = await t.call("admin", "PUT", `/api/v1/evaluations/${e.id}/team`, {
      version: e.version,
      firmId: null,
      members: [{ expertId: x.id, isLead: true }],
    });
    expect([res.statusCode, res.json().error.code]).toEqual([409, "EVALUATION_CONFLICT"]);
    expect(res.json().error.message).toContain("专家赵强属于项目单位（测试区第二小学），应当回避");
    expect((await t.ok("admin", "GET", `/api/v1/evaluations/${e.id}`)).members).toEqual([]);
  });
});

describe("the report's versions", () => {
  const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
  const upload = (who: string, name: string) =>
    t.d.upload(t.d.who(who), `/api/v1/attachments?entity=evaluation_report&recordId=${id}`, PDF, name);

  it("caps the team's uploads, which cannot be removed, without locking finance out of the final version", async () => {
    for (let i = 1; i <= 20; i++) expect((await upload("exp1", `第${i}稿.pdf`)).statusCode).toBe(201);
    const more = await upload("exp1", "第21稿.pdf");
    expect([more.statusCode, more.json().error.code]).toEqual([400, "ATTACHMENT_INVALID"]);
    const finance = await upload("admin", "评价报告（财政审核稿）.pdf");
    expect(finance.statusCode, finance.body).toBe(201);
    const versions = (await t.ok("admin", "GET", `/api/v1/evaluations/${id}`)).reportVersions;
    expect([versions.length, versions[0].name]).toEqual([21, "评价报告（财政审核稿）.pdf"]);
  });
});

describe("rectification from an evaluation", () => {
  it("waits for the evaluation to be final: its problems may still change while it is scored", async () => {
    const res = await t.call("admin", "POST", "/api/v1/rectification/notices", {
      source: "evaluation",
      sourceId: id,
      unitId: await t.org("301001"),
      title: "一小校舍维修重点评价整改",
      items: [{ problem: "开工滞后", requirement: "报送进度计划", deadline: "2025-12-31" }],
    });
    expect([res.statusCode, res.json().error.code]).toEqual([400, "RECTIFICATION_SOURCE_INVALID"]);
    expect(res.json().error.message).toContain("尚未定稿");
    expect((await t.ok("admin", "GET", "/api/v1/rectification/notices?year=2025")).total).toBe(0);
  });
});
