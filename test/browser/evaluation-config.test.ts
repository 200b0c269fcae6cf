import { existsSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserHarness, pickOption, startHarness } from "./harness";

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

/** The points field of the framework's row `n` (0-based, in the stored order: D1–D6, P1–P5, O1–O4, B1–B4). */
const points = (page: Page, n: number) => page.getByLabel(`第${n + 1}行分值`);

const setPoints = async (page: Page, n: number, value: string) => {
  await points(page, n).fill(value);
  await points(page, n).press("Tab");
};

const menu = (page: Page, name: RegExp) => page.getByRole("menu").first().getByRole("menuitem", { name }).click();

describe("评价指标体系 and 专家库 in the browser", () => {
  it("finance lowers 产出 below the rule, is refused naming it, fixes it and saves a version with a reason", async () => {
    const page = await h.newPage();
    await h.login(page, "staff");
    await menu(page, /评价指标体系$/);
    await page.waitForURL((url) => url.pathname === "/evaluations/framework");

    // Read: the four level-1 groups with their totals, nothing editable.
    await expect.poll(() => page.getByTestId("framework-level-output").getByText("实际完成率").count()).toBe(1);
    expect(await page.getByTestId("framework-level-total-output").textContent()).toContain("35.00");
    expect(await page.getByTestId("framework-total").textContent()).toContain("100.00");
    expect(await points(page, 11).isDisabled()).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(400);
    expect(existsSync(await h.shot(page, "evaluation-framework-read"))).toBe(true);

    await page.getByTestId("config-edit").click();
    await expect.poll(() => points(page, 11).isDisabled()).toBe(false);

    // 实际完成率 10 → 4 and 立项依据充分性 3 → 9: still 100 in all, but 产出 + 效益 = 59.
    await setPoints(page, 11, "4");
    await setPoints(page, 0, "9");
    await expect.poll(() => page.getByTestId("framework-output-benefit").textContent()).toContain("59.00");
    expect(await page.getByTestId("framework-output-benefit").textContent()).toContain("不得低于 60 分");
    expect(await page.getByTestId("framework-level-total-output").textContent()).toContain("29.00");
    await page.getByTestId("config-save").click();
    await expect
      .poll(() => page.getByTestId("framework-errors").textContent())
      .toContain("产出和效益指标分值合计不得低于60分，现为59.00分（产出29.00、效益30.00）");
    expect(await page.getByTestId("config-save-dialog").count()).toBe(0);
    expect(existsSync(await h.shot(page, "evaluation-framework-refused"))).toBe(true);

    // Fixed: 实际完成率 7, 立项依据充分性 6 → 产出 + 效益 62; a new indicator under 过程 takes a point from 决策.
    await setPoints(page, 11, "7");
    await setPoints(page, 0, "5");
    await page.getByTestId("framework-add-process").click();
    await page.getByLabel("第12行三级指标").fill("档案管理规范性");
    await setPoints(page, 11, "1");
    await expect.poll(() => page.getByTestId("framework-output-benefit").textContent()).toContain("62.00");
    expect(await page.getByTestId("framework-total").textContent()).toContain("100.00");

    // The threshold in 万元 with cents.
    await page.getByTestId("framework-threshold").fill("1336.64");

    await page.getByTestId("config-save").click();
    const dialog = page.getByTestId("config-save-dialog");
    await expect.poll(() => dialog.count()).toBe(1);
    const text = await dialog.textContent();
    expect(text).toContain("“实际完成率”的分值");
    expect(text).toContain("过程/组织实施/档案管理规范性（1分）");
    expect(text).toContain("1336.64");
    await page.getByTestId("config-confirm").click();
    await expect.poll(() => page.getByTestId("config-note-error").count()).toBe(1);
    await page.locator("#config-note").fill("产出权重调整，增设档案管理指标");
    await page.getByTestId("config-confirm").click();
    await expect
      .poll(() => page.getByTestId("framework-history").textContent())
      .toContain("产出权重调整，增设档案管理指标");
    expect(await page.getByTestId("framework-level-total-output").textContent()).toContain("32.00");
    expect(await page.getByTestId("framework-threshold").inputValue()).toBe("1336.64");
    await page.waitForTimeout(400);
    expect(existsSync(await h.shot(page, "evaluation-framework-saved"))).toBe(true);
    await page.context().close();
  });

  it("finance enters an expert into the pool and declares a tie", async () => {
    const page = await h.newPage();
    await h.login(page, "staff");
    await menu(page, /专家库$/);
    await page.waitForURL((url) => url.pathname === "/evaluations/experts");

    await page.getByTestId("expert-new").click();
    // Refused without a field: the message names it.
    await page.getByTestId("expert-name").fill("王建华");
    await page.getByTestId("expert-ok").click();
    await expect.poll(() => page.getByText("请填写专业领域（至少一项）").count()).toBe(1);
    await page.getByTestId("expert-employer").fill("某某大学经济学院");
    await page.getByTestId("expert-title").fill("教授");
    const fields = page.getByTestId("expert-fields").locator("input");
    await fields.fill("教育");
    await fields.press("Enter");
    await fields.fill("财务管理");
    await fields.press("Enter");
    await page.getByTestId("expert-phone").fill("13800000000");
    expect(existsSync(await h.shot(page, "evaluation-expert-new"))).toBe(true);
    await page.getByTestId("expert-ok").click();

    const table = page.getByTestId("experts-table");
    await expect.poll(() => table.getByText("王建华").count()).toBe(1);
    expect(await table.textContent()).toContain("财务管理");
    expect(await table.textContent()).toContain("未关联");

    // Its ties: none yet; one declared.
    await table.getByRole("row").filter({ hasText: "王建华" }).getByTestId("expert-ties").click();
    const drawer = page.getByTestId("ties-panel");
    await expect.poll(() => drawer.getByText("没有登记回避关系").count()).toBe(1);
    await pickOption(page, drawer.getByTestId("tie-org"), "卫生健康局", {
      item: ".ant-select-tree-title",
      search: "卫生健康局",
    });
    await drawer.getByTestId("tie-note").fill("曾参加该部门项目评价");
    await drawer.getByTestId("tie-add").click();
    await expect.poll(() => drawer.getByTestId("ties-table").getByText("曾参加该部门项目评价").count()).toBe(1);
    await page.waitForTimeout(400);
    expect(existsSync(await h.shot(page, "evaluation-expert-ties"))).toBe(true);
    await page.keyboard.press("Escape");
    await drawer.waitFor({ state: "detached" });

    // The filters live in the address.
    await page.getByTestId("expert-field-filter").locator("input").fill("财务管理");
    await page.getByTestId("expert-field-filter").locator("input").press("Enter");
    await page.waitForURL((url) => url.searchParams.get("field") === "财务管理");
    await expect.poll(() => table.getByText("王建华").count()).toBe(1);
    await page.waitForTimeout(400);
    expect(existsSync(await h.shot(page, "evaluation-experts"))).toBe(true);
    await page.context().close();
  });

  it("shows the year's coverage and the firms' ledger", async () => {
    const page = await h.newPage();
    await h.login(page, "staff");
    await menu(page, /评价统计$/);
    await page.waitForURL((url) => url.pathname === "/evaluations/stats");
    await page.getByTestId("stats-rate").waitFor();
    await expect.poll(() => page.getByTestId("coverage-table").locator("tbody tr").count()).toBeGreaterThan(1);
    expect(await page.getByTestId("stats-rate").textContent()).toMatch(/%/);
    // The year summary: its cards and the grade distribution of both kinds.
    await expect.poll(() => page.getByTestId("summary-grades").locator("tr.ant-table-row").count()).toBe(4);
    expect(await page.getByTestId("summary-key-amount").textContent()).toContain("万元");
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(400);
    expect(existsSync(await h.shot(page, "evaluation-stats"))).toBe(true);
    await page.context().close();
  });
});
