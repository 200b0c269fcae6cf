import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorOf } from "../../src/app/auth/actor";
import { changePassword } from "../../src/app/auth/change-password";
import { type Actor, type Deps, systemClock } from "../../src/app/context";
import { resetPassword, updateUser } from "../../src/app/users/update-user";
import { createUnitOfWork } from "../../src/db/repos";
import { argon2Hasher } from "../../src/server/auth/password";
import { type TestApp, testApp } from "../support/app";
import { held, untilHeld } from "../support/held";

/** A password write is never lost, nor reported as done when it was not. */
let t: TestApp;
let deps: Deps;
let admin: Actor;
beforeAll(async () => {
  t = await testApp();
  deps = { uow: createUnitOfWork(t.db), clock: systemClock, hasher: argon2Hasher };
  const u = (await deps.uow.read.users.byUsername("finance"))!;
  admin = actorOf((await deps.uow.read.users.withOrg(u.id))!);
});
afterAll(() => t.close());

const canLogin = async (username: string, password: string) =>
  (await t.as(null, "POST", "/api/v1/auth/login", { username, password })).statusCode === 200;

describe("password writes", () => {
  it("a reset that races an edit of the account still sets the password it reports", async () => {
    const user = (await deps.uow.read.users.byUsername("auditor"))!;
    const slow = held(deps);
    const resetting = resetPassword(slow.deps, admin, user.id, "Reset-2025xy").catch((e: unknown) => e);
    await untilHeld(slow, resetting);
    await updateUser(deps, admin, user.id, { version: user.version, displayName: "审计员（改名）" });
    slow.open();
    expect(await resetting).toBeUndefined();
    expect(await canLogin("auditor", "jixiao-demo")).toBe(false);
    expect(await canLogin("auditor", "Reset-2025xy")).toBe(true);
    expect((await deps.uow.read.users.byId(user.id))!.displayName).toBe("审计员（改名）");
  });

  it("a change of one's own password that races an administrator's reset fails loudly and keeps the reset", async () => {
    const user = (await deps.uow.read.users.withOrg((await deps.uow.read.users.byUsername("expert"))!.id))!;
    const slow = held(deps);
    const changing = changePassword(slow.deps, actorOf(user), {
      currentPassword: "jixiao-demo",
      newPassword: "Mine-2025xyz",
      sessionToken: null,
    }).catch((e: unknown) => e);
    await untilHeld(slow, changing);
    await resetPassword(deps, admin, user.id, "Admin-2025xy");
    slow.open();
    expect(await changing).toMatchObject({ kind: "conflict", code: "PASSWORD_CHANGED_MEANWHILE" });
    expect(await canLogin("expert", "Mine-2025xyz")).toBe(false);
    expect(await canLogin("expert", "Admin-2025xy")).toBe(true);
  });

  it("a reset of an account that no longer exists answers not found", async () => {
    await expect(resetPassword(deps, admin, 999_999, "Reset-2025xy")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
