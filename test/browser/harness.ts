import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { buildServer } from "../../src/server/app";
import { freshDb, type TestDb } from "../support/db";

export const SCREENSHOTS = resolve("test-results/screenshots");
const WEB_DIR = resolve("dist/web");

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
  mkdirSync(SCREENSHOTS, { recursive: true });
  const db: TestDb = await freshDb("demo");
  const { app } = await buildServer({ db, logLevel: "silent", webDir: WEB_DIR });
  const baseUrl = await app.listen({ port: 0, host: "127.0.0.1" });
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
    async login(page, username, password = "jixiao-demo") {
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
      await app.close();
      await db.dispose();
    },
  };
}
