import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_PASSWORD } from "../support/district";
import { type ResultsDistrict, resultsDistrict } from "../support/results-district";
import { type BrowserHarness, harnessOn, pickOption, SCREENSHOTS, WEB_DIR } from "./harness";

/**
 * 结果应用 in the browser, in the small district of the API test (2025 results: 一小校舍维修 良 with an overdue
 * rectification item, 二小图书购置 优, 疾控免疫规划 中): finance imports the 2026 requests from an Excel file on
 * the import page, writes two rule sets in the editor (a percentage of 120 is refused on its field first),
 * simulates the one by grade, compares the two, and adopts the one by grade; 疾控中心 finds its 预算调整告知 in
 * its inbox, reads the cut, the new amount and the reason, and marks it read.
 */
let rd: ResultsDistrict;
let h: BrowserHarness;
const UNIT_PASSWORD = "Start-2025xy";

beforeAll(async () => {
  rd = await resultsDistrict({ webDir: WEB_DIR });
  // The browser keeps session cookies by its own clock: from here on the server runs on the real one.
  rd.t.setNow(new Date());
  await rd.t.d.signInAgain();
  const baseUrl = await rd.t.d.app.listen({ port: 0, host: "127.0.0.1" });
  h = await harnessOn(baseUrl, UNIT_PASSWORD, () => rd.t.d.close());
}, 240_000);
afterAll(() => h?.close());

async function pageAs(username: string, password?: string): Promise<Page> {
  const page = await h.newPage();
  await page.addInitScript(() => window.localStorage.setItem("jixiao.year", "2025"));
  await h.login(page, username, password);
  return page;
}
async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  await expect.poll(() => page.locator(".ant-spin-spinning, .ant-skeleton").count()).toBe(0);
}
async function fullShot(page: Page, name: string) {
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
/** The 2026 requests as the budget system exports them: 二小图书购置 is rigid spending. */
async function requestsXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("预算申请");
  ws.addRow(["预算年度", "项目编码", "项目名称", "申请金额（元）", "刚性支出"]);
  ws.addRow([2026, "P301001A", "一小校舍维修", 600000, "否"]);
  ws.addRow([2026, "P301002A", "二小图书购置", 333333.33, "是"]);
  ws.addRow([2026, "P302001A", "疾控免疫规划", 900000.01, "否"]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
/** Waits for a form's error messages to have faded in (a screenshot taken before shows none). */
async function helpShown(page: Page) {
  await expect
    .poll(() =>
      page.locator('.ant-form-item-explain[class*="-appear"], .ant-form-item-explain[class*="-enter"]').count(),
    )
    .toBe(0);
}
const rowOf = (table: Locator, code: string) => table.locator(`tr[data-code="${code}"]`);

let finance: Page;
describe("结果应用 in the browser", () => {
  it("finance imports the 2026 requests from an Excel file on the import page", async () => {
    finance = await pageAs("admin", ADMIN_PASSWORD);
    await finance.goto(`${h.baseUrl}/imports`);
    await finance.getByTestId("import-kind").getByText("下年度预算申请").click();
    await finance.locator("input[type=file]").setInputFiles({
      name: "2026年预算申请.xlsx",
      mimeType: "application/octet-stream",
      buffer: await requestsXlsx(),
    });
    await finance.getByRole("button", { name: "下一步：预览" }).click();
    await expect.poll(() => finance.getByTestId("import-count-new").textContent()).toContain("3");
    await finance.getByTestId("import-commit").click();
    await expect.poll(() => finance.getByTestId("import-done").count()).toBe(1);
    await finance.getByRole("button", { name: "查看下年度预算申请" }).click();
    await finance.waitForURL((url) => url.pathname === "/results/requests");
    await expect
      .poll(() => finance.getByTestId("request-total").textContent())
      .toContain("共 3 项，申请金额合计 183.33 万元");
  });

  it("finance writes a rule set by department score (120% refused on its field first) and one by grade with an exemption", async () => {
    await finance.goto(`${h.baseUrl}/results/rules`);
    await finance.getByText("2025年度还没有结果应用规则集").waitFor();
    await finance.getByTestId("rule-set-new").click();
    const editor = finance.getByTestId("rule-set-editor");
    await editor.getByTestId("rule-set-name").fill("低于平均分核减");
    // The new set starts with a rule by department score: a cut of 120% is refused, in Chinese, on the field.
    await editor.locator("#rules_0_percent").fill("120");
    await editor.locator("#rules_0_percent").press("Tab");
    await finance.getByTestId("rule-set-save").click();
    const percentItem = editor.locator(".ant-form-item").filter({ has: finance.locator("#rules_0_percent") });
    await expect
      .poll(() => percentItem.locator(".ant-form-item-explain-error").textContent())
      .toBe("比例须在 0 到 100 之间、最多两位小数（现为 120）");
    await helpShown(finance);
    await h.shot(finance, "results-rules-refused");
    await editor.locator("#rules_0_percent").fill("10");
    await finance.getByTestId("rule-set-save").click();
    const sets = finance.getByTestId("rule-sets");
    await sets.locator('tr[data-name="低于平均分核减"]').waitFor();
    expect(await sets.locator('tr[data-name="低于平均分核减"]').textContent()).toContain("第1版");

    await finance.getByTestId("rule-set-new").click();
    await editor.getByTestId("rule-set-name").fill("按评价等级");
    // First rule: rigid spending is exempt.
    await pickOption(finance, editor.getByTestId("result-rule-kind").first(), "豁免");
    // Then 中 cut 20% and 优 raised up to 5%.
    await editor.getByTestId("rule-set-add-grade").click();
    await editor.locator("#rules_1_percent").fill("20");
    await editor.getByTestId("rule-set-add-grade").click();
    const third = editor.getByTestId("result-rule").nth(2);
    await pickOption(finance, third.locator(".ant-select").filter({ has: finance.locator("#rules_2_grade") }), "优");
    await pickOption(finance, third.locator(".ant-select").filter({ has: finance.locator("#rules_2_action") }), "增加");
    await editor.locator("#rules_2_percent").fill("5");
    await expect
      .poll(() => editor.getByTestId("result-rule-summary").allTextContents())
      .toEqual(["豁免：刚性支出", "按评价等级：中 核减20%", "按评价等级：优 可增加至多5%"]);
    await h.shot(finance, "results-rules-editor");
    await finance.getByTestId("rule-set-save").click();
    await sets.locator('tr[data-name="按评价等级"]').waitFor();
    await settle(finance);
    await fullShot(finance, "results-rules");
  });

  it("finance simulates the rule set by grade, then compares the two side by side", async () => {
    await finance.goto(`${h.baseUrl}/results/simulate`);
    await pickOption(finance, finance.getByTestId("simulate-rule-set"), "按评价等级");
    await finance.getByTestId("simulate-run").click();
    const sim = finance.getByTestId("simulation");
    await sim.waitFor();
    await settle(finance);
    const totals = sim.getByTestId("result-totals");
    expect(await totals.textContent()).toContain("申请合计（万元）183.33");
    expect(await totals.textContent()).toContain("核减合计（万元）18.00");
    expect(await totals.textContent()).toContain("调整后合计（万元）165.33");
    const rows = sim.getByTestId("simulation-rows");
    // 中 cut 20%: 900,000.01元 → 180,000.00元 off, 720,000.01元 left; the reason traces back to the evaluation.
    const cdc = rowOf(rows, "P302001A");
    const cdcText = await cdc.textContent();
    expect(cdcText).toContain("90.0018.000.0072.00");
    expect(cdcText).toContain("财政重点评价得分68.00分，等级为中，按规则核减20%");
    expect(await cdc.getByRole("link", { name: "财政重点评价：68.00分" }).getAttribute("href")).toBe(
      `/evaluations/${rd.cdc}`,
    );
    // 二小图书购置 is 优 but rigid spending: exempt, shown once every project is.
    expect(await rows.locator("tbody tr.ant-table-row").count()).toBe(1);
    await sim.getByTestId("simulation-adjusted-only").click();
    await expect.poll(() => rows.locator("tbody tr.ant-table-row").count()).toBe(3);
    expect(await rowOf(rows, "P301002A").textContent()).toContain("刚性支出");
    await fullShot(finance, "results-simulation");

    await finance.getByRole("tab", { name: "比较" }).click();
    // A multiple select stays open after a pick: both are picked in the one dropdown.
    await finance.getByTestId("compare-rule-sets").click();
    for (const name of ["低于平均分核减", "按评价等级"]) {
      const option = finance.locator(".ant-select-item-option").filter({ hasText: name, visible: true }).first();
      await option.click();
      await expect.poll(() => option.getAttribute("class")).toContain("ant-select-item-option-selected");
    }
    await finance.keyboard.press("Escape");
    await finance.getByTestId("compare-run").click();
    const cmp = finance.getByTestId("comparison");
    await cmp.waitFor();
    await settle(finance);
    const heads = await cmp.getByTestId("comparison-totals").locator("thead th").allTextContents();
    expect(heads.slice(1)).toEqual(["低于平均分核减（第1版）", "按评价等级（第1版）"]);
    const differs = cmp.getByTestId("comparison-projects").locator("tbody tr.ant-table-row");
    await expect.poll(() => differs.count()).toBe(1);
    // 卫生健康局 is below the average: 10% off by department score, 20% off by grade.
    const line = (await rowOf(cmp, "P302001A").textContent()) ?? "";
    expect(line).toContain("申请 90.00");
    expect(line).toContain("核减 调整后 81.00 （核减 9.00）");
    expect(line).toContain("核减 调整后 72.00 （核减 18.00）");
    expect(line).toContain("调整后较第一个规则集 −9.00");
    await fullShot(finance, "results-comparison");
  });

  it("finance adopts the rule set by grade after confirming: the list is frozen as 第1次采纳", async () => {
    await finance.getByRole("tab", { name: "模拟" }).click();
    await finance.getByTestId("simulation").waitFor();
    await finance.getByTestId("result-adopt").click();
    const dialog = finance.getByTestId("result-adopt-dialog");
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("核减合计18.00 万元");
    await finance.getByTestId("result-adopt-reason").fill("经局务会研究通过");
    await expect
      .poll(() => finance.locator('.ant-modal[class*="-zoom-"], .ant-modal-mask[class*="-fade-"]').count())
      .toBe(0);
    await h.shot(finance, "results-adopt-dialog");
    await finance.getByTestId("result-adopt-confirm").click();
    await finance.waitForURL((url) => url.pathname === "/results/adjustments");
    const header = finance.getByTestId("adoption-header");
    await expect.poll(() => header.textContent()).toContain("第1次");
    expect(await header.textContent()).toContain("按评价等级 第1版");
    expect(await header.textContent()).toContain("经局务会研究通过");
    expect(await finance.getByTestId("adoption-totals").textContent()).toBe(
      "申请 3 项 183.33 万元；调整 1 项，核减 18.00 万元，增加 0.00 万元；调整后 165.33 万元",
    );
    const list = finance.getByTestId("adjustments-list");
    await expect.poll(() => list.locator("tbody tr.ant-table-row").count()).toBe(3);
    expect(await rowOf(list, "P302001A").textContent()).toContain("未阅");
    await settle(finance);
    await fullShot(finance, "results-adjustments");
    await finance.goto(`${h.baseUrl}/results/simulate`);
    await expect
      .poll(() => finance.getByTestId("result-current-adoption").textContent())
      .toContain("已采纳 按评价等级 第1版（第1次采纳");
  });

  it("疾控中心 opens its 预算调整告知 from its inbox, reads the cut and the reason, and marks it read", async () => {
    const unit = await pageAs("cdcu");
    const inbox = unit.getByTestId("inbox");
    const task = inbox.getByTestId("inbox-task").filter({ hasText: "2026年预算调整：疾控免疫规划" });
    await task.waitFor();
    expect(await inbox.getByTestId("inbox-task").count()).toBe(1);
    await h.shot(unit, "results-unit-inbox");
    await task.getByRole("link", { name: "去办理" }).click();
    await unit.waitForURL(/\/results\/adjustments\/\d+$/);
    const detail = unit.getByTestId("adjustment-detail");
    await detail.waitFor();
    const text = (await detail.textContent()) ?? "";
    expect(text).toContain("疾控免疫规划（P302001A）");
    expect(text).toContain("预算申请数90.00 万元（900,000.01 元）");
    expect(text).toContain("核减18.00 万元（180,000.00 元）");
    expect(text).toContain("调整后金额72.00 万元（720,000.01 元）");
    expect(await unit.getByTestId("adjustment-reason").textContent()).toBe(
      "财政重点评价得分68.00分，等级为中，按规则核减20%",
    );
    await settle(unit);
    await fullShot(unit, "results-unit-notice");
    await unit.getByTestId("adjustment-acknowledge").click();
    await unit.getByText("已阅", { exact: true }).waitFor();
    expect(await unit.getByTestId("adjustment-acknowledge").count()).toBe(0);
    // The task is done: the inbox is empty, and the unit's list holds its own line only.
    await unit.goto(`${h.baseUrl}/`);
    await unit.getByTestId("inbox").getByText("没有待办理的任务").waitFor();
    await unit.goto(`${h.baseUrl}/results/adjustments`);
    const list = unit.getByTestId("adjustments-list");
    await expect.poll(() => list.locator("tbody tr.ant-table-row").count()).toBe(1);
    expect(await rowOf(list, "P302001A").textContent()).toContain("已阅");
    expect(await unit.getByTestId("adjustments-total").textContent()).toBe("本单位共 1 项");
    await settle(unit);
    await fullShot(unit, "results-unit-adjustments");
    await unit.context().close();
  });

  it("finance reads the 部门绩效考核 the department score rule compared with", async () => {
    await finance.goto(`${h.baseUrl}/results/department-scores`);
    const table = finance.getByTestId("dept-score-table");
    await expect.poll(() => table.locator("tbody tr.ant-table-row").count()).toBe(2);
    expect(await finance.getByTestId("dept-score-average").textContent()).toContain("54.06");
    expect(await table.locator("tr.jx-below-average").textContent()).toContain("测试区卫生健康局");
    await settle(finance);
    await fullShot(finance, "results-department-scores");
    await finance.context().close();
  });
});
