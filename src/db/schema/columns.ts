import { bigint, integer, text, timestamp } from "drizzle-orm/pg-core";

/** Money columns are integer fen; mode "number" is exact below 2^53 (see core/money.ts). */
export const fen = (name: string) => bigint(name, { mode: "number" }).notNull().default(0);

export const stamps = {
  version: integer("version").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

/**
 * The region a row belongs to. Every table that grows with the data carries it, and its primary key, unique
 * constraints and foreign keys to other growing tables include it: a row can never point into another
 * region, and a distributed PostgreSQL (Citus) can shard by it (docs/ARCHITECTURE.md, "Regions").
 */
export const regionCode = () => text("region_code").notNull();
