import { normaliseHeader } from "./headers";

/**
 * Example rows of the import templates are marked in a first column 示例标记 with the word 示例, and
 * an import skips exactly those rows (reported as "已跳过 n 行示例"): a clerk who fills the template
 * below the examples without deleting them imports only their own rows, and a file without the column
 * is read as before. Nothing else makes a row an example.
 */
export const EXAMPLE_COLUMN = "示例标记";
export const EXAMPLE_MARK = "示例";

/** Whether a header names the example column (also "示例", and the JSON key "example"). */
export const isExampleColumn = (header: string): boolean =>
  [EXAMPLE_COLUMN, EXAMPLE_MARK, "example"].some((h) => normaliseHeader(h) === normaliseHeader(header));

/** Whether a cell of that column marks its row as an example. */
export const isExampleMark = (cell: unknown): boolean => typeof cell === "string" && cell.trim() === EXAMPLE_MARK;
