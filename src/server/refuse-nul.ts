import type { FastifyInstance } from "fastify";
import { AppError } from "../core/errors";

/**
 * PostgreSQL text cannot hold U+0000: a NUL in any query or JSON field would reach the database and
 * fail there (a 500). Every text the API takes is refused here instead, naming the field.
 */
export function registerNulRefusal(app: FastifyInstance): void {
  app.addHook("preValidation", async (req) => {
    for (const [part, value] of [
      ["querystring", req.query],
      ["params", req.params],
      ["body", req.body],
    ] as const) {
      const field = nulAt(value, part);
      if (field) {
        throw new AppError("validation", "REQUEST_INVALID", `请求参数有误：${field} 含有空字符（U+0000）`, {
          issues: [{ field, message: "含有空字符（U+0000）" }],
        });
      }
    }
  });
}

/** The path of the first string holding U+0000 in a parsed request part, or null. */
export function nulAt(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (depth > 32 || value === null || typeof value !== "object" || Buffer.isBuffer(value)) return null;
  for (const [key, child] of Object.entries(value)) {
    if (key.includes("\u0000")) return `${path}.${key.replaceAll("\u0000", "\\0")}`;
    const found = nulAt(child, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}
