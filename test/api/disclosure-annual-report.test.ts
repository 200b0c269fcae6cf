import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATE } from "../../src/core/report/default-template";
import { type DisclosureDistrict, disclosureDistrict } from "../support/disclosure-district";

/**
 * The annual work report as a publication, in a district built from its own files (its 2025: goal tables,
 * self-evaluations, one key evaluation; no result rule set adopted). The 信息员 drafts it from the default
 * template, types a figure over by hand, the check flags it with the data's value, the 信息员 puts the figure
 * back; what the data cannot give yet (result application) blocks approval until the 审核员 publishes with a
 * reason; the portal prints the text and its figures' CSV.
 */
let d: DisclosureDistrict;
// biome-ignore lint/suspicious/noExplicitAny: the API's JSON as the test reads it
type Json = any;
const call = (who: string, method: string, url: string, body?: unknown) => d.d.as(d.d.who(who), method, url, body);
const ok = async (who: string, method: string, url: string, body?: unknown, status = 200): Promise<Json> => {
  const res = await call(who, method, url, body);
  expect(res.statusCode, `${who} ${method} ${url}: ${res.body.slice(0, 600)}`).toBe(status);
  return res.json();
};
const BASE = "/api/v1/disclosure/publications";
const text = (p: Json) => p.versions[0].body.blocks.map((b: { text: string }) => b.text).join("\n");

let pub: Json;
beforeAll(async () => {
  d = await disclosureDistrict();
}, 300_000);
afterAll(async () => {
  await d.d.close();
});

describe("the annual report as a publication", () => {
  it("is drafted from the default template and the district's data, with its figures as a table", async () => {
    pub = await ok("clerk", "POST", BASE, { kind: "annual_report", fiscalYear: 2025 }, 201);
    expect(pub.title).toBe("2025年度预算绩效管理工作开展情况");
    const body = pub.versions[0].body;
    expect(body.blocks[0]).toEqual({ type: "paragraph", text: expect.stringContaining("2025年测试区财政局") });
    expect(body.blocks.filter((b: Json) => b.type === "heading1").map((b: Json) => b.text.slice(0, 2))).toEqual([
      "一、",
      "二、",
      "三、",
      "四、",
    ]);
    const coverage = await ok("admin", "GET", "/api/v1/selfeval/coverage?year=2025");
    expect(text(pub)).toContain(
      `完成${coverage.deptWide.approved}个部门整体支出及${coverage.project.approved}个项目的绩效自评`,
    );
    expect(text(pub)).toContain("【无数据：全区部门平均得分】");
    const figures = body.tables[0];
    expect(figures.key).toBe("figures");
    expect(figures.rows).toContainEqual(
      expect.objectContaining({ key: "selfeval.projects", value: String(coverage.project.approved), unit: "个" }),
    );
    expect(body.template).toEqual(DEFAULT_TEMPLATE);
  });

  it("flags a figure typed over by hand with the value the data gives, and clears it when put back", async () => {
    const coverage = await ok("admin", "GET", "/api/v1/selfeval/coverage?year=2025");
    const wrong = coverage.project.approved + 10;
    const template = structuredClone(DEFAULT_TEMPLATE);
    const selfeval = template.sections.find((s) => s.key === "selfeval")!;
    selfeval.text = selfeval.text.replace("{{selfeval.projects}}", String(wrong));
    pub = await ok("clerk", "PUT", `${BASE}/${pub.id}/draft`, { version: pub.versions[0].version, template });
    expect(text(pub)).toContain(`及${wrong}个项目的绩效自评`);
    const checked = await ok("clerk", "GET", `${BASE}/${pub.id}/check`);
    const typed = checked.findings.filter((f: Json) => f.column === "完成自评的项目");
    expect(typed).toEqual([
      expect.objectContaining({
        printed: `${wrong}个`,
        expected: `${coverage.project.approved}个`,
        row: expect.stringContaining(`及${wrong}个项目的绩效自评`),
      }),
    ]);
    pub = await ok("clerk", "PUT", `${BASE}/${pub.id}/draft`, {
      version: pub.versions[0].version,
      template: DEFAULT_TEMPLATE,
    });
    const again = await ok("clerk", "GET", `${BASE}/${pub.id}/check`);
    expect(again.findings.filter((f: Json) => f.column === "完成自评的项目")).toEqual([]);
    // What remains is what the district has not done yet: no result rule set adopted.
    expect(again.findings.length).toBeGreaterThan(0);
    expect(again.findings.every((f: Json) => f.expected === null && f.printed.startsWith("【无数据"))).toBe(true);
  });

  it("takes a template, not typed paragraphs, and refuses a template naming an unknown figure", async () => {
    const v = pub.versions[0].version;
    const typed = await call("clerk", "PUT", `${BASE}/${pub.id}/draft`, {
      version: v,
      blocks: [{ type: "paragraph", text: "手工正文" }],
    });
    expect(typed.statusCode).toBe(400);
    expect(typed.json().error.details.field).toBe("blocks");
    const template = structuredClone(DEFAULT_TEMPLATE);
    template.sections[4]!.text += "{{monitoring.yellow}}";
    const bad = await call("clerk", "PUT", `${BASE}/${pub.id}/draft`, { version: v, template });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({
      code: "REPORT_TEMPLATE_INVALID",
      message: "第5节（双监控）：未知的数字“{{monitoring.yellow}}”",
    });
  });

  it("keeps finance's template when the data is refreshed", async () => {
    const template = structuredClone(DEFAULT_TEMPLATE);
    template.intro = "本年度，{{region}}财政局全面实施预算绩效管理。";
    pub = await ok("clerk", "PUT", `${BASE}/${pub.id}/draft`, { version: pub.versions[0].version, template });
    pub = await ok("clerk", "POST", `${BASE}/${pub.id}/refresh`, { version: pub.versions[0].version });
    expect(pub.versions[0].body.template.intro).toBe("本年度，{{region}}财政局全面实施预算绩效管理。");
    expect(pub.versions[0].body.blocks[0].text).toBe("本年度，测试区财政局全面实施预算绩效管理。");
  });

  it("refuses a template hiding text with control or direction characters, as typed paragraphs are", async () => {
    for (const hidden of ["\u202e", "\u200b", "\u0007"]) {
      const template = structuredClone(DEFAULT_TEMPLATE);
      template.sections[1]!.text += `完成情况${hidden}良好。`;
      const res = await call("clerk", "PUT", `${BASE}/${pub.id}/draft`, { version: pub.versions[0].version, template });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error).toMatchObject({
        code: "PUBLICATION_INVALID",
        details: { field: "template.sections.1.text" },
      });
      expect(res.json().error.message).toContain("第2节（单位自评与抽查复核）含有不可见的控制字符");
    }
  });

  it("checks the introduction too: a figure typed there is found against the data", async () => {
    const coverage = await ok("admin", "GET", "/api/v1/selfeval/coverage?year=2025");
    const wrong = coverage.project.approved + 7;
    pub = await ok("clerk", "PUT", `${BASE}/${pub.id}/draft`, {
      version: pub.versions[0].version,
      intro: `全年完成${wrong}个项目的绩效自评。`,
    });
    const checked = await ok("clerk", "GET", `${BASE}/${pub.id}/check`);
    // Against the data, and against the same figure further on.
    expect(checked.findings.filter((f: Json) => f.column === "完成自评的项目")).toEqual([
      expect.objectContaining({ printed: `${wrong}个`, expected: `${coverage.project.approved}个` }),
      expect.objectContaining({ printed: `${coverage.project.approved}个`, expected: `${wrong}个` }),
    ]);
    pub = await ok("clerk", "PUT", `${BASE}/${pub.id}/draft`, { version: pub.versions[0].version, intro: "" });
  });

  it("is refused approval while data is missing, then published with a reason and printed on the portal", async () => {
    const checker = await d.userId("checker");
    pub = await ok("clerk", "POST", `${BASE}/${pub.id}/submit`, {
      version: pub.versions[0].version,
      approverId: checker,
    });
    const refused = await call("checker", "POST", `${BASE}/${pub.id}/approve`, { version: pub.versions[0].version });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("PUBLICATION_CHECK_FAILED");
    pub = await ok("checker", "POST", `${BASE}/${pub.id}/approve`, {
      version: pub.versions[0].version,
      override: { reason: "结果应用尚未开展，报告如实说明" },
    });
    expect(pub.versions[0].status).toBe("published");
    const page = await d.d.app.inject({ method: "GET", url: `/public/450299/p/${pub.id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("测试区财政局全面实施预算绩效管理");
    const csv = await d.d.app.inject({ method: "GET", url: `/public/450299/p/${pub.id}/v/1.csv?table=figures` });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain("selfeval.projects");
    // Published in March 2026: the 2026 report's section 8 lists it, the 2025 report's does not.
    const next = await ok("admin", "GET", "/api/v1/report/annual?year=2026");
    const figure = (r: Json, key: string) => r.figures.find((f: Json) => f.key === key);
    expect(figure(next, "disclosure.count").value).toBe("1");
    expect(figure(next, "disclosure.titles")).toMatchObject({
      value: "2025年度预算绩效管理工作开展情况",
      link: "/public/450299/",
    });
    expect(figure(await ok("admin", "GET", "/api/v1/report/annual?year=2025"), "disclosure.count").value).toBe("0");
  });

  it("shows a correction on the portal at once, though the page was read (and kept) before", async () => {
    const url = `/public/450299/p/${pub.id}`;
    const before = await d.d.app.inject({ method: "GET", url });
    expect(before.body).toContain("测试区财政局全面实施预算绩效管理");
    const again = await d.d.app.inject({
      method: "GET",
      url,
      headers: { "if-none-match": before.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);
    const checker = await d.userId("checker");
    let draft = await ok("clerk", "POST", `${BASE}/${pub.id}/corrections`, { version: pub.versions[0].version }, 201);
    const template = structuredClone(DEFAULT_TEMPLATE);
    template.intro = "本年度，{{region}}财政局深入实施预算绩效管理。";
    draft = await ok("clerk", "PUT", `${BASE}/${pub.id}/draft`, {
      version: draft.versions[0].version,
      template,
      changeNote: "开篇措辞更正",
    });
    // While version 2 is a draft the portal still shows version 1, from its memory or not.
    expect((await d.d.app.inject({ method: "GET", url })).body).not.toContain("深入实施");
    expect((await d.d.app.inject({ method: "GET", url: `${url}/v/2` })).statusCode).toBe(404);
    draft = await ok("clerk", "POST", `${BASE}/${pub.id}/submit`, {
      version: draft.versions[0].version,
      approverId: checker,
    });
    await ok("checker", "POST", `${BASE}/${pub.id}/approve`, {
      version: draft.versions[0].version,
      override: { reason: "结果应用尚未开展，报告如实说明" },
    });
    const after = await d.d.app.inject({ method: "GET", url });
    expect(after.body).toContain("本年度，测试区财政局深入实施预算绩效管理。");
    expect(after.body).toContain("开篇措辞更正");
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });
});
