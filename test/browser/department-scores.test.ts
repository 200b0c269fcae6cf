import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserHarness, startHarness } from "./harness";

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe("部门绩效考核 in the browser", () => {
  it("finance reads the ranking, is refused a template off 100, saves a new version with a reason", async () => {
    const page = await h.newPage();
    await h.login(page, "staff");
    await page
      .getByRole("menu")
      .first()
      .getByRole("menuitem", { name: /部门绩效考核$/ })
      .click();
    await page.waitForURL((url) => url.pathname === "/results/department-scores");
    const table = page.getByTestId("dept-score-table");
    await expect.poll(() => table.locator("tbody tr.ant-table-row").count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId("dept-score-average").textContent()).toMatch(/\d+\.\d\d/);
    expect(await table.locator("tr.jx-below-average").count()).toBe(0);
    // The lowest scores first: the departments below the average are marked.
    await table.locator("th").filter({ hasText: "综合得分" }).first().click();
    await expect.poll(() => table.locator("tr.jx-below-average").count()).toBeGreaterThan(0);
    expect(existsSync(await h.shot(page, "department-scores-ranking"))).toBe(true);

    await page.getByRole("tab", { name: "考核模板" }).click();
    await page.getByTestId("config-edit").click();
    await page.getByTestId("dept-score-weight-0").fill("20");
    await page.getByTestId("dept-score-weight-0").press("Tab");
    await expect.poll(() => page.getByTestId("dept-score-weight-total").textContent()).toContain("90.00，须为 100");
    await page.getByTestId("config-save").click();
    await expect.poll(() => page.getByText("各项权重合计须为 100（现为 90.00）").count()).toBeGreaterThan(0);
    expect(await page.getByTestId("config-save-dialog").count()).toBe(0);
    expect(existsSync(await h.shot(page, "department-scores-template-refused"))).toBe(true);

    await page.getByTestId("dept-score-weight-1").fill("35");
    await page.getByTestId("dept-score-weight-1").press("Tab");
    await expect.poll(() => page.getByTestId("dept-score-weight-total").textContent()).toContain("100.00");
    await page.getByTestId("config-save").click();
    await expect.poll(() => page.getByTestId("config-changes").textContent()).toContain("“部门评价”的权重");
    await page.locator("#config-note").fill("部门评价权重提高到35");
    await page.getByTestId("config-confirm").click();
    await expect.poll(() => page.getByTestId("dept-score-history").textContent()).toContain("部门评价权重提高到35");
    // Read again: each component named with its weight.
    expect(await page.getByTestId("dept-score-template").textContent()).toContain("部门评价");
    expect(existsSync(await h.shot(page, "department-scores-template-saved"))).toBe(true);
    await page.close();
  });

  it("a department sees its own row with its rank and the average", async () => {
    const page = await h.newPage();
    await h.login(page, "dept");
    await page.goto(`${h.baseUrl}/results/department-scores`);
    const table = page.getByTestId("dept-score-table");
    await expect.poll(() => table.locator("tbody tr.ant-table-row").count()).toBe(1);
    expect(await page.getByText("本部门排名").count()).toBe(1);
    expect(existsSync(await h.shot(page, "department-scores-own"))).toBe(true);
    await page.close();
  });
});
