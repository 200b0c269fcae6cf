import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../support/app";
import { bombXlsx, craftXlsx, sharedStringGoalSheet } from "../support/crafted-xlsx";

/**
 * The review's crafted uploads, sent as a user would: a 6 KB sheet with cells at XFD1 and A20000 (which
 * once made the server visit 328 million cells and die), and a 1 MB workbook declaring 1,000 bytes that
 * inflates to 1 GiB. Both are refused with a clear message while the API keeps answering.
 */
let t: TestApp;
let unit: string;
let staff: string;
let bomb: Buffer;
beforeAll(async () => {
  t = await testApp();
  [unit, staff] = [await t.login("unit"), await t.login("staff")];
  bomb = await bombXlsx(1024 ** 3, 1000);
});
afterAll(() => t.close());

const post = (cookie: string, url: string, bytes: Buffer) =>
  t.as(cookie, "POST", url, bytes, { "content-type": "application/octet-stream" });
const health = async () => (await t.as(null, "GET", "/api/health")).statusCode;

describe("hostile uploads", () => {
  it("refuses a sheet with content far outside the official layout, naming the cell, and stays up", async () => {
    const far = craftXlsx([
      {
        name: "Sheet1",
        cells: [
          ["XFD1", "x"],
          ["A20000", "y"],
        ],
      },
    ]);
    expect(far.length).toBeLessThan(6 * 1024);
    const goals = await post(unit, "/api/v1/goals/tables/import?mode=preview", far);
    expect(goals.statusCode).toBe(413);
    expect(goals.json().error).toMatchObject({ code: "IMPORT_SHEET_TOO_LARGE", details: { cell: "XFD1" } });
    expect(goals.json().error.message).toContain("单元格 XFD1");
    const table = await post(staff, "/api/v1/imports/projects?mode=preview", far);
    expect([table.statusCode, table.json().error.code]).toEqual([413, "IMPORT_SHEET_TOO_LARGE"]);
    expect(await health()).toBe(200);
  });

  it("refuses a zip bomb by the bytes it really inflates to, on both import routes, without the server's memory growing", async () => {
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    const [goals, table, alive] = await Promise.all([
      post(unit, "/api/v1/goals/tables/import?mode=preview", bomb),
      post(staff, "/api/v1/imports/execution?mode=preview", bomb),
      health(),
    ]);
    expect([goals.statusCode, goals.json().error.code]).toEqual([413, "IMPORT_FILE_TOO_LARGE"]);
    expect([table.statusCode, table.json().error.code]).toEqual([413, "IMPORT_FILE_TOO_LARGE"]);
    expect(alive).toBe(200);
    // Inflating stops at the budget (tens of MB) in a worker: nowhere near the gigabyte the file holds.
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * 1024 * 1024);
    expect(await health()).toBe(200);
  });

  it("refuses a small workbook that repeats one huge shared string in every row, before it is copied out", async () => {
    const before = process.memoryUsage().rss;
    // 33 KB on disk: a 30 MB string used by 50 rows × 3 cells (4.5 GB of text once read).
    const huge = sharedStringGoalSheet("a".repeat(30_000_000), 50);
    expect(huge.length).toBeLessThan(64 * 1024);
    const res = await post(unit, "/api/v1/goals/tables/import?mode=preview", huge);
    expect([res.statusCode, res.json().error.code]).toEqual([413, "IMPORT_CELL_TOO_LONG"]);
    // Just under Excel's cell limit, but 2,000 rows of it: refused by the text budget.
    const wide = sharedStringGoalSheet("b".repeat(32_000), 1_900);
    const res2 = await post(unit, "/api/v1/goals/tables/import?mode=preview", wide);
    expect([res2.statusCode, res2.json().error.code]).toEqual([413, "IMPORT_FILE_TOO_LARGE"]);
    const table = await post(staff, "/api/v1/imports/projects?mode=preview", wide);
    expect([table.statusCode, table.json().error.code]).toEqual([413, "IMPORT_FILE_TOO_LARGE"]);
    expect(await health()).toBe(200);
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * 1024 * 1024);
  });
});
