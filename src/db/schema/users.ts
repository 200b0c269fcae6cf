import { sql } from "drizzle-orm";
import { boolean, foreignKey, integer, pgTable, serial, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { stamps } from "./columns";
import { orgs } from "./org";

/**
 * Accounts: a reference table, not distributed by region. A user is found by name (login) or id (session,
 * token) before its region is known, and a name is unique across all regions. Its organisation is still
 * checked together with the region, so an account cannot point into another region.
 */
export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role").notNull(),
    regionCode: text("region_code").notNull(),
    orgId: integer("org_id").notNull(),
    phone: text("phone"),
    active: boolean("active").notNull().default(true),
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    ...stamps,
  },
  (t) => [
    uniqueIndex("users_username_uq").on(sql`lower(${t.username})`),
    foreignKey({ name: "users_org_fk", columns: [t.orgId, t.regionCode], foreignColumns: [orgs.id, orgs.regionCode] }),
  ],
);
