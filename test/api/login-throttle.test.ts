import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock, PasswordHasher } from "../../src/app/context";
import { LOGIN_POLICY } from "../../src/core/login-throttle";
import { buildServer } from "../../src/server/app";
import { argon2Hasher } from "../../src/server/auth/password";
import type { TrustProxy } from "../../src/server/config";
import { freshDb, type TestDb } from "../support/db";

/** A clock the test moves, and a hasher that counts how many passwords were verified. */
let now = new Date("2025-03-01T09:00:00Z");
const clock: Clock = { now: () => now };
let verified = 0;
const hasher: PasswordHasher = {
  hash: (p) => argon2Hasher.hash(p),
  verify: (h, p) => {
    verified++;
    return argon2Hasher.verify(h, p);
  },
};

let db: TestDb;
const servers: Awaited<ReturnType<typeof buildServer>>["app"][] = [];
async function server(trustProxy: TrustProxy = false) {
  const { app } = await buildServer({ db, logLevel: "silent", deps: { clock, hasher }, trustProxy });
  servers.push(app);
  return app;
}
beforeAll(async () => {
  db = await freshDb("demo");
});
afterAll(async () => {
  for (const s of servers) await s.close();
  await db.dispose();
});

type App = Awaited<ReturnType<typeof server>>;
const login = (app: App, username: string, password: string, headers: Record<string, string> = {}, remote?: string) =>
  app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { username, password },
    headers,
    ...(remote ? { remoteAddress: remote } : {}),
  });
const later = (ms: number) => {
  now = new Date(now.getTime() + ms);
};

describe("login throttling", () => {
  it("counts an attempt before the password is verified: of 40 concurrent guesses from one machine only 5 are checked", async () => {
    const app = await server();
    verified = 0;
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => login(app, "auditor", `guess-${i}x`, {}, "10.0.0.1")),
    );
    const statuses = answers.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(LOGIN_POLICY.pairFailures);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40 - LOGIN_POLICY.pairFailures);
    expect(verified).toBe(LOGIN_POLICY.pairFailures);
    // That machine is locked out of the account for the window, even with the right password.
    expect((await login(app, "auditor", "jixiao-demo", {}, "10.0.0.1")).statusCode).toBe(429);
    // The real user elsewhere waits a few seconds at most (the account is slowed, not locked).
    later(LOGIN_POLICY.spacingMs);
    expect((await login(app, "auditor", "jixiao-demo", {}, "10.0.0.2")).statusCode).toBe(200);
    later(LOGIN_POLICY.windowMs);
    expect((await login(app, "auditor", "jixiao-demo", {}, "10.0.0.1")).statusCode).toBe(200);
  });

  it("does not let a stranger lock a user out: six wrong passwords from one address leave other addresses alone", async () => {
    const app = await server();
    for (let i = 0; i < LOGIN_POLICY.pairFailures; i++)
      expect((await login(app, " DEPT150", `wrong-${i}x`, {}, "10.0.5.1")).statusCode).toBe(401);
    expect((await login(app, "dept150", "wrong-xx1", {}, "10.0.5.1")).statusCode).toBe(429);
    expect((await login(app, "dept150", "jixiao-demo", {}, "10.0.5.2")).statusCode).toBe(200);
    later(LOGIN_POLICY.windowMs);
  });

  it("counts padded, upper-case and full-width spellings of a name as the same account", async () => {
    const app = await server();
    const spellings = [" finance", "  finance", "FINANCE", "ｆｉｎａｎｃｅ", "finance "];
    for (const name of spellings) expect((await login(app, name, "wrong-pass-1", {}, "10.0.1.1")).statusCode).toBe(401);
    expect((await login(app, "finance", "wrong-pass-1", {}, "10.0.1.1")).statusCode).toBe(429);
    later(LOGIN_POLICY.windowMs);
    expect((await login(app, " Finance ", "jixiao-demo", {}, "10.0.1.1")).statusCode).toBe(200);
  });

  it("slows an address that keeps failing without locking out the office behind it", async () => {
    const app = await server();
    // One failure each for many accounts from one address (an office NAT, or an unconfigured proxy).
    for (let i = 0; i < LOGIN_POLICY.addressSlowAfter; i++)
      expect((await login(app, `nobody${i}`, "wrong-pass-1", {}, "10.0.2.1")).statusCode).toBe(401);
    // From now on one attempt per few seconds: the attacker's next tries are refused for seconds, not minutes.
    const first = await login(app, "nobody-x", "wrong-pass-1", {}, "10.0.2.1");
    expect(first.statusCode).toBe(401);
    const refused = await login(app, "staff", "jixiao-demo", {}, "10.0.2.1");
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.details.retryAfterSeconds).toBeLessThanOrEqual(LOGIN_POLICY.spacingMs / 1000);
    expect(refused.json().error.message).toContain("秒后再试");
    // A colleague who waits those seconds logs in; other addresses were never affected.
    later(LOGIN_POLICY.spacingMs);
    expect((await login(app, "staff", "jixiao-demo", {}, "10.0.2.1")).statusCode).toBe(200);
    expect((await login(app, "dept", "jixiao-demo", {}, "10.0.2.9")).statusCode).toBe(200);
    later(LOGIN_POLICY.windowMs);
  });

  it("checks at most the slow-down threshold plus one of a burst of guesses at many accounts from one address", async () => {
    const app = await server();
    verified = 0;
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) => login(app, `dept${101 + (i % 20)}`, `burst-${i}x`, {}, "10.0.6.1")),
    );
    expect(answers.every((r) => r.statusCode === 401 || r.statusCode === 429)).toBe(true);
    expect(verified).toBeLessThanOrEqual(LOGIN_POLICY.addressSlowAfter + 1);
    later(LOGIN_POLICY.windowMs);
  });

  it("believes X-Forwarded-For only from the configured proxy hop, so a client cannot pick its address", async () => {
    const app = await server(1);
    // The proxy (127.0.0.1) appends the real client; the client's own entries in front are ignored.
    for (let i = 0; i < LOGIN_POLICY.addressSlowAfter + 1; i++) {
      const res = await login(
        app,
        `ghost${i}`,
        "wrong-pass-1",
        { "x-forwarded-for": `1.2.3.${i}, 10.0.3.7` },
        "127.0.0.1",
      );
      expect(res.statusCode).toBe(401);
    }
    const spoofed = await login(
      app,
      "ghost-x",
      "wrong-pass-1",
      { "x-forwarded-for": "9.9.9.9, 10.0.3.7" },
      "127.0.0.1",
    );
    expect(spoofed.statusCode).toBe(429);
    // A server that trusts no proxy ignores the header altogether.
    const direct = await server(false);
    const res = await login(direct, "ghost-y", "wrong-pass-1", { "x-forwarded-for": "10.0.3.7" }, "10.0.3.8");
    expect(res.statusCode).toBe(401);
    later(LOGIN_POLICY.windowMs);
  });

  it("shares the counters between server processes through the database", async () => {
    const [a, b] = [await server(), await server()];
    for (let i = 0; i < LOGIN_POLICY.pairFailures; i++)
      expect((await login(i % 2 ? a : b, "unit", "wrong-pass-1", {}, "10.0.4.1")).statusCode).toBe(401);
    expect((await login(a, "unit", "jixiao-demo", {}, "10.0.4.1")).statusCode).toBe(429);
    expect((await login(b, "unit", "jixiao-demo", {}, "10.0.4.1")).statusCode).toBe(429);
  });

  it("does not let a machine locked out of an account keep the real user out by taking the account's slot", async () => {
    const app = await server();
    verified = 0;
    let userTries = 0;
    let userOk = 0;
    // Four guesses a second from one address for two minutes; the real user, elsewhere, logs in every 9 s.
    for (let t = 0; t < 120_000; t += 250) {
      later(250);
      await login(app, "auditor", `guess-${t}x`, {}, "203.0.113.7");
      if (t % 9_000 === 5_000) {
        userTries++;
        if ((await login(app, "auditor", "jixiao-demo", {}, "198.51.100.5")).statusCode === 200) userOk++;
      }
    }
    expect(userTries).toBeGreaterThan(10);
    expect(userOk).toBe(userTries);
    expect(verified).toBe(LOGIN_POLICY.pairFailures + userTries);
    later(LOGIN_POLICY.windowMs);
  }, 60_000);

  it("counts an IPv6 client by its /64, so fresh addresses from one network buy no extra guesses", async () => {
    const app = await server();
    verified = 0;
    for (let i = 1; i <= 20; i++) await login(app, "staff", `guess-${i}x`, {}, `2001:db8:7:1::${i.toString(16)}`);
    expect(verified).toBe(LOGIN_POLICY.pairFailures);
    // Another network is another machine.
    expect((await login(app, "staff", "jixiao-demo", {}, "2001:db8:7:2::1")).statusCode).toBe(200);
    later(LOGIN_POLICY.windowMs);
  });
});
