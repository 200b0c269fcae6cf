import { sql } from "drizzle-orm";
import { expect } from "vitest";
import type { Clock, Deps } from "../../src/app/context";
import { bootstrapRegion } from "../../src/app/users/bootstrap-region";
import { createUser } from "../../src/app/users/create-user";
import type { Role } from "../../src/core/roles";
import { createUnitOfWork } from "../../src/db/repos";
import { rows } from "../../src/db/repos/rows";
import { argon2Hasher } from "../../src/server/auth/password";
import { type TestApp, testApp } from "./app";

/**
 * A district that starts from an empty database with its own small files, as a real one does: a region and
 * its administrator, the organisations, budgets and execution imported as CSV files, accounts made by the
 * administrator. `who(name)` is a signed-in session.
 */
export interface SmallDistrict extends TestApp {
  who(username: string): string;
  /** Imports one CSV file through the import API (commit), failing the test on any error. */
  importCsv(kind: string, csv: string): Promise<void>;
  /** An account of a role at an organisation (by code), signed in. */
  account(username: string, role: string, orgCode: string): Promise<string>;
  /** Signs every account in again (after the clock has moved past the sessions' lifetime). */
  signInAgain(): Promise<void>;
}

export const ADMIN_PASSWORD = "Admin-2025xy";

export async function smallDistrict(
  clock: Clock,
  regionCode = "450299",
  options: { webDir?: string } = {},
): Promise<SmallDistrict> {
  const t = await testApp("empty", { clock, ...options });
  const setup: Deps = { uow: createUnitOfWork(t.db), clock, hasher: argon2Hasher };
  const actor = await bootstrapRegion(setup, { regionCode, regionName: "测试区" });
  await createUser(setup, actor, {
    username: "admin",
    displayName: "绩效股",
    role: "finance_admin",
    orgId: actor.orgId,
    password: ADMIN_PASSWORD,
    mustChangePassword: false,
  });
  const sessions = new Map<string, string>([["admin", await t.login("admin", ADMIN_PASSWORD)]]);
  const passwords = new Map<string, string>([["admin", ADMIN_PASSWORD]]);
  return {
    ...t,
    who: (username) => sessions.get(username)!,
    async importCsv(kind, csv) {
      const res = await t.upload(sessions.get("admin")!, `/api/v1/imports/${kind}?mode=commit`, csv, `${kind}.csv`);
      expect(res.statusCode, res.body.slice(0, 400)).toBe(201);
    },
    async account(username, role, orgCode) {
      const [org] = await rows<{ id: number }>(t.db.orm, sql`select id from orgs where code = ${orgCode}`);
      const password = "Start-2025xy";
      await createUser(setup, actor, {
        username,
        displayName: username,
        role: role as Role,
        orgId: org!.id,
        password,
        mustChangePassword: false,
      });
      const cookie = await t.login(username, password);
      sessions.set(username, cookie);
      passwords.set(username, password);
      return cookie;
    },
    async signInAgain() {
      for (const [username, password] of passwords) sessions.set(username, await t.login(username, password));
    },
  };
}
