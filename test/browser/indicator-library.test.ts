import { existsSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserHarness, pickOption, startHarness } from "./harness";

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

/** Waits until the table and its loading veil have settled, for a clean screenshot. */
async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  await expect.poll(() => page.locator(".ant-spin-blur, .ant-spin-spinning").count()).toBe(0);
  await page.waitForTimeout(400);
}

describe("指标库 in the browser", () => {
  it("finance opens the library, filters it, reads past targets and edits an entry", async () => {
    const page = await h.newPage();
    await h.login(page, "finance");
    await page
      .getByRole("menu")
      .first()
      .getByRole("menuitem", { name: /(^|\s)指标库$/ })
      .click();
    await page.waitForURL((url) => url.pathname === "/goals/library");
    const table = page.getByTestId("library-table");
    const rows = table.locator("tbody tr.ant-table-row");
    await expect.poll(() => rows.count()).toBe(20);
    await expect.poll(() => page.getByText(/共 \d+ 条/).count()).toBe(1);
    await settle(page);
    expect(existsSync(await h.shot(page, "indicator-library"))).toBe(true);

    // Filter by sector, then by name.
    await pickOption(page, page.getByRole("combobox", { name: "所属行业" }), /^教育$/);
    await page.waitForURL((url) => url.searchParams.get("sector") === "教育");
    await expect.poll(async () => new Set(await rows.locator("td:nth-child(3)").allInnerTexts()).size).toBe(1);
    expect((await rows.first().locator("td:nth-child(3)").textContent())?.trim()).toBe("教育");
    await page.getByTestId("library-search").locator("input").fill("验收合格率");
    await page.getByTestId("library-search").locator("input").press("Enter");
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain("汇集");

    // The expanded row lists the targets approved tables set, year by year.
    await rows.first().locator(".ant-table-row-expand-icon").click();
    const past = table.getByTestId("past-targets");
    await expect.poll(() => past.count()).toBe(1);
    expect(await past.textContent()).toMatch(/往年目标值2024年 常用 ≥\d+%/);

    // Edit: the form refuses a quantitative entry without a unit, then saves; the entry becomes 推荐.
    await rows.first().getByTestId("library-edit").click();
    const modal = page.locator(".ant-modal").filter({ hasText: "编辑指标" });
    await expect.poll(() => modal.count()).toBe(1);
    const unit = modal.getByLabel("计量单位");
    await unit.fill("");
    await modal.getByRole("button", { name: "保存" }).click();
    await expect.poll(() => modal.getByText("定量指标须填写计量单位（如 个、%、万元）").count()).toBe(1);
    await unit.fill("%");
    await modal.getByLabel("指标解释").fill("验收合格的工程或服务数占验收总数的比例");
    await page.waitForTimeout(300);
    expect(existsSync(await h.shot(page, "indicator-library-edit"))).toBe(true);
    await modal.getByRole("button", { name: "保存" }).click();
    await expect.poll(() => page.getByText("已保存，该指标已标为财政推荐").count()).toBe(1);
    await expect.poll(() => rows.first().locator(".ant-tag", { hasText: "推荐" }).count()).toBe(1);
    await expect.poll(() => table.getByText("验收合格的工程或服务数占验收总数的比例").count()).toBe(1);
    await settle(page);
    expect(existsSync(await h.shot(page, "indicator-library-edited"))).toBe(true);
    await page.context().close();
  });

  it("a unit reads the library without the editing buttons and is offered 推荐 entries first", async () => {
    const page = await h.newPage();
    await h.login(page, "unit");
    await page.goto(`${h.baseUrl}/goals/library`);
    const rows = page.getByTestId("library-table").locator("tbody tr.ant-table-row");
    await expect.poll(() => rows.count()).toBe(20);
    expect(await page.getByTestId("library-edit").count()).toBe(0);
    expect(await page.getByTestId("library-new").count()).toBe(0);
    expect(await page.getByTestId("library-export").count()).toBe(1);

    // Declaring a goal table, the drawer offers finance's 推荐 entries first, with their past targets.
    await page.goto(`${h.baseUrl}/goal-tables`);
    const list = page.getByTestId("goal-table-list");
    await expect.poll(() => list.locator("tbody tr.ant-table-row").count()).toBeGreaterThan(0);
    await list.locator("tbody tr.ant-table-row").first().locator("a").first().click();
    await page.getByRole("button", { name: /指标库/ }).click();
    const drawer = page.getByTestId("goal-library");
    const suggestions = drawer.getByTestId("library-suggestion");
    await expect.poll(() => suggestions.count()).toBeGreaterThan(3);
    const first = suggestions.first();
    expect(await first.textContent()).toContain("验收合格率");
    expect(await first.locator(".ant-tag", { hasText: "推荐" }).count()).toBe(1);
    expect(await first.getByTestId("past-targets").textContent()).toMatch(/2024年 常用 /);
    await settle(page);
    expect(existsSync(await h.shot(page, "indicator-library-drawer"))).toBe(true);
    await page.context().close();
  });
});
