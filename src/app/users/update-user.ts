import { AppError, notFound, staleVersion } from "../../core/errors";
import { passwordProblem } from "../../core/password-policy";
import type { Role } from "../../core/roles";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { expectVersion } from "../expect-state";
import { checkRoleOrg, publicUser } from "./create-user";
import type { UserRecord } from "./ports";

export interface UserPatch {
  version: number;
  displayName?: string | undefined;
  role?: Role | undefined;
  orgId?: number | undefined;
  active?: boolean | undefined;
}

export async function updateUser(deps: Deps, actor: Actor, id: number, patch: UserPatch): Promise<UserRecord> {
  authorize(actor, "user.manage");
  const before = await deps.uow.read.users.byId(id);
  if (!before || before.regionCode !== actor.regionCode) throw notFound("用户", id);
  expectVersion(before, patch.version, "该用户");
  if (patch.displayName !== undefined) {
    const name = patch.displayName.trim();
    if (!name || name.length > 40 || /[<>]/.test(name)) {
      throw new AppError("validation", "DISPLAY_NAME_INVALID", "姓名必填，不超过 40 个字，不能含 < >", {
        field: "displayName",
      });
    }
    patch.displayName = name;
  }
  if (patch.role !== undefined || patch.orgId !== undefined) {
    await checkRoleOrg(deps, actor, patch.role ?? before.role, patch.orgId ?? before.orgId);
  }
  if (before.id === actor.userId && (patch.active === false || (patch.role && patch.role !== before.role))) {
    throw new AppError("validation", "USER_SELF_LOCKOUT", "不能停用自己的账号或修改自己的角色");
  }
  const { version, ...changes } = patch;
  return deps.uow.transaction(async (repos) => {
    const after = await repos.users.update(id, version, changes);
    if (!after) throw staleVersion("该用户");
    if (changes.active === false) await repos.sessions.deleteForUser(id);
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "update",
        entity: "user",
        entityId: id,
        before: publicUser(before),
        after: publicUser(after),
      }),
    ]);
    return after;
  });
}

/**
 * An administrator sets a new password; the user must change it at next login. The password is written
 * whatever else changed in the account meanwhile (it is the one thing the administrator asked for), and
 * reported done only when it was.
 */
export async function resetPassword(deps: Deps, actor: Actor, id: number, password: string): Promise<void> {
  authorize(actor, "user.manage");
  const user = await deps.uow.read.users.byId(id);
  if (!user || user.regionCode !== actor.regionCode) throw notFound("用户", id);
  const problem = passwordProblem(password);
  if (problem) throw new AppError("validation", "PASSWORD_WEAK", problem, { field: "password" });
  const passwordHash = await deps.hasher.hash(password);
  await deps.uow.transaction(async (repos) => {
    if (!(await repos.users.setPassword(id, passwordHash, user.id !== actor.userId))) throw notFound("用户", id);
    await repos.sessions.deleteForUser(id);
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "password.reset",
        entity: "user",
        entityId: id,
        after: { passwordReset: true },
      }),
    ]);
  });
}
