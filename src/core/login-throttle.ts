import { createHash } from "node:crypto";

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

/**
 * A name as a counter key: no real username is longer than 64, and a longer one (NFKC can expand a
 * 64-character input to 2 KB) is keyed by its hash, so crafted names cannot bloat the table.
 */
const nameKey = (username: string) => {
  const name = normaliseUsername(username);
  return name.length <= 64 ? name : `#${createHash("sha256").update(name).digest("hex")}`;
};

const IPV4 = String.raw`(\d{1,3}(?:\.\d{1,3}){3})`;
const MAPPED = [new RegExp(`^(?:0{0,4}:){0,5}:?ffff:${IPV4}$`), new RegExp(`^::${IPV4}$`)];

/**
 * The network a client address is counted under: an IPv4 address itself (also when written IPv4-mapped,
 * ::ffff:1.2.3.4), an IPv6 address by its /64, which one host or household usually holds whole; otherwise
 * every guess could come from a fresh address.
 */
export function clientNetwork(address: string): string {
  const plain = address.split("%")[0]!.toLowerCase();
  for (const re of MAPPED) {
    const m = re.exec(plain);
    if (m) return m[1]!;
  }
  if (!plain.includes(":")) return plain;
  const [head = "", tail] = plain.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const zeros = Array<string>(Math.max(0, 8 - left.length - right.length)).fill("0");
  const groups = tail === undefined ? left : [...left, ...zeros, ...right];
  const hex = (g: string) => (Number.parseInt(g || "0", 16) || 0).toString(16);
  return `${groups.slice(0, 4).map(hex).join(":")}::/64`;
}

export const accountKey = (username: string) => `u:${nameKey(username)}`;
export const addressKey = (address: string) => `a:${clientNetwork(address)}`;
export const pairKey = (username: string, address: string) => `p:${nameKey(username)}@${clientNetwork(address)}`;
