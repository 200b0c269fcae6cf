import { AppError } from "../../core/errors";
import type { Clock } from "../context";

/**
 * Limits failed logins per username and per client address within a window, in memory: enough for
 * one process; behind several processes each keeps its own count (documented in ARCHITECTURE.md).
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly maxFailures = 5,
    private readonly windowMs = 10 * 60 * 1000,
  ) {}

  private recent(key: string): number[] {
    const since = this.clock.now().getTime() - this.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Throws when either the account or the address has failed too often lately. */
  check(username: string, address: string): void {
    for (const key of [`u:${username.toLowerCase()}`, `a:${address}`]) {
      const limit = key.startsWith("a:") ? this.maxFailures * 4 : this.maxFailures;
      const list = this.recent(key);
      if (list.length >= limit) {
        const retryMs = list[0]! + this.windowMs - this.clock.now().getTime();
        throw new AppError(
          "rate_limited",
          "RATE_LIMITED",
          `登录尝试过多，请 ${Math.ceil(retryMs / 60000)} 分钟后再试`,
          {
            retryAfterSeconds: Math.ceil(retryMs / 1000),
          },
        );
      }
    }
  }

  fail(username: string, address: string): void {
    const now = this.clock.now().getTime();
    for (const key of [`u:${username.toLowerCase()}`, `a:${address}`])
      this.failures.set(key, [...this.recent(key), now]);
  }

  succeed(username: string): void {
    this.failures.delete(`u:${username.toLowerCase()}`);
  }
}
