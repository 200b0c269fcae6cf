import { resolve } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../../src/app/context";
import { type SmallDistrict, smallDistrict } from "../support/district";
import { followUpDistrict } from "../support/follow-up-district";
import { pickOption } from "./harness";

/**
 * 整改 in the browser, in the small district of the API test: finance issues a notice to 一小 from its red
 * monitoring report (a deadline before today is refused on its row), reminds the unit of an open item; the
 * school answers with a PDF (a forged file is refused in Chinese); finance returns it with a note, the
 * school answers again, finance accepts. The list's counts follow.
 */
let now = new Date("2024-09-10T02:00:00Z");
const clock: Clock = { now: () => now };
let d: SmallDistrict;
let browser: Browser;
let baseUrl: string;

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const EXE = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00"), Buffer.alloc(64, 0)]);
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screenshots/rectification-${name}.png`, fullPage: true });

/** No page may be wider than a phone's screen. */
async function expectFits(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width, `page is ${width}px wide at ${page.url()}`).toBeLessThanOrEqual(390);
}

/** The item's drawer, once it has slid in (a screenshot taken before shows it half way). */
async function drawerIn(page: Page) {
  const work = page.getByTestId("rectification-work");
  await work.waitFor();
  const width = page.viewportSize()?.width ?? 0;
  await expect
    .poll(async () => {
      const box = await page.locator(".ant-drawer-content-wrapper").boundingBox();
      return box ? box.x + box.width <= width + 1 : false;
    })
    .toBe(true);
}

/** A page signed in as the account: the session cookie of the district, kept for the browser's session. */
async function as(username: string, viewport = { width: 1366, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: "zh-CN", isMobile: viewport.width < 768 });
  const [name, value] = d.who(username).split("=") as [string, string];
  await context.addCookies([{ name, value, url: baseUrl }]);
  await context.addInitScript(() => window.localStorage.setItem("jixiao.year", "2025"));
  return context.newPage();
}

beforeAll(async () => {
  d = await smallDistrict(clock, "450299", { webDir: resolve("dist/web") });
  await followUpDistrict(d, async () => {
    now = new Date("2025-08-05T02:00:00Z");
    await d.signInAgain();
  });
  baseUrl = await d.app.listen({ port: 0, host: "127.0.0.1" });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await d?.close();
});

describe("rectification in the browser", () => {
  it("finance issues, the school answers with a PDF, finance returns, the school answers again, finance accepts", async () => {
    const finance = await as("admin");
    await finance.goto(`${baseUrl}/rectification`);
    await finance.getByText("本年度尚未下达整改通知").waitFor();
    await finance.getByTestId("rectification-new").click();

    // The source: 一小's monitoring report of the July round; the unit and the title follow from it.
    await pickOption(finance, finance.getByTestId("rectification-source"), "一小校舍维修");
    await expect
      .poll(() => finance.getByTestId("rectification-title").inputValue())
      .toBe("一小校舍维修绩效监控整改通知");
    await finance.getByTestId("rectification-unit").getByText("测试区第一小学").waitFor();
    await finance.getByLabel("第1项存在问题").fill("维修资金支付进度滞后，7月末执行率仅28%");
    await finance.getByLabel("第1项整改要求").fill("8月20日前完成工程款支付");
    await finance.getByLabel("第1项整改期限").fill("2025-08-01");
    await finance.getByLabel("第1项整改期限").press("Enter");
    await finance.getByTestId("rectification-add-item").click();
    await finance.getByLabel("第2项存在问题").fill("绩效目标未细化到季度");
    await finance.getByLabel("第2项整改要求").fill("补充季度目标并报主管部门备案");
    await finance.getByLabel("第2项整改期限").fill("2025-09-30");
    await finance.getByLabel("第2项整改期限").press("Enter");
    // A deadline before today is refused on its own row, and nothing is issued.
    await finance.getByTestId("rectification-issue").click();
    const first = finance.getByTestId("rectification-item-row").first();
    await first.getByText("第1项：整改期限（deadline）2025-08-01 早于下达日（2025-08-05）").waitFor();
    await shot(finance, "1-issue-refused");
    await finance.getByLabel("第1项整改期限").fill("2025-08-20");
    await finance.getByLabel("第1项整改期限").press("Enter");
    await finance.getByTestId("rectification-issue").click();
    await finance.getByTestId("rectification-notice").waitFor();
    await finance
      .getByTestId("rectification-notice")
      .getByRole("link", { name: /绩效监控/ })
      .waitFor();
    const items = finance.getByTestId("rectification-items");
    await expect.poll(() => items.getByText("待整改").count()).toBe(2);
    // 催办 of an open item reaches the unit's task.
    await items.getByTestId("rectification-remind").first().click();
    await finance.getByText("已催办：测试区第一小学（第1项）").waitFor();
    await shot(finance, "2-issued");

    const school = await as("unit1");
    await school.goto(`${baseUrl}/rectification`);
    await school.getByTestId("rectification-table").getByRole("link").first().click();
    await school.getByTestId("rectification-work").waitFor();
    await school.getByTestId("rectification-text").fill("已于8月15日支付工程款30万元，执行率提高到88%");
    // Answering without evidence is refused on the page; a forged file by the server, in Chinese.
    await school.getByTestId("rectification-answer").click();
    await school.getByTestId("rectification-error").getByText("请先上传整改佐证材料").waitFor();
    const input = school.getByTestId("rectification-work").locator('input[type="file"]');
    await input.setInputFiles({ name: "凭证.pdf", mimeType: "application/pdf", buffer: EXE });
    await expect.poll(() => school.getByTestId("rectification-error").textContent()).toContain("“凭证.pdf”未上传");
    await input.setInputFiles({ name: "付款凭证.pdf", mimeType: "application/pdf", buffer: PDF });
    await school.getByTestId("evidence-list").getByText("付款凭证.pdf").waitFor();
    await drawerIn(school);
    await shot(school, "3-answering");
    await school.getByTestId("rectification-answer").click();
    await school.getByText("已提交整改情况").first().waitFor();
    await school.getByTestId("rectification-items").getByText("已反馈").waitFor();

    await finance.goto(`${baseUrl}/rectification?status=answered`);
    await finance
      .getByTestId("rectification-table")
      .getByRole("link", { name: "一小校舍维修绩效监控整改通知" })
      .click();
    await finance.getByTestId("rectification-work").getByRole("link", { name: "付款凭证.pdf" }).waitFor();
    // Returning needs a note.
    await finance.getByTestId("rectification-return").click();
    await finance
      .getByTestId("rectification-error")
      .getByText(/退回时须填写退回意见/)
      .waitFor();
    await finance.getByTestId("rectification-text").fill("请补充工程款支付的银行回单");
    await finance.getByTestId("rectification-return").click();
    await finance.getByTestId("rectification-items").getByText("退回重改").waitFor();
    await finance.getByTestId("rectification-items").getByText("请补充工程款支付的银行回单").waitFor();
    await finance.getByTestId("rectification-work").waitFor({ state: "detached" });
    await shot(finance, "4-returned");

    await school.reload();
    await school.getByTestId("rectification-items").getByRole("button", { name: "重新反馈" }).click();
    await school.getByText("财政已退回本项").waitFor();
    await school
      .getByTestId("rectification-work")
      .locator('input[type="file"]')
      .setInputFiles({ name: "银行回单.pdf", mimeType: "application/pdf", buffer: PDF });
    await school.getByTestId("evidence-list").getByText("银行回单.pdf").waitFor();
    await school.getByTestId("rectification-text").fill("已补充银行回单，工程款30万元已于8月15日支付");
    await school.getByTestId("rectification-answer").click();
    await school.getByTestId("rectification-items").getByText("已反馈").waitFor();

    await finance.reload();
    await finance.getByTestId("rectification-items").getByRole("button", { name: "验收" }).click();
    await finance.getByTestId("rectification-work").getByRole("link", { name: "银行回单.pdf" }).waitFor();
    await finance.getByTestId("rectification-text").fill("整改到位");
    await finance.getByTestId("rectification-accept").click();
    await finance.getByTestId("rectification-items").getByText("已验收").waitFor();
    await finance.getByTestId("rectification-work").waitFor({ state: "detached" });
    await shot(finance, "5-accepted");
    // The item's record: issued, answered, returned with its note, answered again, accepted.
    await finance.getByTestId("rectification-items").getByRole("button", { name: "查看" }).first().click();
    const history = finance.getByTestId("rectification-history");
    await history.getByText("请补充工程款支付的银行回单").waitFor();
    await expect.poll(() => history.getByText("反馈整改情况").count()).toBe(2);
    await history.getByText("验收通过").waitFor();
    await drawerIn(finance);
    await shot(finance, "5b-history");

    await finance.locator(".ant-drawer-close").click();
    await finance.getByTestId("rectification-work").waitFor({ state: "detached" });
    // The notice prints as the 整改通知书 on A4: no app shell, every item, every column within the margins.
    const [print] = await Promise.all([
      finance.context().waitForEvent("page"),
      finance.getByTestId("rectification-print").click(),
    ]);
    await print.getByTestId("print-document").waitFor();
    await expect.poll(() => print.getByTestId("print-item-row").count()).toBe(2);
    await print.getByTestId("print-notice-title").getByText("一小校舍维修绩效监控整改通知").waitFor();
    expect(await print.locator(".ant-layout-sider").count()).toBe(0);
    const printable = Math.floor(((210 - 24) * 96) / 25.4);
    await print.setViewportSize({ width: printable, height: 1123 });
    await print.emulateMedia({ media: "print" });
    const widest = await print.evaluate(() =>
      Math.max(...[...document.querySelectorAll("[data-testid=print-document] table")].map((t) => t.scrollWidth)),
    );
    expect(widest).toBeLessThanOrEqual(printable);
    await print.emulateMedia({ media: "screen" });
    await print.setViewportSize({ width: 1366, height: 900 });
    await shot(print, "5c-print");

    // The list: one accepted, one still to do; the counts say so.
    await finance.goto(`${baseUrl}/rectification`);
    const counts = finance.getByTestId("rectification-counts");
    await expect.poll(() => counts.getByTestId("rectification-count-accepted").textContent()).toContain("1");
    await expect.poll(() => counts.getByTestId("rectification-count-issued").textContent()).toContain("1");
    await expect
      .poll(() => finance.getByTestId("rectification-table").locator("tbody tr.ant-table-row").count())
      .toBe(2);
    await shot(finance, "6-list");

    // Past item 2's deadline it is overdue: tagged red on the list, counted, and found by 只看逾期.
    now = new Date("2025-10-08T02:00:00Z");
    await d.signInAgain();
    const later = await as("admin");
    await later.goto(`${baseUrl}/rectification`);
    await expect.poll(() => later.getByTestId("rectification-count-overdue").textContent()).toContain("1");
    await later.getByTestId("rectification-overdue-only").click();
    await expect.poll(() => later.getByTestId("rectification-table").locator("tbody tr.ant-table-row").count()).toBe(1);
    await later.getByTestId("rectification-table").getByTestId("rectification-overdue").waitFor();
    await later.getByTestId("rectification-table").getByText("绩效目标未细化到季度").waitFor();
    await shot(later, "6b-overdue");
  });

  it("shows the list and the notice as cards on a phone, within the screen", async () => {
    const school = await as("unit1", { width: 390, height: 844 });
    await school.goto(`${baseUrl}/rectification`);
    const list = school.getByTestId("rectification-table");
    await expect.poll(() => list.getAttribute("data-view")).toBe("cards");
    await list.getByTestId("list-card").first().waitFor();
    await expectFits(school);
    await shot(school, "7-phone-list");
    await list.getByTestId("list-card").first().click();
    await school.getByTestId("rectification-item-card").first().waitFor();
    await drawerIn(school);
    await expectFits(school);
    await shot(school, "8-phone-item");
    await school.locator(".ant-drawer-close").click();
    await school.getByTestId("rectification-work").waitFor({ state: "detached" });
    await expectFits(school);
    await shot(school, "9-phone-notice");
  });
});
