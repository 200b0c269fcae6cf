import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_PASSWORD } from "../support/district";
import { type MonitoringDistrict, monitoringDistrict } from "../support/monitoring-district";
import { type BrowserHarness, harnessOn, SCREENSHOTS, WEB_DIR } from "./harness";

/**
 * 单位自评 in the browser, in a small district built from its own files with approved goal tables: finance
 * changes a rule, then opens the year (the due day is checked in the form); the unit opens its form, types
 * its actual values and sees the score move as the server would compute it, explains what fell short and
 * submits; 教育局 fills part of its department-wide form; finance follows the coverage and the list.
 */
let md: MonitoringDistrict;
let h: BrowserHarness;
beforeAll(async () => {
  md = await monitoringDistrict({ webDir: WEB_DIR });
  // The rest of the year's execution of 一小校舍维修 (to 88.00%), imported after the year.
  md.setNow(new Date("2026-01-10T02:00:00Z"));
  await md.d.signInAgain();
  await md.d.importCsv(
    "execution",
    ["预算年度,项目编码,月份,支付数（元）", ...[8, 9, 10, 11, 12].map((m) => `2025,P301001A,${m},60000.00`)].join("\n"),
  );
  // The browser keeps session cookies by its own clock: from here on the server runs on the real one.
  md.setNow(new Date());
  const baseUrl = await md.d.app.listen({ port: 0, host: "127.0.0.1" });
  h = await harnessOn(baseUrl, "Start-2025xy", () => md.d.close());
}, 180_000);
afterAll(() => h?.close());

async function pageAs(username: string, password?: string): Promise<Page> {
  const page = await h.newPage();
  await page.addInitScript(() => window.localStorage.setItem("jixiao.year", "2025"));
  await h.login(page, username, password);
  return page;
}
async function pickDate(page: Page, testId: string, date: string) {
  const input = page.getByTestId(testId);
  await input.click();
  await input.fill(date);
  await input.press("Enter");
}
async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  await expect.poll(() => page.locator(".ant-spin-spinning").count()).toBe(0);
}
/**
 * Waits until a dialog has finished opening: a click while it still zooms in (slow on a busy machine) can
 * land where its button was a frame before, and be lost.
 */
async function dialogOpen(page: Page) {
  await expect.poll(() => page.locator(".ant-modal").count()).toBeGreaterThan(0);
  await expect
    .poll(() =>
      page.evaluate(
        () => document.querySelectorAll('.ant-modal[class*="-zoom-"], .ant-modal-mask[class*="-fade-"]').length,
      ),
    )
    .toBe(0);
}
/** Confirms the open action dialog once it has finished opening, and waits for the server's answer. */
async function confirmAction(page: Page) {
  const ok = page.getByTestId("selfeval-modal-ok");
  await dialogOpen(page);
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/actions"));
  await ok.click();
  expect((await answered).status()).toBe(200);
}
/** A full-page screenshot, to look at the whole form. */
async function fullShot(page: Page, name: string) {
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

const ACTUALS: Record<string, string> = {
  维修面积: "1000",
  工程验收合格率: "100",
  完工时间: "9",
  维修单价: "380",
  消除安全隐患处数: "12",
  校舍使用年限延长: "10",
  师生满意度: "95",
};

describe("单位自评 in the browser", () => {
  it("finance changes a rule before the year opens: the save lists the change and takes a note", async () => {
    const page = await pageAs("admin", ADMIN_PASSWORD);
    await page.goto(`${h.baseUrl}/selfeval/rules`);
    const line = page.getByLabel("自评偏高提示线");
    await expect.poll(() => line.inputValue()).toBe("10.00");
    await expect
      .poll(() => page.getByTestId("rules-dept-rows").textContent())
      .toContain("不超过100%得满分；每超过1个百分点扣0.50分");
    expect(await page.getByTestId("rules-points-total").textContent()).toContain("合计 100.00 分");
    await page.getByTestId("config-edit").click();
    await line.fill("8");
    // A template row's formula: its words follow the figure as it is typed.
    const staff = page.getByTestId("rules-dept-rows").locator("tbody tr").filter({ hasText: "在职人员控制率" });
    await staff.locator("input").nth(2).fill("1");
    await expect.poll(() => staff.textContent()).toContain("每超过1个百分点扣1.00分");
    // The standard the unit reads must follow: the page says so until it is rewritten.
    await expect.poll(() => staff.getByTestId("rules-explanation-stale").count()).toBe(1);
    await staff
      .locator("textarea")
      .fill("在职人员控制率 = 在职人员数 ÷ 编制数 × 100%。不超过100%得满分；每超过1个百分点扣1分。");
    await expect.poll(() => staff.getByTestId("rules-explanation-stale").count()).toBe(0);
    await page.getByTestId("config-save").click();
    await dialogOpen(page);
    const dialog = page.getByTestId("config-save-dialog");
    await expect.poll(() => dialog.getByTestId("config-changes").textContent()).toContain("10 → 8");
    expect(await dialog.getByTestId("config-changes").textContent()).toContain("“在职人员控制率”的计分公式");
    await page.getByLabel("修改说明").fill("自评偏高提示线改为8分");
    await page.getByTestId("config-confirm").click();
    await expect.poll(() => page.getByText("已保存为 2025.1 版").count()).toBe(1);
    expect(await page.getByTestId("rules-history").textContent()).toContain("自评偏高提示线改为8分");
    await settle(page);
    expect(existsSync(await fullShot(page, "selfeval-rules"))).toBe(true);
    await page.close();
  });

  it("finance opens the year: the due day is checked, then the forms, tasks and what lacks goals are reported", async () => {
    const page = await pageAs("admin", ADMIN_PASSWORD);
    await page
      .getByRole("menu")
      .first()
      .getByRole("menuitem", { name: /自评进度$/ })
      .click();
    await page.waitForURL((url) => url.pathname === "/selfeval");
    await expect.poll(() => page.getByTestId("selfeval-not-open").count()).toBe(1);
    await page.getByTestId("selfeval-open").click();
    await dialogOpen(page);
    await page.getByTestId("selfeval-open-ok").click();
    await expect.poll(() => page.getByText("请选择截止日期").count()).toBe(1);
    await pickDate(page, "selfeval-due", "2025-12-20");
    await page.getByTestId("selfeval-open-ok").click();
    await expect.poll(() => page.getByText("截止日期须晚于 2025-12-31").count()).toBe(1);
    await pickDate(page, "selfeval-due", "2026-12-31");
    await page.getByTestId("selfeval-open-ok").click();
    const result = page.getByTestId("selfeval-open-result");
    await expect.poll(() => result.count()).toBe(1);
    // Approved: 一小校舍维修, 疾控免疫规划, 教育局 as a whole; the other three have no approved table.
    expect(await result.textContent()).toContain("本次生成自评表 3 张，下达任务 3 个");
    expect(await result.textContent()).toContain("另有 3 个项目或部门没有已批复的绩效目标表");
    expect(await result.textContent()).toContain("一小课后服务补助");
    await settle(page);
    expect(existsSync(await h.shot(page, "selfeval-opened"))).toBe(true);
    await dialogOpen(page);
    await page.getByTestId("selfeval-open-done").click();
    await expect.poll(() => page.getByTestId("coverage-project-forms").textContent()).toContain("2");
    expect(await page.getByTestId("selfeval-open").textContent()).toContain("调整截止日期");

    // From now on the rules are frozen, and the page says why.
    await page.goto(`${h.baseUrl}/selfeval/rules`);
    await expect.poll(() => page.getByTestId("rules-notice").textContent()).toContain("规则已冻结，不能再修改");
    expect(await page.getByTestId("config-edit").count()).toBe(0);
    await page.close();
  });

  it("the unit fills its form: the score moves as it types, as the server computes it; it explains and submits", async () => {
    const page = await pageAs("unit1");
    // The task in the unit's list, labelled by its kind, leads to its forms.
    await page.goto(`${h.baseUrl}/tasks`);
    const task = page.getByTestId("task-table").locator("tbody tr.ant-table-row").filter({ hasText: "单位自评" });
    await expect.poll(() => task.count()).toBe(1);
    await task.getByRole("link").first().click();
    await page.waitForURL((url) => url.pathname === "/selfeval/forms");
    const list = page.getByTestId("selfeval-form-list");
    await expect.poll(() => list.locator("tbody tr.ant-table-row").count()).toBe(1);
    await list.getByRole("link", { name: "一小校舍维修" }).click();
    await page.waitForURL((url) => /^\/selfeval\/forms\/\d+$/.test(url.pathname));
    const formId = Number(new URL(page.url()).pathname.split("/").at(-1));
    await expect.poll(() => page.getByTestId("selfeval-status").textContent()).toBe("填报中");
    const figures = await page.getByTestId("selfeval-figures").textContent();
    expect(figures).toContain("50.00"); // 全年预算数 50.00 万元
    expect(figures).toContain("44.00");
    expect(figures).toContain("88.00%");
    expect(await page.getByTestId("selfeval-execution-points").textContent()).toBe("8.80");
    expect(await page.getByTestId("selfeval-total-score").textContent()).toBe("—");

    const api = await (await page.request.get(`${h.baseUrl}/api/v1/selfeval/forms/${formId}`)).json();
    const names = (api.items as { name: string }[]).map((i) => i.name);
    // 维修面积 1000 of 1200 at 16.67 points: 13.89, computed in the browser as typed.
    const area = names.indexOf("维修面积");
    expect(await page.getByTestId(`se-score-${area}`).getAttribute("data-status")).toBe("unscorable");
    await page.getByTestId(`se-actual-${area}`).fill("1000");
    await expect.poll(() => page.getByTestId(`se-score-${area}`).textContent()).toContain("13.89");
    expect(await page.getByTestId(`se-score-${area}`).textContent()).toContain("1000 ÷ 目标 1200");
    // A value that is no number is named on its cell at once.
    const time = names.indexOf("完工时间");
    await page.getByTestId(`se-actual-${time}`).fill("约九个月");
    const timeError = page.locator(
      `[data-testid="selfeval-field-error"][data-field="items.${api.items[time].uid}.actual"]`,
    );
    await expect.poll(() => timeError.textContent()).toContain("不是数值");
    for (const [k, name] of names.entries()) await page.getByTestId(`se-actual-${k}`).fill(ACTUALS[name] ?? "1");
    await expect.poll(() => timeError.count()).toBe(0);
    await expect.poll(() => page.getByTestId("selfeval-total-score").textContent()).toMatch(/^\d+\.\d\d$/);
    const typedTotal = await page.getByTestId("selfeval-total-score").textContent();

    // Submitting names what is missing: the overall outcome, and the reasons of the rows below full points.
    await page.getByTestId("selfeval-action-submit").click();
    await expect.poll(() => page.getByTestId("selfeval-alert").textContent()).toContain("还有 3 处须填写或改正");
    const noteError = page.locator(`[data-field="items.${api.items[area].uid}.note"]`);
    expect(await noteError.textContent()).toContain("未得满分");
    await page.getByTestId("selfeval-overall-actual").fill("完成校舍维修1000平方米，消除安全隐患12处。");
    await page.getByTestId(`se-note-${area}`).fill("二期工程因雨季顺延至次年4月");
    await page.getByTestId(`se-note-${time}`).fill("雨季停工一个月，已调整施工计划");
    await expect.poll(() => page.getByTestId("selfeval-status-line").textContent()).toContain("可以提交");
    await page.getByTestId("selfeval-save").click();
    await expect.poll(() => page.locator(".ant-message").textContent()).toContain("已保存草稿");

    // The server scores the saved answers exactly as the browser did.
    const saved = await (await page.request.get(`${h.baseUrl}/api/v1/selfeval/forms/${formId}`)).json();
    expect(saved.score.total.toFixed(2)).toBe(typedTotal);
    expect(await page.getByTestId("selfeval-grade").textContent()).toBe(saved.gradeLabels[saved.score.grade]);
    await settle(page);
    expect(existsSync(await h.shot(page, "selfeval-form"))).toBe(true);
    expect(existsSync(await fullShot(page, "selfeval-form-full"))).toBe(true);

    await page.getByTestId("selfeval-action-submit").click();
    await confirmAction(page);
    await expect.poll(() => page.getByTestId("selfeval-status").textContent()).toBe("待主管部门审核");
    expect(await page.getByTestId("selfeval-save").count()).toBe(0);
    expect(await page.getByTestId("selfeval-live").textContent()).toContain("提交时");
    expect(await page.getByTestId("selfeval-action-withdraw").count()).toBe(1);
    await page.close();
  });

  it("the department returns it with comments; the unit answers, corrects and resubmits with a note", async () => {
    const dept = await pageAs("edu");
    await dept.goto(`${h.baseUrl}/selfeval/forms?status=submitted`);
    const list = dept.getByTestId("selfeval-form-list");
    await expect.poll(() => list.locator("tbody tr.ant-table-row").count()).toBe(1);
    await list.getByRole("link", { name: "一小校舍维修" }).click();
    await expect.poll(() => dept.getByTestId("selfeval-reviewing").count()).toBe(1);
    await settle(dept);
    expect(existsSync(await h.shot(dept, "selfeval-reviewing"))).toBe(true);
    expect(await dept.getByTestId("selfeval-total-score").textContent()).toMatch(/^\d+\.\d\d$/);
    await dept.getByTestId("selfeval-action-return").click();
    await dialogOpen(dept);
    // A return needs its comment.
    expect(await dept.getByTestId("selfeval-modal-ok").isDisabled()).toBe(true);
    await dept.getByTestId("selfeval-modal-comment").fill("请补充二期工程的完成计划");
    await dept.getByTestId("selfeval-modal-item-0").fill("顺延部分须写明完成时间");
    await confirmAction(dept);
    await expect.poll(() => dept.getByTestId("selfeval-status").textContent()).toBe("已退回（主管部门）");
    await dept.close();

    const unit = await pageAs("unit1");
    await unit.goto(`${h.baseUrl}/selfeval/forms`);
    await unit.getByTestId("selfeval-form-list").getByRole("link", { name: "一小校舍维修" }).click();
    await expect.poll(() => unit.getByTestId("selfeval-returned").textContent()).toContain("请补充二期工程的完成计划");
    const thread = unit.getByTestId("selfeval-item-thread");
    await expect.poll(() => thread.textContent()).toContain("顺延部分须写明完成时间");
    await settle(unit);
    expect(existsSync(await fullShot(unit, "selfeval-returned"))).toBe(true);
    await thread.getByTestId("review-answer-input").fill("已写明：2026年4月底前完成");
    await thread.getByTestId("review-answer-save").click();
    await expect.poll(() => thread.locator('[data-answered="yes"]').count()).toBe(1);
    await unit.getByTestId("se-note-0").fill("二期工程因雨季顺延，2026年4月底前完成");
    await unit.getByTestId("selfeval-action-submit").click();
    await unit.getByTestId("selfeval-modal-note").fill("补充了二期工程的完成时间");
    await confirmAction(unit);
    await expect.poll(() => unit.getByTestId("selfeval-status").textContent()).toBe("待主管部门审核");
    const record = unit.getByTestId("review-record");
    await expect.poll(() => record.textContent()).toContain("补充了二期工程的完成时间");
    await settle(unit);
    await record.scrollIntoViewIfNeeded();
    expect(existsSync(await h.shot(unit, "selfeval-review-record"))).toBe(true);
    await unit.close();
  });

  it("a department fills its department-wide form: the execution rate is read from the budget, checklists are ticked", async () => {
    const page = await pageAs("edu");
    await page.goto(`${h.baseUrl}/selfeval/forms?subjectKind=deptWide`);
    const list = page.getByTestId("selfeval-form-list");
    await expect.poll(() => list.locator("tbody tr.ant-table-row").count()).toBe(1);
    await list.getByRole("link", { name: "测试区教育局" }).click();
    await page.waitForURL((url) => /^\/selfeval\/forms\/\d+$/.test(url.pathname));
    const table = page.getByTestId("selfeval-item-table");
    await expect.poll(() => table.count()).toBe(1);
    const rows = table.locator("tbody tr.ant-table-row");
    const rateRow = rows.filter({ hasText: "预算执行率" });
    expect(await rateRow.locator("input").count()).toBe(0);
    expect(await rateRow.textContent()).toContain("62.22%");
    const systems = (await rows.allTextContents()).findIndex((t) => t.includes("管理制度健全性"));
    await page.getByTestId(`se-check-${systems}`).getByText("有不符合项").click();
    await page.getByTestId(`se-check-${systems}-1`).click();
    await expect.poll(() => page.getByTestId(`se-score-${systems}`).textContent()).toContain("2.00");
    expect(await page.getByTestId(`se-score-${systems}`).textContent()).toContain("扣 1.00");
    await settle(page);
    expect(existsSync(await fullShot(page, "selfeval-dept-form"))).toBe(true);
    await page.getByTestId("selfeval-save").click();
    await expect.poll(() => page.locator(".ant-message").textContent()).toContain("已保存草稿");
    await page.close();
  });

  it("finance follows the coverage and the list of forms with their grades", async () => {
    const page = await pageAs("admin", ADMIN_PASSWORD);
    await page.goto(`${h.baseUrl}/selfeval`);
    // 4 projects, 2 with forms, 1 submitted (25.00%); 2 department-wide budgets, 1 form, none submitted.
    await expect.poll(() => page.getByTestId("coverage-project-submitted").textContent()).toContain("25.00%");
    expect(await page.getByTestId("coverage-project-subjects").textContent()).toContain("4");
    expect(await page.getByTestId("coverage-project-waiting").textContent()).toContain("2 个尚无已批复的绩效目标表");
    expect(await page.getByTestId("coverage-deptWide-forms").textContent()).toContain("1");
    const departments = page.getByTestId("coverage-departments").locator("tbody tr.ant-table-row");
    expect(await departments.count()).toBe(2);
    await settle(page);
    expect(existsSync(await fullShot(page, "selfeval-overview"))).toBe(true);

    await page.getByTestId("selfeval-go-forms").click();
    const list = page.getByTestId("selfeval-form-list");
    await expect.poll(() => list.locator("tbody tr.ant-table-row").count()).toBe(3);
    expect(await list.locator("tbody tr").filter({ hasText: "一小校舍维修" }).textContent()).toContain(
      "待主管部门审核",
    );
    expect(await page.getByTestId("selfeval-grade-counts").textContent()).toMatch(/良 1|优 1/);
    await list.locator("th").filter({ hasText: "总分" }).click();
    await expect.poll(() => page.url()).toContain("sort=total");
    await settle(page);
    expect(existsSync(await h.shot(page, "selfeval-list"))).toBe(true);
    await page.close();
  });

  it("教育局 works on the list in batches: a refused batch names the form and does nothing; an approval goes through", async () => {
    const page = await pageAs("edu");
    await page.goto(`${h.baseUrl}/selfeval/forms`);
    const list = page.getByTestId("selfeval-form-list");
    const row = (code: string) => list.locator(`tr[data-code="${code}"]`);
    await expect.poll(() => list.locator("tbody tr.ant-table-row").count()).toBe(2);
    const bar = page.getByTestId("selfeval-batch-bar");
    const tick = (code: string) => row(code).locator(".ant-checkbox-input").click();

    // Both ticked: one waits for the department's approval, the other is its own draft; no step fits both.
    await tick("P301001A");
    await tick("301");
    await expect.poll(() => bar.textContent()).toContain("已勾选 2 张");
    expect(await page.getByTestId("selfeval-batch-submit").isDisabled()).toBe(true);
    expect(await page.getByTestId("selfeval-batch-approve").isDisabled()).toBe(true);
    expect(existsSync(await h.shot(page, "selfeval-batch-bar"))).toBe(true);

    // The department-wide form alone: submitting it is refused, named with the reason, and nothing changes.
    await tick("P301001A");
    await expect.poll(() => bar.textContent()).toContain("已勾选 1 张");
    await page.getByTestId("selfeval-batch-submit").click();
    await dialogOpen(page);
    expect(await page.getByTestId("selfeval-batch-list").textContent()).toContain("测试区教育局");
    const refused = page.waitForResponse((r) => r.url().endsWith("/selfeval/forms/actions"));
    await page.getByTestId("selfeval-batch-ok").click();
    expect((await refused).status()).toBe(400);
    const named = page.getByTestId("selfeval-batch-refused");
    await expect.poll(() => named.count()).toBe(1);
    expect(await named.textContent()).toContain("1 张自评表不能提交，本次未处理任何自评表");
    expect(await named.textContent()).toMatch(/测试区教育局.*须填写或改正/);
    expect(existsSync(await h.shot(page, "selfeval-batch-refused"))).toBe(true);
    await page.getByTestId("selfeval-batch-ok").click();
    await expect.poll(() => page.locator(".ant-modal").count()).toBe(0);
    await expect.poll(() => bar.count()).toBe(0);
    expect(await row("301").textContent()).toContain("填报中");

    // The unit's project: approved with a note, and the list shows it waiting for finance.
    await tick("P301001A");
    await page.getByTestId("selfeval-batch-approve").click();
    await dialogOpen(page);
    await page.getByTestId("selfeval-batch-comment").fill("自评依据充分，同意");
    const approved = page.waitForResponse((r) => r.url().endsWith("/selfeval/forms/actions"));
    await page.getByTestId("selfeval-batch-ok").click();
    expect((await approved).status()).toBe(200);
    await expect.poll(() => page.locator(".ant-message").textContent()).toContain("已审核通过 1 张自评表");
    await expect.poll(() => row("P301001A").textContent()).toContain("待财政审核");
    expect(await bar.count()).toBe(0);
    // The note is on the form's record like a single approval's.
    await row("P301001A").getByRole("link").first().click();
    await page.waitForURL((url) => /^\/selfeval\/forms\/\d+$/.test(url.pathname));
    await expect.poll(() => page.getByText("自评依据充分，同意").count()).toBeGreaterThan(0);
    await page.close();
  });
});

describe("单位自评 on a phone", () => {
  it("the department-wide form shows one card per indicator with its editors, and nothing is wider than the screen", async () => {
    const ctx = await h.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: "zh-CN",
    });
    await ctx.addInitScript(() => window.localStorage.setItem("jixiao.year", "2025"));
    const page = await ctx.newPage();
    await h.login(page, "edu");
    await page.goto(`${h.baseUrl}/selfeval/forms?subjectKind=deptWide`);
    const card = page.getByTestId("selfeval-form-list").getByRole("link").first();
    await expect.poll(() => card.count()).toBe(1);
    await card.click();
    await page.waitForURL((url) => /^\/selfeval\/forms\/\d+$/.test(url.pathname));
    await expect.poll(() => page.getByTestId("selfeval-item-card").count()).toBe(17);
    expect(await page.getByTestId("se-check-8").count()).toBe(1);
    await settle(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    expect(existsSync(await h.shot(page, "selfeval-form-phone"))).toBe(true);
    await page.getByTestId("selfeval-item-card").nth(8).scrollIntoViewIfNeeded();
    expect(existsSync(await h.shot(page, "selfeval-form-phone-check"))).toBe(true);
    await ctx.close();
  });
});
