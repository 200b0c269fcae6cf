import { existsSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserHarness, startHarness } from "./harness";

/**
 * The goal table list and the findings list as finance works with them: the implementing unit (column
 * and filter), sorting, the table's status among the findings, 要求调整, and the way back from a table
 * to the list it was opened from, with its filters and page.
 */
let h: BrowserHarness;
let page: Page;
beforeAll(async () => {
  h = await startHarness();
  page = await h.newPage();
  await h.login(page, "staff");
});
afterAll(() => h?.close());

const rowsOf = (testId: string) => page.getByTestId(testId).locator("tbody tr.ant-table-row");
/** The pager of a table (antd puts it beside the table, in the table's wrapper). */
const nextPage = (testId: string) =>
  page.locator(".ant-table-wrapper", { has: page.getByTestId(testId) }).locator(".ant-pagination-next");

/** Picks an option of an antd Select by typing into its search box. */
async function pick(testId: string, text: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(text);
  await page.locator(".ant-select-dropdown:visible .ant-select-item-option").filter({ hasText: text }).first().click();
}

describe("the goal table list", () => {
  it("shows the implementing unit and filters by it", async () => {
    await page.goto(`${h.baseUrl}/goal-tables`);
    const list = page.getByTestId("goal-table-list");
    await expect.poll(() => rowsOf("goal-table-list").count()).toBeGreaterThan(0);
    expect(await list.locator("thead").textContent()).toContain("实施单位");

    await pick("goal-filter-unit", "文惠小学");
    await page.waitForURL((u) => u.searchParams.has("unitId"));
    await expect.poll(async () => (await rowsOf("goal-table-list").first().textContent()) ?? "").toContain("120001");
    const units = await rowsOf("goal-table-list").evaluateAll((trs) => trs.map((tr) => tr.textContent ?? ""));
    expect(units.length).toBeGreaterThan(1);
    for (const text of units) expect(text).toContain("城中区文惠小学");
    expect(await page.getByTestId("goal-table-total").textContent()).toContain(`共 ${units.length} 张`);
    expect(existsSync(await h.shot(page, "goal-tables-unit"))).toBe(true);
  });

  it("sorts on the server by a column header, and the order stays in the address", async () => {
    await page.goto(`${h.baseUrl}/goal-tables`);
    await expect.poll(() => rowsOf("goal-table-list").count()).toBeGreaterThan(0);
    const header = page.getByTestId("goal-table-list").locator("thead th").filter({ hasText: "实施单位" });
    const codes = async () =>
      rowsOf("goal-table-list").evaluateAll((trs) =>
        trs.map((tr) => tr.querySelectorAll("td")[2]?.textContent?.match(/\d[\w-]*$/)?.[0] ?? ""),
      );
    const sorted = (list: string[], desc: boolean) => {
      const s = [...list].sort();
      return desc ? s.reverse() : s;
    };
    await header.click();
    await page.waitForURL((u) => u.searchParams.get("sort") === "unit");
    await expect.poll(() => header.getAttribute("aria-sort")).toBe("ascending");
    // The rows follow once the server has answered (the previous page stays on screen meanwhile).
    await expect.poll(async () => sorted(await codes(), false).join()).toBe((await codes()).join());
    const ascending = await codes();
    await header.click();
    await page.waitForURL((u) => u.searchParams.get("order") === "desc");
    await expect.poll(async () => (await codes())[0]).not.toBe(ascending[0]);
    const first = await codes();
    expect(sorted(first, true)).toEqual(first);
    // The next page goes on from where the first left off.
    await expect.poll(() => header.getAttribute("aria-sort")).toBe("descending");
    await nextPage("goal-table-list").click();
    await page.waitForURL((u) => u.searchParams.get("page") === "2");
    await expect.poll(async () => (await codes())[0]).not.toBe(first[0]);
    const second = await codes();
    expect(second[0]! <= first.at(-1)!).toBe(true);
    expect(existsSync(await h.shot(page, "goal-tables-sorted"))).toBe(true);
  });
});

describe("the findings list", () => {
  it("shows each table's status, filters by it, and a table opened from it leads back to the same view", async () => {
    await page.goto(`${h.baseUrl}/goals/quality`);
    await page.getByTestId("goal-all-findings").click();
    await expect.poll(() => rowsOf("goal-findings-table").count()).toBeGreaterThan(0);
    expect(await page.getByTestId("goal-findings-table").locator("thead").textContent()).toContain("状态");

    // The address changes before the rows arrive (the old page stays shown meanwhile): wait for the answer.
    const findings = (want: (q: URLSearchParams) => boolean) =>
      page.waitForResponse((r) => {
        const u = new URL(r.url());
        return u.pathname.endsWith("/goals/lint/findings") && want(u.searchParams);
      });
    const approved = findings((q) => q.get("status") === "approved");
    await pick("finding-filter-status", "已批复");
    await page.waitForURL((u) => u.searchParams.get("status") === "approved");
    await approved;
    await expect
      .poll(async () => [...new Set(await page.getByTestId("finding-status").allTextContents())])
      .toEqual(["已批复"]);
    const firstOfPage1 = (await rowsOf("goal-findings-table").first().textContent()) ?? "";
    const page2 = findings((q) => q.get("status") === "approved" && q.get("page") === "2");
    await nextPage("goal-findings-table").click();
    await page.waitForURL((u) => u.searchParams.get("page") === "2");
    await page2;
    await expect
      .poll(async () => (await rowsOf("goal-findings-table").first().textContent()) ?? firstOfPage1)
      .not.toBe(firstOfPage1);
    const statuses = await page.getByTestId("finding-status").allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    for (const s of statuses) expect(s).toBe("已批复");
    await page.getByTestId("goal-findings-table").scrollIntoViewIfNeeded();
    expect(existsSync(await h.shot(page, "goal-findings-status"))).toBe(true);

    const listUrl = page.url();
    const link = rowsOf("goal-findings-table").first().locator("a").first();
    const name = (await link.textContent()) ?? "";
    await link.scrollIntoViewIfNeeded();
    const scrolled = await page.evaluate(() => window.scrollY);
    expect(scrolled).toBeGreaterThan(500);
    await link.click();
    await page.waitForURL((u) => /\/goal-tables\/\d+$/.test(u.pathname));
    await expect.poll(() => page.getByTestId("goal-status").textContent()).toBe("已批复");
    await page.getByRole("button", { name: "返回列表" }).click();
    await page.waitForURL((u) => u.pathname === "/goals/quality");
    expect(page.url()).toBe(listUrl);
    await expect.poll(async () => (await rowsOf("goal-findings-table").first().textContent()) ?? "").toContain(name);
    // Back where the user was on the page (the findings are far down it), not at its top.
    await expect.poll(() => page.evaluate(() => window.scrollY), { timeout: 3000 }).toBeGreaterThan(scrolled - 5);
    expect(await page.evaluate(() => window.scrollY)).toBeLessThan(scrolled + 5);
  });

  it("lets finance ask the declarer of an approved table with errors to revise it", async () => {
    await page.goto(`${h.baseUrl}/goals/quality?all=1&status=approved&severity=error`);
    await expect.poll(() => rowsOf("goal-findings-table").count()).toBeGreaterThan(0);
    const row = rowsOf("goal-findings-table")
      .filter({ has: page.getByTestId("finding-ask-revision") })
      .first();
    const code = ((await row.locator("td").first().textContent()) ?? "").match(/[0-9][\w-]+/)?.[0] ?? "";
    expect(code).not.toBe("");
    await row.getByTestId("finding-ask-revision").click();
    const dialog = page.getByRole("dialog");
    await dialog.getByTestId("revision-request-ok").click();
    await expect.poll(() => dialog.getByText("请填写调整要求").count()).toBe(1);
    await page.getByTestId("revision-request-reason").fill("权重合计不为100，请调整后重新提交");
    await dialog.getByTestId("revision-request-ok").click();
    await expect.poll(() => page.getByText(/已下达调整任务给/).count()).toBeGreaterThan(0);
    const asked = rowsOf("goal-findings-table").filter({ hasText: code }).first();
    await expect.poll(async () => (await asked.textContent()) ?? "").toContain("调整中 · 待办");
    expect(await asked.getByTestId("finding-ask-revision").count()).toBe(0);
    await asked.scrollIntoViewIfNeeded();
    expect(existsSync(await h.shot(page, "goal-findings-asked"))).toBe(true);

    // The task is among the year's tasks, and opening it from there leads to the table and back.
    await page.goto(`${h.baseUrl}/tasks?kind=goal_revision`);
    const task = page.locator("tbody tr.ant-table-row").filter({ hasText: "绩效目标调整" }).first();
    await expect.poll(() => task.count()).toBe(1);
    await task.locator("a").first().click();
    await page.waitForURL((u) => /\/goal-tables\/\d+$/.test(u.pathname));
    await page.getByRole("button", { name: "返回列表" }).click();
    await page.waitForURL((u) => u.pathname === "/tasks");
    expect(new URL(page.url()).searchParams.get("kind")).toBe("goal_revision");
  });
});
