import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserHarness, startHarness } from "./harness";

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe("指标体系与审核规则 in the browser", () => {
  it("finance sees the year's framework, is stopped on a repeated name, and saves a new version", async () => {
    const page = await h.newPage();
    await h.login(page, "staff");
    await page
      .getByRole("menu")
      .first()
      .getByRole("menuitem", { name: /指标体系与规则$/ })
      .click();
    await page.waitForURL((url) => url.pathname === "/goals/rules");
    const level1 = page.getByTestId("rules-form").locator('input[id^="levels_"][id$="_level1"]');
    await expect.poll(() => level1.count()).toBe(3);
    expect(await level1.nth(0).inputValue()).toBe("产出指标");

    // A repeated level-1 name is caught before anything is sent.
    await level1.nth(2).fill("效益指标");
    await page.getByTestId("rules-save").click();
    await expect.poll(() => page.getByText("“效益指标”重复").count()).toBeGreaterThan(0);
    await level1.nth(2).fill("满意度指标");

    await page.getByLabel("最少三级指标数").fill("4");
    await page.getByLabel("调整说明").fill("每张目标表至少设 4 个三级指标");
    await page.getByTestId("rules-save").click();
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect.poll(() => page.getByText("已保存为 2024.2 版").count()).toBe(1);
    await expect.poll(() => page.getByText("现行 2024.2 版").count()).toBe(1);
    await page.waitForTimeout(800); // the message fades
    expect(existsSync(await h.shot(page, "goal-rules"))).toBe(true);
    await page.context().close();
  });

  it("a department sees no such menu entry", async () => {
    const page = await h.newPage();
    await h.login(page, "dept");
    await expect.poll(() => page.getByRole("menu").first().getByRole("menuitem").count()).toBeGreaterThan(2);
    expect(await page.getByRole("menuitem", { name: /指标体系与规则$/ }).count()).toBe(0);
    await page.context().close();
  });
});
