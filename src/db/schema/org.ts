import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, serial, text, uniqueIndex } from "drizzle-orm/pg-core";
import { regionCode, stamps } from "./columns";

/** 地区: a reference table, small and read everywhere. */
export const regions = pgTable("regions", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  ...stamps,
});

/**
 * Organisations: the finance bureau, departments (主管部门), units (预算单位) and third-party firms.
 * `path` is the chain of codes from the top ("101/101002"): a department's scope is a path prefix.
 */
export const orgs = pgTable(
  "orgs",
  {
    id: serial("id").notNull(),
    regionCode: regionCode().references(() => regions.code),
    code: text("code").notNull(),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    parentId: integer("parent_id"),
    path: text("path").notNull(),
    sector: text("sector"),
    contactName: text("contact_name"),
    contactPhone: text("contact_phone"),
    sortOrder: integer("sort_order").notNull().default(0),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: "orgs_pkey", columns: [t.id, t.regionCode] }),
    uniqueIndex("orgs_region_code_uq").on(t.regionCode, t.code),
    index("orgs_parent_idx").on(t.parentId),
    index("orgs_path_idx").on(t.regionCode, t.path),
    check("orgs_kind_ck", sql`${t.kind} in ('bureau','department','unit','firm')`),
  ],
);
