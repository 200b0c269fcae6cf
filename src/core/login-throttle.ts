/**
 * Login throttling policy. Guessing is limited three ways, none of which lets a stranger lock a user
 * out for long:
 * - an account and the address trying it (the pair) are locked after a few failures in a window: one
 *   machine cannot keep guessing one account, and the real user, elsewhere, is not affected;
 * - an account tried from many addresses is slowed to one attempt every few seconds (never locked);
 * - an address trying many accounts is slowed the same way (an office behind one NAT address keeps
 *   working, if a little more slowly, during an attack).
 * Every attempt is counted before its password is verified; a right password takes its attempt back.
 */
export const LOGIN_POLICY = {
  windowMs: 10 * 60 * 1000,
  pairFailures: 5,
  accountSlowAfter: 10,
  addressSlowAfter: 20,
  spacingMs: 3_000,
} as const;

/**
 * The key a username is counted (and looked up) under: " auditor", "AUDITOR" and "ａｕｄｉｔｏｒ" are the
 * same account, so they share one counter.
 */
export const normaliseUsername = (username: string): string => username.normalize("NFKC").trim().toLowerCase();

export const accountKey = (username: string) => `u:${normaliseUsername(username)}`;
export const addressKey = (address: string) => `a:${address}`;
export const pairKey = (username: string, address: string) => `p:${normaliseUsername(username)}@${address}`;
