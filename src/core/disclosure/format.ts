import { fenToWan, fenToYuan, groupThousands } from "../money";
import type { ColumnType, PublishedColumn } from "./types";

type Cell = string | number | null | undefined;

/**
 * A cell as a reader sees it: amounts in 万元 with two decimals (half up, core/money), counts as integers,
 * scores and percentages as their stored two-decimal text, dates and text as they are. Empty is "".
 */
export function cellText(type: ColumnType, value: Cell): string {
  if (value === null || value === undefined || value === "") return "";
  switch (type) {
    case "amount":
      return typeof value === "number" ? groupThousands(fenToWan(value)) : String(value);
    case "percent":
      return `${value}%`;
    default:
      return String(value);
  }
}

/** The unit a column's header names (万元 for amounts, % for percentages). */
export const columnUnit = (type: ColumnType): string => (type === "amount" ? "万元" : type === "percent" ? "%" : "");

/** A column's header with its unit: 预算数（万元）. */
export const columnHeading = (c: PublishedColumn): string => {
  const unit = columnUnit(c.type);
  return unit && !c.title.includes(unit) ? `${c.title}（${unit}）` : c.title;
};

/**
 * A cell for a machine reader (CSV): amounts exactly, in 元 with two decimals (a download is for
 * arithmetic: 万元 rounded to two decimals would lose the fen), everything else as stored.
 */
export function cellData(type: ColumnType, value: Cell): string {
  if (value === null || value === undefined) return "";
  if (type === "amount" && typeof value === "number") return fenToYuan(value);
  return String(value);
}

/** A figure in a finding: amounts exactly in 元, so a change of one fen is visible. */
export function findingText(type: ColumnType, value: Cell): string | null {
  if (value === null || value === undefined || value === "") return null;
  if (type === "amount" && typeof value === "number") return `${groupThousands(fenToYuan(value))}元`;
  return cellText(type, value);
}
