import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserHarness, startHarness } from "./harness";

let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const MENU = [
  "首页",
  "项目库",
  "部门整体预算",
  "运行监控",
  "复核抽样",
  "公开事项",
  "年度工作报告",
  "组织机构",
  "数据导入",
  "用户管理",
  "审计日志",
];

/** What each role's menu shows; the rest must be absent and refused when typed into the address bar. */
const CASES: { username: string; menu: string[]; forbidden: string[] }[] = [
  { username: "finance", menu: MENU, forbidden: [] },
  {
    username: "staff",
    menu: [
      "首页",
      "项目库",
      "部门整体预算",
      "运行监控",
      "复核抽样",
      "公开事项",
      "年度工作报告",
      "组织机构",
      "数据导入",
    ],
    forbidden: ["/users", "/audit"],
  },
  {
    username: "auditor",
    menu: ["首页", "项目库", "部门整体预算", "运行监控", "公开事项", "年度工作报告", "组织机构", "审计日志"],
    forbidden: ["/imports", "/users", "/review", "/review/stats", "/goals/check"],
  },
  {
    username: "dept",
    menu: ["首页", "项目库", "部门整体预算", "运行监控", "组织机构"],
    forbidden: [
      "/imports",
      "/users",
      "/audit",
      "/review",
      "/review/firms",
      "/report/annual",
      "/disclosure/publications",
    ],
  },
  {
    username: "unit",
    menu: ["首页", "项目库", "组织机构"],
    forbidden: [
      "/dept-budgets",
      "/monitoring",
      "/imports",
      "/users",
      "/audit",
      "/review",
      "/goals/check",
      "/report/annual",
    ],
  },
  {
    username: "firm",
    menu: ["首页", "项目库", "组织机构"],
    forbidden: [
      "/dept-budgets",
      "/monitoring",
      "/imports",
      "/users",
      "/audit",
      "/review",
      "/review/stats",
      "/results/requests",
    ],
  },
  {
    username: "expert",
    menu: ["首页", "项目库", "组织机构"],
    forbidden: ["/dept-budgets", "/monitoring", "/imports", "/users", "/audit", "/results/requests", "/report/annual"],
  },
];

describe("each role in the browser", () => {
  for (const c of CASES) {
    it(`${c.username}: logs in, sees its menu and home page, and is refused the rest`, async () => {
      const page = await h.newPage();
      await h.login(page, c.username);
      const nav = page.getByRole("menu").first();
      for (const label of MENU) {
        // The accessible name also holds the icon's label ("home 首页").
        const item = nav.getByRole("menuitem", { name: new RegExp(`(^|\\s)${label}$`) });
        if (c.menu.includes(label)) await expect.poll(() => item.count()).toBe(1);
        else expect(await item.count(), `${c.username} must not see ${label}`).toBe(0);
      }
      await expect.poll(() => page.getByTestId("stat-projects").count()).toBe(1);
      await page.waitForLoadState("networkidle");
      expect(existsSync(await h.shot(page, `home-${c.username}`))).toBe(true);
      for (const path of c.forbidden) {
        await page.goto(`${h.baseUrl}${path}`);
        await expect.poll(() => page.getByText("无权访问").count()).toBeGreaterThan(0);
      }
      await page.context().close();
    });
  }

  it("finance: filters the project library, opens a project and exports", async () => {
    const page = await h.newPage();
    await h.login(page, "finance");
    await page.goto(`${h.baseUrl}/projects`);
    const table = page.getByTestId("project-table");
    await expect.poll(() => table.locator("tbody tr.ant-table-row").count()).toBeGreaterThan(5);
    await expect.poll(() => page.getByText("1,713 个项目").count()).toBeGreaterThan(0);
    await page.getByTestId("project-search").locator("input").fill("电影");
    await page.getByTestId("project-search").locator("input").press("Enter");
    await expect.poll(() => page.getByText("自治区补助市县电影资金").count()).toBeGreaterThan(0);
    await h.shot(page, "projects-finance");
    const download = page.waitForEvent("download");
    await page.getByTestId("project-export").click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    await page.getByText("自治区补助市县电影资金").first().click();
    await expect.poll(() => page.getByText("月度执行").count()).toBeGreaterThan(0);
    await page.waitForLoadState("networkidle");
    await h.shot(page, "project-detail");
    await page.context().close();
  });

  it("a unit sees only its own projects", async () => {
    const page = await h.newPage();
    await h.login(page, "unit");
    await page.goto(`${h.baseUrl}/projects`);
    const table = page.getByTestId("project-table");
    await expect.poll(() => table.locator("tbody tr.ant-table-row").count()).toBeGreaterThan(0);
    const units = await table.locator("tbody tr.ant-table-row td:nth-child(4)").allInnerTexts();
    expect(new Set(units.filter((u) => u.trim())).size).toBe(1);
    await page.context().close();
  });
});
