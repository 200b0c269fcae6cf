import { boolean, integer, pgTable, primaryKey, serial, smallint, text, uniqueIndex } from "drizzle-orm/pg-core";
import { regionCode, stamps } from "./columns";

/** 指标库: reusable indicators by sector, curated by finance and fed by approved goal tables. */
export const indicatorLibrary = pgTable(
  "indicator_library",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    sector: text("sector").notNull(),
    level1: text("level1").notNull(),
    level2: text("level2").notNull(),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    operator: text("operator"),
    unit: text("unit"),
    explanation: text("explanation"),
    /** Entered or confirmed by finance; fed entries (from approved tables) are not curated until then. */
    curated: boolean("curated").notNull().default(false),
    /** Withdrawn by finance: no longer suggested, kept for the record. */
    retired: boolean("retired").notNull().default(false),
    /** Approved goal tables that used it, and the last fiscal year one did. */
    uses: integer("uses").notNull().default(0),
    lastYear: smallint("last_year"),
    ...stamps,
  },
  (t) => [
    primaryKey({ name: "indicator_library_pkey", columns: [t.id, t.regionCode] }),
    uniqueIndex("indicator_library_uq").on(t.regionCode, t.sector, t.level2, t.name),
  ],
);
