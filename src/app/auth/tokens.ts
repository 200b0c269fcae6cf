import { createHash, randomBytes } from "node:crypto";

/** Random bearer secrets; only their SHA-256 is stored, so a database leak yields no usable token. */
export const newToken = (prefix: string) => `${prefix}${randomBytes(32).toString("base64url")}`;
export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A session ends after 8 hours without a request (sliding), and 12 hours after login whatever happens. */
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
