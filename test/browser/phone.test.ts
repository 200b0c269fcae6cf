import type { BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserHarness, startHarness } from "./harness";

/**
 * A unit clerk on a phone (390 × 844): "was my table returned?". The unit revises an approved goal
 * table and submits it, the department returns it with a comment on one indicator (through the API);
 * then on the phone the unit finds the returned task, opens the table, reads the return and the comment
 * under its indicator, answers it, changes the target, saves and resubmits with a 修改说明, the page
 * never wider than the screen. Also the menu drawer, a dialog, the 指标库 drawer and the user menu.
 */
const WIDTH = 390;
const HEIGHT = 844;
const XHR = { "x-requested-with": "jixiao" };

let h: BrowserHarness;
let tableId: number;
let commented: { uid: string; name: string; kind: string; target: string };
let newTarget: string;

interface Indicator {
  uid: string;
  name: string;
  kind: string;
  target: string;
}

async function apiAs(username: string): Promise<BrowserContext> {
  const ctx = await h.browser.newContext();
  const res = await ctx.request.post(`${h.baseUrl}/api/v1/auth/login`, {
    headers: XHR,
    data: { username, password: "jixiao-demo" },
  });
  expect(res.status(), await res.text()).toBe(200);
  return ctx;
}
const getJson = async (ctx: BrowserContext, path: string) => {
  const res = await ctx.request.get(`${h.baseUrl}/api/v1${path}`);
  expect(res.status(), await res.text()).toBe(200);
  return res.json();
};
const act = async (ctx: BrowserContext, id: number, body: Record<string, unknown>) => {
  const { version } = await getJson(ctx, `/goals/tables/${id}`);
  const res = await ctx.request.post(`${h.baseUrl}/api/v1/goals/tables/${id}/actions`, {
    headers: XHR,
    data: { version, ...body },
  });
  expect(res.status(), await res.text()).toBe(200);
  return res.json();
};

beforeAll(async () => {
  h = await startHarness();
  // The unit revises one of its approved tables and submits the revision; the department returns it
  // with a general comment and one on the table's second indicator.
  const unit = await apiAs("unit");
  const approved = (await getJson(unit, "/goals/tables?year=2024&pageSize=5&status=approved")).rows[0];
  const revised = await act(unit, approved.id, { action: "revise", comment: "预算调减，调整受益人数" });
  tableId = revised.id;
  await act(unit, tableId, { action: "submit", comment: "按调减后的预算修改了目标" });
  const dept = await apiAs("dept");
  const second = (await getJson(dept, `/goals/tables/${tableId}`)).table.indicators[1] as Indicator;
  commented = second;
  const n = Number(second.target);
  newTarget =
    second.kind === "quantitative" && Number.isFinite(n) ? String(n >= 100 ? n - 1 : n + 1) : "按期完成并通过验收";
  await act(dept, tableId, {
    action: "return",
    comment: "请核实目标值",
    indicatorComments: { [second.uid]: "指标值与预算不匹配，\n请按实际测算" },
  });
  await unit.close();
  await dept.close();
});
afterAll(() => h.close());

async function phone(): Promise<Page> {
  const ctx = await h.browser.newContext({
    viewport: { width: WIDTH, height: HEIGHT },
    isMobile: true,
    hasTouch: true,
    locale: "zh-CN",
  });
  return ctx.newPage();
}

/** Nothing makes the page wider than the phone; else the message names the widest elements. */
async function expectFits(page: Page) {
  const [width, culprits] = await page.evaluate((w) => {
    // Elements reaching past the screen that no narrower ancestor clips: what widens the page.
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

/** Where the element is when it is not whole on the screen, else "on screen" (polled: drawers slide in). */
async function placeOf(locator: Locator): Promise<string> {
  const b = await locator.boundingBox();
  if (!b) return "no box";
  const inside = b.x >= -0.5 && b.y >= -0.5 && b.x + b.width <= WIDTH + 0.5 && b.y + b.height <= HEIGHT + 0.5;
  return inside
    ? "on screen"
    : `at ${Math.round(b.x)},${Math.round(b.y)} size ${Math.round(b.width)}×${Math.round(b.height)}`;
}
const expectOnScreen = (locator: Locator) => expect.poll(() => placeOf(locator)).toBe("on screen");

describe("a unit clerk on a phone", () => {
  it("finds its returned table, answers the comment, fixes the target and resubmits", async () => {
    const page = await phone();
    await h.login(page, "unit");

    // Home: the shell fits; year, bell and user menu are on the screen; the inbox says 被退回.
    const inbox = page.getByTestId("inbox");
    const task = inbox.getByTestId("inbox-task").filter({ hasText: "被退回" });
    await task.waitFor();
    await expectFits(page);
    await expectOnScreen(page.getByTestId("year-select"));
    await expectOnScreen(page.getByTestId("notification-bell"));
    await expectOnScreen(page.getByTestId("user-menu"));
    expect(await page.locator(".ant-layout-sider").count()).toBe(0);
    await h.shot(page, "phone-01-home");

    // The menu is a drawer opened from the header's button.
    await page.getByTestId("menu-toggle").click();
    const drawer = page.locator(".jx-menu-drawer .ant-drawer-content-wrapper");
    const menu = page.getByRole("menu", { name: "主菜单" });
    await menu.getByText("绩效目标表").waitFor();
    await expectOnScreen(menu.getByText("绩效目标表"));
    await expectOnScreen(drawer);
    await h.shot(page, "phone-02-menu");
    await menu.getByText("任务与进度").click();
    await page.waitForURL(/\/tasks$/);
    await menu.waitFor({ state: "hidden" });

    // Tasks: one card per task, the returned one says so.
    const taskList = page.getByTestId("task-table");
    await expect.poll(() => taskList.getAttribute("data-view")).toBe("cards");
    await taskList.getByTestId("list-card").filter({ hasText: "被退回" }).waitFor();
    await expectFits(page);
    await h.shot(page, "phone-03-tasks");

    // The goal table list as cards; the returned table's card opens it.
    await page.getByTestId("menu-toggle").click();
    await menu.getByText("绩效目标表").click();
    await page.waitForURL(/\/goal-tables$/);
    const list = page.getByTestId("goal-table-list");
    await expect.poll(() => list.getAttribute("data-view")).toBe("cards");
    const card = list.getByTestId("list-card").filter({ hasText: "已退回" });
    await card.waitFor();
    await expect.poll(() => card.count()).toBe(1);
    await expectFits(page);
    await h.shot(page, "phone-04-goal-tables");
    await card.getByRole("link").click();
    await page.waitForURL(new RegExp(`/goal-tables/${tableId}$`));

    // The return: who returned it and the general comment, with the indicator comment one tap away.
    const alert = page.getByTestId("goal-returned-alert");
    await alert.getByText("请核实目标值").waitFor();
    await expect.poll(() => page.getByTestId("goal-indicators").getAttribute("data-view")).toBe("cards");
    await expectFits(page);
    await h.shot(page, "phone-05-returned");

    // The comment under its indicator's card.
    await alert.getByTestId("goal-commented-rows").getByText(commented.name).click();
    const indicator = page.getByTestId("goal-indicator-card").filter({ hasText: "指标值与预算不匹配" });
    await expect.poll(() => indicator.count()).toBe(1);
    await expect.poll(() => indicator.getByTestId("goal-indicator-card-name").textContent()).toBe(commented.name);
    const thread = indicator.getByTestId("review-comment");
    await thread.getByText("请按实际测算").waitFor();
    await page.waitForTimeout(600); // the smooth scroll
    await expectOnScreen(thread.getByText("请按实际测算"));
    await h.shot(page, "phone-06-comment");

    // The unit answers it.
    const answer = indicator.getByTestId("review-answer-input");
    await answer.fill("已按实际测算调整目标值");
    await expectOnScreen(indicator.getByTestId("review-answer-save"));
    await indicator.getByTestId("review-answer-save").click();
    await page.getByText("已保存答复").first().waitFor();
    await expect.poll(() => thread.getAttribute("data-answered")).toBe("yes");
    await expectFits(page);
    await h.shot(page, "phone-07-answered");

    // It changes the target; the card's head keeps naming the row while its fields are edited.
    const target = indicator.getByLabel(/^第\d+行目标值$/);
    await target.scrollIntoViewIfNeeded();
    await target.fill(newTarget);
    await page.getByTestId("goal-dirty").waitFor();
    const head = indicator.locator(".jx-ic-head");
    await expectOnScreen(head);
    expect(await head.textContent()).toMatch(new RegExp(`第\\d+行.*${commented.name}`));
    await h.shot(page, "phone-08-edited");
    // Scrolled so that only the card's lower part is on the screen, the head sticks under the app header.
    const box = (await indicator.boundingBox())!;
    await page.evaluate((y) => window.scrollBy(0, y), box.y + box.height - 300);
    await page.waitForTimeout(200);
    const headBox = (await head.boundingBox())!;
    expect(headBox.y).toBeGreaterThanOrEqual(55);
    expect(headBox.y).toBeLessThan(60);
    // The action bar is at the bottom of the screen, its buttons on it.
    const bar = page.getByTestId("goal-toolbar");
    await expectOnScreen(bar);
    expect((await bar.boundingBox())!.y).toBeGreaterThan(HEIGHT - 160);
    await expectOnScreen(page.getByTestId("goal-save"));
    await expectOnScreen(page.getByTestId("goal-action-submit"));
    await expectFits(page);
    await h.shot(page, "phone-09-sticky-head");

    // The 指标库 drawer takes the whole screen.
    await page.getByRole("button", { name: "指标库" }).first().click();
    const library = page.locator(".ant-drawer-right > .ant-drawer-content-wrapper").filter({ hasText: "指标库" });
    await library.waitFor();
    await page.waitForTimeout(400); // the drawer's slide
    const libBox = (await library.boundingBox())!;
    expect(Math.round(libBox.width)).toBe(WIDTH);
    expect(Math.round(libBox.x)).toBe(0);
    await h.shot(page, "phone-10-library");
    await page.locator(".ant-drawer-close").last().click();
    await library.waitFor({ state: "hidden" });

    // Save, then submit with a 修改说明 in a dialog that fits the screen.
    await page.getByTestId("goal-save").click();
    await page.getByText("已保存").first().waitFor();
    await page.getByTestId("goal-dirty").waitFor({ state: "detached" });
    await page.getByTestId("goal-action-submit").click();
    const dialog = page.getByRole("dialog").filter({ hasText: "重新提交绩效目标表" });
    await dialog.getByTestId("goal-submit-note").fill("已按退回意见修改目标值并逐条答复");
    const ok = dialog.getByRole("button", { name: "提交" });
    await expectOnScreen(ok);
    await expectOnScreen(dialog.getByRole("button", { name: "取消" }));
    const dialogBox = (await page.locator(".ant-modal").filter({ hasText: "重新提交绩效目标表" }).boundingBox())!;
    expect(dialogBox.width).toBeLessThanOrEqual(WIDTH - 16);
    await expectFits(page);
    await h.shot(page, "phone-11-submit-dialog");
    await ok.click();
    await page.getByText("已提交，等待主管部门审核").waitFor();
    await expect.poll(() => page.getByTestId("goal-status").textContent()).toBe("待主管部门审核");
    await page.evaluate(() => window.scrollTo(0, 0));
    await expectFits(page);
    await h.shot(page, "phone-12-submitted");

    // What the department now reads: the answer, the new target and the note.
    const dept = await apiAs("dept");
    const stored = await getJson(dept, `/goals/tables/${tableId}`);
    expect(stored.status).toBe("submitted");
    expect(stored.table.indicators.find((i: Indicator) => i.uid === commented.uid).target).toBe(newTarget);
    const review = await getJson(dept, `/goals/tables/${tableId}/review`);
    expect(review.comments.find((c: { itemKey: string | null }) => c.itemKey === commented.uid)).toMatchObject({
      answer: "已按实际测算调整目标值",
    });
    expect(review.rounds.at(-1)).toMatchObject({ outcome: "pending", note: "已按退回意见修改目标值并逐条答复" });
    await dept.close();

    // The user menu's 退出登录 is on the screen and signs out.
    await page.getByTestId("user-menu").click();
    const logout = page.getByRole("menuitem", { name: "退出登录" });
    await expectOnScreen(logout);
    await h.shot(page, "phone-13-user-menu");
    await logout.click();
    await page.waitForURL(/\/login/);
    await expectFits(page);
    await page.context().close();
  });

  it("lets the department read the resubmitted table and write a return on the phone", async () => {
    const page = await phone();
    await h.login(page, "dept");
    await page.goto(`${h.baseUrl}/goal-tables/${tableId}`);
    const cards = page.getByTestId("goal-indicator-card");
    await expect.poll(() => page.getByTestId("goal-indicators").getAttribute("data-view")).toBe("cards");
    const indicator = cards.filter({ hasText: "指标值与预算不匹配" });
    await indicator.getByTestId("review-answer").getByText("已按实际测算调整目标值").waitFor();
    // Read-only, the card names the level 2 and shows the new target.
    await indicator.getByText(newTarget).first().waitFor();
    await indicator.getByRole("button", { name: /写审核意见/ }).click();
    await indicator.getByTestId("goal-row-draft").fill("目标值已核实");
    await expectFits(page);
    await h.shot(page, "phone-14-dept-review");
    await page.getByTestId("goal-action-return").click();
    const dialog = page.getByRole("dialog").filter({ hasText: "退回" });
    await dialog.getByTestId("goal-action-comment").fill("请补充指标解释");
    await expectOnScreen(dialog.getByTestId("goal-action-ok"));
    await expectOnScreen(dialog.getByRole("button", { name: "取消" }));
    await expectFits(page);
    await h.shot(page, "phone-15-return-dialog");
    await dialog.getByRole("button", { name: "取消" }).click();
    await page.context().close();
  });

  it("keeps finance's and the department's main pages within the screen", async () => {
    const pages: [string, string[]][] = [
      [
        "staff",
        [
          "/",
          "/tasks",
          "/goal-tables",
          "/projects",
          "/goals/quality",
          "/plan",
          "/monitoring",
          "/monitoring/reports",
          "/monitoring/follow-ups",
          "/rectification",
          "/rectification/new",
          "/evaluations",
          "/evaluations/framework",
          "/evaluations/experts",
          "/evaluations/stats",
        ],
      ],
      [
        "dept",
        [
          "/",
          "/tasks",
          "/goal-tables",
          "/monitoring/reports",
          "/monitoring/follow-ups",
          "/evaluations",
          "/rectification",
        ],
      ],
    ];
    for (const [username, paths] of pages) {
      const page = await phone();
      await h.login(page, username);
      for (const path of paths) {
        await page.goto(`${h.baseUrl}${path}`);
        await page.waitForLoadState("networkidle");
        await page.locator(".ant-skeleton, .ant-spin-spinning").first().waitFor({ state: "detached" });
        await expectFits(page);
        await h.shot(page, `phone-18-${username}${path.replaceAll("/", "-").replace(/-$/, "-home")}`);
      }
      await page.context().close();
    }
  });

  it("keeps the projects list and a project within the screen", async () => {
    const page = await phone();
    await h.login(page, "unit");
    await page.goto(`${h.baseUrl}/projects`);
    const list = page.getByTestId("project-table");
    await expect.poll(() => list.getAttribute("data-view")).toBe("cards");
    await list.getByTestId("list-card").first().waitFor();
    await expectFits(page);
    await h.shot(page, "phone-16-projects");
    await list.getByTestId("list-card").first().getByRole("link").click();
    await page.waitForURL(/\/projects\/\d+$/);
    await page.getByText("项目详情").first().waitFor();
    await page.waitForTimeout(800); // the charts
    await expectFits(page);
    await h.shot(page, "phone-17-project");
    await page.context().close();
  });
});
