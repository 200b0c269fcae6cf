import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchAudit } from "../../src/app/audit/list-audit";
import { systemActor } from "../../src/app/auth/actor";
import { createApiToken, listApiTokens, revokeApiToken } from "../../src/app/auth/api-tokens";
import type { Clock, Deps } from "../../src/app/context";
import { createUnitOfWork } from "../../src/db/repos";
import { buildServer } from "../../src/server/app";
import { argon2Hasher } from "../../src/server/auth/password";
import { freshDb, type TestDb } from "../support/db";

/** Bearer tokens of the budget system's integration: listed, revoked, expiring, their last use recorded. */
const DAY = 86_400_000;
let now = new Date("2025-04-01T02:00:00Z");
const clock: Clock = { now: () => now };
let db: TestDb;
let deps: Deps;
let app: Awaited<ReturnType<typeof buildServer>>["app"];
const admin = systemActor("450202");
beforeAll(async () => {
  db = await freshDb("demo");
  deps = { uow: createUnitOfWork(db), clock, hasher: argon2Hasher };
  ({ app } = await buildServer({ db, logLevel: "silent", deps: { clock } }));
});
afterAll(async () => {
  await app.close();
  await db.dispose();
});

const call = (token: string) =>
  app.inject({
    method: "GET",
    url: "/api/v1/projects?year=2024&pageSize=1",
    headers: { authorization: `Bearer ${token}` },
  });

describe("API tokens", () => {
  it("lists tokens with their owner, expiry and last use, never the secret", async () => {
    const { id, token } = await createApiToken(deps, admin, {
      username: "staff",
      name: "一体化系统",
      expiresInDays: 30,
    });
    let [listed] = (await listApiTokens(deps, admin, { username: "staff" })).filter((t) => t.id === id);
    expect(listed).toMatchObject({
      name: "一体化系统",
      username: "staff",
      lastUsedAt: null,
      revokedAt: null,
      status: "active",
    });
    expect(listed!.expiresAt).toBe(new Date(now.getTime() + 30 * DAY).toISOString());
    expect(JSON.stringify(listed)).not.toContain(token);
    expect(Object.keys(listed!)).not.toContain("tokenHash");
    expect((await call(token)).statusCode).toBe(200);
    [listed] = (await listApiTokens(deps, admin, {})).filter((t) => t.id === id);
    expect(listed!.lastUsedAt).toBe(now.toISOString());
  });

  it("refuses a token past its expiry", async () => {
    const { token } = await createApiToken(deps, admin, { username: "staff", name: "短期", expiresInDays: 1 });
    expect((await call(token)).statusCode).toBe(200);
    now = new Date(now.getTime() + 2 * DAY);
    expect((await call(token)).statusCode).toBe(401);
    const listed = (await listApiTokens(deps, admin, {})).find((t) => t.name === "短期");
    expect(listed!.status).toBe("expired");
  });

  it("revokes a token at once, audited, and refuses a second revocation or an unknown id", async () => {
    const { id, token } = await createApiToken(deps, admin, { username: "staff", name: "待吊销" });
    expect((await call(token)).statusCode).toBe(200);
    await revokeApiToken(deps, admin, id);
    expect((await call(token)).statusCode).toBe(401);
    await expect(revokeApiToken(deps, admin, id)).rejects.toMatchObject({ code: "API_TOKEN_REVOKED" });
    await expect(revokeApiToken(deps, admin, 999_999)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const audit = await searchAudit(deps, { entity: "api_token" }, 1, 20);
    expect(audit.rows.map((r) => r.action)).toContain("revoke");
  });

  it("refuses a nonsensical expiry", async () => {
    await expect(createApiToken(deps, admin, { username: "staff", name: "x", expiresInDays: 0 })).rejects.toMatchObject(
      { code: "API_TOKEN_EXPIRY_INVALID" },
    );
  });
});
