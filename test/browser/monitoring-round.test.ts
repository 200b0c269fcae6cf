import { existsSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_PASSWORD } from "../support/district";
import { type MonitoringDistrict, monitoringDistrict } from "../support/monitoring-district";
import { type BrowserHarness, harnessOn, WEB_DIR } from "./harness";

/**
 * A monitoring round in the browser, in a small district built from its own files (no demo): finance
 * opens the round, 教育局 chooses its subjects, finance draws and picks key monitoring, and the dashboard
 * counts what was issued.
 */
let md: MonitoringDistrict;
let h: BrowserHarness;
beforeAll(async () => {
  md = await monitoringDistrict({ webDir: WEB_DIR });
  // The browser keeps session cookies by its own clock: from here on the server runs on the real one.
  md.setNow(new Date());
  const baseUrl = await md.d.app.listen({ port: 0, host: "127.0.0.1" });
  h = await harnessOn(baseUrl, "Start-2025xy", () => md.d.close());
}, 180_000);
afterAll(() => h?.close());

/** A page on the 2025 budget year (the district's only year). */
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

let roundId = 0;

describe("a monitoring round in the browser", () => {
  it("finance opens a round: the form names what is missing, then the round is issued to the departments", async () => {
    const page = await pageAs("admin", ADMIN_PASSWORD);
    await page
      .getByRole("menu")
      .first()
      .getByRole("menuitem", { name: /运行监控$/ })
      .click();
    await page.waitForURL((url) => url.pathname === "/monitoring");
    await expect.poll(() => page.getByText("2025年度尚未开启监控").count()).toBe(1);

    await page.getByTestId("open-round").click();
    await page.getByTestId("cutoff-month").fill("7");
    await page.getByTestId("open-round-ok").click();
    await expect.poll(() => page.getByText("请选择选取截止日期").count()).toBe(1);
    expect(await page.getByText("请选择填报截止日期").count()).toBe(1);
    // A report due before the choice is refused in the form.
    await pickDate(page, "selection-due", "2025-08-20");
    await pickDate(page, "report-due", "2025-08-10");
    await page.getByTestId("open-round-ok").click();
    await expect.poll(() => page.getByText("填报截止日期不能早于选取截止日期").count()).toBe(1);
    await pickDate(page, "report-due", "2025-09-10");
    await page.getByTestId("open-round-ok").click();

    await expect.poll(() => page.getByTestId("round-view").count()).toBe(1);
    expect(await page.getByTestId("round-list").textContent()).toContain("2025年 1—7月");
    expect(await page.getByTestId("round-view").textContent()).toContain("时间进度 58.33%");
    roundId = Number(new URL(page.url()).searchParams.get("round"));
    expect(roundId).toBeGreaterThan(0);
    await page.close();
  });

  it("a department chooses its subjects among those with approved goals and confirms", async () => {
    const page = await pageAs("edu");
    await page.goto(`${h.baseUrl}/monitoring/rounds/${roundId}/select`);
    // 教育局 sees only its own choice: no table of every department.
    await expect.poll(() => page.getByTestId("candidate-table").locator("tbody tr.ant-table-row").count()).toBe(4);
    expect(await page.getByTestId("selection-table").count()).toBe(0);
    expect(await page.getByTestId("quota").textContent()).toContain("可监控 2 个（有已批复绩效目标表），已选 0 个");
    const row = (code: string) => page.getByTestId("candidate-table").locator("tbody tr").filter({ hasText: code });
    // Without an approved goal table a project cannot be chosen.
    expect(await row("P301001B").locator("input[type=checkbox]").isDisabled()).toBe(true);
    expect(await row("P301001B").textContent()).toContain("无已批复目标表");
    await row("P301001A").locator("input[type=checkbox]").check();
    await row("测试区教育局").first().locator("input[type=checkbox]").check();
    await page.getByTestId("issue-selection").click();
    await expect.poll(() => page.getByTestId("quota").textContent()).toContain("已选 2 个");
    expect(await row("P301001A").textContent()).toContain("部门监控");

    await page.getByTestId("confirm-selection").click();
    await page.getByRole("button", { name: "确认", exact: true }).click();
    await expect.poll(() => page.getByTestId("quota").textContent()).toContain("确认选定");
    expect(existsSync(await h.shot(page, "monitoring-select"))).toBe(true);
    await page.close();
  });

  it("finance sees every department's choice, draws key monitoring with a recorded seed and picks by hand", async () => {
    const page = await pageAs("admin", ADMIN_PASSWORD);
    await page.goto(`${h.baseUrl}/monitoring/rounds/${roundId}/select`);
    const selections = page.getByTestId("selection-table");
    await expect.poll(() => selections.locator("tbody tr.ant-table-row").count()).toBe(2);
    expect(await selections.locator("tbody tr").filter({ hasText: "测试区教育局" }).textContent()).toContain("已确认");
    expect(await selections.locator("tbody tr").filter({ hasText: "测试区卫生健康局" }).textContent()).toContain(
      "未确认",
    );

    await page.goto(`${h.baseUrl}/monitoring/rounds/${roundId}/key`);
    const table = page.getByTestId("key-candidate-table");
    await expect.poll(() => table.locator("tbody tr.ant-table-row").count()).toBe(4);
    // Ranked: 一小课后服务补助 lags most (3.33% against 58.33%), though without approved goals it cannot be picked.
    const first = table.locator("tbody tr.ant-table-row").first();
    expect(await first.textContent()).toContain("P301001B");
    expect(await first.textContent()).toContain("无已批复目标表");
    const lagging = await table.locator("tbody tr").filter({ hasText: "P301001A" }).textContent();
    expect(lagging).toContain("28.00%");
    expect(lagging).toContain("执行滞后");

    await page.getByTestId("open-draw").click();
    await page.getByTestId("draw-count").fill("1");
    await page.getByTestId("draw-ok").click();
    const record = page.getByTestId("draw-record");
    await expect.poll(() => record.count()).toBe(1);
    expect((await page.getByTestId("draw-seed").textContent())?.trim()).toMatch(/\S{8,}/);
    await expect.poll(() => page.getByTestId("replay-ok").count()).toBe(1);
    expect(await page.getByTestId("draw-picks").locator("tbody tr.ant-table-row").count()).toBe(1);
    expect(await page.getByTestId("open-draw").count()).toBe(0); // drawn once per round

    // The other project with approved goals is picked by hand.
    const pickable = table.locator("tbody tr.ant-table-row input[type=checkbox]:not([disabled])");
    await expect.poll(() => pickable.count()).toBe(1);
    await pickable.check();
    await page.getByTestId("pick-key").click();
    await expect.poll(() => table.locator("tbody tr").filter({ hasText: "财政重点监控" }).count()).toBe(2);
    expect(existsSync(await h.shot(page, "monitoring-key"))).toBe(true);
    await page.close();
  });

  it("the dashboard counts the tasks by kind, the lights, and shows each department", async () => {
    const page = await pageAs("admin", ADMIN_PASSWORD);
    await page.goto(`${h.baseUrl}/monitoring?round=${roundId}`);
    await expect.poll(() => page.getByTestId("count-key").textContent()).toContain("监控表2份");
    // 教育局's department-wide budget stays department monitoring; 一小校舍维修 became key monitoring.
    expect(await page.getByTestId("count-department").textContent()).toContain("监控表1份");
    // Lights from the execution: 一小校舍维修 28.00% is red; 疾控 60.00% and 教育局 62.22% green.
    const lights = await page.getByTestId("count-lights").textContent();
    expect(lights).toContain("绿灯2");
    expect(lights).toContain("红灯1");
    const departments = page.getByTestId("department-table").locator("tbody tr.ant-table-row");
    expect(await departments.count()).toBe(2);
    expect(await departments.first().getByRole("link", { name: "查看监控表" }).getAttribute("href")).toMatch(
      new RegExp(`^/monitoring/reports\\?roundId=${roundId}&departmentId=\\d+$`),
    );
    expect(await page.getByTestId("chart-rate").locator("canvas").count()).toBe(1);
    expect(await page.getByTestId("chart-lights").locator("canvas").count()).toBe(1);
    await page.waitForTimeout(600); // the charts' animation
    expect(existsSync(await h.shot(page, "monitoring-dashboard"))).toBe(true);
    await page.close();
  });

  it("finance raises the red-light threshold with a note: the save shows the change and the lights it moves", async () => {
    const page = await pageAs("admin", ADMIN_PASSWORD);
    await page.goto(`${h.baseUrl}/monitoring/rules`);
    await expect.poll(() => page.getByLabel("红灯阈值 X（百分点）").inputValue()).toBe("15.00");
    await page.getByTestId("config-edit").click();
    await page.getByLabel("红灯阈值 X（百分点）").fill("35");
    await page.getByTestId("config-save").click();
    const dialog = page.getByTestId("config-save-dialog");
    await expect.poll(() => dialog.getByTestId("config-changes").textContent()).toContain("15 → 35");
    const impact = dialog.getByTestId("config-impact");
    await expect.poll(() => impact.count(), { timeout: 30_000 }).toBe(1);
    // 一小校舍维修 lags 30.33 points: red under 15, yellow under 35.
    expect(await impact.textContent()).toContain("保存后 1 份监控表的预警灯改变");
    expect(await impact.textContent()).toContain("一小校舍维修（红灯→黄灯）");
    await page.getByTestId("config-confirm").click();
    await expect.poll(() => page.getByTestId("config-note-error").count()).toBe(1);
    await page.getByLabel("修改说明").fill("本年度按35个百分点掌握红灯");
    await page.getByTestId("config-confirm").click();
    await expect.poll(() => page.getByText("已保存为 2025.1 版").count()).toBe(1);
    expect(await page.getByTestId("rules-history").textContent()).toContain("本年度按35个百分点掌握红灯");

    await page.goto(`${h.baseUrl}/monitoring?round=${roundId}`);
    await expect.poll(() => page.getByTestId("count-lights").textContent()).toContain("黄灯1");
    expect(await page.getByTestId("round-view").textContent()).toContain("预警规则 2025.1 版");
    await page.close();
  });
});
