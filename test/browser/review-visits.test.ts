import { existsSync } from "node:fs";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserHarness, startHarness } from "./harness";

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  await expect.poll(() => page.locator(".ant-spin-blur, .ant-spin-spinning, .ant-skeleton").count()).toBe(0);
  await page.waitForTimeout(400);
}

const text = async (l: Locator) => ((await l.textContent().catch(() => "")) ?? "").replace(/\s+/g, " ").trim();

/** The page is no wider than the window: nothing makes it scroll sideways. */
const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe("目标现场会审: the record of each drawn department", () => {
  it("finance reads the demo year's record, records one department, links a table and marks it acted on", async () => {
    const page = await h.newPage();
    await h.login(page, "finance");
    await page
      .getByRole("menu")
      .first()
      .getByRole("menuitem", { name: /(^|\s)目标现场会审$/ })
      .click();
    await page.waitForURL((url) => url.pathname === "/goals/reviews");

    // The demo year's ten departments, each with the findings and guidance the demo recorded.
    const card = page.getByTestId("visit-card");
    const visits = card.locator(".jx-visit");
    await expect.poll(() => visits.count()).toBe(10);
    await expect
      .poll(() => text(card.getByTestId("visit-summary")))
      .toBe("已记录 10 / 10 个部门，关联目标表 0 张，已落实 0 张");
    expect(await text(card.getByTestId("visit-draw"))).toContain("2024年度");
    const first = visits.first();
    expect(await text(first.getByTestId("visit-findings-text"))).toMatch(/^会审目标表 \d+ 张/);
    expect(await text(first.getByTestId("visit-date"))).toMatch(/^会审日期：2024-03-\d\d$/);
    const code = (await first.getAttribute("data-testid"))!.replace("visit-", "");
    const visit = card.getByTestId(`visit-${code}`);
    await card.evaluate((e) => {
      e.scrollIntoView({ block: "start" });
      window.scrollBy(0, -72); // under the sticky header
    });
    await settle(page);
    expect(existsSync(await h.shot(page, "review-visits"))).toBe(true);

    // Record: the form refuses markup inline, in Chinese, then saves several lines.
    await visit.getByTestId("visit-record").click();
    const modal = page.locator(".ant-modal").filter({ hasText: "会审记录：" });
    await expect.poll(() => modal.count()).toBe(1);
    const findings = modal.getByTestId("visit-findings");
    await findings.fill("满意度指标<b>列错</b>");
    await modal.getByRole("button", { name: "保存" }).click();
    await expect.poll(() => modal.getByText("发现的问题含有尖括号“＜＞”，请删除后再保存").count()).toBe(1);
    await findings.fill("1. 三个项目的满意度指标列在效益指标下；\n2. 定性指标偏多，产出指标缺少计量单位。");
    await modal.getByTestId("visit-guidance").fill("满意度指标单列；\n把“进一步提高”改为可衡量的目标值。");
    await page.waitForTimeout(300);
    expect(existsSync(await h.shot(page, "review-visits-record"))).toBe(true);
    await modal.getByRole("button", { name: "保存" }).click();
    await expect.poll(() => page.getByText(/^已保存.+的会审记录$/).count()).toBe(1);
    await expect.poll(() => modal.count()).toBe(0);
    await expect.poll(() => text(visit.getByTestId("visit-findings-text"))).toContain("定性指标偏多");
    expect(await visit.getByTestId("visit-guidance-text").textContent()).toContain("满意度指标单列；\n把");

    // Link one of the department's tables, first as not acted on, then mark it acted on.
    await visit.getByTestId("visit-link-add").click();
    const link = page.locator(".ant-modal").filter({ hasText: "关联目标表：" });
    await expect.poll(() => link.count()).toBe(1);
    await link.getByRole("button", { name: "保存" }).click();
    await expect.poll(() => link.getByText("请选择要关联的目标表").count()).toBe(1);
    await expect.poll(() => link.getByText("请选择是否落实了指导建议").count()).toBe(1);
    await link.getByTestId("visit-link-table").click();
    const option = page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option");
    await expect.poll(() => option.count()).toBeGreaterThan(0);
    const picked = ((await option.first().textContent()) ?? "").split(/\s+/)[0]!;
    await option.first().click();
    await link.getByText("未落实").click();
    await link.getByRole("button", { name: "保存" }).click();
    await expect.poll(() => page.getByText("已关联目标表").count()).toBe(1);
    const row = visit.locator(".jx-visit-link");
    await expect.poll(() => row.count()).toBe(1);
    expect(await text(row.getByTestId("visit-acted"))).toBe("未落实");
    expect(await text(row.locator("a"))).toContain(picked);

    await row.getByTestId("visit-link-edit").click();
    const mark = page.locator(".ant-modal").filter({ hasText: "落实情况：" });
    await expect.poll(() => mark.count()).toBe(1);
    await mark.getByText("已落实").click();
    await mark.getByTestId("visit-link-note").fill("已将满意度指标单列，并补充了计量单位");
    await mark.getByRole("button", { name: "保存" }).click();
    await expect.poll(() => text(row.getByTestId("visit-acted"))).toBe("已落实");

    // A table linked by mistake is taken back; the one already linked is offered as 已关联, not again.
    await visit.getByTestId("visit-link-add").click();
    await expect.poll(() => link.count()).toBe(1);
    await link.getByTestId("visit-link-table").click();
    await expect.poll(() => option.count()).toBeGreaterThan(1);
    expect(await text(option.filter({ hasText: picked }))).toContain("已关联");
    expect(await option.filter({ hasText: picked }).getAttribute("aria-disabled")).toBe("true");
    await option.filter({ hasNotText: picked }).first().click();
    await link.getByText("未落实").click();
    await link.getByRole("button", { name: "保存" }).click();
    await expect.poll(() => row.count()).toBe(2);
    const mistaken = row.filter({ hasNotText: picked });
    await mistaken.getByTestId("visit-unlink").click();
    await page.locator(".ant-popconfirm").getByRole("button", { name: "取消关联" }).click();
    await expect.poll(() => row.count()).toBe(1);
    expect(await text(row.locator("a"))).toContain(picked);

    // Persisted: after a reload the record, the link and the summary are as saved.
    await page.reload();
    await expect.poll(() => visits.count()).toBe(10);
    await expect
      .poll(() => text(card.getByTestId("visit-summary")))
      .toBe("已记录 10 / 10 个部门，关联目标表 1 张，已落实 1 张");
    expect(await text(visit.getByTestId("visit-findings-text"))).toContain("三个项目的满意度指标列在效益指标下");
    expect(await text(visit.getByTestId("visit-acted"))).toBe("已落实");
    expect(await text(visit.locator(".jx-visit-note"))).toBe("说明：已将满意度指标单列，并补充了计量单位");
    const href = await visit.locator(".jx-visit-link a").getAttribute("href");
    expect(href).toMatch(/^\/goal-tables\/\d+$/);
    await settle(page);
    await visit.evaluate((e) => e.scrollIntoView({ block: "center" }));
    await page.waitForTimeout(300);
    expect(existsSync(await h.shot(page, "review-visits-linked"))).toBe(true);

    // The link opens the goal table.
    await visit.locator(".jx-visit-link a").click();
    await page.waitForURL((url) => url.pathname === href);
    await page.context().close();
  });

  it("keeps what was typed when someone else saved the record first", async () => {
    const page = await h.newPage();
    await h.login(page, "finance");
    await page.goto(`${h.baseUrl}/goals/reviews`);
    const visits = page.getByTestId("visit-card").locator(".jx-visit");
    await expect.poll(() => visits.count()).toBe(10);
    const visit = visits.nth(1);
    await visit.getByTestId("visit-record").click();
    const modal = page.locator(".ant-modal").filter({ hasText: "会审记录：" });
    await modal.getByTestId("visit-guidance").fill("我的建议");

    // Someone else saves meanwhile (the same API the page uses).
    const drawId = (await (await page.request.get(`${h.baseUrl}/api/v1/goals/review-draws?year=2024`)).json()).rows[0]
      .id;
    const rows = (await (await page.request.get(`${h.baseUrl}/api/v1/goals/review-draws/${drawId}/visits`)).json())
      .rows;
    const other = rows[1];
    const res = await page.request.put(`${h.baseUrl}/api/v1/goals/review-visits/${other.id}`, {
      headers: { "X-Requested-With": "jixiao" },
      data: { version: other.version, reviewedOn: other.reviewedOn, findings: "对方的发现", guidance: other.guidance },
    });
    expect(res.status()).toBe(200);

    await modal.getByRole("button", { name: "保存" }).click();
    const stale = modal.getByTestId("visit-record-stale");
    await expect.poll(() => text(stale)).toContain("对方的发现");
    expect(await modal.getByTestId("visit-guidance").inputValue()).toBe("我的建议");
    await modal.getByRole("button", { name: "保存" }).click();
    await expect.poll(() => modal.count()).toBe(0);
    await expect.poll(() => text(visit.getByTestId("visit-guidance-text"))).toBe("我的建议");
    expect(await text(visit.getByTestId("visit-findings-text"))).toMatch(/^会审目标表/);
    await page.context().close();
  });

  it("fits a phone's width: the record stacks and the page does not scroll sideways", async () => {
    const page = await h.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await h.login(page, "finance");
    await page.goto(`${h.baseUrl}/goals/reviews`);
    const card = page.getByTestId("visit-card");
    await expect.poll(() => card.locator(".jx-visit").count()).toBe(10);
    await settle(page);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(existsSync(await h.shot(page, "review-visits-phone-top"))).toBe(true);
    const body = card.locator(".jx-visit-body").first();
    const [a, b] = await body
      .locator(":scope > div")
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).getBoundingClientRect().top));
    expect(b!).toBeGreaterThan(a!); // guidance below findings, not beside
    await card.evaluate((e) => {
      e.scrollIntoView({ block: "start" });
      window.scrollBy(0, -72); // under the sticky header
    });
    await page.waitForTimeout(300);
    expect(existsSync(await h.shot(page, "review-visits-phone"))).toBe(true);
    await card.locator(".jx-visit").first().getByTestId("visit-record").click();
    await expect.poll(() => page.locator(".ant-modal").count()).toBe(1);
    await page.waitForTimeout(400);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    expect(existsSync(await h.shot(page, "review-visits-phone-record"))).toBe(true);
    await page.context().close();
  });

  it("the auditor reads the record without editing; a department has no access to the page", async () => {
    const page = await h.newPage();
    await h.login(page, "auditor");
    await page.goto(`${h.baseUrl}/goals/reviews`);
    const card = page.getByTestId("visit-card");
    await expect.poll(() => card.locator(".jx-visit").count()).toBe(10);
    await expect.poll(() => text(card.getByTestId("visit-summary"))).toMatch(/^已记录 10 \/ 10 个部门/);
    expect(await text(card.locator(".jx-visit").first().getByTestId("visit-findings-text"))).not.toBe("");
    expect(await card.getByTestId("visit-record").count()).toBe(0);
    expect(await card.getByTestId("visit-link-add").count()).toBe(0);
    expect(await card.getByTestId("visit-link-edit").count()).toBe(0);
    expect(await card.getByTestId("visit-unlink").count()).toBe(0);
    await page.context().close();

    const dept = await h.newPage();
    await h.login(dept, "dept");
    expect(await dept.getByRole("menuitem", { name: /(^|\s)目标现场会审$/ }).count()).toBe(0);
    await dept.goto(`${h.baseUrl}/goals/reviews`);
    await expect.poll(() => dept.getByText("无权访问").count()).toBe(1);
    expect(await dept.getByTestId("visit-card").count()).toBe(0);
    await dept.context().close();
  });
});
