import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserHarness, startHarness } from "./harness";

/**
 * The year's work as its users meet it: finance opens the 2025 goal declaration on the plan page, a unit
 * finds its task in its inbox and opens its tables, finance follows the progress and sends a reminder,
 * which reaches the unit's bell.
 */
let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const PROJECTS = `预算年度,项目编码,项目名称,主管部门编码,实施单位编码,项目类别,重点项目,年初预算数（元）,全年预算数（元）,财政拨款（元）,其他资金（元）
2025,T2025001,文惠小学校舍维修,120,120001,一次性,否,500000.00,500000.00,500000.00,0
2025,T2025002,文惠小学课后服务,120,120001,常年性,否,300000.00,300000.00,300000.00,0
2025,T2025003,教育局信息化运维,120,120,常年性,否,200000.00,200000.00,200000.00,0`;

async function signedIn(username: string, year = 2025): Promise<Page> {
  const page = await h.newPage();
  await page.addInitScript((y) => window.localStorage.setItem("jixiao.year", String(y)), year);
  await h.login(page, username);
  return page;
}

describe("tasks and the inbox", () => {
  it("finance imports the 2025 budget and opens the goal declaration on the plan page", async () => {
    const page = await signedIn("staff");
    const res = await page.request.post(`${h.baseUrl}/api/v1/imports/projects?mode=commit&fileName=2025.csv`, {
      headers: { "content-type": "text/csv", "x-requested-with": "jixiao" },
      data: PROJECTS,
    });
    expect(res.status(), await res.text()).toBe(201);
    await page.goto(`${h.baseUrl}/plan`);
    await page.getByTestId("plan-phases").getByText("目标申报", { exact: true }).waitFor();
    await page.getByTestId("plan-open-goals").click();
    await page.getByRole("dialog").getByRole("button", { name: "下达" }).click();
    await page.getByText(/目标申报已下达：新建目标表 3 张、申报任务 2 项/).waitFor();
    await page.getByTestId("plan-phases").getByText("已下达，截止").waitFor();
    await h.shot(page, "plan-opened");
    await page.context().close();
  });

  it("a unit finds its task in its inbox and opens its tables in one click", async () => {
    const page = await signedIn("unit120001");
    const inbox = page.getByTestId("inbox");
    await inbox.getByTestId("inbox-task").first().waitFor();
    expect(await inbox.getByTestId("inbox-task").count()).toBe(1);
    await inbox.getByText("2025年度绩效目标申报（2 张目标表）").waitFor();
    await expect.poll(() => page.getByTestId("notification-bell").getAttribute("aria-label")).toBe("通知，1 条未读");
    await h.shot(page, "inbox-unit");
    await inbox.getByRole("link", { name: "去办理" }).click();
    await page.waitForURL(/\/goal-tables$/);
    await page.getByText("文惠小学校舍维修").first().waitFor();
    await page.getByText("文惠小学课后服务").first().waitFor();
    await page.context().close();
  });

  it("finance follows the progress by department and reminds a unit, which the unit's bell shows", async () => {
    const page = await signedIn("staff");
    await page.goto(`${h.baseUrl}/tasks`);
    await page.getByTestId("task-progress").waitFor();
    await page.getByTestId("progress-chart").waitFor();
    await page.getByTestId("task-table").getByText("城中区文惠小学").waitFor();
    await h.shot(page, "task-progress");
    const row = page.getByTestId("task-table").locator("tr", { hasText: "城中区文惠小学" });
    await row.getByTestId("task-remind").click();
    await page.getByText("已催办：").waitFor();
    await page.context().close();

    const unit = await signedIn("unit120001");
    await expect.poll(() => unit.getByTestId("notification-bell").getAttribute("aria-label")).toBe("通知，2 条未读");
    await unit.getByTestId("notification-bell").click();
    await unit.getByTestId("notification").filter({ hasText: "催办：" }).waitFor();
    await h.shot(unit, "notifications-unit");
    await unit.context().close();
  });
});
