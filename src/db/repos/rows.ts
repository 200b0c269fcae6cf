import { type SQL, sql } from "drizzle-orm";
import type { Executor } from "../client";

/** Runs raw SQL and returns plain rows (both drivers answer with `.rows`). */
export async function rows<T>(ex: Executor, query: SQL): Promise<T[]> {
  const result = (await ex.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

export async function one<T>(ex: Executor, query: SQL): Promise<T | null> {
  return (await rows<T>(ex, query))[0] ?? null;
}

export const iso = (d: Date | string | null): string | null =>
  d === null ? null : typeof d === "string" ? new Date(d).toISOString() : d.toISOString();

export { sql };
