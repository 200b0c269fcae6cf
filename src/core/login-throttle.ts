/**
 * Login throttling policy. An account is locked after a few failures in a window (the protection
 * against guessing one account's password). An address is never locked: past a number of failures it
 * is slowed to one attempt every few seconds, so an attacker's rate collapses while an office behind
 * one NAT address (or a proxy) keeps logging in, if a little more slowly, during an attack.
 */
export const LOGIN_POLICY = {
  windowMs: 10 * 60 * 1000,
  accountFailures: 5,
  addressFailures: 20,
  addressSpacingMs: 3_000,
} as const;

/**
 * The key a username is counted (and looked up) under: " auditor", "AUDITOR" and "ａｕｄｉｔｏｒ" are the
 * same account, so they share one counter.
 */
export const normaliseUsername = (username: string): string => username.normalize("NFKC").trim().toLowerCase();

export const accountKey = (username: string) => `u:${normaliseUsername(username)}`;
export const addressKey = (address: string) => `a:${address}`;
