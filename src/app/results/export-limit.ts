import { AppError } from "../../core/errors";

/**
 * An export carries the whole filtered list or nothing: a file cut short at the limit would read as complete
 * (and a requests file imported back, or a list sent to the budget system, would silently miss rows).
 */
export function wholeForExport<T>(found: { total: number; rows: T[] }, limit: number, what: string): T[] {
  if (found.total > found.rows.length)
    throw new AppError(
      "validation",
      "RESULT_EXPORT_TOO_MANY",
      `符合条件的${what}共 ${found.total} 条，超过单个文件 ${limit} 条的上限，请按主管部门等条件筛选后分别导出`,
      { total: found.total, limit },
    );
  return found.rows;
}
