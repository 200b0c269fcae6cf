import { existsSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserHarness, startHarness } from "./harness";

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

/** The goal table the steps below work on: the unit's new draft revision. */
let tableUrl = "";
let unit: Page;

const status = async (page: Page) => (await page.getByTestId("goal-status").textContent()) ?? "";

/** Clicks a workflow button and confirms its dialog (a confirm box, or the comment dialog). */
async function confirmAction(page: Page, testId: string, okName: string) {
  await page.getByTestId(testId).click();
  await page.getByRole("dialog").getByRole("button", { name: okName, exact: true }).click();
}

describe("a goal table from revision to approval, in the browser", () => {
  it("the unit revises an approved table, sees the weight hint, fixes it, saves and submits", async () => {
    unit = await h.newPage();
    await h.login(unit, "unit");
    await unit.goto(`${h.baseUrl}/goal-tables`);
    const list = unit.getByTestId("goal-table-list");
    await expect.poll(() => list.locator("tbody tr.ant-table-row").count()).toBeGreaterThan(0);
    // A table the checks find nothing wrong with, so that only our slip can block it.
    const row = list.locator("tbody tr.ant-table-row").filter({ hasText: "无问题" }).first();
    expect(await row.textContent()).toContain("已批复");
    await row.locator("a").first().click();
    await expect.poll(() => status(unit)).toBe("已批复");
    expect(await unit.getByTestId("goal-save").count()).toBe(0);

    // 调整 needs a reason and opens the new draft revision.
    const approvedUrl = unit.url();
    await unit.getByTestId("goal-action-revise").click();
    await unit.getByTestId("goal-action-comment").fill("学生人数变化，调整受助学生数量");
    await unit.getByTestId("goal-action-ok").click();
    await unit.waitForURL((u) => u.href !== approvedUrl);
    await expect.poll(() => status(unit)).toBe("草稿");
    expect(await unit.getByTestId("goal-revision-reason").textContent()).toBe("学生人数变化，调整受助学生数量");
    tableUrl = unit.url();

    const panel = unit.getByTestId("goal-quality-panel");
    const submit = unit.getByTestId("goal-action-submit");
    await expect.poll(() => panel.textContent()).toContain("未发现问题");
    await unit.getByLabel("第1行指标解释").fill("以学籍系统在册受助学生人数为准");

    // Five points too many on the first indicator: the hint appears as the unit types, 提交 is disabled.
    const weight = unit.getByLabel("第1行权重");
    const original = await weight.inputValue();
    await weight.fill(String(Number(original) + 5));
    await weight.press("Tab");
    await expect.poll(() => panel.getByText("权重合计不等于100").count()).toBe(1);
    await expect.poll(() => submit.isDisabled()).toBe(true);
    expect(await unit.getByTestId("goal-weight-total").textContent()).toContain("多出 5");
    await panel.evaluate((el) => el.scrollIntoView({ block: "center" }));
    expect(existsSync(await h.shot(unit, "goal-declare"))).toBe(true);

    await weight.fill(original);
    await weight.press("Tab");
    await expect.poll(() => panel.getByText("权重合计不等于100").count()).toBe(0);
    await expect.poll(() => submit.isDisabled()).toBe(false);

    await unit.getByTestId("goal-save").click();
    await expect.poll(() => unit.getByTestId("goal-save").isDisabled()).toBe(true);
    expect(await unit.getByTestId("goal-dirty").count()).toBe(0);

    await confirmAction(unit, "goal-action-submit", "提交");
    await expect.poll(() => status(unit)).toBe("待主管部门审核");
    expect(await unit.getByTestId("goal-save").count()).toBe(0);
  });

  it("the department returns it with a comment on the table and one on an indicator", async () => {
    const dept = await h.newPage();
    await h.login(dept, "dept");
    await dept.goto(tableUrl);
    await expect.poll(() => status(dept)).toBe("待主管部门审核");
    expect(await dept.getByTestId("goal-save").count()).toBe(0);

    // 退回 without a comment is not possible; a comment on row 1 comes from the table itself.
    await dept.getByRole("button", { name: "对第1行写退回意见" }).click();
    expect(await dept.getByTestId("goal-action-ok").isDisabled()).toBe(true);
    await dept.getByTestId("goal-row-comment-input").fill("与上年相比明显下降，请核实");
    await dept.getByTestId("goal-action-comment").fill("受助学生数量偏低，请核实后重新提交");
    await dept.getByTestId("goal-action-ok").click();
    await expect.poll(() => status(dept)).toBe("已退回（主管部门）");
    expect(await dept.getByTestId("goal-action-return").count()).toBe(0);
    await dept.context().close();
  });

  it("the unit sees why it was returned and submits again", async () => {
    await unit.reload();
    const alert = unit.getByTestId("goal-returned-alert");
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.textContent()).toContain("受助学生数量偏低，请核实后重新提交");
    expect(await alert.textContent()).toContain("与上年相比明显下降，请核实");
    expect(await unit.getByTestId("goal-row-comment").textContent()).toContain("与上年相比明显下降");
    await unit.waitForLoadState("networkidle");
    expect(existsSync(await h.shot(unit, "goal-returned"))).toBe(true);

    await confirmAction(unit, "goal-action-submit", "提交");
    await expect.poll(() => status(unit)).toBe("待主管部门审核");
    expect(await unit.getByTestId("goal-returned-alert").count()).toBe(0);
  });

  it("the department approves, then finance approves", async () => {
    const dept = await h.newPage();
    await h.login(dept, "dept");
    await dept.goto(tableUrl);
    await expect.poll(() => status(dept)).toBe("待主管部门审核");
    await confirmAction(dept, "goal-action-approve", "审核通过");
    await expect.poll(() => status(dept)).toBe("待财政审核");
    await dept.context().close();

    const finance = await h.newPage();
    await h.login(finance, "staff");
    await finance.goto(tableUrl);
    await expect.poll(() => status(finance)).toBe("待财政审核");
    await confirmAction(finance, "goal-action-approve", "审核通过");
    await expect.poll(() => status(finance)).toBe("已批复");
    const history = await finance.getByTestId("goal-transitions").textContent();
    for (const step of ["调整", "提交", "退回", "审核通过"]) expect(history).toContain(step);
    await finance.context().close();

    await unit.reload();
    await expect.poll(() => status(unit)).toBe("已批复");
    expect(await unit.getByTestId("goal-action-revise").count()).toBe(1);
    await unit.goto(`${h.baseUrl}/goal-tables?status=approved`);
    const list = unit.getByTestId("goal-table-list");
    await expect.poll(() => list.getByText("第2版").count()).toBe(1);
    await unit.context().close();
  });
});
