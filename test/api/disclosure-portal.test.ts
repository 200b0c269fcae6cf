import { request } from "node:http";
import { Package, Profile } from "datapackage";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootstrapRegion } from "../../src/app/users/bootstrap-region";
import { createUser } from "../../src/app/users/create-user";
import { createUnitOfWork } from "../../src/db/repos";
import { rows } from "../../src/db/repos/rows";
import { argon2Hasher } from "../../src/server/auth/password";
import { NOT_FOUND_PAGE } from "../../src/server/public/pages";
import { type DisclosureDistrict, disclosureDistrict } from "../support/disclosure-district";

/**
 * The public portal, without any account: what was published (goal tables in two versions, the second a
 * correction), how it reads (escaped text, tables with captions and header cells, drafter, approver, dates, the
 * earlier version and its 更正说明), the downloads (CSV with BOM, JSON, the year's data package, valid and
 * pointing at its CSVs), caching, and that nothing unpublished is reachable whatever the address.
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
const anon = (url: string, headers: Record<string, string> = {}) => d.d.as(null, "GET", url, undefined, headers);
const BASE = "/api/v1/disclosure/publications";
const R = "450299";
const HOSTILE_TITLE = `2025年度重点项目绩效目标 <script>alert("x")</script> & 'quoted'`;

let goals: Json; // published twice
let selfeval: Json; // a draft
let evaluations: Json; // submitted
let returned: Json; // returned
let otherRegionId: number;

const publish = async (p: Json, extra: Record<string, unknown> = {}) => {
  let cur = await ok("clerk", "POST", `${BASE}/${p.id}/submit`, {
    version: p.versions[0].version,
    approverId: await d.userId("checker"),
    ...extra,
  });
  cur = await ok("checker", "POST", `${BASE}/${p.id}/approve`, { version: cur.versions[0].version });
  return cur;
};

beforeAll(async () => {
  d = await disclosureDistrict();
  goals = await ok("clerk", "POST", BASE, { kind: "goal_tables", fiscalYear: 2025 }, 201);
  goals = await ok("clerk", "PUT", `${BASE}/${goals.id}/draft`, {
    version: goals.versions[0].version,
    title: HOSTILE_TITLE,
    intro: "根据有关规定公开 <b>&amp;</b> 如下。\n第二段：得分<60分的项目将被约谈。",
    blocks: [
      { type: "heading1", text: "一、总体情况 <i>" },
      { type: "paragraph", text: '=HYPERLINK("http://x") 不是公式' },
    ],
  });
  goals = await publish(goals);
  d.setNow(new Date("2026-03-09T02:00:00Z"));
  await d.d.signInAgain();
  goals = await ok("clerk", "POST", `${BASE}/${goals.id}/corrections`, { version: goals.versions[0].version }, 201);
  goals = await ok("clerk", "PUT", `${BASE}/${goals.id}/draft`, {
    version: goals.versions[0].version,
    title: "2025年度重点项目绩效目标",
  });
  goals = await publish(goals, { changeNote: "标题误含无关字符 <已删除> & 更正" });
  selfeval = await ok("clerk", "POST", BASE, { kind: "selfeval_results", fiscalYear: 2025 }, 201);
  evaluations = await ok("clerk", "POST", BASE, { kind: "evaluation_results", fiscalYear: 2025 }, 201);
  evaluations = await ok("clerk", "POST", `${BASE}/${evaluations.id}/submit`, {
    version: evaluations.versions[0].version,
    approverId: await d.userId("checker"),
  });
  returned = await ok(
    "clerk",
    "POST",
    BASE,
    { kind: "selfeval_results", fiscalYear: 2025, departmentId: await d.t.org("301") },
    201,
  );
  returned = await ok("clerk", "POST", `${BASE}/${returned.id}/submit`, {
    version: returned.versions[0].version,
    approverId: await d.userId("checker"),
  });
  returned = await ok("checker", "POST", `${BASE}/${returned.id}/return`, {
    version: returned.versions[0].version,
    comment: "重做",
  });

  // Another region of the same deployment publishes its own (empty) goal tables.
  const deps = {
    uow: createUnitOfWork(d.d.db),
    clock: { now: () => new Date("2026-03-09T02:00:00Z") },
    hasher: argon2Hasher,
  };
  const actor = await bootstrapRegion(deps, { regionCode: "450300", regionName: "另一区" });
  for (const [username, role] of [
    ["o-clerk", "finance_staff"],
    ["o-check", "finance_staff"],
  ] as const)
    await createUser(deps, actor, {
      username,
      displayName: username,
      role,
      orgId: actor.orgId,
      password: "Other-2026xy",
      mustChangePassword: false,
    });
  const oc = await d.d.login("o-clerk", "Other-2026xy");
  const oa = await d.d.login("o-check", "Other-2026xy");
  let other = (await d.d.as(oc, "POST", BASE, { kind: "goal_tables", fiscalYear: 2025 })).json();
  const [checkerRow] = await rows<{ id: number }>(d.d.db.orm, sql`select id from users where username = 'o-check'`);
  other = (
    await d.d.as(oc, "POST", `${BASE}/${other.id}/submit`, {
      version: other.versions[0].version,
      approverId: checkerRow!.id,
    })
  ).json();
  other = (await d.d.as(oa, "POST", `${BASE}/${other.id}/approve`, { version: other.versions[0].version })).json();
  expect(other.latest.status).toBe("published");
  otherRegionId = other.id;
}, 400_000);
afterAll(async () => {
  await d.d.close();
});

const expectNotFound = async (url: string) => {
  const res = await anon(url);
  expect(res.statusCode, url).toBe(404);
  expect(res.body, url).toBe(NOT_FOUND_PAGE);
  expect(res.headers["cache-control"], url).toBe("no-store");
  expect(res.headers["content-type"], url).toBe("text/html; charset=utf-8");
};

describe("the pages", () => {
  it("list the regions, the years and the year's publications", async () => {
    const index = await anon("/public/");
    expect(index.statusCode).toBe(200);
    expect(index.body).toContain(`<a href="/public/${R}/">测试区</a>`);
    expect(index.body).toContain('<a href="/public/450300/">另一区</a>');
    expect((await anon("/public")).body).toBe(index.body);
    const region = await anon(`/public/${R}/`);
    expect(region.body).toContain(`<a href="/public/${R}/2025/">2025年度</a>`);
    const year = await anon(`/public/${R}/2025/`);
    expect(year.statusCode).toBe(200);
    expect(year.body).toContain("<h2>重点项目绩效目标</h2>");
    expect(year.body).toContain(`<a href="/public/${R}/p/${goals.id}">2025年度重点项目绩效目标</a>`);
    expect(year.body).toContain("第2版");
    // Unpublished items are not listed at all.
    expect(year.body).not.toContain("绩效自评结果");
    expect(year.body).not.toContain(`/p/${evaluations.id}`);
  });

  it("show the current version with drafter, approver, date, tables and the earlier version with its change note", async () => {
    const res = await anon(`/public/${R}/p/${goals.id}`);
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).toContain(
      '<meta name="description" content="测试区2025年度重点项目绩效目标：2025年度重点项目绩效目标，2026-03-09发布。">',
    );
    expect(html).toContain("@media print");
    expect(html).toContain("<dt>信息员</dt><dd>clerk</dd><dt>审核员</dt><dd>checker</dd>");
    expect(html).toContain('<dt>发布日期</dt><dd><time datetime="2026-03-09">2026-03-09</time></dd>');
    expect(html).toContain("<dt>版本</dt><dd>第2版（现行）</dd>");
    expect(html).toContain("<h2>更正说明</h2><p>标题误含无关字符 &lt;已删除&gt; &amp; 更正</p>");
    expect(html).toContain('<caption>2025年度重点项目绩效目标概况<span class="unit">金额单位：万元</span></caption>');
    expect(html).toContain('<th scope="col">全年预算数（万元）</th>');
    expect(html).toContain('<th scope="row">P302001A</th><td>疾控免疫规划</td>');
    expect(html).toContain('<td class="num">80.00</td>');
    expect(html).toContain(
      `<a href="/public/${R}/p/${goals.id}/v/1">第1版</a>，<time datetime="2026-03-02">2026-03-02</time>发布（首次发布）`,
    );
    expect(html).not.toMatch(/<script/i);
    const first = await anon(`/public/${R}/p/${goals.id}/v/1`);
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('本页为第1版，已于<time datetime="2026-03-09">2026-03-09</time>被第2版更正。');
  });

  it("keep the names signed at publication when an account is renamed later", async () => {
    await d.d.db.orm.execute(sql`update users set display_name = '改名后的审核员' where username = 'checker'`);
    const html = (await anon(`/public/${R}/p/${goals.id}/v/1`)).body;
    expect(html).toContain("<dt>审核员</dt><dd>checker</dd>");
    expect(html).not.toContain("改名后的审核员");
    await d.d.db.orm.execute(sql`update users set display_name = 'checker' where username = 'checker'`);
  });

  it("escape every text from the database: a title or intro with <script> and & is text, never markup", async () => {
    const html = (await anon(`/public/${R}/p/${goals.id}/v/1`)).body;
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(
      "<h1>2025年度重点项目绩效目标 &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;</h1>",
    );
    expect(html).toContain(
      "<title>2025年度重点项目绩效目标 &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;（第1版）",
    );
    expect(html).toContain(
      "<p>根据有关规定公开 &lt;b&gt;&amp;amp;&lt;/b&gt; 如下。</p>\n<p>第二段：得分&lt;60分的项目将被约谈。</p>",
    );
    expect(html).toContain("<h2>一、总体情况 &lt;i&gt;</h2>");
    expect(html).not.toContain("<b>");
    expect(html).not.toContain("<i>");
    const year = (await anon(`/public/${R}/2025/`)).body;
    expect(year).not.toMatch(/<script/i);
  });
});

describe("the downloads", () => {
  it("give each table as CSV in UTF-8 with a BOM, amounts in exact 元, and the version as JSON", async () => {
    const res = await anon(`/public/${R}/p/${goals.id}/v/2.csv?table=projects`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers["content-disposition"]).toContain(`filename="p${goals.id}-v2-1.csv"`);
    expect(res.headers["cache-control"]).toBe("public, max-age=86400, immutable");
    const raw = res.rawPayload;
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = raw.subarray(3).toString("utf8").split("\r\n");
    expect(lines[0]).toBe(
      "项目编码,项目名称,主管部门,实施单位,全年预算数（元）,其中：财政拨款（元）,其他资金（元）,年度总体目标,绩效指标数",
    );
    expect(lines[1]).toBe(
      "P302001A,疾控免疫规划,测试区卫生健康局,测试区疾控中心,800000.00,700000.00,100000.00,2025年完成校舍维修面积1200平方米，消除安全隐患，师生满意度不低于90%。,7",
    );
    const json = await anon(`/public/${R}/p/${goals.id}/v/1.json`);
    expect(json.statusCode).toBe(200);
    expect(json.json()).toMatchObject({
      publicationId: goals.id,
      number: 1,
      title: HOSTILE_TITLE,
      draftedByName: "clerk",
      approvedByName: "checker",
      amountUnit: "分",
      region: { code: R, name: "测试区" },
      body: { tables: [{ key: "projects", rows: [{ budget: 80_000_000 }] }, { key: "goals-P302001A" }] },
    });
  });

  it("describe the year's tables as a valid Tabular Data Package whose paths lead to the CSVs", async () => {
    const res = await anon(`/public/${R}/2025/datapackage.json`);
    expect(res.statusCode).toBe(200);
    const pkg = res.json();
    // Validated by the Frictionless project's own library against its bundled official profiles.
    const loaded = await Package.load(pkg);
    expect(loaded.errors.map(String)).toEqual([]);
    expect(loaded.valid).toBe(true);
    // The goal tables carry money: the package is also a Fiscal Data Package whose model names its amounts,
    // valid against the official fiscal profile too.
    expect(pkg).toMatchObject({ profile: "tabular-data-package", name: `jixiao-${R}-2025` });
    const fiscal = await Profile.load("fiscal-data-package");
    const asFiscal = fiscal.validate(pkg);
    expect(asFiscal.errors.map(String)).toEqual([]);
    expect(asFiscal.valid).toBe(true);
    const budget = Object.values(pkg.model.measures).find((m: Json) => m.source === "全年预算数（元）") as Json;
    expect(budget).toMatchObject({ currency: "CNY", direction: "expenditure", phase: "adjusted" });
    const names = pkg.resources.map((r: Json) => r.name);
    expect(names).toContain(budget.resource);
    expect(Object.values(pkg.model.dimensions)).toContainEqual(
      expect.objectContaining({ primaryKey: "code", attributes: expect.objectContaining({ code: expect.anything() }) }),
    );
    // Only the newest published version of what was published: the goal tables' version 2, two tables.
    expect(pkg.resources.map((r: Json) => r.path)).toEqual([`data/${goals.id}-v2-1.csv`, `data/${goals.id}-v2-2.csv`]);
    for (const r of pkg.resources) {
      const csv = await anon(new URL(r.path, `http://x/public/${R}/2025/datapackage.json`).pathname);
      expect(csv.statusCode, r.path).toBe(200);
      const [header, ...data] = csv.rawPayload.subarray(3).toString("utf8").trimEnd().split("\r\n");
      expect(header!.split(",")).toEqual(r.schema.fields.map((f: Json) => f.name));
      expect(data.length).toBeGreaterThan(0);
    }
    const fields = pkg.resources[0].schema.fields;
    expect(fields.find((f: Json) => f.name === "全年预算数（元）")).toMatchObject({ type: "number" });
    expect(fields.find((f: Json) => f.name === "绩效指标数")).toMatchObject({ type: "integer" });
    // A broken descriptor is refused by the same validator (the check is not vacuous).
    const invalid = async (descriptor: Json) => !(await Package.load(descriptor)).valid;
    expect(await invalid({ ...pkg, name: "Bad Name" })).toBe(true);
    const withField = (f: Json) => ({ ...pkg, resources: [{ ...pkg.resources[0], schema: { fields: [f] } }] });
    expect(await invalid(withField({ name: "x", type: "money" }))).toBe(true);
    expect(await invalid({ ...pkg, resources: [{ ...pkg.resources[0], schema: undefined }] })).toBe(true);
    expect(await invalid(withField({ name: "x", type: "string", format: "uri" }))).toBe(false);
    const measure = Object.keys(pkg.model.measures)[0]!;
    const noCurrency = { ...pkg.model.measures[measure], currency: "yuan" };
    expect(fiscal.validate({ ...pkg, model: { ...pkg.model, measures: { [measure]: noCurrency } } }).valid).toBe(false);
    expect(fiscal.validate({ ...pkg, model: undefined }).valid).toBe(false);
  });

  it("are cacheable: pages five minutes with an ETag that answers 304", async () => {
    const res = await anon(`/public/${R}/p/${goals.id}`);
    expect(res.headers["cache-control"]).toBe("public, max-age=300");
    const etag = res.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]{32}"$/);
    const again = await anon(`/public/${R}/p/${goals.id}`, { "if-none-match": etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    expect(res.headers["set-cookie"]).toBeUndefined();
  });
});

describe("nothing unpublished is reachable", () => {
  it("answers every public route with the same 404 page for drafts, submitted and returned versions, other regions and junk", async () => {
    const routes = d.d.routes.filter((r) => r.url.startsWith("/public") && r.method === "GET").map((r) => r.url);
    const unpublished = [selfeval.id, evaluations.id, returned.id];
    // (Dot segments are normalised away by the in-process client; they are sent over a real socket below.)
    const junk = ["0", "-1", "1e3", "abc", "2147483648", "99999999999999999999", "1%00", "%20"];
    const tried = new Set<string>();
    const fill = (pattern: string, values: Record<string, string>) =>
      pattern.replace(/:(\w+)/g, (_, k: string) => values[k] ?? "1");
    for (const pattern of routes) {
      tried.add(pattern);
      if (pattern === "/public" || pattern === "/public/") continue;
      if (pattern === "/public/*") {
        for (const p of ["/public/x", `/public/${R}/p/`, `/public/${R}/2025/data/`, "/public/%E0%A4%A"])
          await expectNotFound(p);
        continue;
      }
      const cases: Record<string, string>[] = [];
      for (const id of unpublished.map(String))
        cases.push(
          { region: R, year: "2025", id, file: "1" },
          { region: R, year: "2025", id, file: "1.csv" },
          { region: R, year: "2025", id, file: "1.json" },
        );
      cases.push({ region: R, year: "2025", id: String(otherRegionId), file: "1" });
      cases.push({ region: "450300", year: "2025", id: String(goals.id), file: "1" });
      for (const j of junk)
        cases.push({ region: j, year: j, id: j, file: j }, { region: R, year: "2025", id: j, file: j });
      cases.push(
        { region: R, year: "2025", id: String(goals.id), file: "3" },
        { region: R, year: "2025", id: String(goals.id), file: "1.exe" },
      );
      cases.push(
        { region: R, year: "1999", id: String(goals.id), file: "1" },
        { region: R, year: "2024", id: String(goals.id), file: "1" },
      );
      for (const c of cases) {
        const url = pattern.endsWith("/data/:file")
          ? fill(pattern, { ...c, file: `${c.id}-v1-1.csv` })
          : fill(pattern, c);
        // The region and year pages of this region exist: skip the cases that leave them unchanged.
        const res = await anon(url);
        if (res.statusCode === 200) {
          const published = [
            new RegExp(`^/public/(${R}|450300)/?$`),
            new RegExp(`^/public/(${R}|450300)/2025(/|/datapackage\\.json)?$`),
            new RegExp(`^/public/${R}/p/${goals.id}(/v/[12](\\.json)?)?$`),
            new RegExp(`^/public/${R}/2025/data/${goals.id}-v[12]-[12]\\.csv$`),
          ];
          expect(
            published.some((re) => re.test(url)),
            `${pattern}: ${url} answered 200`,
          ).toBe(true);
          continue;
        }
        expect(res.statusCode, url).toBe(404);
        expect(res.body, url).toBe(NOT_FOUND_PAGE);
      }
    }
    expect([...tried].sort()).toEqual(routes.sort());
    // Explicitly: a draft's, a submitted and a returned version's pages and files.
    for (const id of unpublished) {
      await expectNotFound(`/public/${R}/p/${id}`);
      await expectNotFound(`/public/${R}/p/${id}/v/1`);
      await expectNotFound(`/public/${R}/p/${id}/v/1.csv?table=selfeval`);
      await expectNotFound(`/public/${R}/p/${id}/v/1.json`);
      await expectNotFound(`/public/${R}/2025/data/${id}-v1-1.csv`);
    }
    await expectNotFound(`/public/${R}/p/${goals.id}/v/2.csv?table=nope`);
    await expectNotFound(`/public/${R}/p/${goals.id}/v/2.csv`);
    await expectNotFound(`/public/${R}/p/${otherRegionId}`);
    await expectNotFound(`/public/450300/p/${goals.id}`);
    await expectNotFound("/public/999999/");
    await expectNotFound(`/public/${R}/2024/`);
    await expectNotFound(`/public/${R}/2024/datapackage.json`);
    // Path traversal, sent as raw request targets over a real socket (no client normalises them).
    const address = await d.d.app.listen({ port: 0, host: "127.0.0.1" });
    const raw = (path: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = request(`${address}/`, { path, method: "GET" }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
        });
        req.on("error", reject);
        req.end();
      });
    for (const path of [
      `/public/../api/v1/disclosure/publications/${selfeval.id}`,
      `/public/${R}/p/${goals.id}/../${selfeval.id}`,
      "/public/%2e%2e/%2e%2e/etc/passwd",
      `/public/${R}/p/..%2f..%2f${selfeval.id}`,
      `/public/${R}/p/${selfeval.id}/v/..%2f1`,
      `/public/${R}/2025/data/..%2f..%2fp%2f${selfeval.id}`,
      `/public/${R}/p/${goals.id}/v/1/../../${selfeval.id}`,
      "/public/%E0%A4%A",
    ]) {
      const res = await raw(path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).toBe(NOT_FOUND_PAGE);
    }
    // The other region's own item is there under its own code.
    expect((await anon(`/public/450300/p/${otherRegionId}`)).statusCode).toBe(200);
  });

  it("answers HEAD as GET, other methods and doubled slashes with nothing unpublished, whatever the query", async () => {
    const head = (url: string) => d.d.app.inject({ method: "HEAD", url });
    for (const id of [selfeval.id, evaluations.id, returned.id]) {
      const res = await head(`/public/${R}/p/${id}`);
      expect(res.statusCode).toBe(404);
      expect(res.headers["cache-control"]).toBe("no-store");
      expect((await head(`/public/${R}/p/${id}/v/1.json`)).statusCode).toBe(404);
    }
    const published = await head(`/public/${R}/p/${goals.id}`);
    expect(published.statusCode).toBe(200);
    expect(published.body).toBe("");
    for (const method of ["POST", "PUT", "DELETE", "PATCH"] as const) {
      const res = await d.d.app.inject({ method, url: `/public/${R}/p/${goals.id}`, payload: {} });
      expect(res.statusCode, method).toBeGreaterThanOrEqual(400);
      expect(res.body, method).not.toContain("2025年度重点项目绩效目标");
    }
    for (const url of [
      `//public/${R}/p/${selfeval.id}`,
      `/public//${R}/p/${selfeval.id}`,
      `/public/${R}//p/${selfeval.id}`,
      `/public/${R}/p/${selfeval.id}/`,
      `/public/${R}/p/${selfeval.id}?number=1&status=draft`,
      `/public/${R}/p/${goals.id}/v/1.csv?table=__proto__`,
      `/public/${R}/p/${goals.id}/v/1.csv?table=constructor`,
      `/public/${R}/p/${goals.id}/v/1.csv?table[]=x`,
      `/public/${R}/p/${selfeval.id}.json`,
      `/public/${R}/p/${goals.id}/v/1.json.csv`,
      `/public/${R}/p/${goals.id}/v/01`,
      `/public/${R}/p/0${selfeval.id}`,
      `/public/${R}/2025/data/${selfeval.id}-v1-1.csv`,
      `/public/${R}/2025/data/${goals.id}-v1-0.csv`,
      `/public/${R}/2025/data/${goals.id}-v1-1.csv%00`,
    ]) {
      const res = await anon(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).not.toContain("selfeval");
    }
  });
});
