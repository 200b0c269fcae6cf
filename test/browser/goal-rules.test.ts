import { existsSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserHarness, pickOption, startHarness } from "./harness";

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const level1Inputs = (page: Page) => page.getByTestId("config-form").locator('input[id^="levels_"][id$="_level1"]');

/** Picks a year in the header's selector. */
const pickYear = (page: Page, year: number) => pickOption(page, page.getByTestId("year-select"), `${year}年`);

describe("指标体系与审核规则 in the browser", () => {
  it("opens read-only; 编辑, a confirmed removal, a guarded leave, a refused save without a note, the diff and impact, a save with a note", async () => {
    const page = await h.newPage();
    await h.login(page, "staff");
    await page
      .getByRole("menu")
      .first()
      .getByRole("menuitem", { name: /指标体系与规则$/ })
      .click();
    await page.waitForURL((url) => url.pathname === "/goals/rules");

    // Read-only: the framework shows, nothing can be changed, 编辑 is offered.
    const level1 = level1Inputs(page);
    await expect.poll(() => level1.count()).toBe(3);
    expect(await level1.nth(0).inputValue()).toBe("产出指标");
    expect(await level1.nth(0).isDisabled()).toBe(true);
    expect(await page.getByRole("button", { name: /删除/ }).count()).toBe(0);
    expect(await page.getByTestId("config-save").count()).toBe(0);
    expect(await page.getByTestId("rules-level-0").getByText("时效指标").count()).toBe(1);
    await expect.poll(() => page.getByTestId("config-edit").isDisabled()).toBe(false);
    await page.waitForTimeout(400); // the button's transition
    expect(existsSync(await h.shot(page, "goal-rules-read"))).toBe(true);

    await page.getByTestId("config-edit").click();
    await expect.poll(() => level1.nth(0).isDisabled()).toBe(false);
    expect(await page.getByTestId("config-save").isDisabled()).toBe(true); // nothing changed yet

    // A repeated level-1 name is caught before anything is sent.
    await level1.nth(2).fill("效益指标");
    await page.getByTestId("config-save").click();
    await expect.poll(() => page.getByText("“效益指标”重复").count()).toBeGreaterThan(0);
    await level1.nth(2).fill("满意度指标");
    await expect.poll(() => page.getByText("“效益指标”重复").count()).toBe(0);

    // Removing a level-2 indicator asks first; 取消 keeps it.
    const remove = page.getByRole("button", { name: "删除二级指标“时效指标”" });
    await remove.click();
    await page.locator(".ant-popconfirm").getByRole("button", { name: "取消" }).click();
    expect(await page.getByTestId("rules-level-0").getByText("时效指标").count()).toBe(1);
    await remove.click();
    await page.locator(".ant-popconfirm").getByRole("button", { name: "删除" }).click();
    await expect.poll(() => page.getByTestId("rules-level-0").getByText("时效指标").count()).toBe(0);
    await page.getByLabel("最少三级指标数").fill("12");
    await page.getByLabel("最少三级指标数").press("Tab");
    await expect.poll(() => page.getByTestId("config-save").isDisabled()).toBe(false);
    expect(existsSync(await h.shot(page, "goal-rules-edit"))).toBe(true);

    // Leaving by the menu asks; 留在本页 keeps the page and the edits.
    await page
      .getByRole("menu")
      .first()
      .getByRole("menuitem", { name: /智能审核/ })
      .click();
    const leave = page.getByRole("dialog").filter({ hasText: "有未保存的修改" });
    await expect.poll(() => leave.count()).toBe(1);
    await leave.getByRole("button", { name: "留在本页" }).click();
    expect(new URL(page.url()).pathname).toBe("/goals/rules");
    expect(await page.getByLabel("最少三级指标数").inputValue()).toBe("12");

    // Closing or reloading the tab asks too (beforeunload); dismissing it keeps the page.
    const unload = new Promise<string>((resolve) =>
      page.once("dialog", (d) => {
        resolve(d.type());
        void d.dismiss();
      }),
    );
    await page.close({ runBeforeUnload: true });
    expect(await unload).toBe("beforeunload");
    expect(page.isClosed()).toBe(false);

    // The year switch asks as well; 取消 leaves year and edits as they are.
    await pickYear(page, 2023);
    const yearAsk = page.getByRole("dialog").filter({ hasText: "切换到 2023 年度" });
    await expect.poll(() => yearAsk.count()).toBe(1);
    await yearAsk.getByRole("button", { name: "取消" }).click();
    expect(await page.getByTestId("year-select").textContent()).toContain("2024年");
    expect(await page.getByLabel("最少三级指标数").inputValue()).toBe("12");

    // 保存… shows what changed and what it does, and needs a note.
    await page.getByTestId("config-save").click();
    const dialog = page.getByTestId("config-save-dialog");
    const changes = dialog.getByTestId("config-changes");
    await expect.poll(() => changes.textContent()).toContain("时效指标");
    const text = (await changes.textContent()) ?? "";
    expect(text).toContain("删除");
    expect(text).toContain("“产出指标”下的二级指标");
    expect(text).toContain("最少三级指标数");
    expect(text).toContain("3 → 12");
    const impact = dialog.getByTestId("config-impact");
    await expect.poll(() => impact.count(), { timeout: 30_000 }).toBe(1);
    const impactText = (await impact.textContent()) ?? "";
    expect(impactText).toMatch(/保存后 [\d,]+ 张目标表将新增审核问题/);
    expect(impactText).toContain("按本年度现行目标表 1,767 张试算");
    expect(impactText).toContain("指标数量过少");
    expect(existsSync(await h.shot(page, "goal-rules-save-dialog"))).toBe(true);

    await page.getByTestId("config-confirm").click();
    await expect.poll(() => page.getByTestId("config-note-error").textContent()).toContain("请填写修改说明");
    expect(await page.getByTestId("rules-history").locator("tbody tr.ant-table-row").count()).toBe(1);

    await page.getByLabel("修改说明").fill("时效指标并入质量指标；每张目标表至少设 12 个三级指标");
    await page.getByTestId("config-confirm").click();
    await expect.poll(() => page.getByText("已保存为 2024.2 版").count()).toBe(1);
    await expect.poll(() => page.getByText("现行 2024.2 版").count()).toBe(1);
    // Back to reading, with the new version and its note in the history.
    await expect.poll(() => page.getByTestId("config-edit").count()).toBe(1);
    expect(await level1.nth(0).isDisabled()).toBe(true);
    expect(await page.getByTestId("rules-level-0").getByText("时效指标").count()).toBe(0);
    const history = page.getByTestId("rules-history");
    await expect.poll(() => history.locator("tbody tr.ant-table-row").count()).toBe(2);
    expect(await history.textContent()).toContain("时效指标并入质量指标");
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

describe("the header's year switch with unsaved edits", () => {
  it("asks on a goal table with unsaved edits: 取消 changes nothing, 放弃修改并切换 leaves the table for the new year's list", async () => {
    const unit = await h.newPage();
    await h.login(unit, "unit");
    await unit.goto(`${h.baseUrl}/goal-tables`);
    const list = unit.getByTestId("goal-table-list");
    await expect.poll(() => list.locator("tbody tr.ant-table-row").count()).toBeGreaterThan(0);
    await list.locator("tbody tr.ant-table-row").filter({ hasText: "已批复" }).first().locator("a").first().click();
    const approvedUrl = unit.url();
    await unit.getByTestId("goal-action-revise").click();
    await unit.getByTestId("goal-action-comment").fill("调整指标解释");
    await unit.getByTestId("goal-action-ok").click();
    await unit.waitForURL((u) => u.href !== approvedUrl);
    const draftUrl = unit.url();

    // Without edits the year switches at once.
    await pickYear(unit, 2023);
    await expect.poll(() => unit.getByTestId("year-select").textContent()).toContain("2023年");
    await pickYear(unit, 2024);
    await expect.poll(() => unit.getByTestId("year-select").textContent()).toContain("2024年");
    expect(unit.url()).toBe(draftUrl);

    await unit.getByLabel("第1行指标解释").fill("以学籍系统在册人数为准");
    await expect.poll(() => unit.getByTestId("goal-dirty").count()).toBe(1);

    await pickYear(unit, 2023);
    const ask = unit.getByRole("dialog").filter({ hasText: "切换到 2023 年度" });
    await expect.poll(() => ask.count()).toBe(1);
    expect(await ask.getByRole("button", { name: "放弃修改并切换" }).count()).toBe(1);
    expect(existsSync(await h.shot(unit, "year-switch-guard"))).toBe(true);
    await ask.getByRole("button", { name: "取消" }).click();
    await expect.poll(() => ask.count()).toBe(0);
    expect(await unit.getByTestId("year-select").textContent()).toContain("2024年");
    expect(unit.url()).toBe(draftUrl);
    expect(await unit.getByLabel("第1行指标解释").inputValue()).toBe("以学籍系统在册人数为准");
    expect(await unit.getByTestId("goal-dirty").count()).toBe(1);

    // Picked again after the first dialog closed: the pick is repeated until the dialog shows, since a
    // click can land while antd's closing animation still covers the header.
    const discard = unit.getByRole("button", { name: "放弃修改并切换" });
    await expect
      .poll(async () => {
        if ((await discard.count()) === 0) await pickYear(unit, 2023);
        return discard.count();
      })
      .toBe(1);
    await discard.click();
    await unit.waitForURL((u) => u.pathname === "/goal-tables");
    await expect.poll(() => unit.getByTestId("year-select").textContent()).toContain("2023年");
    await unit.context().close();
  }, 120_000);
});
