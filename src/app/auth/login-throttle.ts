import { AppError } from "../../core/errors";
import { accountKey, addressKey, LOGIN_POLICY } from "../../core/login-throttle";
import type { Deps } from "../context";

const limited = (retryAt: Date, now: Date) => {
  const seconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
  return new AppError(
    "rate_limited",
    "RATE_LIMITED",
    seconds < 60
      ? `登录尝试过于频繁，请 ${seconds} 秒后再试`
      : `登录尝试过多，请 ${Math.ceil(seconds / 60)} 分钟后再试`,
    { retryAfterSeconds: seconds },
  );
};

/**
 * Before a password is verified: the address must have a free slot (only slowed addresses are
 * spaced), and the account's attempt is counted, atomically, before the hash is checked, so concurrent
 * guesses cannot all pass a check made before any of them was counted.
 */
export async function reserveLoginAttempt(deps: Deps, username: string, address: string): Promise<void> {
  const now = deps.clock.now();
  const { windowMs, accountFailures, addressFailures, addressSpacingMs } = LOGIN_POLICY;
  const retryAt = await deps.uow.loginThrottle.takeSlot(
    addressKey(address),
    now,
    windowMs,
    addressFailures,
    addressSpacingMs,
  );
  if (retryAt) throw limited(retryAt, now);
  const account = await deps.uow.loginThrottle.count(accountKey(username), now, windowMs);
  if (account.count > accountFailures) throw limited(new Date(account.windowStart.getTime() + windowMs), now);
}

/** The password was right: the account's reserved attempt and earlier failures are forgotten. */
export const loginSucceeded = (deps: Deps, username: string) => deps.uow.loginThrottle.clear(accountKey(username));

/** The password was wrong: the account's attempt stays counted; the address's failures grow. */
export async function loginFailed(deps: Deps, address: string): Promise<void> {
  await deps.uow.loginThrottle.count(addressKey(address), deps.clock.now(), LOGIN_POLICY.windowMs);
}
