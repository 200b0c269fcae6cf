import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserHarness, pickOption, SCREENSHOTS, startHarness } from "./harness";

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

/** The Word file a click downloads: its name and the text of its body. */
async function download(page: Page, button: Locator) {
  const [file] = await Promise.all([page.waitForEvent("download"), button.click()]);
  const bytes = readFileSync((await file.path())!);
  expect(bytes.subarray(0, 2).toString()).toBe("PK");
  const zip = await JSZip.loadAsync(bytes);
  expect(Object.keys(zip.files)).toContain("[Content_Types].xml");
  const types = await zip.file("[Content_Types].xml")!.async("string");
  expect(types).toContain("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
  const xml = await zip.file("word/document.xml")!.async("string");
  return { name: file.suggestedFilename(), text: xml.replace(/<[^>]+>/g, "") };
}

/** The element's top is on the screen (smooth scrolling has brought it there). */
const inView = (l: Locator) =>
  l.evaluate((el) => {
    const top = el.getBoundingClientRect().top;
    return top >= 56 && top < window.innerHeight - 40;
  });

/** Smooth scrolling has come to rest (for a screenshot). */
const scrolled = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((done) => {
        let last = -1;
        const tick = () => {
          if (window.scrollY === last) done();
          else {
            last = window.scrollY;
            setTimeout(tick, 150);
          }
        };
        tick();
      }),
  );

describe("年度工作报告 in the browser", () => {
  it("finance reads the drafted report, finds a figure typed over by hand, puts the figure back and downloads Word", async () => {
    const page = await h.newPage();
    await h.login(page, "finance");
    await page.getByRole("menu").first().getByRole("menuitem", { name: "年度工作报告" }).click();
    await page.waitForURL((url) => url.pathname === "/report/annual");
    const sheet = page.getByTestId("report-sheet");
    await expect
      .poll(() => page.getByTestId("report-title").textContent())
      .toBe("2024年柳州市城中区预算绩效管理工作开展情况");
    // Opened from the menu's lower entries, the page starts at its top.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const text = (await sheet.textContent()) ?? "";
    expect(text).toContain("占本次抽查比例7.22%");
    expect(text).toContain("占本次抽查比例58.76%");
    expect(text).toContain("一、深化全过程绩效管理，构建多级次评价体系");
    expect(text).toContain("（二）组织开展单位自评。");

    // 核对通过: the demo's year has every figure (its publications included), so nothing is found or missing.
    await expect.poll(() => page.getByTestId("report-check-ok").textContent()).toContain("核对通过");
    expect(await page.getByTestId("report-check-errors").count()).toBe(0);
    expect(await page.getByTestId("report-check").getByTestId("report-finding").count()).toBe(0);
    expect(await sheet.getByTestId("report-missing").count()).toBe(0);
    expect(await sheet.textContent()).toContain("包括2024年度重点项目绩效目标，主动接受社会公众监督");

    expect(existsSync(await h.shot(page, "report-annual"))).toBe(true);

    // Every computed figure links to the list behind it, its label in a tooltip.
    const figures = sheet.getByTestId("report-figure");
    expect(await figures.count()).toBeGreaterThan(40);
    const share = sheet.locator('[data-figure="review.project.excellentShare"]');
    expect(await share.textContent()).toBe("7.22");
    expect(await share.getAttribute("href")).toBe("/review/stats?year=2024");
    await share.hover();
    const tip = page.locator('.ant-tooltip:visible:not([class*="-appear"])');
    await expect.poll(() => tip.textContent()).toContain("复核项目一等（优）占比");
    expect(existsSync(await h.shot(page, "report-annual-figure"))).toBe(true);

    // The Word file of the default template.
    const plain = await download(page, page.getByTestId("report-docx"));
    expect(plain.name).toBe("2024年柳州市城中区预算绩效管理工作开展情况.docx");
    expect(plain.text).toContain("占本次抽查比例7.22%");

    // 7.21 typed over the figure: the check gives the computed 7.22%.
    await page.getByTestId("report-edit-tab").click();
    const selfeval = page.getByTestId("report-edit-selfeval");
    const original = await selfeval.inputValue();
    expect(original).toContain("{{review.project.excellentShare}}");
    await selfeval.fill(original.replace("{{review.project.excellentShare}}", "7.21"));
    await expect.poll(() => page.getByTestId("report-check-stale").count()).toBe(1);
    await page.getByTestId("report-draft").click();
    const errors = page.getByTestId("report-check-errors");
    await expect.poll(() => errors.getByTestId("report-finding").count()).toBe(1);
    const finding = errors.getByTestId("report-finding").first();
    expect(await finding.textContent()).toMatch(/文中 7\.21%，应为 7\.22%/);
    expect(await finding.getByTestId("report-finding-quote").textContent()).toContain("占本次抽查比例7.21%");
    expect(await page.getByTestId("report-check-ok").count()).toBe(0);
    expect(await page.getByTestId("report-edited").count()).toBe(1);
    // The editor stays open, its section marked; the page brings the check into view.
    expect(await page.getByTestId("report-edit-found-selfeval").textContent()).toBe("核对发现 1 处问题");
    await expect.poll(() => inView(page.getByTestId("report-check"))).toBe(true);
    await scrolled(page);
    expect(existsSync(await h.shot(page, "report-annual-findings"))).toBe(true);

    // Picking the finding shows it in the report.
    await finding.click();
    await expect.poll(() => inView(sheet.locator(".jx-rp-focus").first())).toBe(true);
    expect(await sheet.locator(".jx-rp-focus").allTextContents()).toEqual(["7.21%"]);
    expect((await sheet.locator(".jx-rp-sentence").allTextContents()).join("")).toMatch(
      /^抽查的97个项目复核评分结果是/,
    );
    await scrolled(page);
    expect(existsSync(await h.shot(page, "report-annual-finding-located"))).toBe(true);

    // A section naming a figure that does not exist is refused on that section.
    await page.getByTestId("report-edit-tab").click();
    const deptEval = page.getByTestId("report-edit-deptEval");
    const deptEvalText = await deptEval.inputValue();
    await deptEval.fill(`${deptEvalText}{{deptEval.cnt}}`);
    await page.getByTestId("report-draft").click();
    await expect
      .poll(() => page.getByTestId("report-edit-error-deptEval").textContent())
      .toBe("第3节（部门评价）：未知的数字“{{deptEval.cnt}}”");
    await expect.poll(() => inView(page.getByTestId("report-edit-deptEval"))).toBe(true);
    await scrolled(page);
    expect(existsSync(await h.shot(page, "report-annual-refused"))).toBe(true);
    await deptEval.fill(deptEvalText);
    // Edited, the section's refusal goes: the edit may be its fix.
    await expect.poll(() => page.getByTestId("report-edit-error-deptEval").count()).toBe(0);

    // The placeholder put back through 插入数字, where the cursor is: the finding goes.
    const at = original.indexOf("{{review.project.excellentShare}}");
    await selfeval.fill(original.replace("{{review.project.excellentShare}}", ""));
    await selfeval.evaluate((el: HTMLTextAreaElement, i) => {
      el.focus();
      el.setSelectionRange(i, i);
    }, at);
    const picker = page.getByTestId("report-insert-selfeval");
    await picker.click();
    await picker.locator("input").fill("项目一等");
    await expect
      .poll(() => page.locator(".ant-select-dropdown:visible .ant-select-item-option").allTextContents())
      .toEqual(["复核项目一等（优）个数7个", "复核项目一等（优）占比7.22%"]);
    expect(existsSync(await h.shot(page, "report-annual-insert"))).toBe(true);
    await pickOption(page, picker, "复核项目一等（优）占比");
    await expect.poll(() => selfeval.inputValue()).toBe(original);
    expect(existsSync(await h.shot(page, "report-annual-editor"))).toBe(true);
    await page.getByTestId("report-draft").click();
    await expect.poll(() => page.getByTestId("report-check-ok").count()).toBe(1);
    expect(await page.getByTestId("report-check-errors").count()).toBe(0);
    expect(await page.getByTestId("report-edit-error-deptEval").count()).toBe(0);
    expect(await page.getByTestId("report-edited").count()).toBe(0);

    // An edited title: the Word file is made from the edited text (POST), and leaving asks first.
    const title = page.getByTestId("report-edit-title");
    await title.fill("{{year}}年{{region}}预算绩效管理工作开展情况（送审稿）");
    const edited = await download(page, page.getByTestId("report-docx"));
    expect(edited.name).toBe("2024年柳州市城中区预算绩效管理工作开展情况（送审稿）.docx");
    expect(edited.text).toContain("占本次抽查比例7.22%");
    expect(await page.getByTestId("report-title").textContent()).toBe(
      "2024年柳州市城中区预算绩效管理工作开展情况（送审稿）",
    );
    await page.getByTestId("report-tab").click();
    await share.click();
    const leave = page.getByRole("dialog").filter({ hasText: "有未保存的修改" });
    await expect.poll(() => leave.count()).toBe(1);
    await leave.getByRole("button", { name: "留在本页" }).click();
    expect(new URL(page.url()).pathname).toBe("/report/annual");

    // 打印 from the editor shows the report, and the printed page is the sheet alone on A4.
    await page.getByTestId("report-edit-tab").click();
    await page.evaluate(() => {
      window.print = () => document.body.setAttribute("data-printed", String(window.scrollY >= 0));
    });
    await page.getByTestId("report-print").click();
    await expect.poll(() => page.locator("body").getAttribute("data-printed")).toBe("true");
    expect(await sheet.isVisible()).toBe(true);
    await page.emulateMedia({ media: "print" });
    for (const hidden of [
      ".ant-layout-header",
      ".ant-layout-sider",
      ".ant-breadcrumb",
      "h4.ant-typography",
      '[data-testid="report-check"]',
      ".ant-tabs-nav",
    ])
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    const sheetBox = (await sheet.boundingBox())!;
    expect(sheetBox.x).toBeLessThan(2);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const raw = pdf.toString("latin1");
    expect(raw.startsWith("%PDF-")).toBe(true);
    expect(raw.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    // Every page A4 portrait (595.3 × 841.9 pt).
    const boxes = [...raw.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)];
    expect(boxes.length).toBeGreaterThanOrEqual(2);
    for (const b of boxes) expect([Math.round(Number(b[1])), Math.round(Number(b[2]))]).toEqual([595, 842]);
    const file = join(SCREENSHOTS, "report-annual-print.pdf");
    writeFileSync(file, pdf);
    if (existsSync("/usr/bin/pdftoppm"))
      execFileSync("/usr/bin/pdftoppm", [
        "-png",
        "-r",
        "60",
        "-f",
        "1",
        "-l",
        "2",
        file,
        join(SCREENSHOTS, "report-annual-print"),
      ]);
    await page.emulateMedia({ media: "screen" });

    // 恢复默认模板, then a figure opens its list.
    await page.getByTestId("report-edit-tab").click();
    await page.getByTestId("report-reset").click();
    await page.getByTestId("report-reset-confirm").click();
    await expect.poll(() => title.inputValue()).toBe("{{year}}年{{region}}预算绩效管理工作开展情况");
    await page.getByTestId("report-tab").click();
    await share.click();
    await page.waitForURL((url) => url.pathname === "/review/stats");
    await page.close();
  });

  it("is not in a department's menu, and its address answers 无权访问", async () => {
    const page = await h.newPage();
    await h.login(page, "dept");
    expect(await page.getByRole("menu").first().getByRole("menuitem", { name: "年度工作报告" }).count()).toBe(0);
    await page.goto(`${h.baseUrl}/report/annual`);
    await expect.poll(() => page.getByText("无权访问").count()).toBeGreaterThan(0);
    await page.close();
  });
});
