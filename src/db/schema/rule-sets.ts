import {
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { appNow, regionCode } from "./columns";

/**
 * Versioned rule sets per region, year and module ([policy] rules of domain.md: indicator template,
 * goal quality thresholds, monitoring warning thresholds, scoring weights …). The body is the
 * module's policy object; a new version never overwrites an old one.
 */
export const ruleSets = pgTable(
  "rule_sets",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    fiscalYear: smallint("fiscal_year").notNull(),
    module: text("module").notNull(),
    version: text("version").notNull(),
    body: jsonb("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(appNow),
    createdBy: integer("created_by"),
  },
  (t) => [
    primaryKey({ name: "rule_sets_pkey", columns: [t.id, t.regionCode] }),
    uniqueIndex("rule_sets_uq").on(t.regionCode, t.fiscalYear, t.module, t.version),
  ],
);
