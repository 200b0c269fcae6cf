import { index, integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { appNow } from "./columns";
import { users } from "./users";

/** Sessions live in the database; the cookie holds a random token whose SHA-256 is the key. */
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(appNow),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * Login attempt counters per account ("u:<name>"), client address ("a:<ip>") and pair ("p:<name>@<ip>"), in
 * the database so that several server processes share them. `next_slot` spaces out a slowed key's attempts;
 * `slot_holder` names the attempt that took the slot, so that attempts with the same clock reading are told
 * apart.
 */
export const loginThrottle = pgTable("login_throttle", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  failures: integer("failures").notNull().default(0),
  nextSlot: timestamp("next_slot", { withTimezone: true }),
  slotHolder: text("slot_holder"),
});

/** Bearer tokens for the budget system's integration; they act as their owning user. */
export const apiTokens = pgTable("api_tokens", {
  id: serial("id").primaryKey(),
  name: text("name").notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  userId: integer("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(appNow),
  /** Null: valid until revoked. */
  expiresAt: timestamp("expires_at", { withTimezone: true }),
  /** Recorded at most every few minutes, so an integration's traffic does not write on every call. */
  lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
});
