import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../src/server/app";
import { freshDb, type TestDb } from "../support/db";

let db: TestDb;
let direct: Awaited<ReturnType<typeof buildServer>>["app"];
let proxied: Awaited<ReturnType<typeof buildServer>>["app"];
beforeAll(async () => {
  db = await freshDb("demo");
  direct = (await buildServer({ db, logLevel: "silent" })).app;
  proxied = (await buildServer({ db, logLevel: "silent", trustProxy: 1 })).app;
});
afterAll(async () => {
  await direct.close();
  await proxied.close();
  await db.dispose();
});

const login = (app: typeof direct, headers: Record<string, string> = {}) =>
  app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { username: "staff", password: "jixiao-demo" },
    headers,
    remoteAddress: "127.0.0.1",
  });

describe("security headers and cookies", () => {
  it("sends CSP without framing, nosniff and a same-origin referrer policy on every response", async () => {
    for (const url of ["/api/health", "/api/v1/nothing-here", "/api/docs/static/index.html"]) {
      const res = await direct.inject({ method: "GET", url });
      expect(res.headers["content-security-policy"], url).toContain("frame-ancestors 'none'");
      expect(res.headers["content-security-policy"], url).toContain("script-src 'self'");
      expect(res.headers["content-security-policy"], url).not.toMatch(/script-src[^;]*unsafe/);
      expect(res.headers["x-content-type-options"], url).toBe("nosniff");
      expect(res.headers["referrer-policy"], url).toBe("same-origin");
      expect(res.headers["x-frame-options"], url).toBe("DENY");
    }
    expect(
      (await direct.inject({ method: "GET", url: "/api/health" })).headers["strict-transport-security"],
    ).toBeUndefined();
  });

  it("marks the session cookie Secure when https reached a trusted proxy, and only then", async () => {
    const https = await login(proxied, { "x-forwarded-proto": "https", "x-forwarded-for": "10.1.1.1" });
    expect(https.cookies.find((c) => c.name === "jixiao_session")!.secure).toBe(true);
    expect(https.headers["strict-transport-security"]).toContain("max-age=");
    const plain = await login(proxied, { "x-forwarded-for": "10.1.1.2" });
    expect(plain.cookies.find((c) => c.name === "jixiao_session")!.secure).toBeFalsy();
    // A server that trusts no proxy ignores a client claiming https.
    const forged = await login(direct, { "x-forwarded-proto": "https" });
    expect(forged.cookies.find((c) => c.name === "jixiao_session")!.secure).toBeFalsy();
  });
});
