import { resolve } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock } from "../../src/app/context";
import { type SmallDistrict, smallDistrict } from "../support/district";
import { followUpDistrict } from "../support/follow-up-district";

/**
 * 跟进措施 in the browser, in the small district of the API test: finance assigns an action to a red report
 * on the follow-ups page, the school uploads a small PDF and submits what it did, finance closes it.
 */
let now = new Date("2024-09-10T02:00:00Z");
const clock: Clock = { now: () => now };
let d: SmallDistrict;
let browser: Browser;
let baseUrl: string;
let reportId: number;

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

/** A page signed in as the account: the session cookie of the district, kept for the browser's session. */
async function as(username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "zh-CN" });
  const [name, value] = d.who(username).split("=") as [string, string];
  await context.addCookies([{ name, value, url: baseUrl }]);
  await context.addInitScript(() => window.localStorage.setItem("jixiao.year", "2025"));
  return context.newPage();
}

beforeAll(async () => {
  d = await smallDistrict(clock, "450299", { webDir: resolve("dist/web") });
  const setup = await followUpDistrict(d, async () => {
    now = new Date("2025-08-05T02:00:00Z");
    await d.signInAgain();
  });
  reportId = setup.reports.P301001A!.id;
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

describe("follow-up actions in the browser", () => {
  it("finance assigns, the school answers with a PDF, finance closes", async () => {
    const finance = await as("admin");
    await finance.goto(`${baseUrl}/monitoring/follow-ups?reportId=${reportId}`);
    const card = finance.getByTestId("follow-ups-card");
    await card.getByText("尚未布置跟进措施").waitFor();
    await card.getByTestId("follow-up-new").click();
    // Nothing filled: the form says what is missing, in Chinese.
    await card.getByTestId("assign-submit").click();
    await card.getByText("请选择措施类型").waitFor();
    await card.getByText("请填写整改要求").waitFor();
    await card.getByLabel("措施类型").click();
    await finance.getByTitle("加快执行进度").click();
    await card.getByLabel("整改要求").fill("9月底前完成维修工程款支付");
    await card.getByLabel("整改期限").fill("2025-09-30");
    // Enter takes the typed day and sends the form.
    await card.getByLabel("整改期限").press("Enter");
    await card.getByText("9月底前完成维修工程款支付").waitFor();
    await expect.poll(() => card.getByText("待整改").count()).toBeGreaterThan(0);

    const school = await as("unit1");
    await school.goto(`${baseUrl}/monitoring/follow-ups`);
    await school.getByTestId("follow-ups-table").getByText("P301001A 一小校舍维修").click();
    await school.getByTestId("follow-up-detail").waitFor();
    // Submitting without evidence is refused on the page.
    await school.getByTestId("follow-up-text").fill("已于8月20日支付工程款30万元");
    await school.getByTestId("follow-up-submit").click();
    await school.getByTestId("follow-up-error").getByText("请先上传整改佐证材料").waitFor();
    await school
      .locator('input[type="file"]')
      .setInputFiles({ name: "付款凭证.pdf", mimeType: "application/pdf", buffer: PDF });
    await school.getByTestId("evidence-list").getByText("付款凭证.pdf").waitFor();
    await school.getByTestId("follow-up-submit").click();
    await school.getByText("待财政确认").first().waitFor();
    await school.screenshot({ path: "test-results/screenshots/follow-up-submitted.png" });

    await finance.goto(`${baseUrl}/monitoring/follow-ups?status=submitted`);
    await finance.getByTestId("follow-ups-table").getByText("P301001A 一小校舍维修").click();
    await finance.getByTestId("evidence-list").getByText("付款凭证.pdf").waitFor();
    await finance.getByTestId("follow-up-text").fill("整改到位");
    await finance.getByTestId("follow-up-close").click();
    await finance.getByText("已办结").first().waitFor();
    await finance.getByTestId("follow-up-history").getByText("办结").first().waitFor();
    await finance.screenshot({ path: "test-results/screenshots/follow-up-closed.png" });
  });
});
