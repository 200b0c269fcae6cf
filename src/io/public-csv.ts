import { dataHeading } from "../core/disclosure/datapackage";
import { cellData } from "../core/disclosure/format";
import type { PublishedTable } from "../core/disclosure/types";

const BOM = "\uFEFF";
const NUMERIC = /^-?\d+(\.\d+)?$/;

/**
 * A text cell that a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return first) is
 * written with a leading apostrophe, which Excel shows as text; numbers are written as they are.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !NUMERIC.test(text) ? `'${text}` : text;
}

const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * One published table as CSV for anyone to download: UTF-8 with a byte order mark (so Excel opens the Chinese
 * as Chinese), CRLF lines, RFC 4180 quoting, the header naming each column with its unit, amounts in exact 元.
 */
export function tableCsv(t: PublishedTable): string {
  const lines = [
    t.columns.map((c) => quote(neutralise(dataHeading(c)))).join(","),
    ...t.rows.map((r) => t.columns.map((c) => quote(neutralise(cellData(c.type, r[c.key])))).join(",")),
  ];
  return `${BOM}${lines.join("\r\n")}\r\n`;
}
