import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Download, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_PASSWORD } from "../support/district";
import type { MonitoringDistrict } from "../support/monitoring-district";
import { type FilledForm, selfEvalDistrict } from "../support/selfeval-district";
import { type BrowserHarness, harnessOn, pickOption, SCREENSHOTS, WEB_DIR } from "./harness";

/**
 * 抽查复核 in the browser, on a small district whose three self-evaluations of 2025 finance approved, with the
 * firm F01 and its reviewers rev1 and rev2: finance declares the firm's conflicts, draws the sample (the seed
 * made and recorded by the server, the draw replayed), assigns it (a conflict refuses an assignment, named);
 * rev1 re-scores a project and the department as a whole and submits; finance returns the project with a
 * comment, rev1 answers and resubmits, finance confirms; the statistics show the grades as the district's
 * report words them; the results workbook and the guidance letter download. Then the pages on a phone.
 */
let m: MonitoringDistrict & { forms: FilledForm[] };
let h: BrowserHarness;
beforeAll(async () => {
  m = await selfEvalDistrict({ webDir: WEB_DIR });
  // The browser keeps session cookies by its own clock: from here on the server runs on the real one.
  m.setNow(new Date());
  const baseUrl = await m.d.app.listen({ port: 0, host: "127.0.0.1" });
  h = await harnessOn(baseUrl, "Start-2025xy", () => m.d.close());
}, 180_000);
afterAll(() => h?.close());

async function pageAs(username: string, password?: string, viewport?: { width: number; height: number }) {
  const page = viewport
    ? await (await h.browser.newContext({ viewport, isMobile: true, hasTouch: true, locale: "zh-CN" })).newPage()
    : await h.newPage();
  await page.addInitScript(() => window.localStorage.setItem("jixiao.year", "2025"));
  await h.login(page, username, password);
  return page;
}
const asAdmin = () => pageAs("admin", ADMIN_PASSWORD);
async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  await expect.poll(() => page.locator(".ant-spin-spinning, .ant-skeleton").count()).toBe(0);
}
/** Waits until a dialog has finished opening (a click while it zooms in can be lost on a busy machine). */
async function dialogOpen(page: Page) {
  await expect.poll(() => page.locator(".ant-modal").count()).toBeGreaterThan(0);
  await expect
    .poll(() =>
      page.evaluate(
        () => document.querySelectorAll('.ant-modal[class*="-zoom-"], .ant-modal-mask[class*="-fade-"]').length,
      ),
    )
    .toBe(0);
}
async function menu(page: Page, label: string) {
  await page
    .getByRole("menu")
    .first()
    .getByRole("menuitem", { name: new RegExp(`(^|\\s)${label}$`) })
    .click();
}
/** The top of the page as the clerk first sees it (a click low in the menu may have scrolled the window). */
async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  return h.shot(page, name);
}
async function fullShot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
const rowOf = (page: Page, code: string) => page.getByTestId("review-list").locator(`tr[data-code="${code}"]`);
async function openReview(page: Page, code: string) {
  await page.goto(`${h.baseUrl}/review/items`);
  await expect.poll(() => rowOf(page, code).count()).toBe(1);
  await rowOf(page, code).getByRole("link").first().click();
  await page.waitForURL((url) => /^\/review\/items\/\d+$/.test(url.pathname));
  await expect.poll(() => page.getByTestId("review-status").count()).toBe(1);
  await settle(page);
}
async function act(page: Page, action: "submit" | "confirm" | "return", comment?: string) {
  await page.getByTestId(`review-action-${action}`).click();
  await dialogOpen(page);
  if (comment !== undefined) await page.getByTestId("review-modal-comment").fill(comment);
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/actions"));
  await page.getByTestId("review-modal-ok").click();
  expect((await answered).status()).toBe(200);
}
async function saved(download: Download) {
  const path = await download.path();
  return readFileSync(path);
}

describe("抽查复核 in the browser", () => {
  it("finance declares the firm's conflicts on 第三方机构", async () => {
    const page = await asAdmin();
    await menu(page, "第三方机构");
    await page.waitForURL((url) => url.pathname === "/review/firms");
    const firm = page.getByTestId("firm-F01");
    await expect.poll(() => firm.getByTestId("reviewers-F01").textContent()).toContain("rev1");
    expect(await firm.getByTestId("reviewers-F01").textContent()).toContain("rev2");
    // By mistake, the whole firm against 卫生健康局; then rev1 against 第一小学, as it should be.
    const declare = async (who: RegExp, org: string, reason: string) => {
      await page.getByTestId("conflict-add-F01").click();
      await dialogOpen(page);
      await page.getByTestId("conflict-ok").click();
      await expect.poll(() => page.getByText("请选择主管部门或单位").count()).toBe(1);
      await pickOption(page, page.getByTestId("conflict-reviewer"), who);
      await pickOption(page, page.getByTestId("conflict-org"), org, { item: ".ant-select-tree-title", search: org });
      await expect
        .poll(() => page.getByTestId("conflict-org").locator(".ant-select-content").textContent())
        .toContain(org);
      await page.getByTestId("conflict-reason").fill(reason);
      const answered = page.waitForResponse((r) => r.url().endsWith("/review/conflicts"));
      await page.getByTestId("conflict-ok").click();
      expect((await answered).status()).toBe(200);
      await expect.poll(() => page.locator(".ant-modal").count()).toBe(0);
    };
    await declare(/整个机构/, "测试区卫生健康局", "误登记");
    await declare(/rev1/, "测试区第一小学", "曾任该校财务顾问");
    const conflicts = page.getByTestId("conflicts-F01");
    await expect.poll(() => conflicts.locator("tbody tr.ant-table-row").count()).toBe(2);
    expect(await conflicts.textContent()).toContain("（含所属单位）");
    await settle(page);
    await shot(page, "review-firms");
    await page.close();
  });

  it("finance draws the sample: the server's seed is recorded, the strata shown and the record replays", async () => {
    const page = await asAdmin();
    await menu(page, "复核抽样");
    await page.waitForURL((url) => url.pathname === "/review");
    const waiting = page.getByTestId("review-not-drawn");
    await expect.poll(() => waiting.textContent()).toContain("已审核的项目自评表 2 张");
    expect(await waiting.textContent()).toContain("部门整体支出自评表 1 张");
    await page.getByTestId("review-draw-open").click();
    await dialogOpen(page);
    await page.getByTestId("review-draw-count").fill("2");
    // Nothing was reviewed in 2024: the button says so and excludes nothing.
    await page.getByTestId("review-draw-exclude-last").click();
    await expect.poll(() => page.getByText("2024年度没有复核过的项目自评").count()).toBe(1);
    await settle(page);
    await shot(page, "review-draw-form");
    await page.getByTestId("review-draw-ok").click();
    await expect.poll(() => page.locator(".ant-modal-confirm-title").textContent()).toBe("确认抽取2025年度复核样本？");
    expect(await page.locator(".ant-modal-confirm").textContent()).toContain("另将 1 张部门整体支出自评表全部纳入复核");
    const drawn = page.waitForResponse((r) => r.request().method() === "POST" && r.url().endsWith("/review/draws"));
    await page.getByRole("button", { name: "确定抽取" }).click();
    expect((await drawn).status()).toBe(200);
    await expect.poll(() => page.getByTestId("review-drawn").textContent()).toContain("共 3 张自评表纳入复核");
    const record = page.getByTestId("review-draw-record");
    await expect.poll(() => record.getByTestId("review-replay-ok").count()).toBe(1);
    expect(await record.getByTestId("review-draw-seed").textContent()).toMatch(/^[0-9a-f]{32}$/);
    expect(await record.textContent()).toContain("系统在抽取时随机生成");
    const picks = record.getByTestId("review-draw-picks").locator("tbody tr.ant-table-row");
    expect(await picks.count()).toBe(2);
    // Department × budget band: each department's one project is drawn from its stratum.
    const strata = record.getByTestId("review-draw-strata");
    expect(await strata.textContent()).toContain("测试区教育局（301）");
    expect(await strata.textContent()).toContain("不足100万元");
    expect(await strata.locator("tbody tr.ant-table-row").first().textContent()).toContain("抽 1 / 共 1");
    expect(await page.getByTestId("review-count-unassigned").textContent()).toBe("3");
    await settle(page);
    await fullShot(page, "review-draw");
    // A second draw is not offered: the year is drawn once.
    await page.reload();
    await expect.poll(() => page.getByTestId("review-draw-record").count()).toBe(1);
    expect(await page.getByTestId("review-draw-open").count()).toBe(0);
    await page.close();
  });

  it("assignment: a conflict is named before sending and refused by the server; removed, the rest is balanced", async () => {
    const page = await asAdmin();
    await page.goto(`${h.baseUrl}/review`);
    await page.getByTestId("review-to-items").click();
    await page.waitForURL((url) => url.pathname === "/review/items");
    const list = page.getByTestId("review-list");
    await expect.poll(() => list.locator("tbody tr.ant-table-row").count()).toBe(3);
    expect(await rowOf(page, "301").textContent()).toContain("部门整体");
    expect(await rowOf(page, "P301001A").textContent()).toMatch(/随机|必抽/);
    // rev1 must stand aside from 第一小学: choosing them for its project is stopped on the page.
    await rowOf(page, "P301001A").locator(".ant-checkbox-input").check();
    await expect.poll(() => page.getByTestId("review-assign-open").textContent()).toContain("分配选中的 1 张");
    await page.getByTestId("review-assign-open").click();
    await dialogOpen(page);
    await page.getByText("指定一位复核人员").click();
    await expect.poll(() => page.getByTestId("assign-reviewer").count()).toBe(1);
    await pickOption(page, page.getByTestId("assign-reviewer"), "rev1");
    await expect.poll(() => page.getByTestId("assign-conflicts").textContent()).toContain("须回避“测试区第一小学”");
    expect(await page.getByTestId("assign-ok").isDisabled()).toBe(true);
    await shot(page, "review-assign-conflict");
    await page.getByRole("button", { name: "取消" }).click();
    await expect.poll(() => page.locator(".ant-modal").count()).toBe(0);
    await page.getByRole("button", { name: "清除勾选" }).click();

    // All at once, balanced: the firm's mistaken conflict with 卫生健康局 leaves 疾控 to nobody; nothing is assigned.
    await page.getByTestId("review-assign-open").click();
    await dialogOpen(page);
    const refused = page.waitForResponse((r) => r.url().endsWith("/review/assignments"));
    await page.getByTestId("assign-ok").click();
    expect((await refused).status()).toBe(400);
    await expect.poll(() => page.getByTestId("assign-error").textContent()).toContain("P302001A");
    expect(await page.getByTestId("assign-error").textContent()).toContain(
      "机构与“测试区卫生健康局”有利害关系，须回避",
    );
    await shot(page, "review-assign-refused");
    await page.getByRole("button", { name: "取消" }).click();
    // Nothing was assigned: all three still wait.
    expect(await page.getByTestId("review-assign-open").textContent()).toContain("待分配 3");
    await expect.poll(() => list.locator("tbody tr.ant-table-row").filter({ hasText: "待分配" }).count()).toBe(3);

    // The mistaken conflict is removed, after a confirmation.
    await page.goto(`${h.baseUrl}/review/firms`);
    const mistaken = page.getByTestId("conflicts-F01").locator("tbody tr.ant-table-row").filter({ hasText: "误登记" });
    await expect.poll(() => mistaken.count()).toBe(1);
    await mistaken.getByTestId("conflict-remove").click();
    await expect.poll(() => page.getByText("删除这条回避关系？").count()).toBe(1);
    const removed = page.waitForResponse((r) => r.request().method() === "DELETE");
    await page.getByTestId("conflict-remove-ok").click();
    expect((await removed).status()).toBe(204);
    await expect.poll(() => page.getByTestId("conflicts-F01").locator("tbody tr.ant-table-row").count()).toBe(1);

    await page.goto(`${h.baseUrl}/review/items`);
    await expect.poll(() => page.getByTestId("review-assign-open").textContent()).toContain("待分配 3");
    await page.getByTestId("review-assign-open").click();
    await dialogOpen(page);
    const done = page.waitForResponse((r) => r.url().endsWith("/review/assignments"));
    await page.getByTestId("assign-ok").click();
    expect((await done).status()).toBe(200);
    await expect.poll(() => page.getByTestId("review-assigned").textContent()).toContain("已分配 3 张自评表");
    expect(await page.getByTestId("review-assigned").textContent()).toContain("rev1 2 张");
    await expect.poll(() => rowOf(page, "P301001A").textContent()).toContain("rev2");
    expect(await rowOf(page, "P302001A").textContent()).toContain("rev1");
    await settle(page);
    await shot(page, "review-items-assigned");
    await page.close();
  });

  it("rev1 re-scores the project: the total follows the typing, the checks name what is missing, then submits", async () => {
    const page = await pageAs("rev1");
    await menu(page, "我的复核任务");
    await page.waitForURL((url) => url.pathname === "/review/items");
    await expect.poll(() => page.getByTestId("review-list").locator("tbody tr.ant-table-row").count()).toBe(2);
    await openReview(page, "P302001A");
    await expect.poll(() => page.getByTestId("review-status").textContent()).toBe("复核中");
    expect(await page.getByTestId("review-self-total").textContent()).toBe("96.00");
    expect(await page.getByTestId("review-total-score").textContent()).toBe("—");
    await page.getByTestId("review-fill-self").click();
    await expect.poll(() => page.getByTestId("review-total-score").textContent()).toBe("96.00");
    // Above the item's points: named on its cell, and saving is refused on the page.
    const first = page.getByTestId("rv-points-0");
    await first.fill("30");
    await first.blur();
    await expect
      .poll(() => page.getByTestId("review-field-error").first().textContent())
      .toBe("指标“维修面积”的复核得分 30 超出分值范围 0—16.67");
    await page.getByTestId("review-save").click();
    await expect.poll(() => page.getByTestId("review-alert").textContent()).toContain("有填写错误");
    await first.fill("4.67");
    await first.blur();
    await expect.poll(() => page.getByTestId("review-total-score").textContent()).toBe("84.00");
    expect(await page.getByTestId("review-difference").textContent()).toContain("+12.00");
    expect(await page.getByTestId("review-overrated-tag").count()).toBe(1);
    // Submitting asks for the comment where the review differs and for the guidance.
    await page.getByTestId("review-action-submit").click();
    await expect.poll(() => page.getByTestId("review-alert").textContent()).toContain("还有 2 处须填写或改正");
    const errors = await page.getByTestId("review-field-error").allTextContents();
    expect(errors).toEqual(
      expect.arrayContaining(["指标“维修面积”的复核结果与自评不同，请写明复核意见", "请填写给单位的指导意见"]),
    );
    await fullShot(page, "review-rescore-errors");
    await page.getByTestId("rv-comment-0").fill("佐证材料只支撑完成 400 平方米");
    await page.getByTestId("review-guidance-input").fill("维修面积未达目标，请按实际进度分期设置指标并如实自评。");
    await expect.poll(() => page.getByTestId("review-field-error").count()).toBe(0);
    await page.getByTestId("review-save").click();
    await expect.poll(() => page.getByTestId("review-status-line").textContent()).toContain("已填写完整，可以提交");
    await act(page, "submit");
    await expect.poll(() => page.getByTestId("review-status").textContent()).toBe("待财政确认");
    expect(await page.getByTestId("review-save").count()).toBe(0);
    await settle(page);
    await fullShot(page, "review-rescore-submitted");
    await page.close();
  });

  it("rev1 re-scores the department as a whole, agreeing with the unit", async () => {
    const page = await pageAs("rev1");
    await openReview(page, "301");
    await page.getByTestId("review-fill-self").click();
    await expect
      .poll(() => page.getByTestId("review-total-score").textContent())
      .toBe(await page.getByTestId("review-self-total").textContent());
    await page.getByTestId("review-guidance-input").fill("部门整体支出自评规范，请继续保持。");
    await settle(page);
    await fullShot(page, "review-deptwide");
    await act(page, "submit");
    await expect.poll(() => page.getByTestId("review-status").textContent()).toBe("待财政确认");
    await page.close();
  });

  it("finance returns the project with a comment; rev1 answers and resubmits; finance confirms both", async () => {
    const admin = await asAdmin();
    await admin.goto(`${h.baseUrl}/review/items?status=submitted`);
    await expect.poll(() => admin.getByTestId("review-list").locator("tbody tr.ant-table-row").count()).toBe(2);
    await rowOf(admin, "P302001A").getByRole("link").first().click();
    await admin.waitForURL((url) => /^\/review\/items\/\d+$/.test(url.pathname));
    await expect.poll(() => admin.getByTestId("review-deciding").count()).toBe(1);
    expect(await admin.getByTestId("review-item-table").textContent()).toContain("佐证材料只支撑完成 400 平方米");
    await settle(admin);
    await fullShot(admin, "review-finance-decides");
    await admin.getByTestId("review-action-return").click();
    await dialogOpen(admin);
    expect(await admin.getByTestId("review-modal-ok").isDisabled()).toBe(true);
    await admin.getByTestId("review-modal-comment").fill("第1项扣分请附现场核查记录");
    const returned = admin.waitForResponse((r) => r.url().endsWith("/actions"));
    await admin.getByTestId("review-modal-ok").click();
    expect((await returned).status()).toBe(200);
    await expect.poll(() => admin.getByTestId("review-status").textContent()).toBe("已退回");

    const rev1 = await pageAs("rev1");
    await openReview(rev1, "P302001A");
    await expect.poll(() => rev1.getByTestId("review-returned").textContent()).toContain("第1项扣分请附现场核查记录");
    await rev1.getByTestId("rv-comment-0").fill("佐证材料只支撑完成 400 平方米，现场核查记录已附于底稿第3页");
    await act(rev1, "submit");
    await expect.poll(() => rev1.getByTestId("review-status").textContent()).toBe("待财政确认");
    await rev1.close();

    for (const code of ["P302001A", "301"]) {
      await openReview(admin, code);
      await act(admin, "confirm", "");
      await expect.poll(() => admin.getByTestId("review-status").textContent()).toBe("已确认");
    }
    // The letter to 疾控中心 from its confirmed review.
    await openReview(admin, "P302001A");
    const letter = admin.waitForEvent("download");
    await admin.getByTestId("review-letter").click();
    const file = await letter;
    expect(file.suggestedFilename()).toMatch(/指导意见.*\.docx$|review-guidance.*\.docx$/);
    const xml = await (await JSZip.loadAsync(await saved(file))).file("word/document.xml")!.async("string");
    expect(xml).toContain("测试区疾控中心");
    expect(xml).toContain("现场核查记录已附于底稿第3页");
    await admin.close();
  });

  it("statistics: the grades of departments and projects as the report words them, and the results workbook", async () => {
    const page = await asAdmin();
    await menu(page, "复核统计");
    await page.waitForURL((url) => url.pathname === "/review/stats");
    const project = page.getByTestId("stats-project-sentence");
    await expect
      .poll(() => project.textContent())
      .toContain("复核评分良等级80（含）—90分的项目有1个，占本次抽查比例100.00%");
    expect(await page.getByTestId("stats-deptWide-sentence").textContent()).toMatch(
      /的部门有1个，占本次抽查比例100\.00%/,
    );
    expect(await page.getByTestId("stats-pending").textContent()).toContain("还有 1 张");
    expect(await page.getByTestId("stats-project-chart").locator("canvas").count()).toBe(1);
    expect(await page.getByTestId("stats-overrated").textContent()).toContain("P302001A");
    expect(await page.getByTestId("stats-department-table").textContent()).toContain("测试区卫生健康局");
    await settle(page);
    await fullShot(page, "review-stats");
    const download = page.waitForEvent("download");
    await page.getByTestId("stats-export").click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const strings = await (await JSZip.loadAsync(await saved(file))).file("xl/sharedStrings.xml")!.async("string");
    expect(strings).toContain("P302001A");
    expect(strings).toContain("维修面积未达目标");
    await page.close();
  });

  it("the unit reads its confirmed review and downloads its letter", async () => {
    const page = await pageAs("cdc");
    await menu(page, "复核结果");
    await page.waitForURL((url) => url.pathname === "/review/items");
    await expect.poll(() => page.getByTestId("review-list").locator("tbody tr.ant-table-row").count()).toBe(1);
    const download = page.waitForEvent("download");
    await page.getByTestId("review-own-letter").click();
    expect((await download).suggestedFilename()).toMatch(/\.docx$/);
    await settle(page);
    await shot(page, "review-unit-results");
    await page.close();
  });

  it("on 自评表 the unit downloads its forms as the official workbook; importing it back previews first", async () => {
    const page = await pageAs("cdc");
    await menu(page, "自评表");
    await page.waitForURL((url) => url.pathname === "/selfeval/forms");
    await expect.poll(() => page.getByTestId("selfeval-form-list").locator("tbody tr.ant-table-row").count()).toBe(1);
    const download = page.waitForEvent("download");
    await page.getByTestId("selfeval-workbook-download").click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = await saved(file);
    const listExport = page.waitForEvent("download");
    await page.getByTestId("selfeval-list-export").click();
    expect((await listExport).suggestedFilename()).toMatch(/\.xlsx$/);

    // The same file again: nothing to import.
    await page.getByTestId("selfeval-workbook-import").click();
    await dialogOpen(page);
    const dialog = page.getByRole("dialog");
    const upload = (buffer: Buffer) =>
      dialog
        .locator("input[type=file]")
        .setInputFiles({ name: "自评表.xlsx", mimeType: "application/octet-stream", buffer });
    await upload(bytes);
    await dialog.getByTestId("selfeval-import-preview-button").click();
    await expect.poll(() => dialog.getByTestId("selfeval-import-summary").textContent()).toContain("无变化 1 张");
    expect(await dialog.getByTestId("selfeval-import-commit").isDisabled()).toBe(true);

    // An answer changed offline on a form finance approved: the preview names why it cannot be taken.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    let edited = 0;
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.value === "年度目标全部完成") {
            cell.value = "年度目标基本完成";
            edited++;
          }
        }),
      );
    expect(edited).toBe(1);
    await dialog.getByRole("button", { name: "重新选择文件" }).click();
    await upload(Buffer.from(await wb.xlsx.writeBuffer()));
    await dialog.getByTestId("selfeval-import-preview-button").click();
    await expect.poll(() => dialog.getByTestId("selfeval-import-summary").textContent()).toContain("有错误 1 张");
    expect(await dialog.getByTestId("selfeval-import-issues").textContent()).toContain("不能由您修改");
    expect(await dialog.getByTestId("selfeval-import-commit").isDisabled()).toBe(true);
    await settle(page);
    await shot(page, "selfeval-workbook-import");
    await page.close();
  });
});

const WIDTH = 390;
const HEIGHT = 844;

/** Nothing makes the page wider than the phone; else the message names the widest elements. */
async function expectFits(page: Page) {
  const [width, culprits] = await page.evaluate((w) => {
    const clipped = (el: Element) => {
      for (let a = el.parentElement; a; a = a.parentElement)
        if (getComputedStyle(a).overflowX !== "visible" && a.getBoundingClientRect().right <= w + 0.5) return true;
      return false;
    };
    const wide = [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > w + 0.5 && !clipped(el))
      .slice(0, 6)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${String(el.className).split(" ")[0]} → ${Math.round(el.getBoundingClientRect().right)}`,
      );
    return [document.documentElement.scrollWidth, wide] as const;
  }, WIDTH);
  expect(width, `page is ${width}px wide at ${page.url()}: ${culprits.join(", ")}`).toBeLessThanOrEqual(WIDTH);
}

describe("抽查复核 on a phone", () => {
  it("every review page fits a phone's width", async () => {
    const admin = await pageAs("admin", ADMIN_PASSWORD, { width: WIDTH, height: HEIGHT });
    for (const [path, ready] of [
      ["/review", "review-draw-record"],
      ["/review/items", "review-list"],
      ["/review/firms", "firm-F01"],
      ["/review/stats", "stats-project"],
    ] as const) {
      await admin.goto(`${h.baseUrl}${path}`);
      await expect.poll(() => admin.getByTestId(ready).count()).toBeGreaterThan(0);
      await settle(admin);
      await expectFits(admin);
      await admin.screenshot({
        path: join(SCREENSHOTS, `review-phone${path.replaceAll("/", "-")}.png`),
        fullPage: true,
      });
    }
    await admin.context().close();
    const rev2 = await pageAs("rev2", undefined, { width: WIDTH, height: HEIGHT });
    await rev2.goto(`${h.baseUrl}/review/items`);
    await expect.poll(() => rev2.getByTestId("list-card").count()).toBe(1);
    await expectFits(rev2);
    await rev2.getByTestId("list-card").first().getByRole("link").click();
    await rev2.waitForURL((url) => /^\/review\/items\/\d+$/.test(url.pathname));
    await expect.poll(() => rev2.getByTestId("review-item-cards").count()).toBe(1);
    await rev2.getByTestId("review-fill-self").click();
    await settle(rev2);
    await expectFits(rev2);
    await shot(rev2, "review-phone-rescore-top");
    await rev2.getByTestId("review-item-cards").scrollIntoViewIfNeeded();
    await rev2.screenshot({ path: join(SCREENSHOTS, "review-phone-rescore-items.png") });
    await rev2.context().close();
  });
});
