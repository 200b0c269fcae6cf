import type { LightMyRequestResponse } from "fastify";
import type { Clock } from "../../src/app/context";
import { buildServer } from "../../src/server/app";
import { SESSION_COOKIE } from "../../src/server/auth/hook";
import { freshDb, type TestDb } from "./db";
import type { TemplateName } from "./template";

export const DEMO_PASSWORD = "jixiao-demo";

export interface TestApp {
  db: TestDb;
  app: Awaited<ReturnType<typeof buildServer>>["app"];
  routes: Awaited<ReturnType<typeof buildServer>>["routes"];
  /** Logs in and returns the session cookie header. */
  login(username: string, password?: string): Promise<string>;
  /** A request as the given session (cookie string), with the CSRF header on writes. */
  as(
    cookie: string | null,
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  /** Posts one file as multipart form data (field `file`), as the browser's upload does. */
  upload(cookie: string, url: string, content: Buffer | string, fileName: string): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/**
 * The API on a fresh database (by default with the demo district), driven through fastify.inject; with a
 * clock, the server's "now" (and the rows' stamps) are that clock's; with a web directory, it also serves
 * the built web app (for browser tests).
 */
export async function testApp(
  template: TemplateName = "demo",
  options: { clock?: Clock; webDir?: string } = {},
): Promise<TestApp> {
  const db = await freshDb(template);
  const { app, routes } = await buildServer({
    db,
    logLevel: "silent",
    ...(options.clock ? { deps: { clock: options.clock } } : {}),
    ...(options.webDir ? { webDir: options.webDir } : {}),
  });
  const cookies = new Map<string, string>();
  const t: TestApp = {
    db,
    app,
    routes,
    async login(username, password = DEMO_PASSWORD) {
      const cached = password === DEMO_PASSWORD ? cookies.get(username) : undefined;
      if (cached) return cached;
      const res = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      const token = res.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
      const cookie = `${SESSION_COOKIE}=${token}`;
      if (password === DEMO_PASSWORD) cookies.set(username, cookie);
      return cookie;
    },
    as(cookie, method, url, body, headers = {}) {
      const h: Record<string, string> = { ...headers };
      if (cookie) h.cookie = cookie;
      if (method !== "GET") h["x-requested-with"] = "jixiao";
      return app.inject({
        method: method as "GET",
        url,
        headers: h,
        ...(body === undefined ? {} : { payload: body as object }),
      });
    },
    upload(cookie, url, content, fileName) {
      const boundary = "----jixiao-test";
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        Buffer.isBuffer(content) ? content : Buffer.from(content),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return t.as(cookie, "POST", url, body, { "content-type": `multipart/form-data; boundary=${boundary}` });
    },
    async close() {
      await app.close();
      await db.dispose();
    },
  };
  return t;
}
