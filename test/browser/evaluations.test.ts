import { readFile } from "node:fs/promises";
import { join } from "node:path";
import JSZip from "jszip";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserHarness, pickOption, SCREENSHOTS, startHarness } from "./harness";

/**
 * 财政重点评价 in the browser, on the demo district: finance registers two experts in the pool (the demo's
 * expert account and a second one it creates), creates a key evaluation of a 2024 key project, forms the team
 * (the firm and both experts, one the lead) and opens the scoring. The second expert scores and submits; the
 * first, while scoring, does not see the second's points, and sees them once submitted. Finance sees both
 * sheets side by side with the mean per indicator, and finalises. Then the report and the rectification: the lead
 * expert downloads the drafted report (Word) and may no longer upload once final; finance uploads the final
 * version (a forged file is refused in the server's words), which shows as 现行版本; finance issues a rectification
 * notice from the evaluation page, its items filled from the indicators the experts marked down; the project's unit
 * answers an item with its measures and a PDF, and finance accepts it. The page on a desktop and on a phone.
 */
const XHR = { "x-requested-with": "jixiao" };
const NEW_PASSWORD = "Expert-2024xy";
const PHONE = { width: 390, height: 844 };
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const EXE = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00"), Buffer.alloc(64, 0)]);

let h: BrowserHarness;
let project: { id: number; code: string; name: string };
let evaluationId = 0;
let noticeId = 0;
/** The project's implementing unit (a unit, or a department that runs the project itself) and its account. */
let unit: { id: number; code: string; name: string };
let unitAccount = "";
/** Every indicator with its points, in framework order. */
let framework: { uid: string; points: number }[] = [];

async function apiAs(username: string, password = "jixiao-demo"): Promise<BrowserContext> {
  const ctx = await h.browser.newContext();
  const res = await ctx.request.post(`${h.baseUrl}/api/v1/auth/login`, { headers: XHR, data: { username, password } });
  expect(res.status(), await res.text()).toBe(200);
  return ctx;
}
async function call(ctx: BrowserContext, method: "GET" | "POST", path: string, data?: unknown) {
  const res = await ctx.request.fetch(`${h.baseUrl}/api/v1${path}`, { method, headers: XHR, data });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return res.status() === 204 ? null : res.json();
}

beforeAll(async () => {
  h = await startHarness();
  // Finance registers the pool through the API as its pages would: the demo's expert account, and a new
  // expert account at the same firm for a second expert.
  const finance = await apiAs("finance");
  const users = await call(finance, "GET", "/users?q=expert&pageSize=50");
  const demoExpert = users.rows.find((u: { username: string }) => u.username === "expert");
  const created = await call(finance, "POST", "/users", {
    username: "expertzm",
    displayName: "周敏",
    role: "expert",
    orgId: demoExpert.orgId ?? demoExpert.org.id,
    password: "Temp-2024xyz",
  });
  for (const [name, userId, fields] of [
    ["陈立", demoExpert.id, ["财务", "教育"]],
    ["周敏", created.user.id, ["工程", "审计"]],
  ] as const)
    await call(finance, "POST", "/evaluations/experts", {
      name,
      employer: "广西财经学院",
      employerOrgId: null,
      title: "高级会计师",
      fields,
      phone: "",
      userId,
      active: true,
    });
  // The largest key project the demo's finance has not evaluated yet (four are, one evaluation per project and year).
  const evaluated = new Set(
    (await call(finance, "GET", "/evaluations?year=2024&kind=key&pageSize=50")).rows.map(
      (e: { project: { id: number } }) => e.project.id,
    ),
  );
  project = (
    await call(finance, "GET", "/projects?year=2024&isKey=true&sort=adjustedBudget&order=desc&pageSize=50")
  ).rows.find((p: { id: number }) => !evaluated.has(p.id));
  await finance.close();
  // The new account changes its first password, as its first sign-in requires.
  const second = await apiAs("expertzm", "Temp-2024xyz");
  await call(second, "POST", "/auth/password", { currentPassword: "Temp-2024xyz", newPassword: NEW_PASSWORD });
  await second.close();
}, 600_000);
afterAll(() => h?.close());

async function signedIn(username: string, password?: string, viewport?: typeof PHONE): Promise<Page> {
  const page = viewport
    ? await (await h.browser.newContext({ viewport, isMobile: true, hasTouch: true, locale: "zh-CN" })).newPage()
    : await h.newPage();
  await page.addInitScript(() => window.localStorage.setItem("jixiao.year", "2024"));
  await h.login(page, username, password);
  return page;
}
async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  await expect.poll(() => page.locator(".ant-spin-spinning, .ant-skeleton").count()).toBe(0);
}
async function fullShot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
async function openEvaluation(page: Page) {
  await page.goto(`${h.baseUrl}/evaluations/${evaluationId}`);
  await page.getByTestId("ev-status").waitFor();
  await settle(page);
}
/** Fills the sheet: every indicator at full points but those given, with a comment where points are lost. */
async function score(page: Page, except: Record<string, number>) {
  for (const [n, r] of framework.entries()) {
    const points = except[r.uid] ?? r.points;
    await page.getByLabel(`第${n + 1}项指标得分`, { exact: true }).fill(String(points));
    if (points < r.points)
      await page
        .getByLabel(`第${n + 1}项指标评分意见`, { exact: true })
        .fill(`扣${(r.points - points).toFixed(2)}分：佐证不足`);
  }
}
/** Adds an expert to the team's multiple select (its dropdown stays open after a pick). */
async function addExpert(page: Page, name: string) {
  const select = page.getByTestId("ev-team-experts");
  await select.click();
  await select.locator("input").fill(name);
  await page
    .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option")
    .filter({ hasText: name })
    .first()
    .click();
  await expect.poll(() => select.locator(".ant-select-selection-item").filter({ hasText: name }).count()).toBe(1);
  await page.keyboard.press("Escape");
}
async function submit(page: Page) {
  await page.getByTestId("ev-submit").click();
  await page.getByTestId("ev-submit-ok").click();
  await expect.poll(() => page.getByTestId("ev-submit").count()).toBe(0);
}

describe("a key evaluation with two experts", () => {
  it("finance creates the key evaluation of a key project from the list", async () => {
    const page = await signedIn("finance");
    await page.goto(`${h.baseUrl}/evaluations`);
    await settle(page);
    await page.getByTestId("evaluation-new-key").click();
    await pickOption(page, page.getByTestId("evaluation-new-project"), project.name, { search: project.code });
    await page.getByTestId("evaluation-new-ok").click();
    await page.waitForURL((url) => /^\/evaluations\/\d+$/.test(url.pathname));
    evaluationId = Number(new URL(page.url()).pathname.split("/").pop());
    await page.getByTestId("ev-status").getByText("草稿").waitFor();
    await expect.poll(() => page.getByTestId("ev-head").textContent()).toContain(project.code);
    const detail = await (await page.request.get(`${h.baseUrl}/api/v1/evaluations/${evaluationId}`)).json();
    framework = detail.framework.map((r: { uid: string; points: number }) => ({ uid: r.uid, points: r.points }));
    expect(framework.length).toBeGreaterThan(10);

    // The team: the firm and both experts, 陈立 the lead; saved, then the scoring opened.
    const team = page.getByTestId("ev-team");
    await pickOption(page, page.getByTestId("ev-team-firm"), /./);
    await addExpert(page, "陈立");
    await addExpert(page, "周敏");
    await expect.poll(() => team.getByTestId("ev-team-table").locator("tbody tr.ant-table-row").count()).toBe(2);
    await expect.poll(() => page.getByTestId("ev-open-scoring").isDisabled()).toBe(true);
    await page.getByTestId("ev-team-save").click();
    await page.getByText("评价组已保存").waitFor();
    await expect.poll(() => page.getByTestId("ev-open-scoring").isDisabled()).toBe(false);
    await h.shot(page, "evaluation-01-team");
    await page.getByTestId("ev-open-scoring").click();
    const due = page.getByRole("dialog").getByLabel("评分截止日期");
    await due.click();
    await due.fill("2026-12-30");
    await page.keyboard.press("Enter");
    await page.getByTestId("ev-open-scoring-ok").click();
    await page.getByTestId("ev-status").getByText("评分中").waitFor();
    await expect.poll(() => page.getByTestId("ev-member").count()).toBe(2);
    await expect.poll(() => page.getByTestId("ev-finalise").isDisabled()).toBe(true);
    await expect.poll(() => page.getByTestId("ev-finalise-reason").textContent()).toContain("尚有 2 位专家未提交评分");
    await page.context().close();
  }, 180_000);

  it("the second expert scores and submits", async () => {
    const page = await signedIn("expertzm", NEW_PASSWORD);
    await page.goto(`${h.baseUrl}/evaluations`);
    await settle(page);
    await page.getByTestId("evaluation-list").getByRole("link", { name: project.name }).click();
    await page.getByTestId("ev-sheet").waitFor();
    await settle(page);
    await score(page, { O1: 2, B1: 5 });
    await page.getByTestId("ev-save").click();
    await page.getByText("已保存", { exact: true }).waitFor();
    await submit(page);
    await page.getByTestId("ev-standing").getByText("您已提交评分").waitFor();
    await page.context().close();
  }, 180_000);

  it("the first expert does not see the second's points until submitting", async () => {
    const page = await signedIn("expert");
    await openEvaluation(page);
    // Blind: no score summary, no other sheet, only the own one.
    await page.getByTestId("ev-scores-hidden").waitFor();
    expect(await page.getByTestId("ev-sheets").count()).toBe(0);
    expect(await page.getByTestId("ev-blind-note").count()).toBe(1);
    const seen = await (await page.request.get(`${h.baseUrl}/api/v1/evaluations/${evaluationId}`)).json();
    const other = seen.members.find((m: { expert: { name: string } }) => m.expert.name === "周敏");
    expect(other).toMatchObject({ submitted: true, visible: false, total: null, scores: [] });
    await score(page, { O1: 3, B2: 4 });
    // Submitting asks once, with the total.
    await page.getByTestId("ev-submit").click();
    await expect.poll(() => page.locator(".ant-modal-confirm").textContent()).toContain("您的评分合计");
    await h.shot(page, "evaluation-02-expert-submit");
    await page.getByTestId("ev-submit-ok").click();
    await expect.poll(() => page.getByTestId("ev-submit").count()).toBe(0);
    // Now the other's submitted sheet and the mean open.
    await page.getByTestId("ev-sheets").waitFor();
    await expect.poll(() => page.getByTestId("ev-sheets").textContent()).toContain("周敏");
    await expect.poll(() => page.getByTestId("ev-mean").count()).toBe(1);
    await fullShot(page, "evaluation-03-expert-after");
    await page.context().close();
  }, 180_000);

  it("finance sees both sheets side by side and finalises", async () => {
    const page = await signedIn("finance");
    await openEvaluation(page);
    const sheets = page.getByTestId("ev-sheets-table");
    await expect.poll(() => sheets.locator("thead").textContent()).toContain("陈立");
    await expect.poll(() => sheets.locator("thead").textContent()).toContain("周敏");
    const total = framework.reduce((s, r) => s + Math.round(r.points * 100), 0) / 100;
    const lost = (uid: string, points: number) => (framework.find((r) => r.uid === uid)?.points ?? 0) - points;
    const a = total - lost("O1", 3) - lost("B2", 4);
    const b = total - lost("O1", 2) - lost("B1", 5);
    const mean = Math.floor(((Math.round(a * 100) + Math.round(b * 100)) * 2 + 2) / 4) / 100;
    await expect.poll(() => page.getByTestId("ev-mean").textContent()).toContain(mean.toFixed(2));
    await expect.poll(() => page.getByTestId("ev-score").textContent()).toBe(mean.toFixed(2));
    await fullShot(page, "evaluation-04-finance-desktop");
    await page.getByTestId("ev-finalise").click();
    await page.getByTestId("ev-finalise-ok").click();
    await page.getByTestId("ev-status").getByText("已定稿").waitFor();
    await page.getByTestId("ev-ledger").waitFor();
    await expect.poll(() => page.getByTestId("ev-history").textContent()).toContain("定稿");
    await fullShot(page, "evaluation-05-finance-final");
    await page.context().close();
  }, 180_000);

  it("the lead expert downloads the drafted report as Word; once final only finance uploads the final version", async () => {
    const page = await signedIn("expert");
    await openEvaluation(page);
    const card = page.getByTestId("ev-report-files");
    await card.waitFor();
    expect(await card.getByTestId("ev-report-upload").count()).toBe(0);
    const [download] = await Promise.all([page.waitForEvent("download"), card.getByTestId("ev-report-docx").click()]);
    const docx = join(SCREENSHOTS, "evaluation-report.docx");
    await download.saveAs(docx);
    // A Word file: a zip whose main part names the project.
    const zip = await JSZip.loadAsync(await readFile(docx));
    const body = await zip.file("word/document.xml")?.async("string");
    expect(body).toContain(project.name);
    expect(body).toContain("绩效评价报告");
    await page.context().close();

    const finance = await signedIn("finance");
    await openEvaluation(finance);
    const files = finance.getByTestId("ev-report-files");
    await expect.poll(() => files.getByTestId("ev-report-versions").textContent()).toContain("尚未上传定稿报告");
    const input = files.locator('input[type="file"]');
    // A program named .pdf is refused by its bytes, in the server's words; nothing is kept.
    await input.setInputFiles({ name: "评价报告.pdf", mimeType: "application/pdf", buffer: EXE });
    await expect.poll(() => files.getByTestId("ev-report-error").textContent()).toContain("“评价报告.pdf”未上传");
    expect(await files.getByTestId("ev-report-version").count()).toBe(0);
    await input.setInputFiles({ name: "评价报告（初稿）.pdf", mimeType: "application/pdf", buffer: PDF });
    await expect.poll(() => files.getByTestId("ev-report-version").count()).toBe(1);
    await input.setInputFiles(docx);
    await expect.poll(() => files.getByTestId("ev-report-version").count()).toBe(2);
    const current = files.getByTestId("ev-report-version").first();
    await expect.poll(() => current.textContent()).toContain("evaluation-report.docx");
    await expect.poll(() => current.textContent()).toContain("现行版本");
    await expect.poll(() => current.textContent()).toContain("财政局管理员");
    expect(await files.getByTestId("ev-report-current").count()).toBe(1);
    await expect.poll(() => files.getByTestId("ev-report-version").nth(1).textContent()).toContain("第1版");
    // Each upload is a line of the evaluation's history, there at once.
    await expect
      .poll(async () => (await finance.getByTestId("ev-history").textContent())?.match(/上传附件评价报告/g)?.length)
      .toBe(2);
    await files.scrollIntoViewIfNeeded();
    await h.shot(finance, "evaluation-08-report");
    await fullShot(finance, "evaluation-09-report-page");
    await finance.context().close();
  }, 180_000);

  it("finance issues a rectification notice from the evaluation, its items filled from the marked-down indicators", async () => {
    const page = await signedIn("finance");
    await openEvaluation(page);
    const detail = await (await page.request.get(`${h.baseUrl}/api/v1/evaluations/${evaluationId}`)).json();
    unit = detail.unit;
    // The demo has an account per unit (unit<code>) and per department (dept<code>): the one at the project's unit.
    const users = await (await page.request.get(`${h.baseUrl}/api/v1/users?q=${unit.code}&pageSize=50`)).json();
    unitAccount = users.rows.find(
      (u: { role: string; org: { id: number } }) => u.org.id === unit.id && ["unit", "department"].includes(u.role),
    ).username;
    await page.getByTestId("ev-issue-rectification").click();
    await page.waitForURL((url) => url.pathname === "/rectification/new");
    await expect
      .poll(() => page.getByTestId("rectification-title").inputValue())
      .toBe(`${project.name}重点评价整改通知`);
    await page.getByTestId("rectification-source").getByText(project.name).waitFor();
    await page.getByTestId("rectification-unit").getByText(unit.name).waitFor();
    // 产出数量 (10 points: 2 and 3) and 社会效益 (10: 5 and 10) fell below 80 %; 经济效益 (5: 4 and 5) did not.
    const rows = page.getByTestId("rectification-item-row");
    await expect.poll(() => rows.count()).toBe(2);
    await page.getByTestId("rectification-prefilled").waitFor();
    expect(await page.getByLabel("第1项存在问题").inputValue()).toMatch(
      /^“实际完成率”（产出—产出数量.*得分2\.50分.*佐证不足/,
    );
    expect(await page.getByLabel("第2项存在问题").inputValue()).toContain("“社会效益”");
    for (const n of [1, 2]) {
      await page
        .getByLabel(`第${n}项整改要求`)
        .fill(n === 1 ? "补齐产出佐证并按计划完成建设任务" : "开展受益群众回访，报送效益分析");
      await page.getByLabel(`第${n}项整改期限`).fill("2026-12-31");
      await page.getByLabel(`第${n}项整改期限`).press("Enter");
    }
    // The calendars closed, the form as filled in.
    await page.keyboard.press("Escape");
    await page.getByTestId("rectification-title").click();
    await expect.poll(() => page.locator(".ant-picker-dropdown:not(.ant-picker-dropdown-hidden)").count()).toBe(0);
    await fullShot(page, "evaluation-10-issue");
    await page.getByTestId("rectification-issue").click();
    await page.getByTestId("rectification-notice").waitFor();
    noticeId = Number(new URL(page.url()).pathname.split("/").pop());
    await page.getByTestId("rectification-notice").getByText(unit.name).first().waitFor();
    await expect.poll(() => page.getByTestId("rectification-items").getByText("待整改").count()).toBe(2);
    await fullShot(page, "evaluation-11-notice");
    await page.context().close();
  }, 180_000);

  it("the unit answers an item with its measures and a PDF; finance accepts it", async () => {
    const school = await signedIn(unitAccount);
    await school.goto(`${h.baseUrl}/rectification/notices/${noticeId}`);
    await school.getByTestId("rectification-items").getByRole("button", { name: "反馈整改情况" }).first().click();
    const work = school.getByTestId("rectification-work");
    await work.waitFor();
    await work
      .locator('input[type="file"]')
      .setInputFiles({ name: "完工验收单.pdf", mimeType: "application/pdf", buffer: PDF });
    await school.getByTestId("evidence-list").getByText("完工验收单.pdf").waitFor();
    await school.getByTestId("rectification-text").fill("已补齐产出台账和完工验收单，建设任务已全部完成");
    await school.getByTestId("rectification-answer").click();
    await school.getByTestId("rectification-items").getByText("已反馈").waitFor();
    await school.context().close();

    const finance = await signedIn("finance");
    await finance.goto(`${h.baseUrl}/rectification/notices/${noticeId}`);
    await finance.getByTestId("rectification-items").getByRole("button", { name: "验收" }).click();
    await finance.getByTestId("rectification-work").getByRole("link", { name: "完工验收单.pdf" }).waitFor();
    await finance.getByTestId("rectification-text").fill("整改到位");
    await finance.getByTestId("rectification-accept").click();
    await finance.getByTestId("rectification-items").getByText("已验收").waitFor();
    await finance.getByTestId("rectification-work").waitFor({ state: "detached" });
    await expect.poll(() => finance.getByTestId("rectification-items").getByText("待整改").count()).toBe(1);
    await fullShot(finance, "evaluation-12-accepted");
    await finance.context().close();
  }, 180_000);

  it("fits a phone's width", async () => {
    const page = await signedIn("finance", undefined, PHONE);
    await openEvaluation(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await fullShot(page, "evaluation-06-phone");
    await page.goto(`${h.baseUrl}/evaluations`);
    await settle(page);
    await expect.poll(() => page.getByTestId("evaluation-list").getAttribute("data-view")).toBe("cards");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await fullShot(page, "evaluation-07-phone-list");
    // 发整改通知 from the evaluation, on a phone: the picked evaluation, the unit and the filled items fit.
    await page.goto(`${h.baseUrl}/rectification/new?source=evaluation&evaluationId=${evaluationId}`);
    await expect.poll(() => page.getByTestId("rectification-item-row").count()).toBe(2);
    await page.getByTestId("rectification-unit").getByText(unit.name).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await fullShot(page, "evaluation-13-phone-issue");
    await page.context().close();
  });
});
