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
    // The unsaved mark goes once the saved table has come back (a moment after the button settles on a busy machine).
    await expect.poll(() => unit.getByTestId("goal-dirty").count()).toBe(0);

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

    // 写意见 opens a multi-line field under row 1 with the cursor in it: what is typed lands on the row.
    await dept.getByRole("button", { name: "对第1行写审核意见" }).click();
    const rowDraft = dept.getByTestId("goal-row-draft");
    await expect
      .poll(() => dept.evaluate(() => document.activeElement?.getAttribute("data-testid")))
      .toBe("goal-row-draft");
    await dept.keyboard.type("与上年相比明显下降，");
    await dept.keyboard.press("Shift+Enter");
    await dept.keyboard.type("请核实");
    expect(await rowDraft.inputValue()).toBe("与上年相比明显下降，\n请核实");
    expect(await dept.getByTestId("goal-draft-count").textContent()).toContain("1 条逐项意见");
    await rowDraft.evaluate((el) => el.scrollIntoView({ block: "center" }));
    expect(existsSync(await h.shot(dept, "goal-row-comment-draft"))).toBe(true);

    // 退回 without a general comment is not possible; the row's comment is in the dialog, on its row.
    await dept.getByTestId("goal-action-return").click();
    expect(await dept.getByTestId("goal-action-ok").isDisabled()).toBe(true);
    expect(await dept.getByTestId("goal-row-comment-input").inputValue()).toBe("与上年相比明显下降，\n请核实");
    await dept.getByTestId("goal-action-comment").fill("受助学生数量偏低，请核实后重新提交");
    await dept.getByTestId("goal-action-ok").click();
    await expect.poll(() => status(dept)).toBe("已退回（主管部门）");
    expect(await dept.getByTestId("goal-action-return").count()).toBe(0);
    await dept.context().close();
  });

  it("the unit sees why it was returned, answers the comment, fixes the row and resubmits with a note", async () => {
    await unit.reload();
    const alert = unit.getByTestId("goal-returned-alert");
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.textContent()).toContain("受助学生数量偏低，请核实后重新提交");
    const thread = unit.getByTestId("goal-row-comment");
    await expect.poll(() => thread.textContent()).toContain("与上年相比明显下降");
    expect(await thread.getByTestId("review-comment").getAttribute("data-answered")).toBe("no");
    expect(await thread.textContent()).toContain("未答复");

    await thread.getByTestId("review-answer-input").fill("已按学籍系统核实，受助学生数调整为最新在册人数");
    await thread.getByTestId("review-answer-save").click();
    await expect.poll(() => thread.getByTestId("review-comment").getAttribute("data-answered")).toBe("yes");
    // The fix: row 1's explanation changes; the row is marked as changed since the return as the unit types.
    await unit.getByLabel("第1行指标解释").fill("以学籍系统 2024 年秋季在册受助学生人数为准");
    await expect.poll(() => unit.getByTestId("goal-change-tag").first().textContent()).toBe("较退回时修改");
    await unit.getByTestId("goal-save").click();
    await expect.poll(() => unit.getByTestId("goal-save").isDisabled()).toBe(true);
    await unit.waitForLoadState("networkidle");
    await thread.evaluate((el) => el.scrollIntoView({ block: "center" }));
    expect(existsSync(await h.shot(unit, "goal-returned"))).toBe(true);

    await unit.getByTestId("goal-action-submit").click();
    const dialog = unit.getByRole("dialog");
    await dialog.getByTestId("goal-submit-note").fill("按意见核实了受助学生数，补充了指标解释");
    await dialog.getByRole("button", { name: "提交", exact: true }).click();
    await expect.poll(() => status(unit)).toBe("待主管部门审核");
    expect(await unit.getByTestId("goal-returned-alert").count()).toBe(0);
  });

  it("the department's second review shows what changed, its own comment with the answer, and the note", async () => {
    const dept = await h.newPage();
    await h.login(dept, "dept");
    await dept.goto(tableUrl);
    await expect.poll(() => status(dept)).toBe("待主管部门审核");
    const thread = dept.getByTestId("goal-row-comment");
    await expect.poll(() => thread.textContent()).toContain("与上年相比明显下降");
    expect(await thread.getByTestId("review-answer").textContent()).toContain("已按学籍系统核实");
    expect(await thread.getByTestId("review-answer-input").count()).toBe(0);
    await expect.poll(() => dept.getByTestId("goal-change-tag").first().textContent()).toBe("较退回时修改");
    const record = dept.getByTestId("review-record");
    const diff = record.getByTestId("review-diff");
    await expect.poll(() => diff.getByTestId("diff-item").count()).toBe(1);
    expect(await diff.textContent()).toContain("以学籍系统 2024 年秋季在册受助学生人数为准");
    expect(await diff.textContent()).toContain("以学籍系统在册受助学生人数为准");
    expect(await record.getByTestId("review-round-note").last().textContent()).toContain("补充了指标解释");
    expect(await record.getByTestId("review-rounds").textContent()).toContain("已退回");
    await record.evaluate((el) => el.scrollIntoView({ block: "start" }));
    expect(existsSync(await h.shot(dept, "goal-second-review"))).toBe(true);
    // With the approval, the department leaves a note on row 2.
    await dept.getByRole("button", { name: "对第2行写审核意见" }).click();
    await dept.keyboard.type("明年请补充满意度调查方式");
    await dept.getByTestId("goal-action-approve").click();
    expect(await dept.getByTestId("goal-row-comment-input").inputValue()).toBe("明年请补充满意度调查方式");
    await dept.getByTestId("goal-action-ok").click();
    await expect.poll(() => status(dept)).toBe("待财政审核");
    await expect.poll(() => dept.getByTestId("goal-row-comment").count()).toBe(2);
    await dept.context().close();
  });

  it("finance approves, and the new revision is the one in force", async () => {
    const finance = await h.newPage();
    await h.login(finance, "staff");
    await finance.goto(tableUrl);
    await expect.poll(() => status(finance)).toBe("待财政审核");
    await confirmAction(finance, "goal-action-approve", "审核通过");
    await expect.poll(() => status(finance)).toBe("已批复");
    // The history and the versions are read again after the status: wait for them, not for the status.
    await expect.poll(() => finance.getByTestId("review-versions").textContent()).toContain("第2版（本页） · 已批复");
    const history = await finance.getByTestId("goal-transitions").textContent();
    for (const step of ["调整", "提交", "退回", "审核通过"]) expect(history).toContain(step);
    const versions = await finance.getByTestId("review-versions").textContent();
    expect(versions).toContain("第1版 · 已批复");
    expect(versions).toContain("第2版（本页） · 已批复 · 现行有效");
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
