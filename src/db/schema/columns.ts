import { sql } from "drizzle-orm";
import { bigint, integer, text, timestamp } from "drizzle-orm/pg-core";

/**
 * The time a row is written: the application clock's time when the transaction set one (a unit of work
 * dated by a clock: the demo loader replaying past years, tests), else the transaction's now()
 * (migration 0009, app_now()).
 */
export const appNow = sql`app_now()`;

/** Money columns are integer fen; mode "number" is exact below 2^53 (see core/money.ts). */
export const fen = (name: string) => bigint(name, { mode: "number" }).notNull().default(0);

export const stamps = {
  version: integer("version").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(appNow),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().default(appNow),
};

/**
 * The region a row belongs to. Every table that grows with the data carries it, and its primary key, unique
 * constraints and foreign keys to other growing tables include it: a row can never point into another
 * region, and a distributed PostgreSQL (Citus) can shard by it (docs/ARCHITECTURE.md, "Regions").
 */
export const regionCode = () => text("region_code").notNull();

/** Constant values as an SQL list, for check constraints (`status in (…)`). */
export const sqlList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(","));
