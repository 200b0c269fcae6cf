import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fenToWan, groupThousands } from "../../src/core/money";
import { type BrowserHarness, SCREENSHOTS, startHarness } from "./harness";

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const XHR = { "x-requested-with": "jixiao" };
const MM = 96 / 25.4;
/** A4 less the print view's 12 mm side margins, in CSS px. */
const PRINTABLE_WIDTH = Math.floor((210 - 24) * MM);

interface Indicator {
  level1: string;
  level2: string;
  name: string;
  target: string;
  explanation: string | null;
}
interface ListRow {
  id: number;
  status: string;
  subjectKind: string;
  indicators: number;
  version: number;
}

const api = (path: string) => `${h.baseUrl}/api/v1${path}`;
const getJson = async (page: Page, path: string) => (await page.request.get(api(path))).json();

/** The print view as printed: print media, a viewport as wide as the paper between its margins. */
async function asPrinted(page: Page) {
  await page.setViewportSize({ width: PRINTABLE_WIDTH, height: Math.round(297 * MM) });
  await page.emulateMedia({ media: "print" });
}

/** Widths that must fit the printable width: the document, and each table with every header cell. */
async function widths(page: Page) {
  return page.evaluate(() => {
    const doc = document.querySelector<HTMLElement>("[data-testid=print-document]")!;
    const tables = [...doc.querySelectorAll("table")].map((t) => t.scrollWidth);
    const cells = [...doc.querySelectorAll("th, td")].map((c) => Math.ceil(c.getBoundingClientRect().right));
    return {
      page: document.documentElement.scrollWidth,
      doc: doc.scrollWidth,
      widestTable: Math.max(...tables),
      rightmostCell: Math.max(...cells),
    };
  });
}

/** Renders the view to an A4 PDF, checks it, keeps it with a PNG of its first page to look at. */
async function pdfOf(page: Page, name: string): Promise<{ pages: number }> {
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const text = pdf.toString("latin1");
  const pages = text.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
  expect(pages).toBeGreaterThanOrEqual(1);
  // Every page is A4 portrait: 595.3 × 841.9 pt (Chromium writes whole points).
  const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)].map((m) => [
    Number(m[1]),
    Number(m[2]),
  ]);
  expect(boxes.length).toBeGreaterThanOrEqual(1);
  for (const [width, height] of boxes) {
    expect(Math.abs(width! - 595.28)).toBeLessThan(1.5);
    expect(Math.abs(height! - 841.89)).toBeLessThan(1.5);
  }
  const file = join(SCREENSHOTS, `${name}.pdf`);
  writeFileSync(file, pdf);
  if (existsSync("/usr/bin/pdftoppm"))
    execFileSync("/usr/bin/pdftoppm", ["-png", "-r", "60", file, join(SCREENSHOTS, `${name}-pdf`)]);
  return { pages };
}

describe("the goal table's print view (official 申报表 on A4)", () => {
  it("a unit opens it with 打印 from its table: the official layout, every indicator, no app shell; it prints on A4", async () => {
    const page = await h.newPage();
    await h.login(page, "unit");
    const list = await getJson(page, "/goals/tables?year=2024&pageSize=100");
    const rows = (list.rows as ListRow[]).filter((r) => r.status === "approved" && r.subjectKind === "project");
    const row = rows.sort((a, b) => b.indicators - a.indicators)[0]!;
    const detail = await getJson(page, `/goals/tables/${row.id}`);
    const table = detail.table as {
      subjectCode: string;
      subjectName: string;
      overallGoal: string;
      funds: { total: number; fiscal: number; other: number };
      indicators: Indicator[];
    };

    // 打印 on the table's page opens the print view in a new tab.
    await page.goto(`${h.baseUrl}/goal-tables/${row.id}`);
    const button = page.getByTestId("goal-print");
    await expect.poll(() => button.isVisible()).toBe(true);
    expect(await button.getAttribute("target")).toBe("_blank");
    await h.shot(page, "goal-print-button");
    const [print] = await Promise.all([page.context().waitForEvent("page"), button.click()]);
    await print.waitForURL(`**/goal-tables/${row.id}/print`);
    const doc = print.getByTestId("print-document");
    await expect.poll(() => print.getByTestId("print-indicator-row").count()).toBe(table.indicators.length);

    // No app shell: no side menu, no header, no action bar.
    expect(await print.locator(".ant-layout-sider, .ant-layout-header, .ant-menu").count()).toBe(0);
    expect(await print.getByTestId("goal-toolbar").count()).toBe(0);
    expect(await print.title()).toContain(table.subjectName);

    expect(await print.getByTestId("print-title").textContent()).toBe("项目支出绩效目标申报表");
    const text = (await doc.textContent()) ?? "";
    expect(text).toContain("（2024年度）");
    expect(await print.getByTestId("print-declarer").textContent()).toBe("填报单位：城中区文惠小学");
    const particulars = (await print.getByTestId("print-particulars").textContent()) ?? "";
    for (const label of ["项目名称", "项目编码", "主管部门", "实施单位", "项目负责人", "联系电话", "年度总体目标"])
      expect(particulars).toContain(label);
    expect(await print.getByTestId("print-subject-name").textContent()).toBe(table.subjectName);
    expect(particulars).toContain(table.subjectCode);
    expect(particulars).toContain("城中区教育局");
    expect(await print.getByTestId("print-unit").textContent()).toBe("城中区文惠小学");
    expect(particulars).toContain("年度资金总额");
    expect(particulars).toContain("其中：财政拨款");
    expect(text).toContain("金额单位：万元");
    const funds = await print.getByTestId("print-funds").locator("td").allTextContents();
    const wan = (fen: number) => groupThousands(fenToWan(fen));
    expect(funds).toEqual([wan(table.funds.total), wan(table.funds.fiscal), wan(table.funds.other)]);
    expect(await print.getByTestId("print-overall-goal").textContent()).toBe(table.overallGoal);

    // Every indicator with its level 1 and 2 (merged cells: a row's first cells may belong to a row above).
    const grid = (await print.getByTestId("print-indicators").textContent()) ?? "";
    for (const ind of table.indicators) {
      const r = print.getByTestId("print-indicator-row").filter({ hasText: ind.name });
      expect(await r.count()).toBeGreaterThanOrEqual(1);
      expect(await r.first().textContent()).toContain(ind.target);
      expect(grid).toContain(ind.level1);
      expect(grid).toContain(ind.level2);
      if (ind.explanation) expect(grid).toContain(ind.explanation);
    }
    const heads = await print.getByTestId("print-indicators").locator("thead th").allTextContents();
    expect(heads).toEqual(["一级指标", "二级指标", "三级指标", "指标值", "分值", "指标解释"]);
    // Merged like the paper form: fewer level-1 cells than rows.
    const level1Cells = await print.locator("[data-testid=print-indicators] tbody td[rowspan]").count();
    expect(level1Cells).toBeGreaterThan(0);

    const signatures = (await print.getByTestId("print-signatures").textContent()) ?? "";
    for (const line of ["填报单位（盖章）", "单位负责人", "填报人", "主管部门审核意见", "财政部门审核意见", "（盖章）"])
      expect(signatures).toContain(line);
    expect(signatures.match(/年\s*月\s*日/g)?.length).toBe(3);
    expect(await print.getByTestId("print-footer").textContent()).toMatch(
      new RegExp(`^第${detail.revision}版 · 已批复 · 指标体系版本 \\S+ · 打印于 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}$`),
    );
    await h.shot(print, "goal-print-screen");

    // 打印 on the view calls the browser's print.
    await print.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await print.getByTestId("print-button").click();
    expect(await print.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    // Printed: the toolbar goes, and every column fits between the margins of A4.
    await asPrinted(print);
    expect(await print.getByTestId("print-toolbar").isVisible()).toBe(false);
    const w = await widths(print);
    expect(w.page).toBeLessThanOrEqual(PRINTABLE_WIDTH);
    expect(w.doc).toBeLessThanOrEqual(PRINTABLE_WIDTH);
    expect(w.widestTable).toBeLessThanOrEqual(PRINTABLE_WIDTH);
    expect(w.rightmostCell).toBeLessThanOrEqual(PRINTABLE_WIDTH);
    await print.screenshot({ path: join(SCREENSHOTS, "goal-print-media.png"), fullPage: true });
    await pdfOf(print, "goal-print");
    await page.context().close();
  });

  it("long texts wrap inside the page, and a draft revision says so in its footer", async () => {
    const page = await h.newPage();
    await h.login(page, "unit");
    const list = await getJson(page, "/goals/tables?year=2024&pageSize=100");
    const row = (list.rows as ListRow[]).find((r) => r.status === "approved" && r.subjectKind === "project")!;
    const revised = await page.request.post(api(`/goals/tables/${row.id}/actions`), {
      headers: XHR,
      data: { version: row.version, action: "revise", comment: "打印长文本" },
    });
    expect(revised.status()).toBe(200);
    const draftId = (await revised.json()).id as number;
    const draft = await getJson(page, `/goals/tables/${draftId}`);
    const longWord = "9".repeat(60);
    const indicators = (draft.table.indicators as (Indicator & Record<string, unknown>)[]).map((ind, i) =>
      i === 0
        ? {
            ...ind,
            name: `受助学生人数（含寄宿生、走读生及随迁子女）${"长".repeat(60)}`,
            target: longWord,
            explanation: `${"以学籍系统在册受助学生人数为准，按学期核对。".repeat(20)}`.slice(0, 500),
          }
        : ind,
    );
    const saved = await page.request.put(api(`/goals/tables/${draftId}`), {
      headers: XHR,
      data: { version: draft.version, overallGoal: "完成".repeat(900), indicators },
    });
    expect(saved.status()).toBe(200);

    await page.goto(`${h.baseUrl}/goal-tables/${draftId}/print`);
    await expect.poll(() => page.getByTestId("print-indicator-row").count()).toBe(indicators.length);
    expect(await page.getByTestId("print-footer").textContent()).toMatch(/^第2版 · 草稿 · /);
    expect((await page.getByTestId("print-indicators").textContent()) ?? "").toContain(longWord);
    await asPrinted(page);
    const w = await widths(page);
    expect(w.page).toBeLessThanOrEqual(PRINTABLE_WIDTH);
    expect(w.widestTable).toBeLessThanOrEqual(PRINTABLE_WIDTH);
    expect(w.rightmostCell).toBeLessThanOrEqual(PRINTABLE_WIDTH);
    // A row never taller than a page, so none has to be cut.
    const tallest = await page.evaluate(() =>
      Math.max(
        ...[...document.querySelectorAll("[data-testid=print-indicator-row]")].map(
          (r) => r.getBoundingClientRect().height,
        ),
      ),
    );
    expect(tallest).toBeLessThan((297 - 30) * MM);
    await page.screenshot({ path: join(SCREENSHOTS, "goal-print-long.png"), fullPage: true });
    const { pages } = await pdfOf(page, "goal-print-long");
    expect(pages).toBeGreaterThanOrEqual(2);
    await page.context().close();
  });

  it("a department's department-wide table prints under its own title, reviewed by finance only", async () => {
    const page = await h.newPage();
    await h.login(page, "dept");
    const list = await getJson(page, "/goals/tables?year=2024&subjectKind=deptWide&pageSize=10");
    const row = (list.rows as ListRow[])[0]!;
    const detail = await getJson(page, `/goals/tables/${row.id}`);
    await page.goto(`${h.baseUrl}/goal-tables/${row.id}/print`);
    await expect.poll(() => page.getByTestId("print-indicator-row").count()).toBe(detail.table.indicators.length);
    expect(await page.getByTestId("print-title").textContent()).toBe("部门整体支出绩效目标申报表");
    expect(await page.title()).toContain("部门整体支出绩效目标申报表");
    const particulars = (await page.getByTestId("print-particulars").textContent()) ?? "";
    for (const label of ["部门名称", "部门编码", "部门负责人", "年度预算资金", "年度总体目标"])
      expect(particulars).toContain(label);
    expect(particulars).not.toContain("实施单位");
    expect(particulars).not.toContain("主管部门");
    expect(await page.getByTestId("print-subject-name").textContent()).toBe(detail.table.subjectName);
    expect(await page.getByTestId("print-declarer").textContent()).toBe("填报单位：城中区教育局");
    const signatures = (await page.getByTestId("print-signatures").textContent()) ?? "";
    expect(signatures).toContain("财政部门审核意见");
    expect(signatures).not.toContain("主管部门审核意见");
    expect(await page.locator(".ant-layout-sider").count()).toBe(0);
    await asPrinted(page);
    expect((await widths(page)).widestTable).toBeLessThanOrEqual(PRINTABLE_WIDTH);
    await page.screenshot({ path: join(SCREENSHOTS, "goal-print-dept-wide.png"), fullPage: true });
    await pdfOf(page, "goal-print-dept-wide");
    await page.context().close();
  });

  it("needs a session: opened signed out, it goes to the login and comes back to the print view", async () => {
    const page = await h.newPage();
    const list = await (async () => {
      await h.login(page, "unit");
      return getJson(page, "/goals/tables?year=2024&pageSize=1");
    })();
    const id = (list.rows as ListRow[])[0]!.id;
    await page.context().clearCookies();
    await page.goto(`${h.baseUrl}/goal-tables/${id}/print`);
    await page.waitForURL("**/login");
    await page.locator("#login_username").fill("unit");
    await page.locator("#login_password").fill("jixiao-demo");
    await page.getByRole("button", { name: "登录" }).click();
    await page.waitForURL(`**/goal-tables/${id}/print`);
    await expect.poll(() => page.getByTestId("print-document").count()).toBe(1);
    expect(await page.locator(".ant-layout-sider").count()).toBe(0);
    await page.context().close();
  });
});
