import { AppError } from "../../core/errors";
import { accountKey, addressKey, LOGIN_POLICY, pairKey } from "../../core/login-throttle";
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
 * Before a password is verified, the attempt is counted for the pair (account, address), then the address,
 * then the account, each atomically (core/login-throttle.ts says why three): concurrent guesses cannot pass
 * a check made before any of them was counted. The pair comes first: a machine locked out of an account is
 * refused before it can take the account's or its address's slot, so it cannot keep those slots taken and
 * the real user out. A slowed address or account must find a free slot.
 */
export async function reserveLoginAttempt(deps: Deps, username: string, address: string): Promise<void> {
  const now = deps.clock.now();
  const { windowMs, pairFailures, accountSlowAfter, addressSlowAfter, spacingMs } = LOGIN_POLICY;
  const throttle = deps.uow.loginThrottle;
  const pair = await throttle.attempt(pairKey(username, address), now, windowMs);
  if (pair.count > pairFailures) throw limited(new Date(pair.windowStart.getTime() + windowMs), now);
  const byAddress = await throttle.attempt(addressKey(address), now, windowMs, { after: addressSlowAfter, spacingMs });
  if (byAddress.retryAt) throw limited(byAddress.retryAt, now);
  const byAccount = await throttle.attempt(accountKey(username), now, windowMs, { after: accountSlowAfter, spacingMs });
  if (byAccount.retryAt) throw limited(byAccount.retryAt, now);
}

/** The password was right: the attempt is taken back from the address and the account; the pair is forgotten. */
export async function loginSucceeded(deps: Deps, username: string, address: string): Promise<void> {
  await deps.uow.loginThrottle.forgive(addressKey(address));
  await deps.uow.loginThrottle.forgive(accountKey(username));
  await deps.uow.loginThrottle.clear(pairKey(username, address));
}
