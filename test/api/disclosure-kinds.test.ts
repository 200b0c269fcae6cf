import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rows } from "../../src/db/repos/rows";
import { type DisclosureDistrict, disclosureDistrict } from "../support/disclosure-district";

/**
 * What each kind of publication prints, from the district's own data: the approved self-evaluations with their
 * budgets, executed amounts, rates, scores and grades (for the region and for one department), and the key
 * evaluation with its amount, score, grade and where its rectification stands. The figures check stays quiet
 * while the data is unchanged and names the cell once a rectification item is accepted.
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
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

beforeAll(async () => {
  d = await disclosureDistrict();
}, 300_000);
afterAll(async () => {
  await d.d.close();
});

describe("self-evaluation results", () => {
  it("print every approved self-evaluation with budget, executed, rate, score and grade as the forms compute them", async () => {
    const pub = await ok("clerk", "POST", BASE, { kind: "selfeval_results", fiscalYear: 2025 }, 201);
    const table = pub.versions[0].body.tables[0];
    expect(table.columns.map((c: Json) => `${c.key}:${c.type}`)).toEqual([
      "code:text",
      "name:text",
      "subject:text",
      "department:text",
      "unit:text",
      "budget:amount",
      "executed:amount",
      "rate:percent",
      "score:score",
      "grade:text",
    ]);
    // The same figures as the forms' own list.
    const forms = await ok("admin", "GET", "/api/v1/selfeval/forms?year=2025&status=approved&pageSize=50");
    expect(table.rows.map((r: Json) => r.code)).toEqual(["301", "P301001A", "P302001A"]);
    for (const r of table.rows) {
      const f = forms.rows.find((x: Json) => x.code === r.code);
      expect(r.budget).toBe(f.adjustedBudget);
      expect(r.executed).toBe(f.executed);
      expect(r.rate).toBe(f.rate);
      expect(Number(r.score)).toBe(f.total);
      expect(r.score).toMatch(/^\d+\.\d{2}$/);
    }
    expect(table.rows[2]).toMatchObject({ subject: "项目支出", department: "测试区卫生健康局", budget: 80_000_000 });
    expect(table.rows[0].subject).toBe("部门整体支出");
    expect((await ok("checker", "GET", `${BASE}/${pub.id}/check`)).findings).toEqual([]);
  });

  it("of one department list that department's only", async () => {
    const edu = await d.t.org("301");
    const pub = await ok("clerk", "POST", BASE, { kind: "selfeval_results", fiscalYear: 2025, departmentId: edu }, 201);
    expect(pub.title).toBe("2025年度测试区教育局绩效自评结果");
    expect(pub.department).toMatchObject({ id: edu, code: "301" });
    expect(pub.versions[0].body.tables[0].rows.map((r: Json) => r.code)).toEqual(["301", "P301001A"]);
    const list = await ok("checker", "GET", `${BASE}?kind=selfeval_results&departmentId=${edu}`);
    expect(list.rows.map((r: Json) => r.id)).toEqual([pub.id]);
  });
});

describe("key evaluation results", () => {
  let pub: Json;
  it("print the finalised key evaluations with amount, score, grade and the rectification state", async () => {
    pub = await ok("clerk", "POST", BASE, { kind: "evaluation_results", fiscalYear: 2025 }, 201);
    expect(pub.versions[0].body.tables[0].rows).toEqual([
      {
        code: "P302001A",
        name: "疾控免疫规划",
        department: "测试区卫生健康局",
        unit: "测试区疾控中心",
        amount: 80_000_000,
        score: "80.34",
        grade: "良",
        rectification: "整改中（已验收0项，共1项）",
      },
    ]);
    expect(pub.versions[0].body.intro).toContain("平均得分80.34分");
  });

  it("are checked again at approval: an item accepted since the draft is a finding", async () => {
    const [item] = await rows<{ id: number; version: number }>(
      d.d.db.orm,
      sql`select id, version from rectification_items`,
    );
    const boundary = "----disclosure-test";
    const upload = await d.d.as(
      d.d.who("cdc"),
      "POST",
      `/api/v1/attachments?entity=rectification_item&recordId=${item!.id}`,
      Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="记录.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        PDF,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
      { "content-type": `multipart/form-data; boundary=${boundary}` },
    );
    expect(upload.statusCode, upload.body).toBe(201);
    const answered = await ok("cdc", "POST", `/api/v1/rectification/items/${item!.id}/actions`, {
      version: item!.version,
      action: "answer",
      text: "已补齐全年冷链温度记录",
    });
    await ok("admin", "POST", `/api/v1/rectification/items/${item!.id}/actions`, {
      version: answered.version,
      action: "accept",
    });
    pub = await ok("clerk", "POST", `${BASE}/${pub.id}/submit`, {
      version: pub.versions[0].version,
      approverId: await d.userId("checker"),
    });
    const res = await call("checker", "POST", `${BASE}/${pub.id}/approve`, { version: pub.versions[0].version });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.findings).toEqual([
      expect.objectContaining({
        row: "P302001A",
        column: "整改情况",
        printed: "整改中（已验收0项，共1项）",
        expected: "已完成整改（1项）",
      }),
    ]);
    // Returned, refreshed and resubmitted, it passes.
    pub = await ok("checker", "POST", `${BASE}/${pub.id}/return`, {
      version: pub.versions[0].version,
      comment: "整改已验收，请更新",
    });
    pub = await ok("clerk", "POST", `${BASE}/${pub.id}/refresh`, { version: pub.versions[0].version });
    expect(pub.versions[0].body.tables[0].rows[0].rectification).toBe("已完成整改（1项）");
    pub = await ok("clerk", "POST", `${BASE}/${pub.id}/submit`, {
      version: pub.versions[0].version,
      approverId: await d.userId("checker"),
    });
    pub = await ok("checker", "POST", `${BASE}/${pub.id}/approve`, { version: pub.versions[0].version });
    expect(pub.versions[0]).toMatchObject({ status: "published", checkOverrideReason: null, checkFindings: null });
    // The list filters on the newest version's status and sorts in SQL.
    const drafts = await ok("auditor1", "GET", `${BASE}?year=2025&status=draft&sort=title&order=asc`);
    expect(drafts.rows.map((r: Json) => r.title)).toEqual(["2025年度测试区教育局绩效自评结果", "2025年度绩效自评结果"]);
    expect(drafts.rows[0].latest).toMatchObject({ status: "draft", statusLabel: "草稿" });
    const published = await ok("auditor1", "GET", `${BASE}?status=published`);
    expect(published.rows.map((r: Json) => [r.id, r.kindLabel, r.publishedVersion])).toEqual([
      [pub.id, "重点绩效评价结果", 1],
    ]);
    const paged = await ok("auditor1", "GET", `${BASE}?year=2025&sort=kind&pageSize=1&page=2`);
    expect(paged).toMatchObject({ total: 3, page: 2, pageSize: 1 });
    expect((await ok("auditor1", "GET", `${BASE}?year=2024`)).total).toBe(0);
    const trail = await rows<{ action: string; after: { changes?: string[] } }>(
      d.d.db.orm,
      sql`select action, after from audit_log where entity = 'publication' and entity_id = ${String(pub.id)} and action = 'refresh'`,
    );
    expect(trail[0]!.after.changes).toEqual([
      "表“2025年度财政重点绩效评价结果”中“P302001A”的“整改情况”：公开稿为整改中（已验收0项，共1项），现有数据为已完成整改（1项）",
    ]);
  });
});
