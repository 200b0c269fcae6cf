import { AppError } from "../../core/errors";
import { passwordProblem } from "../../core/password-policy";
import { auditEntry } from "../audit/entry";
import type { Actor, Deps } from "../context";
import { hashToken } from "./tokens";

/** The signed-in user changes their own password; their other sessions end. Never lost, never falsely reported. */
export async function changePassword(
  deps: Deps,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; sessionToken: string | null },
): Promise<void> {
  const user = actor.userId === null ? null : await deps.uow.read.users.byId(actor.userId);
  if (!user) throw new AppError("unauthenticated", "AUTH_REQUIRED", "请先登录");
  if (!(await deps.hasher.verify(user.passwordHash, input.currentPassword))) {
    throw new AppError("validation", "PASSWORD_WRONG", "当前密码不正确", { field: "currentPassword" });
  }
  const problem = passwordProblem(input.newPassword);
  if (problem) throw new AppError("validation", "PASSWORD_WEAK", problem, { field: "newPassword" });
  if (input.newPassword === input.currentPassword) {
    throw new AppError("validation", "PASSWORD_SAME", "新密码不能与当前密码相同", { field: "newPassword" });
  }
  const passwordHash = await deps.hasher.hash(input.newPassword);
  await deps.uow.transaction(async (repos) => {
    // Only over the password just verified: a reset made meanwhile by an administrator stands.
    if (!(await repos.users.setPassword(user.id, passwordHash, false, user.passwordHash)))
      throw new AppError(
        "conflict",
        "PASSWORD_CHANGED_MEANWHILE",
        "您的密码刚刚被管理员重置，本次修改未生效；请使用管理员提供的新密码重新登录",
      );
    await repos.sessions.deleteForUser(user.id, input.sessionToken ? hashToken(input.sessionToken) : undefined);
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "password.change",
        entity: "user",
        entityId: user.id,
        after: { passwordChanged: true },
      }),
    ]);
  });
}
