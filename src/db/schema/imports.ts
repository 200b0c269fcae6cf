import { integer, jsonb, pgTable, primaryKey, serial, text, timestamp } from "drizzle-orm/pg-core";
import { appNow, regionCode } from "./columns";

/** One row per committed import batch, so a re-import of the same file is recognisable. */
export const importBatches = pgTable(
  "import_batches",
  {
    id: serial("id").notNull(),
    regionCode: regionCode(),
    kind: text("kind").notNull(),
    fileName: text("file_name").notNull(),
    sha256: text("sha256").notNull(),
    counts: jsonb("counts").notNull(),
    actorId: integer("actor_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(appNow),
  },
  (t) => [primaryKey({ name: "import_batches_pkey", columns: [t.id, t.regionCode] })],
);
