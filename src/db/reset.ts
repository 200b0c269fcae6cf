import { sql } from "drizzle-orm";
import type { Database } from "./client";

/** Empties every business table (demo --reset); the schema and its migrations stay. */
export async function resetDatabase(db: Database): Promise<void> {
  await db.orm.execute(sql`
    truncate table audit_log, import_batches, assignments, api_tokens, sessions, users, project_execution, projects,
                   dept_execution, dept_budgets, orgs, regions restart identity cascade`);
}
