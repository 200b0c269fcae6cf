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

const upload = (who: string, content: Buffer, fileName: string) =>
  t.d.upload(t.d.who(who), `/api/v1/attachments?entity=evaluation_report&recordId=${id}`, content, fileName);
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);
const EXE = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00"), Buffer.alloc(64, 0)]);
const versions = async (who: string) =>
  (await t.ok(who, "GET", `/api/v1/evaluations/${id}`)).reportVersions.map((v: Json) => [v.name, v.uploaderName]);

describe("the final version uploaded back, with its history", () => {
  let edited: Buffer;
  it("takes the lead expert's .docx, its name made safe; not another member's; only Word or PDF by the bytes", async () => {
    edited = (await report("admin", id)).rawPayload;
    const lead = await upload("exp1", edited, "../../评价报告（专家组修改稿）.docx");
    expect(lead.statusCode, lead.body).toBe(201);
    expect(lead.json()).toMatchObject({ name: "评价报告（专家组修改稿）.docx", mediaType: DOCX });
    const member = await upload("exp2", edited, "修改稿.docx");
    expect([member.statusCode, member.json().error.code]).toEqual([403, "EVALUATION_REPORT_NOT_ALLOWED"]);
    const exe = await upload("exp1", EXE, "报告.docx");
    expect([exe.statusCode, exe.json().error.code]).toEqual([400, "ATTACHMENT_INVALID"]);
    expect(exe.json().error.message).toContain("内容不是可接受的文件类型");
    const png = await upload("exp1", PNG, "报告.png");
    expect(png.json().error.message).toContain("评价报告只能上传这两种文件");
    // A unit does not learn the evaluation exists before final.
    expect((await upload("unit1", PDF, "报告.pdf")).statusCode).toBe(404);
  });

  it("keeps every upload: finance's PDF after the lead's Word file, newest first, each audited", async () => {
    expect((await upload("admin", PDF, "评价报告（财政审核稿）.pdf")).statusCode).toBe(201);
    expect(await versions("admin")).toEqual([
      ["评价报告（财政审核稿）.pdf", expect.any(String)],
      ["评价报告（专家组修改稿）.docx", expect.any(String)],
    ]);
    expect(await versions("exp1")).toHaveLength(2);
    // 王芳 has not submitted: the report, and its versions, hold the others' points.
    expect(await versions("exp3")).toEqual([]);
    const [newest] = (await t.ok("admin", "GET", `/api/v1/evaluations/${id}`)).reportVersions;
    expect((await t.call("exp3", "GET", `/api/v1/attachments/${newest.id}`)).statusCode).toBe(404);
    const got = await t.call("exp1", "GET", `/api/v1/attachments/${newest.id}`);
    expect([got.statusCode, got.rawPayload.equals(PDF)]).toEqual([200, true]);
    const audited = await rows<{ n: number }>(
      t.d.db.orm,
      sql`select count(*)::int as n from audit_log where entity = 'evaluation_report' and action = 'attach'`,
    );
    expect(audited[0]!.n).toBe(2);
    // The uploads are in the evaluation's history, for those who may read the report.
    const uploads = async (who: string) =>
      (await t.ok(who, "GET", `/api/v1/evaluations/${id}/history`)).rows.filter(
        (r: Json) => r.entity === "evaluation_report" && r.action === "attach",
      );
    expect(await uploads("admin")).toHaveLength(2);
    expect(await uploads("exp1")).toHaveLength(2);
    expect(await uploads("exp3")).toEqual([]);
    const remove = await t.call("admin", "DELETE", `/api/v1/attachments/${newest.id}`);
    expect([remove.statusCode, remove.json().error.code]).toEqual([403, "EVALUATION_REPORT_NOT_ALLOWED"]);
  });

  it("once final: the unit reads the report and its versions; only finance still uploads", async () => {
    const e = await t.ok("exp3", "GET", `/api/v1/evaluations/${id}`);
    const saved = await t.ok("exp3", "PUT", `/api/v1/evaluations/${id}/sheet`, {
      version: memberOf(e, "王芳").version,
      scores: sheet(),
    });
    await t.ok("exp3", "POST", `/api/v1/evaluations/${id}/sheet/submit`, { version: memberOf(saved, "王芳").version });
    const v = (await t.ok("admin", "GET", `/api/v1/evaluations/${id}`)).version;
    await t.ok("admin", "POST", `/api/v1/evaluations/${id}/actions`, { version: v, action: "finalise" });
    const res = await report("unit1", id);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-disposition"]).toContain(encodeURIComponent("一小校舍维修绩效评价报告（定稿）.docx"));
    expect(await docText(res.rawPayload)).not.toContain("（草稿）");
    expect(await versions("unit1")).toHaveLength(2);
    expect((await report("edu", id)).statusCode).toBe(200);
    const late = await upload("exp1", edited, "再次修改.docx");
    expect([late.statusCode, late.json().error.code]).toEqual([403, "EVALUATION_REPORT_NOT_ALLOWED"]);
    expect((await upload("admin", edited, "评价报告（定稿）.docx")).statusCode).toBe(201);
    expect((await versions("unit1"))[0][0]).toBe("评价报告（定稿）.docx");
  });
});
