import { existsSync, readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserHarness, pickOption, startHarness } from "./harness";

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const TITLE = "2024年度预算绩效管理工作开展情况";
const NOTE = "第一部分补充“提质增效”的表述，其余内容不变";
const EDITED = "推动绩效管理工作提质增效、向高质量发展";

/** The publication page's status tag once it reads `label`. */
const statusIs = (page: Page, label: string) =>
  expect.poll(() => page.getByTestId("publication-status").textContent()).toBe(label);

describe("信息公开 in the browser", () => {
  it("staff corrects the published 2024 report, the check finds a figure typed by hand, finance approves, the portal shows v3", async () => {
    // 信息员: the list, then the 2024 report (published twice by the demo).
    const page = await h.newPage();
    await h.login(page, "staff");
    await page.getByRole("menu").first().getByRole("menuitem", { name: "公开事项" }).click();
    await page.waitForURL((url) => url.pathname === "/disclosure/publications");
    const table = page.getByTestId("publications-table");
    await expect.poll(() => table.locator("tbody tr.ant-table-row").count()).toBeGreaterThanOrEqual(3);
    const row = table.locator("tbody tr.ant-table-row").filter({ hasText: TITLE });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toMatch(/第2版\s*已发布/);
    expect(await row.textContent()).toContain("年度预算绩效管理工作报告");
    expect(await row.getByRole("link", { name: /查看/ }).getAttribute("href")).toMatch(/^\/public\/\d{6}\/p\/\d+$/);
    await page.waitForLoadState("networkidle");
    expect(existsSync(await h.shot(page, "disclosure-list"))).toBe(true);

    // The kind filter keeps the report alone.
    await pickOption(page, page.getByRole("combobox", { name: "类别" }), "年度预算绩效管理工作报告");
    await page.waitForURL((url) => url.searchParams.get("kind") === "annual_report");
    await expect.poll(() => table.locator("tbody tr.ant-table-row").count()).toBe(1);

    await row.getByRole("link", { name: TITLE }).click();
    await page.waitForURL((url) => /^\/disclosure\/publications\/\d+$/.test(url.pathname));
    const detailUrl = page.url();
    await statusIs(page, "已发布");
    expect(await page.getByTestId("publication-version-2").textContent()).toContain("更正说明：开篇补充");
    expect(await page.getByTestId("publication-version-1").textContent()).toContain("已发布");
    const publicHref = (await page.getByTestId("publication-public").getAttribute("href"))!;
    expect(publicHref).toMatch(/^\/public\/\d{6}\/p\/\d+$/);

    // 发起更正: version 3, a draft with its 更正说明.
    await page.getByTestId("publication-correct").click();
    await page.getByTestId("publication-correct-text").fill(NOTE);
    await page.getByTestId("publication-correct-ok").click();
    await statusIs(page, "草稿");
    await expect.poll(() => page.getByTestId("publication-version-3").textContent()).toContain(`更正说明：${NOTE}`);
    expect(await page.getByTestId("publication-change-note").inputValue()).toBe(NOTE);

    // A sentence edited, and a figure typed over by hand.
    const intro = page.getByTestId("report-edit-intro");
    const introText = await intro.inputValue();
    expect(introText).toContain("推动绩效管理工作向高质量发展");
    await intro.fill(introText.replace("推动绩效管理工作向高质量发展", EDITED));
    const selfeval = page.getByTestId("report-edit-selfeval");
    const original = await selfeval.inputValue();
    expect(original).toContain("{{review.project.excellentShare}}");
    await selfeval.fill(original.replace("{{review.project.excellentShare}}", "7.21"));
    await page.getByTestId("publication-save").click();
    await expect.poll(() => page.getByTestId("publication-save").isDisabled()).toBe(true);
    await page.getByTestId("publication-content-tab").click();
    const content = page.getByTestId("publication-content");
    await expect.poll(() => content.textContent()).toContain("占本次抽查比例7.21%");
    expect(await content.textContent()).toContain(EDITED);

    // 数据核对: 7.21 printed, 7.22 computed.
    await page.getByTestId("publication-check").click();
    const findings = page.getByTestId("publication-findings").locator("tbody tr.ant-table-row");
    await expect.poll(() => findings.count()).toBe(1);
    const finding = (await findings.first().textContent()) ?? "";
    expect(finding).toContain("报告正文");
    expect(finding).toMatch(/7\.21%?\s*→\s*7\.22/);
    expect(await page.getByTestId("publication-check-result").textContent()).toContain("发现 1 处数字与现有数据不符");
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(existsSync(await h.shot(page, "disclosure-detail-findings"))).toBe(true);

    // The figure put back: the check is clean.
    await page.getByTestId("publication-edit-tab").click();
    await selfeval.fill(original);
    await page.getByTestId("publication-save").click();
    await expect.poll(() => page.getByTestId("publication-save").isDisabled()).toBe(true);
    await page.getByTestId("publication-check").click();
    await expect.poll(() => page.getByTestId("publication-check-result").textContent()).toContain("核对通过");
    expect(await page.getByTestId("publication-findings").count()).toBe(0);

    // 提交审核 to finance.
    await page.getByTestId("publication-submit").click();
    await pickOption(page, page.getByTestId("publication-approver"), /（finance）/);
    await page.getByTestId("publication-submit-ok").click();
    await statusIs(page, "待审核");
    expect(await page.getByTestId("publication-approve").count()).toBe(0);
    expect(await page.getByTestId("publication-version-3").textContent()).toMatch(/审核员：\S+/);
    await page.context().close();

    // 审核员: from the list to the page, 审核发布.
    const checker = await h.newPage();
    await h.login(checker, "finance");
    await checker.goto(`${h.baseUrl}/disclosure/publications?status=submitted`);
    const pending = checker.getByTestId("publications-table").locator("tbody tr.ant-table-row");
    await expect.poll(() => pending.count()).toBe(1);
    expect(await pending.first().textContent()).toMatch(/第3版\s*待审核/);
    await pending.first().getByRole("link", { name: TITLE }).click();
    await checker.waitForURL(detailUrl);
    await statusIs(checker, "待审核");
    expect(await checker.getByTestId("publication-save").count()).toBe(0);
    await checker.getByTestId("publication-approve").click();
    await statusIs(checker, "已发布");
    expect(await checker.getByTestId("publication-version-3").textContent()).toContain("发布：");
    expect(await checker.getByTestId("publication-content").textContent()).toContain(EDITED);
    await checker.context().close();

    // Anyone, without an account: the portal shows version 3, its 更正说明 and the edited sentence.
    const context = await h.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "zh-CN" });
    const anon = await context.newPage();
    await anon.goto(`${h.baseUrl}${publicHref}`);
    const article = anon.locator("article");
    await expect.poll(() => article.textContent()).toContain(EDITED);
    const text = (await article.textContent()) ?? "";
    expect(text).toContain("第3版（现行）");
    expect(text).toContain(NOTE);
    expect(text).toContain("占本次抽查比例7.22%");
    expect(text).not.toContain("7.21%");
    expect(existsSync(await h.shot(anon, "disclosure-public"))).toBe(true);

    const [file] = await Promise.all([
      anon.waitForEvent("download"),
      anon.getByRole("link", { name: "下载本表 CSV" }).first().click(),
    ]);
    expect(file.url()).toMatch(/\/v\/3\.csv\?table=figures$/);
    const csv = readFileSync((await file.path())!, "utf8").replace(/^\uFEFF/, "");
    const lines = csv.split(/\r?\n/);
    expect(lines[0]).toBe("部分,指标,数值,单位,代码");
    const share = lines.find((l) => l.endsWith(",review.project.excellentShare"));
    expect(share).toMatch(/,7\.22,%,review\.project\.excellentShare$/);
    expect(lines.length).toBeGreaterThan(20);
    await context.close();
  });
  it("finance returns a version with a figure typed by hand, then publishes it only with a reason", async () => {
    const page = await h.newPage();
    await h.login(page, "staff");
    await page.goto(`${h.baseUrl}/disclosure/publications?kind=annual_report&year=2024`);
    const row = page.getByTestId("publications-table").locator("tbody tr.ant-table-row");
    await expect.poll(() => row.count()).toBe(1);
    await row.first().getByRole("link", { name: TITLE }).click();
    await statusIs(page, "已发布");
    const detailUrl = page.url();
    await page.getByTestId("publication-correct").click();
    await page.getByTestId("publication-correct-text").fill("更正复核优秀项目占比");
    await page.getByTestId("publication-correct-ok").click();
    await statusIs(page, "草稿");
    // A figure that does not exist is refused on its section, nothing saved.
    const deptEval = page.getByTestId("report-edit-deptEval");
    const deptEvalText = await deptEval.inputValue();
    await deptEval.fill(`${deptEvalText}{{deptEval.cnt}}`);
    await page.getByTestId("publication-save").click();
    await expect
      .poll(() => page.getByTestId("report-edit-error-deptEval").textContent())
      .toBe("第3节（部门评价）：未知的数字“{{deptEval.cnt}}”");
    await deptEval.fill(deptEvalText);
    expect(await page.getByTestId("report-edit-error-deptEval").count()).toBe(0);
    const selfeval = page.getByTestId("report-edit-selfeval");
    const original = await selfeval.inputValue();
    await selfeval.fill(original.replace("{{review.project.excellentShare}}", "7.21"));
    await page.getByTestId("publication-save").click();
    await expect.poll(() => page.getByTestId("publication-save").isDisabled()).toBe(true);
    await page.getByTestId("publication-submit").click();
    await pickOption(page, page.getByTestId("publication-approver"), /（finance）/);
    await page.getByTestId("publication-submit-ok").click();
    await statusIs(page, "待审核");

    // 审核发布 is refused with the finding; finance returns it instead.
    const checker = await h.newPage();
    await h.login(checker, "finance");
    await checker.goto(detailUrl);
    await statusIs(checker, "待审核");
    await checker.getByTestId("publication-approve").click();
    const dialog = checker.locator(".ant-modal").filter({ hasText: "数据核对不符" });
    await expect.poll(() => dialog.textContent()).toContain("公开稿中有 1 处数字与现有数据不符，未发布");
    expect(await dialog.locator("tbody tr.ant-table-row").first().textContent()).toMatch(/7\.21%?\s*→\s*7\.22/);
    expect(await checker.getByTestId("publication-override-ok").isDisabled()).toBe(true);
    await dialog.getByRole("button", { name: "取消" }).click();
    await statusIs(checker, "待审核");
    await checker.getByTestId("publication-return").click();
    await checker.getByTestId("publication-return-text").fill("优秀项目占比应为7.22%");
    await checker.getByTestId("publication-return-ok").click();
    await statusIs(checker, "已退回");

    // The drafter sees the comment and submits again unchanged; finance publishes with a reason.
    await page.reload();
    await statusIs(page, "已退回");
    expect(await page.getByTestId("publication-version-4").textContent()).toContain("退回意见：优秀项目占比应为7.22%");
    await page.getByTestId("publication-submit").click();
    await page.getByTestId("publication-submit-ok").click();
    await statusIs(page, "待审核");

    await checker.reload();
    await checker.getByTestId("publication-approve").click();
    await checker.getByTestId("publication-override-text").fill("按会议纪要口径公布");
    await checker.getByTestId("publication-override-ok").click();
    await statusIs(checker, "已发布");
    const v4 = checker.getByTestId("publication-version-4");
    await expect.poll(() => v4.textContent()).toContain("数据核对不符仍发布，理由：按会议纪要口径公布");
    expect(existsSync(await h.shot(checker, "disclosure-detail-override"))).toBe(true);
    await page.context().close();
    await checker.context().close();
  });
});
