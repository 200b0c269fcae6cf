import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserHarness, startHarness } from "./harness";

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

/**
 * Codes of the first one-off 2024 projects the signed-in account sees: the demo's own 2025 requests are of the
 * projects that continue, so these have none yet.
 */
async function projectCodes(page: Page, n: number): Promise<string[]> {
  const res = await page.request.get(`${h.baseUrl}/api/v1/projects?year=2024&category=one_off&pageSize=${n}&sort=code`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { rows: { code: string }[] }).rows.map((r) => r.code);
}

describe("下年度预算申请", () => {
  it("finance imports the requests from the import page, adds, edits and deletes one by hand; a unit reads its own", async () => {
    const unitPage = await h.newPage();
    await h.login(unitPage, "unit");
    const own = await projectCodes(unitPage, 2);
    const page = await h.newPage();
    await h.login(page, "finance");
    const others = (await projectCodes(page, 8)).filter((c) => !own.includes(c));
    const [first, second] = [others[0]!, others[1]!];

    /** The list narrowed to one project code, as a clerk finds a request by typing its code. */
    const only = async (p: Page, code: string, expected: number) => {
      await p.goto(`${h.baseUrl}/results/requests?q=${encodeURIComponent(code)}`);
      await expect.poll(() => p.getByTestId("request-total").textContent()).toContain(`共 ${expected} 项`);
      const rows = p.getByTestId("request-list").locator("tbody tr.ant-table-row");
      await expect.poll(() => rows.count()).toBe(expected);
      return rows;
    };
    await page.goto(`${h.baseUrl}/results/requests`);
    await expect.poll(() => page.getByTestId("request-total").textContent()).toContain("共 1,413 项");
    await only(page, first, 0);
    await page.goto(`${h.baseUrl}/results/requests`);
    await page.getByTestId("request-import").click();
    await page.waitForURL((url) => url.pathname === "/imports" && url.searchParams.get("kind") === "requests");
    expect(await page.getByTestId("import-kind").locator("input[value=requests]").isChecked()).toBe(true);

    const csv = [
      "预算年度,项目编码,项目名称,申请数,刚性支出",
      `2025,${own[0]},,450000.00,`,
      `2025,${own[1]},,320000.50,√`,
      `2025,${first},,1000000,否`,
    ].join("\n");
    await page
      .locator("input[type=file]")
      .setInputFiles({ name: "申请.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "下一步：预览" }).click();
    await expect.poll(() => page.getByTestId("import-count-new").textContent()).toContain("3");
    // The name column is for the eye only: not among the preview's columns.
    expect(await page.getByTestId("import-new-rows").locator("th").allTextContents()).toEqual([
      "预算年度",
      "项目编码",
      "申请金额（元）",
      "刚性支出",
    ]);
    await page.getByTestId("import-commit").click();
    await expect.poll(() => page.getByTestId("import-done").count()).toBe(1);
    await page.getByRole("button", { name: "查看下年度预算申请" }).click();
    await page.waitForURL((url) => url.pathname === "/results/requests");
    await expect.poll(() => page.getByTestId("request-total").textContent()).toContain("共 1,416 项");
    for (const code of [own[0]!, own[1]!, first]) await only(page, code, 1);
    expect(await page.getByTestId("request-total").textContent()).toContain("共 1 项，申请金额合计 100.00 万元");

    // By hand: the form says what is wrong before asking the server, and shows what the server refuses.
    await page.getByTestId("request-new").click();
    const form = page.getByTestId("request-form");
    await form.getByLabel("项目编码").fill("NOPE01");
    await form.getByLabel("申请金额（元）").fill("-5");
    await form.getByRole("button", { name: "添加" }).click();
    await expect.poll(() => form.getByText("申请金额不能为负数").count()).toBe(1);
    await form.getByLabel("申请金额（元）").fill("12.345");
    await expect.poll(() => form.getByText("申请金额须为数字（元），最多两位小数").count()).toBe(1);
    await form.getByLabel("申请金额（元）").fill("80000");
    await form.getByRole("button", { name: "添加" }).click();
    await expect.poll(() => form.getByText(/“NOPE01”不是2024年度的项目/).count()).toBe(1);
    await h.shot(page, "results-requests-form");
    await form.getByLabel("项目编码").fill(second);
    await Promise.all([
      page.waitForResponse((r) => r.url().includes("/api/v1/results/requests") && r.request().method() === "POST"),
      form.getByRole("button", { name: "添加" }).click(),
    ]);
    await only(page, second, 1);

    // Edit the first request's amount, then delete the hand-made one after confirming.
    await only(page, first, 1);
    const firstRow = page.locator(`tr[data-code="${first}"]`);
    await firstRow.getByTestId("request-edit").click();
    await form.getByLabel("申请金额（元）").fill("1200000");
    await form.getByRole("button", { name: "保存" }).click();
    await expect.poll(() => firstRow.getByTestId("request-amount").textContent()).toBe("120.00");
    const rows = await only(page, second, 1);
    await page.locator(`tr[data-code="${second}"]`).getByTestId("request-delete").click();
    await page.locator(".ant-popconfirm").getByRole("button", { name: "删除" }).click();
    await expect.poll(() => rows.count()).toBe(0);
    await page.mouse.move(0, 0);
    await h.shot(page, "results-requests");

    // The unit sees its own, read-only, and may export them; not another unit's.
    for (const code of [own[0]!, own[1]!]) await only(unitPage, code, 1);
    await only(unitPage, first, 0);
    await unitPage.goto(`${h.baseUrl}/results/requests`);
    await expect
      .poll(() => unitPage.getByTestId("request-list").locator("tbody tr.ant-table-row").count())
      .toBeGreaterThan(0);
    expect(await unitPage.getByTestId("request-new").count()).toBe(0);
    expect(await unitPage.getByTestId("request-edit").count()).toBe(0);
    await expect.poll(() => unitPage.getByTestId("request-export").count()).toBe(1);
    await unitPage.waitForLoadState("networkidle");
    await h.shot(unitPage, "results-requests-unit");
    await unitPage.context().close();
    await page.context().close();
  });
});
