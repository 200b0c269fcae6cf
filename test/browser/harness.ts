import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { type Browser, chromium, type Locator, type Page } from "playwright-core";
import { buildServer } from "../../src/server/app";
import { freshDb, type TestDb } from "../support/db";

export const SCREENSHOTS = resolve("test-results/screenshots");
export const WEB_DIR = resolve("dist/web");

export interface BrowserHarness {
  baseUrl: string;
  browser: Browser;
  newPage(): Promise<Page>;
  login(page: Page, username: string, password?: string): Promise<void>;
  shot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

/** The open antd Select dropdown once its motion has ended (antd keeps closed ones in the page, hidden). */
const SETTLED_DROPDOWN =
  '.ant-select-dropdown:not(.ant-select-dropdown-hidden):not([class*="-appear"]):not([class*="-enter"]):not([class*="-leave"])';

/**
 * Picks the option showing `text` in an antd Select or TreeSelect (`item` names a tree's node title;
 * `search` is typed first, for a searchable one). A click that lands while the dropdown still slides in
 * (a loaded machine) can miss, leaving it open: the pick waits for the motion to end and is repeated until
 * the dropdown closes, as a single select's does once an option is taken.
 */
export async function pickOption(
  page: Page,
  select: Locator,
  text: string | RegExp,
  { item = ".ant-select-item-option", search }: { item?: string; search?: string } = {},
): Promise<void> {
  const open = page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)");
  const gone = (timeout: number) =>
    open
      .first()
      .waitFor({ state: "detached", timeout })
      .then(() => true)
      .catch(() => false);
  for (let attempt = 1; ; attempt++) {
    await gone(10_000);
    if ((await open.count()) === 0) {
      await select.click();
      if (search !== undefined) await select.locator("input").fill(search);
    }
    const option = page.locator(`${SETTLED_DROPDOWN} ${item}`).filter({ hasText: text, visible: true }).first();
    await option.waitFor({ state: "visible" });
    await option.click();
    if ((await gone(3_000)) || attempt === 3) return;
  }
}

/** Starts the server with the built web app on a fresh demo database and a headless Debian Chromium. */
export async function startHarness(): Promise<BrowserHarness> {
  const db: TestDb = await freshDb("demo");
  const { app } = await buildServer({ db, logLevel: "silent", webDir: WEB_DIR });
  const baseUrl = await app.listen({ port: 0, host: "127.0.0.1" });
  return harnessOn(baseUrl, "jixiao-demo", async () => {
    await app.close();
    await db.dispose();
  });
}

/**
 * A headless Debian Chromium against a server already listening at `baseUrl` (e.g. a district built from
 * its own files, served with `WEB_DIR`); `close` ends the browser, then `closeServer`.
 */
export async function harnessOn(
  baseUrl: string,
  defaultPassword: string,
  closeServer: () => Promise<void>,
): Promise<BrowserHarness> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    baseUrl,
    browser,
    async newPage() {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: "zh-CN" });
      return context.newPage();
    },
    async login(page, username, password = defaultPassword) {
      await page.goto(`${baseUrl}/login`);
      await page.locator("#login_username").fill(username);
      await page.locator("#login_password").fill(password);
      await page.getByRole("button", { name: "登录" }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/login"));
    },
    async shot(page, name) {
      const path = join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path, fullPage: false });
      return path;
    },
    async close() {
      await browser.close();
      await closeServer();
    },
  };
}
