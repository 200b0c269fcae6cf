import type { PGlite, Transaction } from "@electric-sql/pglite";
import type { PoolClient } from "pg";
import pgCopy from "pg-copy-streams";
import type { Database, Tx } from "./client";

/**
 * COPY rows into a table inside an open transaction: the fast path for bulk loads (imports, the
 * demo district). ORM inserts are several times slower. Values are written as CSV.
 */
export async function copyRows(
  db: Database,
  tx: Tx,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  if (rows.length === 0) return;
  const csv = toCsv(rows);
  const cols = columns.map((c) => `"${c}"`).join(", ");
  // drizzle keeps the driver's connection of a transaction in its session; COPY must use that one.
  const client = (tx as unknown as { session: { client: unknown } }).session.client;
  if (db.kind === "pglite") {
    await (client as Transaction | PGlite).query(`COPY ${table} (${cols}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
      blob: new Blob([csv]),
    });
    return;
  }
  const stream = (client as PoolClient).query(pgCopy.from(`COPY ${table} (${cols}) FROM STDIN WITH (FORMAT csv)`));
  await new Promise<void>((resolve, reject) => {
    stream.on("error", reject);
    stream.on("finish", () => resolve());
    stream.end(csv);
  });
}

function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  const s = typeof value === "object" ? JSON.stringify(value) : String(value);
  return /[",\n\r]/.test(s) || s === "" ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly (readonly unknown[])[]): string {
  let out = "";
  for (const row of rows) out += `${row.map(csvField).join(",")}\n`;
  return out;
}
