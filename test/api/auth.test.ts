import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../support/app";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe("login and sessions", () => {
  it("logs in with the demo administrator and sets an httpOnly SameSite=Lax cookie", async () => {
    const res = await t.as(null, "POST", "/api/v1/auth/login", { username: "finance", password: "jixiao-demo" });
    expect(res.statusCode).toBe(200);
    const user = res.json().user;
    expect(user).toMatchObject({ username: "finance", role: "finance_admin", regionCode: "450202" });
    expect(user.permissions).toContain("user.manage");
    const cookie = res.cookies.find((c) => c.name === "jixiao_session")!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Lax");
  });

  it("refuses a wrong password and an unknown user with the same message", async () => {
    const a = await t.as(null, "POST", "/api/v1/auth/login", { username: "finance", password: "wrong-pass-1" });
    const b = await t.as(null, "POST", "/api/v1/auth/login", { username: "nobody", password: "wrong-pass-1" });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().error).toEqual(b.json().error);
    expect(a.json().error.message).toBe("用户名或密码错误");
  });

  it("rate-limits repeated failures for one account", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push(
        (await t.as(null, "POST", "/api/v1/auth/login", { username: "auditor", password: `bad-${i}x` })).statusCode,
      );
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
    const ok = await t.as(null, "POST", "/api/v1/auth/login", { username: "auditor", password: "jixiao-demo" });
    expect(ok.statusCode).toBe(429);
    expect(ok.json().error.code).toBe("RATE_LIMITED");
  });

  it("requires a session, and the CSRF header on cookie writes", async () => {
    expect((await t.as(null, "GET", "/api/v1/auth/me")).statusCode).toBe(401);
    const cookie = await t.login("finance");
    expect((await t.as(cookie, "GET", "/api/v1/auth/me")).json().user.username).toBe("finance");
    const noHeader = await t.app.inject({
      method: "PATCH",
      url: "/api/v1/org/orgs/1",
      headers: { cookie },
      payload: { version: 1, name: "x" },
    });
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.json().error.code).toBe("CSRF_HEADER_MISSING");
  });

  it("ends the session on logout", async () => {
    const res = await t.as(null, "POST", "/api/v1/auth/login", { username: "dept", password: "jixiao-demo" });
    const cookie = `jixiao_session=${res.cookies.find((c) => c.name === "jixiao_session")!.value}`;
    expect((await t.as(cookie, "POST", "/api/v1/auth/logout")).statusCode).toBe(204);
    expect((await t.as(cookie, "GET", "/api/v1/auth/me")).statusCode).toBe(401);
  });

  it("changes a password: checks the current one and the policy, then the new one works", async () => {
    const cookie = await t.login("unit");
    const wrong = await t.as(cookie, "POST", "/api/v1/auth/password", {
      currentPassword: "nope-1234",
      newPassword: "Better-pass-2",
    });
    expect(wrong.json().error.code).toBe("PASSWORD_WRONG");
    const weak = await t.as(cookie, "POST", "/api/v1/auth/password", {
      currentPassword: "jixiao-demo",
      newPassword: "short",
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toContain("至少 8 位");
    const ok = await t.as(cookie, "POST", "/api/v1/auth/password", {
      currentPassword: "jixiao-demo",
      newPassword: "Better-pass-2",
    });
    expect(ok.statusCode).toBe(204);
    expect(
      (await t.as(null, "POST", "/api/v1/auth/login", { username: "unit", password: "Better-pass-2" })).statusCode,
    ).toBe(200);
    expect(
      (await t.as(null, "POST", "/api/v1/auth/login", { username: "unit", password: "jixiao-demo" })).statusCode,
    ).toBe(401);
  });

  it("accepts a bearer API token for system-to-system calls without the CSRF header", async () => {
    const { createApiToken } = await import("../../src/app/auth/api-tokens");
    const { systemActor } = await import("../../src/app/auth/actor");
    const { createUnitOfWork } = await import("../../src/db/repos");
    const { argon2Hasher } = await import("../../src/server/auth/password");
    const deps = { uow: createUnitOfWork(t.db), clock: { now: () => new Date() }, hasher: argon2Hasher };
    const { token } = await createApiToken(deps, systemActor("450202"), { username: "staff", name: "一体化系统" });
    const res = await t.app.inject({
      method: "GET",
      url: "/api/v1/projects?year=2024&pageSize=1",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(1713);
    const bad = await t.app.inject({
      method: "GET",
      url: "/api/v1/projects?year=2024",
      headers: { authorization: "Bearer jx_forged" },
    });
    expect(bad.statusCode).toBe(401);
  });
});
