import { sql } from "drizzle-orm";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_EVALUATION_FRAMEWORK } from "../../src/core/evaluations/framework";
import { rows } from "../../src/db/repos/rows";
import { type EvaluationDistrict, evaluationDistrict } from "../support/evaluation-district";

/**
 * The evaluation report from an empty district: the Word draft from a key evaluation's data, who may read it
 * (blind scoring holds for experts), and the team's final versions uploaded back and kept with their history.
 */
let t: EvaluationDistrict;
beforeAll(async () => {
  t = await evaluationDistrict();
});
afterAll(() => t.d.close());

const F = DEFAULT_EVALUATION_FRAMEWORK;
const userId = async (username: string) =>
  (await rows<{ id: number }>(t.d.db.orm, sql`select id from users where username = ${username}`))[0]!.id;
const sheet = (except: Record<string, number> = {}) =>
  F.rows.map((r) => ({ uid: r.uid, points: except[r.uid] ?? r.points, comment: "" }));
// biome-ignore lint/suspicious/noExplicitAny: the API's JSON as the test reads it.
type Json = any;
const memberOf = (e: Json, name: string) => e.members.find((m: Json) => m.expert?.name === name);

/** The document's text, runs joined per paragraph. */
async function docText(body: Buffer): Promise<string[]> {
  const zip = await JSZip.loadAsync(body);
  const xml = await zip.file("word/document.xml")!.async("string");
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""))
    .filter((s) => s !== "");
}

const report = (who: string, id: number) => t.call(who, "GET", `/api/v1/evaluations/${id}/report.docx`);
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

let id = 0;
let cdc = 0;

describe("the report drafted from the data", () => {
  it("sets up a key evaluation of three experts, two of whom submit", async () => {
    await t.ok("admin", "PUT", "/api/v1/evaluations/framework?year=2025", { ...F, reason: "采用默认指标体系" });
    const experts: Record<string, number> = {};
    for (const [account, name] of [
      ["exp1", "张明"],
      ["exp2", "李华"],
      ["exp3", "王芳"],
    ] as const)
      experts[account] = (
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
      ).id;
    const e = await t.ok("admin", "POST", "/api/v1/evaluations/key", { projectId: await t.project(2025, "P301001A") });
    id = e.id;
    const firm = await t.org("F01");
    const team = await t.ok("admin", "PUT", `/api/v1/evaluations/${id}/team`, {
      version: e.version,
      firmId: firm,
      members: [
        { expertId: experts.exp1, isLead: true },
        { expertId: experts.exp2, isLead: false },
        { expertId: experts.exp3, isLead: false },
      ],
    });
    const opened = await t.ok("admin", "POST", `/api/v1/evaluations/${id}/scoring`, {
      version: team.version,
      dueOn: "2025-12-20",
    });
    // 张明 80.33, 李华 80.34: the mean 80.335 rounds half up to 80.34.
    for (const [who, name, b1] of [
      ["exp1", "张明", 0.33],
      ["exp2", "李华", 0.34],
    ] as const) {
      const saved = await t.ok(who, "PUT", `/api/v1/evaluations/${id}/sheet`, {
        version: memberOf(opened, name).version,
        scores: sheet({ O1: 0, B1: b1 }),
      });
      await t.ok(who, "POST", `/api/v1/evaluations/${id}/sheet/submit`, { version: memberOf(saved, name).version });
    }
    cdc = (await t.ok("admin", "POST", "/api/v1/evaluations/key", { projectId: await t.project(2025, "P302001A") })).id;
  });

  it("gives finance the Word draft: title, the six headings, the conclusion with the mean of the submitted sheets", async () => {
    const res = await report("admin", id);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe(DOCX);
    expect(res.headers["content-disposition"]).toContain(
      `filename*=UTF-8''${encodeURIComponent("一小校舍维修绩效评价报告（草稿）.docx")}`,
    );
    const text = await docText(res.rawPayload);
    expect(text).toContain("一小校舍维修项目绩效评价报告");
    expect(text).toContain("（草稿）");
    expect(text.filter((p) => /^[一二三四五六]、/.test(p))).toEqual([
      "一、项目基本情况",
      "二、评价工作开展情况",
      "三、评价结论",
      "四、绩效分析",
      "五、存在的问题",
      "六、有关建议",
    ]);
    expect(text.join("\n")).toContain("经评价，该项目综合评价得分为80.34分（2位专家评分的平均值）");
    // The open sheet of 王芳 is not in the report; the team is, with the firm.
    expect(text.join("\n")).toContain("测试评价咨询有限公司");
  });

  it("keeps blind scoring: an expert who has not submitted is refused, one who has reads it", async () => {
    const early = await report("exp3", id);
    expect([early.statusCode, early.json().error.code]).toEqual([403, "EVALUATION_REPORT_NOT_YET"]);
    expect(early.json().error.message).toContain("提交本人评分后");
    expect((await report("exp1", id)).statusCode).toBe(200);
    // An expert off the team does not learn the evaluation exists.
    expect((await report("exp4", id)).statusCode).toBe(404);
  });

  it("hides another department's evaluation, and the key evaluation from its unit and department until final (404)", async () => {
    expect((await report("health", id)).statusCode).toBe(404);
    expect((await report("edu", cdc)).statusCode).toBe(404);
    expect((await report("unit1", id)).statusCode).toBe(404);
    expect((await report("edu", id)).statusCode).toBe(404);
    // The firm of the team works on it, but the experts' points are not its to read before final.
    const firm = await report("frm", id);
    expect([firm.statusCode, firm.json().error.code]).toEqual([403, "EVALUATION_REPORT_NOT_YET"]);
  });
});
