import type { AppError } from "../core/errors";

interface DbErrorFields {
  code?: unknown;
  constraint?: unknown;
  cause?: unknown;
}

/** The database error under the ORM's wrapper (drizzle wraps the driver's error as its cause). */
function driverError(err: unknown): DbErrorFields | undefined {
  for (let e = err as DbErrorFields | undefined, depth = 0; e && depth < 4; depth++) {
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) return e;
    e = e.cause as DbErrorFields | undefined;
  }
  return undefined;
}

/** The SQLSTATE of a database error, looking through the ORM's wrapper. */
export const sqlState = (err: unknown): string | undefined => driverError(err)?.code as string | undefined;

/**
 * Runs a write whose uniqueness a constraint guarantees (a "once per year" rule): when the constraint
 * refuses it, because another transaction got there first, the caller's domain error replaces the
 * database's. The transaction around it is rolled back as for any error.
 */
export async function uniqueOr<T>(constraint: string, error: () => AppError, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    const d = driverError(e);
    if (d?.code === "23505" && d.constraint === constraint) throw error();
    throw e;
  }
}
