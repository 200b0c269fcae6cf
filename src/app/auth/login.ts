import { AppError } from "../../core/errors";
import { normaliseUsername } from "../../core/login-throttle";
import { auditEntry } from "../audit/entry";
import type { Deps } from "../context";
import type { UserWithOrg } from "../users/ports";
import { actorOf } from "./actor";
import { loginSucceeded, reserveLoginAttempt } from "./login-throttle";
import { hashToken, newToken, SESSION_TTL_MS } from "./tokens";

// Verifying against a real hash for unknown users keeps the response time the same, so timing
// does not tell which usernames exist.
let dummyHash: Promise<string> | null = null;

/**
 * Signs a user in from a client address. Attempts are throttled per address, account and pair
 * (login-throttle.ts) before the password is verified.
 */
export async function login(
  deps: Deps,
  input: { username: string; password: string; userAgent: string | null; address: string },
): Promise<{ token: string; expiresAt: Date; user: UserWithOrg }> {
  const username = normaliseUsername(input.username);
  await reserveLoginAttempt(deps, username, input.address);
  const user = await deps.uow.read.users.byUsername(username);
  dummyHash ??= deps.hasher.hash("not-a-real-password-0");
  const valid = await deps.hasher.verify(user ? user.passwordHash : await dummyHash, input.password);
  // A wrong password stays counted (it was counted before the check).
  if (!user || !valid) throw invalid();
  await loginSucceeded(deps, username, input.address);
  if (!user.active) throw new AppError("forbidden", "AUTH_INACTIVE", "该账号已停用，请联系财政局管理员");
  const full = await deps.uow.read.users.withOrg(user.id);
  if (!full) throw invalid();
  const token = newToken("s_");
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await deps.uow.transaction(async (repos) => {
    await repos.sessions.insert({
      tokenHash: hashToken(token),
      userId: user.id,
      createdAt: now,
      expiresAt,
      userAgent: input.userAgent,
    });
    await repos.users.touchLogin(user.id, now);
    await repos.audit.append([
      auditEntry(actorOf(full), deps.clock, {
        action: "login",
        entity: "user",
        entityId: user.id,
        after: { userAgent: input.userAgent },
      }),
    ]);
  });
  return { token, expiresAt, user: full };
}

const invalid = () => new AppError("unauthenticated", "AUTH_INVALID", "用户名或密码错误");
