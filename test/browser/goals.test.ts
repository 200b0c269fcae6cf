import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserHarness, startHarness } from "./harness";

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe("绩效目标 in the browser", () => {
  it("finance checks the goal tables, then replays the recorded review draws", async () => {
    const page = await h.newPage();
    await h.login(page, "finance");
    const nav = page.getByRole("menu").first();

    // 目标智能审核: the figures, the rules, the departments; a click on a rule lists its findings.
    await nav.getByRole("menuitem", { name: /(^|\s)目标智能审核$/ }).click();
    await page.waitForURL((url) => url.pathname === "/goals/quality");
    const cards = page.getByTestId("goal-lint-cards");
    await expect.poll(() => cards.getByTestId("goal-stat-tables").textContent()).toContain("1,767");
    const rules = page.getByTestId("goal-rule-table");
    await expect.poll(() => rules.locator("tbody tr.ant-table-row").count()).toBeGreaterThan(3);
    expect(await rules.textContent()).toContain("权重合计不等于100");
    await expect.poll(() => page.getByTestId("goal-dept-table").locator("tbody tr.ant-table-row").count()).toBe(10);
    await page.waitForLoadState("networkidle");
    await expect.poll(() => page.locator(".ant-spin-blur, .ant-spin-spinning").count()).toBe(0);
    await page.waitForTimeout(500); // the tables' loading veil fades out
    expect(existsSync(await h.shot(page, "goals-quality"))).toBe(true);
    // 重新审核 says that it ran, what it found and when; the time of the last check stays in view.
    expect(await page.getByTestId("goal-lint-checked-at").textContent()).toMatch(/^上次审核时间：\d{4}-\d{2}-\d{2} /);
    await page.getByTestId("goal-lint-recheck").click();
    await expect
      .poll(() => page.locator(".ant-message").textContent())
      .toMatch(/已重新审核 1,767 张目标表，错误 [\d,]+ 个，提示 [\d,]+ 个（\d{2}:\d{2}:\d{2}）/);

    await rules.locator("tbody tr.ant-table-row", { hasText: "权重合计不等于100" }).click();
    const findings = page.getByTestId("goal-findings-table");
    await expect.poll(() => findings.locator("tbody tr.ant-table-row").count()).toBe(20);
    expect(await findings.textContent()).toContain("应为 100");
    // The findings are paged on the server: page 2 brings the next 20.
    const first = await findings.locator("tbody tr.ant-table-row").first().textContent();
    await page.locator(".ant-pagination-item-2").last().click();
    await expect.poll(() => findings.locator("tbody tr.ant-table-row").first().textContent()).not.toBe(first);
    await page.waitForLoadState("networkidle");
    await findings.scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    expect(existsSync(await h.shot(page, "goals-findings"))).toBe(true);

    // 目标现场会审: three recorded draws, newest first; the newest replays to the same picks.
    await nav.getByRole("menuitem", { name: /(^|\s)目标现场会审$/ }).click();
    await page.waitForURL((url) => url.pathname === "/goals/reviews");
    const list = page.getByTestId("review-draw-list");
    const headers = list.locator(".ant-collapse-header");
    await expect.poll(() => headers.count()).toBe(3);
    const years = await headers.allTextContents();
    expect(years.map((t) => t.match(/(\d{4})年度/)?.[1])).toEqual(["2024", "2023", "2022"]);
    await expect.poll(() => page.getByTestId("review-picks-2024").locator("tbody tr.ant-table-row").count()).toBe(10);
    await expect.poll(() => page.getByTestId("review-new").count()).toBe(1);

    await list.getByTestId("review-replay").first().click();
    const result = list.getByTestId("review-replay-result").first();
    await expect.poll(async () => ((await result.textContent().catch(() => "")) ?? "").trim()).toBe("一致");
    await page.waitForLoadState("networkidle");
    await expect.poll(() => page.locator(".ant-spin-blur, .ant-spin-spinning").count()).toBe(0);
    await page.waitForTimeout(500); // the tables' loading veil fades out
    expect(existsSync(await h.shot(page, "goals-reviews"))).toBe(true);
    await page.context().close();
  });

  it("the auditor sees the record but cannot draw", async () => {
    const page = await h.newPage();
    await h.login(page, "auditor");
    await page.goto(`${h.baseUrl}/goals/reviews`);
    await expect.poll(() => page.getByTestId("review-draw-list").locator(".ant-collapse-header").count()).toBe(3);
    expect(await page.getByTestId("review-new").count()).toBe(0);
    await page.context().close();
  });
});
