import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../support/app";

/** The demo district's 2024 report, drafted from the data through the API, against the modules' own summaries. */
let t: TestApp;
let finance: string;
type Figure = { key: string; value: string | null; link: string | null };
let report: {
  document: { title: string; blocks: { runs: { text: string }[]; lead?: { text: string }[] | null }[] };
  figures: Figure[];
  findings: { severity: string; message: string; kind: string }[];
};
const fig = (key: string) => report.figures.find((f) => f.key === key)?.value;
const text = () =>
  [
    report.document.title,
    ...report.document.blocks.map((b) => [...(b.lead ?? []), ...b.runs].map((r) => r.text).join("")),
  ].join("\n");

beforeAll(async () => {
  t = await testApp();
  finance = await t.login("finance");
  const res = await t.as(finance, "GET", "/api/v1/report/annual?year=2024");
  expect(res.statusCode, res.body).toBe(200);
  report = res.json();
});
afterAll(() => t.close());

describe("the annual work report drafted from the demo district's data", () => {
  it("prints the seed's figures, each computed", () => {
    const s = text();
    for (const phrase of [
      "完成54个部门整体支出及1713个项目的绩效自评，涉及预算金额9.41亿元",
      "全区54个部门整体支出复核评分结果是",
      "的部门有5个，占本次抽查比例9.26%；二等等级80分以上（含80分）的部门44个，占本次抽查比例81.48%；三等等级60分以上（含60分）5个，占本次抽查比例9.26%",
      "抽查的97个项目复核评分结果是",
      "的项目7个，占本次抽查比例7.22%；二等等级80分以上（含80分）的项目57个，占本次抽查比例58.76%；三等等级60分以上（含60分）33个，占本次抽查比例34.02%；四等等级60分以下的项目有0个，占本次抽查比例0.00%",
      "完成54个项目部门评价，全区参评部门覆盖率100.00%",
      "等四个预算重点项目开展财政绩效评价，涉及金额1336.64万元。经评定，四个项目绩效平均得分80.34分",
      "下发了117个部门监控及9个财政重点监控任务",
      "累计调整61个项目的2025年预算申报数，压减申报金额4366.00万元",
      "及时在政府门户网站上公开预算绩效管理信息，包括2024年度重点项目绩效目标，主动接受社会公众监督",
    ])
      expect(s).toContain(phrase);
    expect(report.document.title).toBe("2024年柳州市城中区预算绩效管理工作开展情况");
    expect(s).not.toContain("7.21%");
  });

  it("has the seed's structure: four numbered parts and the run-in headings of part one", () => {
    const headings = report.document.blocks.filter((b) => "type" in b && b.type === "heading");
    expect(headings.map((h) => h.runs[0]!.text)).toEqual(["一、", "二、", "三、", "四、"]);
    const leads = report.document.blocks.flatMap((b) => (b.lead ? [b.lead.map((r) => r.text).join("")] : []));
    expect(leads).toEqual([
      "（一）强化绩效目标管理。",
      "（二）组织开展单位自评。",
      "（三）组织开展部门评价。",
      "（四）开展重点项目财政评价。",
    ]);
  });

  it("gives the same figures as each module's own summary", async () => {
    const get = async (url: string) => {
      const r = await t.as(finance, "GET", url);
      expect(r.statusCode, `${url} ${r.body}`).toBe(200);
      return r.json();
    };
    const [coverage, review, evaluations, monitoring, results] = await Promise.all([
      get("/api/v1/selfeval/coverage?year=2024"),
      get("/api/v1/review/stats?year=2024"),
      get("/api/v1/evaluations/summary?year=2024"),
      get("/api/v1/monitoring/summary?year=2024"),
      get("/api/v1/results/summary?year=2024"),
    ]);
    expect(fig("selfeval.deptWide")).toBe(String(coverage.deptWide.approved));
    expect(fig("selfeval.projects")).toBe(String(coverage.project.approved));
    expect(fig("selfeval.budgetYi")).toBe((coverage.project.approvedBudget / 1e10).toFixed(2));
    for (const kind of ["deptWide", "project"]) {
      expect(fig(`review.${kind}.total`)).toBe(String(review[kind].total));
      for (const g of review[kind].grades) {
        expect(fig(`review.${kind}.${g.grade}`)).toBe(String(g.count));
        expect(fig(`review.${kind}.${g.grade}Share`)).toBe(g.percent);
      }
    }
    expect(fig("deptEval.count")).toBe(String(evaluations.departmentEvaluations));
    expect(Number(fig("deptEval.coverage"))).toBe(evaluations.departmentCoverage);
    expect(fig("keyEval.count")).toBe(String(evaluations.keyEvaluations));
    expect(Number(fig("keyEval.amountWan"))).toBe(evaluations.keyAmount);
    expect(Number(fig("keyEval.meanScore"))).toBe(evaluations.keyMeanScore);
    expect(fig("rectification.items")).toBe(String(evaluations.rectification.items));
    expect(fig("monitoring.departmentTasks")).toBe(String(monitoring.tasks.department.total));
    expect(fig("monitoring.keyTasks")).toBe(String(monitoring.tasks.key.total));
    expect(fig("monitoring.red")).toBe(String(monitoring.lights.red));
    expect(fig("results.projectsAdjusted")).toBe(String(results.projectsAdjusted));
    expect(Number(fig("results.totalCut"))).toBe(results.totalCut);
    expect(fig("results.average")).toBe(results.adoption.average);
  });

  it("links every computed figure to the list behind it", () => {
    const computed = report.figures.filter((f) => f.value !== null && !["year", "nextYear", "region"].includes(f.key));
    expect(computed.length).toBeGreaterThan(40);
    for (const f of computed) expect(f.link, f.key).toMatch(/^\/[a-z]/);
  });

  it("checks its own figures and finds nothing wrong or missing", () => {
    expect(report.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("flags a figure typed over by hand in finance's template with the value the data gives", async () => {
    const template = structuredClone(
      (report as unknown as { template: { sections: { key: string; text: string }[] } }).template,
    );
    const selfeval = template.sections.find((s) => s.key === "selfeval")!;
    selfeval.text = selfeval.text
      .replace("{{review.project.excellentShare}}", "7.21")
      .replace("{{selfeval.projects}}", "1731");
    const res = await t.as(finance, "POST", "/api/v1/report/annual/draft", { fiscalYear: 2024, template });
    expect(res.statusCode, res.body).toBe(200);
    const errors = res
      .json()
      .findings.filter((f: { severity: string; kind: string }) => f.severity === "error" && f.kind !== "missing");
    expect(errors.map((f: { printed: string; computed: string }) => [f.printed, f.computed])).toEqual([
      ["1731个", "1713个"],
      ["7.21%", "7.22%"],
    ]);
  });

  it("drafts a year before its self-evaluations were reviewed: the shares of nothing print and check as 0.00%", async () => {
    const res = await t.as(finance, "GET", "/api/v1/report/annual?year=2023");
    expect(res.statusCode, res.body).toBe(200);
    const earlier = res.json();
    expect(earlier.document.title).toBe("2023年柳州市城中区预算绩效管理工作开展情况");
    expect(earlier.findings.filter((f: { kind: string }) => f.kind !== "missing")).toEqual([]);
  });

  it("refuses a template naming a figure that does not exist, naming the section", async () => {
    const template = structuredClone(
      (report as unknown as { template: { sections: { key: string; text: string }[] } }).template,
    );
    template.sections[2]!.text += "{{deptEval.cnt}}";
    const res = await t.as(finance, "POST", "/api/v1/report/annual/draft", { fiscalYear: 2024, template });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: "REPORT_TEMPLATE_INVALID" });
    expect(res.json().error.message).toBe("第3节（部门评价）：未知的数字“{{deptEval.cnt}}”");
  });

  it("writes the Word file in the official layout", async () => {
    const res = await t.as(finance, "GET", "/api/v1/report/annual.docx?year=2024");
    expect(res.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = (await zip.file("word/document.xml")!.async("string")).replace(/<[^>]+>/g, "");
    expect(xml).toContain("抽查的97个项目复核评分结果是");
    expect(xml).toContain("7.22%");
    const styles = await zip.file("word/styles.xml")!.async("string");
    expect(styles).toContain("仿宋_GB2312");
    expect(styles).toContain("黑体");
  });

  it("is finance's and the auditor's: a department may not read the region's report", async () => {
    const dept = await t.login("dept");
    expect((await t.as(dept, "GET", "/api/v1/report/annual?year=2024")).statusCode).toBe(403);
  });

  it("checks a pasted text, against the data when a year is given", async () => {
    const pasted = text().replace("1713个项目", "1731个项目");
    const own = (await t.as(finance, "POST", "/api/v1/report/check", { text: pasted })).json();
    expect(own.findings.filter((f: { severity: string }) => f.severity === "error")).toEqual([]);
    const data = (await t.as(finance, "POST", "/api/v1/report/check", { text: pasted, fiscalYear: 2024 })).json();
    expect(data.findings.map((f: { printed: string; computed: string }) => [f.printed, f.computed])).toEqual([
      ["1731个", "1713个"],
    ]);
    const none = await t.as(finance, "POST", "/api/v1/report/check", { text: pasted, fiscalYear: 2019 });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.message).toContain("本区划没有2019年度的数据");
  });

  it("answers the longest hostile text it accepts in time, and in step with it", async () => {
    // Before, this text made the check add every figure into every later total: minutes, then out of memory.
    const hostile = "1个共".repeat(66_666);
    const started = Date.now();
    const res = await t.as(finance, "POST", "/api/v1/report/check", { text: hostile, fiscalYear: 2024 });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.json().findings).toEqual([]);
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
