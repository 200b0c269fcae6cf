import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserHarness, startHarness } from "./harness";

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe("goal tables through Excel, in the browser", () => {
  it("a unit exports its tables, edits one in Excel, imports it back through the preview and commits", async () => {
    const page = await h.newPage();
    await h.login(page, "unit");
    const api = (path: string) => `${h.baseUrl}/api/v1${path}`;

    // An approved table becomes editable through 调整 (a new draft revision).
    const list = await (await page.request.get(api("/goals/tables?year=2024&pageSize=100"))).json();
    const table = list.rows.find((r: { errors: number; warnings: number }) => r.errors === 0 && r.warnings === 0);
    const revised = await page.request.post(api(`/goals/tables/${table.id}/actions`), {
      headers: { "x-requested-with": "jixiao" },
      data: { version: table.version, action: "revise", comment: "按Excel调整目标值" },
    });
    expect(revised.status()).toBe(200);
    const draftId = (await revised.json()).id as number;

    await page.goto(`${h.baseUrl}/goal-tables`);
    await expect
      .poll(() => page.getByTestId("goal-table-list").locator("tbody tr.ant-table-row").count())
      .toBeGreaterThan(0);
    await expect.poll(() => page.locator(".ant-spin-blur").count()).toBe(0);
    // The table fades back in after loading; the screenshot waits for the fade to end.
    await page.waitForTimeout(400);
    await h.shot(page, "goal-excel-list");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("goal-export-xlsx").click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const exported = readFileSync((await download.path())!);

    // The clerk changes the first target of the draft in Excel.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.name).toBe("目录");
    const ws = wb.getWorksheet(table.subjectCode)!;
    const target = String(ws.getCell("F11").value);
    ws.getCell("F11").value = String(Number(target) + 3);
    const edited = Buffer.from(await wb.xlsx.writeBuffer());

    await page.getByTestId("goal-import-xlsx").click();
    const dialog = page.getByRole("dialog");
    await dialog
      .locator("input[type=file]")
      .setInputFiles({ name: "绩效目标表.xlsx", mimeType: "application/octet-stream", buffer: edited });
    await dialog.getByTestId("goal-import-preview-button").click();
    await expect.poll(() => dialog.getByTestId("goal-import-summary").textContent()).toContain("将更新 1 张");
    expect(await dialog.getByTestId(`goal-import-status-${table.subjectCode}`).textContent()).toBe("将更新");
    await expect.poll(() => dialog.getByText("修改了指标值").count()).toBe(1);
    await expect.poll(() => dialog.locator(".ant-steps-item-finish").count()).toBe(1);
    await h.shot(page, "goal-excel-preview");

    await dialog.getByTestId("goal-import-commit").click();
    await expect.poll(() => page.getByText("已导入：更新 1 张绩效目标表").count()).toBe(1);
    await expect.poll(() => page.getByRole("dialog").count()).toBe(0);

    const stored = await (await page.request.get(api(`/goals/tables/${draftId}`))).json();
    expect(stored.table.indicators[0].target).toBe(String(Number(target) + 3));
    await page.context().close();
  });

  it("finance exports the department chosen in the filter, and has no import button", async () => {
    const page = await h.newPage();
    await h.login(page, "staff");
    await page.goto(`${h.baseUrl}/goal-tables`);
    const button = page.getByTestId("goal-export-xlsx");
    await expect.poll(() => button.isDisabled()).toBe(true);
    expect(await page.getByTestId("goal-import-xlsx").count()).toBe(0);
    const tree = await (await page.request.get(`${h.baseUrl}/api/v1/org/tree`)).json();
    type Node = { id: number; code: string; children: Node[] };
    const find = (nodes: Node[]): Node | undefined =>
      nodes.find((n) => n.code === "120") ?? nodes.map((n) => find(n.children)).find(Boolean);
    const education = find(tree.nodes)!;
    await page.goto(`${h.baseUrl}/goal-tables?departmentId=${education.id}`);
    await expect.poll(async () => (await button.getAttribute("href")) ?? "").toContain("department=120");
    await page.context().close();
  });

  it("shows a bad sheet's errors by sheet, cell and column, and cannot commit", async () => {
    const page = await h.newPage();
    await h.login(page, "unit");
    await page.goto(`${h.baseUrl}/goal-tables`);
    await expect
      .poll(() => page.getByTestId("goal-table-list").locator("tbody tr.ant-table-row").count())
      .toBeGreaterThan(0);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("goal-export-xlsx").click()]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    for (const ws of wb.worksheets) if (ws.name !== "目录") ws.getCell("E3").value = "指标体系版本：2023.1";

    await page.getByTestId("goal-import-xlsx").click();
    const dialog = page.getByRole("dialog");
    await dialog.locator("input[type=file]").setInputFiles({
      name: "旧模板.xlsx",
      mimeType: "application/octet-stream",
      buffer: Buffer.from(await wb.xlsx.writeBuffer()),
    });
    await dialog.getByTestId("goal-import-preview-button").click();
    const issues = dialog.getByTestId("goal-import-issues");
    await expect.poll(() => issues.textContent()).toContain("文件的指标体系版本 2023.1 与本年度 2024.1 不一致");
    expect(await issues.textContent()).toContain("E3");
    expect(await dialog.getByTestId("goal-import-commit").isDisabled()).toBe(true);
    await h.shot(page, "goal-excel-errors");
    await page.context().close();
  });
});
