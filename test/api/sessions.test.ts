import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgeExpired } from "../../src/app/auth/purge-expired";
import { SESSION_ABSOLUTE_MS, SESSION_TTL_MS } from "../../src/app/auth/tokens";
import type { Clock } from "../../src/app/context";
import { createUnitOfWork } from "../../src/db/repos";
import { rows } from "../../src/db/repos/rows";
import { buildServer } from "../../src/server/app";
import { freshDb, type TestDb } from "../support/db";

const HOUR = 3_600_000;
const start = new Date("2025-03-03T08:30:00Z");
let now = start;
const clock: Clock = { now: () => now };
const at = (ms: number) => {
  now = new Date(start.getTime() + ms);
};

let db: TestDb;
let app: Awaited<ReturnType<typeof buildServer>>["app"];
beforeAll(async () => {
  db = await freshDb("demo");
  ({ app } = await buildServer({ db, logLevel: "silent", deps: { clock } }));
});
afterAll(async () => {
  await app.close();
  await db.dispose();
});

const me = (cookie: string) => app.inject({ method: "GET", url: "/api/v1/auth/me", headers: { cookie } });
const cookieOf = (res: Awaited<ReturnType<typeof me>>) => res.cookies.find((c) => c.name === "jixiao_session");

describe("sessions", () => {
  it("re-issues the cookie when a busy session is extended, and ends it at the absolute lifetime", async () => {
    at(0);
    const login = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "unit", password: "jixiao-demo" },
    });
    const issued = cookieOf(login)!;
    expect(new Date(issued.expires!).getTime()).toBe(start.getTime() + SESSION_TTL_MS);
    const cookie = `jixiao_session=${issued.value}`;

    // Early on nothing changes; past half the idle time the expiry slides and the browser is told,
    // up to the absolute lifetime from login.
    at(HOUR);
    expect(cookieOf(await me(cookie))).toBeUndefined();
    at(5 * HOUR);
    const renewed = await me(cookie);
    expect(renewed.statusCode).toBe(200);
    const slid = cookieOf(renewed)!;
    expect(slid.value).toBe(issued.value);
    expect(slid.httpOnly).toBe(true);
    expect(new Date(slid.expires!).getTime()).toBe(
      start.getTime() + Math.min(5 * HOUR + SESSION_TTL_MS, SESSION_ABSOLUTE_MS),
    );

    // Past the first cookie's end the clerk is still signed in, mid-form; at the absolute lifetime no more.
    at(SESSION_TTL_MS + HOUR);
    expect((await me(cookie)).statusCode).toBe(200);
    at(SESSION_ABSOLUTE_MS + 60_000);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it("purges expired sessions and ended login counters", async () => {
    const count = async () =>
      (await rows<{ n: number }>(db.orm, sql`select count(*)::int as n from sessions where expires_at <= ${now}`))[0]!
        .n;
    at(SESSION_ABSOLUTE_MS * 2);
    await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "nobody", password: "x-wrong-1" },
    });
    expect(await count()).toBeGreaterThan(0);
    at(SESSION_ABSOLUTE_MS * 3);
    const purged = await purgeExpired({ uow: createUnitOfWork(db), clock, hasher: undefined as never });
    expect(purged.sessions).toBeGreaterThan(0);
    expect(purged.loginCounters).toBeGreaterThan(0);
    expect(await count()).toBe(0);
  });
});
