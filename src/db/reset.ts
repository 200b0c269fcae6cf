import { sql } from "drizzle-orm";
import type { Database } from "./client";
import { rows } from "./repos/rows";

/**
 * Empties every table of the application's schema (demo --reset): whatever a module added, so nothing of
 * the old data (rule sets, plans, review threads …) survives to attach itself to the new rows that reuse
 * the restarted ids. The schema and the record of applied migrations (kept in their own schema) stay.
 */
export async function resetDatabase(db: Database): Promise<void> {
  const tables = await rows<{ name: string }>(
    db.orm,
    sql`select quote_ident(tablename) as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  if (tables.length === 0) return;
  await db.orm.execute(sql.raw(`truncate table ${tables.map((t) => t.name).join(", ")} restart identity cascade`));
}
