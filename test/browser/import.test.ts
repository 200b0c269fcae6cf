import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserHarness, startHarness } from "./harness";

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const HEADER =
  "预算年度,项目编码,项目名称,主管部门编码,实施单位编码,项目类别,重点项目,年初预算数（元）,全年预算数（元）,财政拨款（元）,其他资金（元）";

describe("the import wizard", () => {
  it("finance staff sees a bad file's errors, then previews and commits a good one", async () => {
    const page = await h.newPage();
    await h.login(page, "staff");
    await page.goto(`${h.baseUrl}/imports`);
    await page.getByTestId("import-kind").getByText("项目及预算").click();

    const bad = `${HEADER}\n2024,45020224990001,浏览器导入测试项目,120,120001,一次性,否,一百,1000.00,1000.00,0\n`;
    await page
      .locator("input[type=file]")
      .setInputFiles({ name: "bad.csv", mimeType: "text/csv", buffer: Buffer.from(bad) });
    await page.getByRole("button", { name: "下一步：预览" }).click();
    await expect.poll(() => page.getByTestId("import-errors-alert").count()).toBe(1);
    // Errors and the rows they are on are counted apart.
    expect(await page.getByTestId("import-errors-alert").textContent()).toMatch(/共 \d+ 个错误，涉及 1 行/);
    expect(await page.getByTestId("import-error-rows").textContent()).toBe("涉及 1 行");
    await expect.poll(() => page.getByText("第2行“年初预算数（元）”").count()).toBeGreaterThan(0);
    expect(await page.getByTestId("import-commit").isDisabled()).toBe(true);
    await h.shot(page, "import-errors");

    await page.getByRole("button", { name: "上一步：重新选择文件" }).click();
    const good = bad.replace("一百", "1000.00");
    await page
      .locator("input[type=file]")
      .setInputFiles({ name: "good.csv", mimeType: "text/csv", buffer: Buffer.from(good) });
    await page.getByRole("button", { name: "下一步：预览" }).click();
    await expect.poll(() => page.getByTestId("import-count-new").textContent()).toContain("1");
    await page.getByTestId("import-commit").click();
    await expect.poll(() => page.getByTestId("import-done").count()).toBe(1);

    // 导入记录: this file first, by whom and what it wrote; the demo's loads below it, by kind.
    await page.getByRole("button", { name: "查看导入记录" }).click();
    await page.waitForURL((url) => url.pathname === "/imports/history");
    const history = page.getByTestId("import-history-table").locator("tbody tr.ant-table-row");
    await expect.poll(() => history.count()).toBe(13); // the demo's twelve loads and this file
    const newest = (await history.first().textContent()) ?? "";
    expect(newest).toContain("good.csv");
    expect(newest).toContain("项目及预算");
    expect(newest).toContain("staff");
    expect(newest).toContain("新增 1，变更 0，未变 0");
    expect(await history.last().textContent()).toContain("系统导入");
    expect(await page.locator(".ant-breadcrumb").textContent()).toContain("数据导入/导入记录");
    await page.mouse.move(0, 0);
    await h.shot(page, "import-history");
    await page.getByTestId("import-history-kind").click();
    await page.locator(".ant-select-item-option", { hasText: "部门整体月度执行" }).click();
    await page.waitForURL((url) => url.searchParams.get("kind") === "dept-execution");
    await expect.poll(() => history.count()).toBe(3); // 2023, then 2024 in two loads (months 1–7, then 8–12)
    expect((await history.allTextContents()).every((t) => t.includes("部门整体月度执行"))).toBe(true);

    await page.goto(`${h.baseUrl}/projects?q=${encodeURIComponent("浏览器导入测试项目")}`);
    await expect.poll(() => page.getByText("浏览器导入测试项目").count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it("keeps the project list's page and page size in the address, both ways", async () => {
    const page = await h.newPage();
    await h.login(page, "staff");
    await page.goto(`${h.baseUrl}/projects?page=3&pageSize=50`);
    const rows = page.getByTestId("project-table").locator("tbody tr.ant-table-row");
    await expect.poll(() => rows.count()).toBe(50);
    expect(await page.locator(".ant-pagination-item-active").textContent()).toBe("3");
    await page.locator(".ant-pagination-item-4").click();
    await page.waitForURL((url) => url.searchParams.get("page") === "4" && url.searchParams.get("pageSize") === "50");
    // A new filter starts again at page 1 and keeps the page size.
    await page.getByRole("searchbox").first().fill("经费");
    await page.getByRole("searchbox").first().press("Enter");
    await page.waitForURL((url) => url.searchParams.get("q") === "经费" && !url.searchParams.has("page"));
    expect(new URL(page.url()).searchParams.get("pageSize")).toBe("50");
    await page.context().close();
  });
});
