import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QINGSHAN, WELL_FORMED, workbook } from "../../src/io/goal-check-samples";
import { type BrowserHarness, startHarness } from "./harness";

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe("检查外来目标表, in the browser", () => {
  it("a reviewer of the firm uploads a county's workbook and sees each table's findings with their cells", async () => {
    const page = await h.newPage();
    await h.login(page, "firm");
    await page.goto(`${h.baseUrl}/goals/check`);
    const bytes = await workbook(QINGSHAN, WELL_FORMED);
    await page
      .getByTestId("goal-check-upload")
      .locator("input[type=file]")
      .setInputFiles({ name: "青山区目标表.xlsx", mimeType: "application/octet-stream", buffer: bytes });
    await expect
      .poll(() => page.getByTestId("goal-check-summary").textContent())
      .toContain("2 个工作表，读出 2 张目标表；错误 0 处，提示 6 处");
    const first = page.getByTestId("goal-check-findings-0");
    const row = first.locator("tr", { hasText: "D10" }).filter({ hasText: "数量指标写成比率" });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator(".ant-tag").textContent()).toBe("提示");
    await expect.poll(() => page.getByTestId("goal-check-findings-1-none").count()).toBe(1);
    await page.waitForTimeout(300);
    await h.shot(page, "goal-check");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("goal-check-export").click(),
    ]);
    expect(download.suggestedFilename()).toBe("青山区目标表_问题清单.xlsx");
    await page.context().close();
  });

  it("a file that is no goal table is refused with what to do", async () => {
    const page = await h.newPage();
    await h.login(page, "staff");
    await page.goto(`${h.baseUrl}/goals/quality`);
    await page.getByTestId("goal-check-link").click();
    await expect.poll(() => page.url()).toContain("/goals/check");
    await page
      .getByTestId("goal-check-upload")
      .locator("input[type=file]")
      .setInputFiles({ name: "x.xlsx", mimeType: "application/octet-stream", buffer: Buffer.from("不是表格") });
    await expect
      .poll(() => page.getByTestId("goal-check-error").textContent())
      .toContain("文件不是 Excel（.xlsx）工作簿");
    await page.context().close();
  });
});
