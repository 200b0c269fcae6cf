import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Clock, Deps } from "../../src/app/context";
import { bootstrapRegion } from "../../src/app/users/bootstrap-region";
import { createUser } from "../../src/app/users/create-user";
import { createUnitOfWork } from "../../src/db/repos";
import { buildServer } from "../../src/server/app";
import { argon2Hasher } from "../../src/server/auth/password";
import { freshDb, type TestDb } from "../support/db";

/** A district starting from an empty database just after midnight of New Year's Day in Beijing. */
const clock: Clock = { now: () => new Date("2024-12-31T16:30:00Z") };
let db: TestDb;
let app: Awaited<ReturnType<typeof buildServer>>["app"];
beforeAll(async () => {
  db = await freshDb("empty");
  const deps: Deps = { uow: createUnitOfWork(db), clock, hasher: argon2Hasher };
  const actor = await bootstrapRegion(deps, { regionCode: "450203", regionName: "测试区" });
  await createUser(deps, actor, {
    username: "admin",
    displayName: "管理员",
    role: "finance_admin",
    orgId: actor.orgId,
    password: "Admin-2025xy",
    mustChangePassword: false,
  });
  ({ app } = await buildServer({ db, logLevel: "silent", deps: { clock } }));
});
afterAll(async () => {
  await app.close();
  await db.dispose();
});

describe("the default year of an empty region", () => {
  it("is the year in China, not in the server's time zone", async () => {
    const login = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "admin", password: "Admin-2025xy" },
    });
    const cookie = `jixiao_session=${login.cookies.find((c) => c.name === "jixiao_session")!.value}`;
    const meta = (await app.inject({ method: "GET", url: "/api/v1/meta", headers: { cookie } })).json();
    expect(meta.years).toEqual([2025]);
  });
});
