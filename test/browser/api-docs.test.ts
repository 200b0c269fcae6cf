import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserHarness, startHarness } from "./harness";

/**
 * The API documentation as an integrator reads it: signed in, every operation shows its response schema
 * and the one error shape. Without a session the browser is sent to the login page.
 */
let h: BrowserHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe("the API documentation page", () => {
  it("sends a browser without a session to the login page", async () => {
    const page = await h.newPage();
    await page.goto(`${h.baseUrl}/api/docs`);
    await page.waitForURL((url) => url.pathname === "/login");
    await page.context().close();
  });

  it("shows each operation's response schema and the error shape to a signed-in account", async () => {
    const page = await h.newPage();
    await h.login(page, "staff");
    // Tall enough for one operation with its 200, 4XX and 5XX responses in one screenshot.
    await page.setViewportSize({ width: 1366, height: 2600 });
    for (const [id, name] of [
      ["getGoalTable", "goal-table"],
      ["listProjects", "list-projects"],
    ] as const) {
      // Each operation from a freshly loaded page: with the whole API (over 250 operations) open, the operation
      // looked at before could leave the next one's block unrendered until the locator timed out.
      await page.goto(`${h.baseUrl}/api/docs`);
      const op = page.locator(`[id$="-${id}"]`).first();
      await op.locator(".opblock-summary").click();
      const responses = op.locator(".responses-wrapper");
      await responses.waitFor();
      await expect.poll(() => responses.locator("tr.response").count()).toBeGreaterThanOrEqual(3);
      await expect.poll(() => responses.textContent()).toMatch(/4XX[\s\S]*5XX/);
      await op.scrollIntoViewIfNeeded();
      await h.shot(page, `api-docs-${name}`);
      await op.locator(".opblock-summary").click();
    }
    await page.context().close();
  });
});
