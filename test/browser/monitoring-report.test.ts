import { existsSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserHarness, startHarness } from "./harness";

/**
 * 监控填报 in the browser, on the demo's 2024 round (as of July): finance finds a unit's draft in the list, the
 * unit fills the prefilled form (a doubtful indicator needs a cause and measures), saves and submits, the
 * department approves, finance returns it with a comment on an indicator, and the unit answers it.
 */
let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

interface Row {
  id: number;
  code: string;
  name: string;
  subjectKind: string;
  unit: { id: number; code: string };
  department: { id: number; code: string };
  indicators: number;
}
interface Item {
  uid: string;
  name: string;
  kind: string;
  cause: string | null;
}

const status = async (page: Page) => (await page.getByTestId("monitoring-status").textContent()) ?? "";
/** Picks an option of the antd Select with this test id (waiting for its list to close again). */
async function choose(page: Page, testId: string, text: string) {
  await expect.poll(() => page.locator(".ant-select-dropdown:visible").count()).toBe(0);
  await page.getByTestId(testId).click();
  await page.locator(".ant-select-dropdown:visible .ant-select-item-option").filter({ hasText: text }).first().click();
  await expect.poll(() => page.locator(".ant-select-dropdown:visible").count()).toBe(0);
}
async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  await expect.poll(() => page.locator(".ant-spin-spinning").count()).toBe(0);
  await page.waitForTimeout(300);
}

describe("监控填报", () => {
  it("a unit fills and submits its prefilled form; the department approves; finance returns it with comments", async () => {
    // Finance: the round's list, with the lights and their reasons.
    const finance = await h.newPage();
    await h.login(finance, "finance");
    await finance.goto(`${h.baseUrl}/monitoring/reports`);
    const list = finance.getByTestId("monitoring-report-list");
    await expect.poll(() => list.locator("tbody tr.ant-table-row").count()).toBeGreaterThan(5);
    expect(await finance.getByTestId("monitoring-total").textContent()).toContain("截至7月");
    await choose(finance, "monitoring-filter-light", "红灯");
    await expect.poll(() => finance.url()).toContain("light=red");
    await settle(finance);
    await list.getByTestId("monitoring-light").first().hover();
    await expect
      .poll(() => finance.getByTestId("monitoring-light-reasons").first().textContent())
      .toMatch(/执行率|指标/);
    expect(existsSync(await h.shot(finance, "monitoring-list"))).toBe(true);

    // A unit's draft of a department task (the unit fills, its department reviews).
    const rounds = await (await finance.request.get(`${h.baseUrl}/api/v1/monitoring/rounds?year=2024`)).json();
    const roundId = rounds.rounds.at(-1).id as number;
    const drafts = await (
      await finance.request.get(
        `${h.baseUrl}/api/v1/monitoring/reports?roundId=${roundId}&status=draft&kind=department&pageSize=100`,
      )
    ).json();
    const row = (drafts.rows as Row[]).find(
      (r) => r.subjectKind === "project" && r.unit.id !== r.department.id && r.indicators >= 2,
    );
    expect(row, "a unit's draft in the demo").toBeDefined();
    const report = await (await finance.request.get(`${h.baseUrl}/api/v1/monitoring/reports/${row!.id}`)).json();
    const items = report.items as Item[];
    const url = `${h.baseUrl}/monitoring/reports/${row!.id}`;

    // The unit opens its form, prefilled from the execution and the approved goals.
    const unit = await h.newPage();
    await h.login(unit, `unit${row!.unit.code}`);
    await unit.goto(url);
    await expect.poll(() => status(unit)).toBe("填报中");
    const execution = unit.getByTestId("monitoring-execution");
    expect(await execution.textContent()).toContain("时间进度58.33%");
    expect(await unit.getByTestId("monitoring-execution-reason").textContent()).toContain("执行预警");
    const table = unit.getByTestId("monitoring-item-table");
    expect(await table.textContent()).toContain(items[0]!.name);

    // 有可能 without a cause: the field says what is missing, as the unit types (on an indicator with no cause yet).
    const k = Math.max(
      0,
      items.findIndex((i) => i.cause === null),
    );
    const value = (i: number) => (items[i]!.kind === "quantitative" ? "1" : "按计划推进");
    for (let i = 0; i < items.length; i++) {
      await unit.getByTestId(`mr-progress-${i}`).fill(value(i));
      await unit.getByTestId(`mr-expected-${i}`).fill(value(i));
      await choose(unit, `mr-likelihood-${i}`, i === k ? "有可能" : "确定能");
    }
    const first = `items.${items[k]!.uid}`;
    await unit.getByTestId(`mr-measures-${k}`).fill("");
    const causeError = unit.locator(`[data-testid="monitoring-field-error"][data-field="${first}.cause"]`);
    await expect.poll(() => causeError.textContent()).toContain("须选择偏差原因");
    await expect.poll(() => unit.locator(`[data-field="${first}.measures"]`).textContent()).toContain("须填写改进措施");

    await choose(unit, `mr-cause-${k}`, "经费保障");
    await unit.getByTestId(`mr-causeNote-${k}`).fill("上级资金下达较晚");
    await unit.getByTestId(`mr-measures-${k}`).fill("加快资金拨付，按月跟踪进度");
    await expect.poll(() => causeError.count()).toBe(0);
    await unit.getByTestId("monitoring-overall-status").fill("项目按计划实施，部分资金尚未支付。");
    const budgetWan = (report.execution.budget / 1_000_000).toFixed(6).replace(/\.?0+$/, "");
    await unit.getByTestId("monitoring-expected-year-end").fill(budgetWan);
    if ((await unit.getByTestId("monitoring-execution-note").count()) > 0)
      await unit.getByTestId("monitoring-execution-note").fill("以前年度结转资金一并支付");
    await unit.getByTestId("monitoring-save").click();
    await expect.poll(() => unit.locator(".ant-message").textContent()).toContain("已保存草稿");
    await expect.poll(() => unit.getByTestId("monitoring-status-line").textContent()).toContain("可以提交");
    await settle(unit);
    expect(existsSync(await h.shot(unit, "monitoring-form"))).toBe(true);
    await table.scrollIntoViewIfNeeded();
    await settle(unit);
    expect(existsSync(await h.shot(unit, "monitoring-form-items"))).toBe(true);
    await unit.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => unit.getByTestId("monitoring-item-card").count()).toBe(items.length);
    await settle(unit);
    expect(existsSync(await h.shot(unit, "monitoring-form-phone-top"))).toBe(true);
    await unit.getByTestId("monitoring-item-card").nth(k).scrollIntoViewIfNeeded();
    await settle(unit);
    expect(existsSync(await h.shot(unit, "monitoring-form-phone"))).toBe(true);
    await unit.setViewportSize({ width: 1366, height: 768 });

    await unit.getByTestId("monitoring-action-submit").click();
    await unit.locator(".ant-modal-footer .ant-btn-primary").click();
    await expect.poll(() => status(unit)).toBe("待主管部门审核");
    expect(await unit.getByTestId("monitoring-save").count()).toBe(0);
    expect(await unit.getByTestId("monitoring-readonly").textContent()).toContain("待主管部门审核");

    // The department approves.
    const dept = await h.newPage();
    await h.login(dept, `dept${row!.department.code}`);
    await dept.goto(url);
    await expect.poll(() => status(dept)).toBe("待主管部门审核");
    await dept.getByTestId("monitoring-action-approve").click();
    await dept.getByTestId("monitoring-modal-comment").fill("同意");
    await dept.locator(".ant-modal-footer .ant-btn-primary").click();
    await expect.poll(() => status(dept)).toBe("待财政复核");

    // Finance's 复核: returned with a comment, and one on the doubtful indicator.
    await finance.goto(url);
    await expect.poll(() => status(finance)).toBe("待财政复核");
    await finance.getByTestId("monitoring-action-return").click();
    const ok = finance.locator(".ant-modal-footer .ant-btn-dangerous");
    expect(await ok.isDisabled()).toBe(true);
    await finance.getByTestId("monitoring-modal-comment").fill("请补充资金到位时间");
    await finance.getByTestId(`monitoring-modal-item-${k}`).fill("偏差原因说明过于笼统，请写明资金到位时间");
    await ok.click();
    await expect.poll(() => status(finance)).toBe("已退回（财政）");

    // The unit sees the comments and answers the one on its indicator.
    await unit.reload();
    await expect.poll(() => status(unit)).toBe("已退回（财政）");
    await expect.poll(() => unit.getByTestId("monitoring-returned").textContent()).toContain("请补充资金到位时间");
    const thread = unit.getByTestId("monitoring-item-thread");
    await expect.poll(() => thread.textContent()).toContain("偏差原因说明过于笼统");
    await thread.getByTestId("review-answer-input").fill("资金预计9月到位，已补充说明");
    await thread.getByTestId("review-answer-save").click();
    await expect.poll(() => unit.locator(".ant-message").textContent()).toContain("已保存答复");
    await thread.scrollIntoViewIfNeeded();
    await settle(unit);
    expect(existsSync(await h.shot(unit, "monitoring-form-returned"))).toBe(true);
  });

  it("prints the filled 绩效运行监控表", async () => {
    const page = await h.newPage();
    await h.login(page, "finance");
    const rounds = await (await page.request.get(`${h.baseUrl}/api/v1/monitoring/rounds?year=2024`)).json();
    const approved = await (
      await page.request.get(
        `${h.baseUrl}/api/v1/monitoring/reports?roundId=${rounds.rounds.at(-1).id}&status=approved&pageSize=5`,
      )
    ).json();
    const row = approved.rows[0] as Row;
    await page.goto(`${h.baseUrl}/monitoring/reports/${row.id}/print`);
    await expect.poll(() => page.getByTestId("print-title").textContent()).toContain("绩效运行监控表");
    expect(await page.getByTestId("print-subject-name").textContent()).toBe(row.name);
    await expect.poll(() => page.getByTestId("print-indicator-row").count()).toBe(row.indicators);
    expect(await page.getByTestId("print-particulars").textContent()).toContain("时间进度");
    expect(existsSync(await h.shot(page, "monitoring-print"))).toBe(true);
  });
});
