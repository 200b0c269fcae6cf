import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserHarness, startHarness } from "./harness";

let h: BrowserHarness;
let unit: Page;
beforeAll(async () => {
  h = await startHarness();
  unit = await h.newPage();
  await h.login(unit, "unit");
});
afterAll(() => h?.close());

/** The unit's 2024 goal table of a project of the given category, through the API with the page's session. */
async function tableOf(category: "continuing" | "one_off"): Promise<number> {
  const api = (path: string) => unit.request.get(`${h.baseUrl}/api/v1${path}`).then((r) => r.json());
  const project = (await api(`/projects?year=2024&category=${category}&pageSize=1`)).rows[0];
  return (await api(`/goals/tables?year=2024&q=${project.code}`)).rows[0].id;
}

const counts = async () => (await unit.getByTestId("goal-previous-counts").textContent()) ?? "";

/** Of the unit's 2024 tables, the one that changed most from 2023 (for a telling screenshot). */
async function mostChangedTable(): Promise<number> {
  const api = (path: string) => unit.request.get(`${h.baseUrl}/api/v1${path}`).then((r) => r.json());
  const tables = (await api("/goals/tables?year=2024&pageSize=50")).rows as { id: number }[];
  let best = { id: 0, changes: -1 };
  for (const t of tables) {
    const c = (await api(`/goals/tables/${t.id}/previous`)).comparison;
    const changes = c ? c.counts.added + c.counts.removed + c.counts.changed : -1;
    if (changes > best.changes) best = { id: t.id, changes };
  }
  return best.id;
}

describe("与上年对比 and 从上年结转 in the browser", () => {
  it("shows a continuing project's table next to its 2023 predecessor, with tags on adjusted rows", async () => {
    await unit.goto(`${h.baseUrl}/goal-tables/${await mostChangedTable()}`);
    const panel = unit.getByTestId("goal-previous");
    await expect.poll(() => panel.textContent()).toContain("与上年对比（2023年度）");
    await expect.poll(counts).toMatch(/较上年变化 [1-9]/);
    expect(await panel.textContent()).toContain("本表由上年目标表结转");
    expect(await panel.textContent()).toMatch(/上年 [\d,.]+ 万元 → 本年 [\d,.]+ 万元/);
    // The cost ceiling follows the budget: at least that row carries 较上年变化, with last year's value on hover.
    const tag = unit.getByTestId("goal-indicators").getByTestId("goal-row-changed").first();
    await tag.hover();
    await expect.poll(() => unit.locator(".ant-tooltip").last().textContent()).toMatch(/与2023年度相比：.*上年/);
    // The panel at the top of the view, below the sticky header, for the screenshot.
    await unit.mouse.move(0, 0);
    await panel.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top - 64));
    await h.shot(unit, "goal-carry-over-compare");
    expect(await panel.getByTestId("goal-previous-table").locator("tbody tr.ant-table-row").count()).toBeGreaterThan(0);
  });

  it("says so when a project has no 2023 table", async () => {
    await unit.goto(`${h.baseUrl}/goal-tables/${await tableOf("one_off")}`);
    await expect.poll(() => unit.getByTestId("goal-previous").textContent()).toContain("没有2023年度的绩效目标表");
    expect(await unit.getByTestId("goal-indicators").getByTestId("goal-row-added").count()).toBe(0);
  });

  it("carries last year's table over into a revised draft, then tags what the unit adjusts", async () => {
    await unit.goto(`${h.baseUrl}/goal-tables/${await tableOf("continuing")}`);
    await expect.poll(() => unit.getByTestId("goal-status").textContent()).toBe("已批复");
    await unit.getByTestId("goal-action-revise").click();
    await unit.getByTestId("goal-action-comment").fill("按上年目标表重新编制");
    const approvedUrl = unit.url();
    await unit.getByTestId("goal-action-ok").click();
    await unit.waitForURL((u) => u.href !== approvedUrl);
    await expect.poll(() => unit.getByTestId("goal-status").textContent()).toBe("草稿");

    const button = unit.getByTestId("goal-carry-over");
    await expect.poll(() => button.isEnabled()).toBe(true);
    await button.click();
    const dialog = unit.getByRole("dialog");
    await expect.poll(() => dialog.textContent()).toContain("将以2023年度目标表");
    await dialog.getByRole("button", { name: "结转", exact: true }).click();
    await expect.poll(() => unit.locator(".ant-message").textContent()).toContain("已从2023年度目标表结转");
    await expect.poll(counts).toContain("较上年变化 0");
    expect(await counts()).toContain("较上年新增 0");
    expect(await unit.getByTestId("goal-indicators").getByTestId("goal-row-changed").count()).toBe(0);

    // The unit raises the first target: the row is tagged before anything is saved.
    const target = unit.getByLabel("第1行目标值");
    await target.fill(String(Number(await target.inputValue()) + 10));
    await expect.poll(() => unit.getByTestId("goal-indicators").getByTestId("goal-row-changed").count()).toBe(1);
    await expect.poll(counts).toContain("较上年变化 1");
    expect(await counts()).toContain("含本页未保存的修改");
    await unit.getByTestId("goal-indicators").getByTestId("goal-row-changed").hover();
    await expect.poll(() => unit.locator(".ant-tooltip").last().textContent()).toContain("（提高）");
    await h.shot(unit, "goal-carry-over-draft");
  });
});
