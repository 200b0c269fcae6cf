import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
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
