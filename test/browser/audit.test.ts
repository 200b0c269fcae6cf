import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserHarness, startHarness } from "./harness";

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe("the audit log in the browser", () => {
  it("reads in Chinese, hides sign-ins on request, filters by a goal entity and links to the record", async () => {
    const page = await h.newPage();
    await h.login(page, "finance");
    await page.goto(`${h.baseUrl}/audit`);
    const table = page.getByTestId("audit-table");
    const rows = table.locator("tbody tr.ant-table-row");
    await expect.poll(() => rows.count()).toBe(20);
    // The newest entry is this sign-in, in words.
    expect(await rows.first().textContent()).toContain("登录");
    expect(await rows.first().textContent()).not.toMatch(/\blogin\b/);

    // 隐藏登录记录 is a filter of the server: the address says so and the sign-in is gone.
    await page.getByTestId("audit-hide-logins").click();
    await page.waitForURL((url) => url.searchParams.get("hideLogins") === "true");
    await expect.poll(async () => (await rows.allTextContents()).some((t) => t.includes("登录"))).toBe(false);
    await page.mouse.move(0, 0);
    await h.shot(page, "audit-log-changes");

    // The entity filter offers the goal entities by their Chinese names.
    await page.getByTestId("audit-entity").click();
    await page.keyboard.type("绩效目标表");
    await page.locator(".ant-select-item-option", { hasText: "绩效目标表" }).first().click();
    await page.getByTestId("audit-action").click();
    await page.keyboard.type("审核通过");
    await page.locator(".ant-select-item-option", { hasText: "审核通过" }).first().click();
    await page.getByTestId("audit-apply").click();
    await page.waitForURL(
      (url) => url.searchParams.get("entity") === "goal_table" && url.searchParams.get("action") === "approve",
    );
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const first = rows.first();
    await expect.poll(() => first.textContent()).toContain("绩效目标表");
    expect(await first.textContent()).toContain("审核通过");
    expect(await first.textContent()).toContain("状态：待财政审核 → 已批复");
    expect(await table.textContent()).not.toContain("goal_table");

    // Expanded: the change as fields with Chinese names and labels, the raw JSON folded away.
    await first.locator(".ant-table-row-expand-icon").click();
    const changes = page.getByTestId("audit-changes").first();
    await expect.poll(() => changes.textContent()).toContain("状态");
    expect(await changes.textContent()).toContain("已批复");
    expect(await changes.textContent()).toContain("原始数据（JSON）");
    expect(
      await changes
        .locator("pre")
        .isVisible()
        .catch(() => false),
    ).toBe(false);
    await page.mouse.move(0, 0);
    await h.shot(page, "audit-log");

    // The record's link opens its goal table.
    const link = first.getByTestId("audit-record-link");
    const id = (await link.textContent())?.match(/(\d+)$/)?.[1];
    expect(id).toBeTruthy();
    await link.click();
    await page.waitForURL((url) => url.pathname === `/goal-tables/${id}`);
    await expect.poll(() => page.getByTestId("goal-status").textContent()).toBeTruthy();
    await page.context().close();
  });

  it("shows a goal table's edit as the indicators added, removed or edited, by name", async () => {
    const page = await h.newPage();
    await h.login(page, "finance");
    await page.goto(`${h.baseUrl}/audit?entity=goal_table&action=update&hideLogins=true`);
    const rows = page.getByTestId("audit-table").locator("tbody tr.ant-table-row");
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    // The last edit in the demo fixes one indicator after finance's return: the list names it.
    expect(await rows.first().textContent()).toMatch(/绩效指标（修改：[^）]+）/);
    // The demo's tables were filled from empty: the list says how many indicators came in.
    const filled = rows.filter({ hasText: "（无指标）" }).first();
    expect(await filled.textContent()).toMatch(/绩效指标：（无指标） → \d+ 项指标/);
    await filled.locator(".ant-table-row-expand-icon").click();
    const changes = page.getByTestId("audit-changes").first();
    await expect.poll(() => changes.textContent()).toContain("年度总体目标");
    expect(await changes.textContent()).toMatch(/\d+ 项指标：/);
    await page.mouse.move(0, 0);
    await h.shot(page, "audit-log-goal-edit");
    await page.context().close();
  });

  it("shows the auditor no link to a page the auditor may not open", async () => {
    const page = await h.newPage();
    await h.login(page, "auditor");
    await page.goto(`${h.baseUrl}/audit?entity=user&action=create`);
    const rows = page.getByTestId("audit-table").locator("tbody tr.ant-table-row");
    await expect.poll(() => rows.count()).toBe(20);
    expect(await rows.first().textContent()).toContain("用户");
    expect(await page.getByTestId("audit-record-link").count()).toBe(0);
    await page.context().close();
  });
});
