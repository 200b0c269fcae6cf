import { CellIssue, parseCell, type RawCellInput } from "./cells";
import {
  checkDeptBudgetRefs,
  checkDeptExecution,
  checkDuplicates,
  checkExecution,
  checkOrgRefs,
  checkProjectRefs,
  checkRequestRefs,
  checkSingleYear,
  checkSplit,
  type ImportContext,
} from "./checks";
import { IssueSink, type ParsedRow } from "./issues";
import type { ImportIssue, ImportRowsByKind } from "./rows";
import { IMPORT_SPECS, IMPORT_YEAR_KEYS, type ImportKind } from "./spec";

export type { RawCellInput } from "./cells";
export type { ImportContext } from "./checks";

/** The shape io's RawRow has, restated here so the core does not depend on io. */
export interface RawRowInput {
  /** The row number a clerk sees in the file (header = 1), or the object's 1-based index in JSON. */
  rowNumber: number;
  /** Keyed by FieldSpec.key; a missing key reads as a blank cell. */
  cells: Readonly<Record<string, RawCellInput>>;
  /** Marked as a template example (core/imports/examples.ts): runImport skips it before validating. */
  example?: boolean;
}

export interface ImportValidation<K extends ImportKind> {
  /** Rows without any issue, typed, in file order. */
  rows: ImportRowsByKind[K][];
  /** The file row number of each entry of `rows`. */
  rowNumbers: number[];
  /** Every finding, sorted by row then column; nothing is capped. */
  issues: ImportIssue[];
}

/**
 * Validates an import cell by cell, then across rows (duplicates, one fiscal year, fund splits) and
 * against what the database knows (ctx). Pure: the caller reads the file and writes nothing when
 * `issues` is not empty (imports are all-or-nothing).
 */
export function validateImport<K extends ImportKind>(
  kind: K,
  rows: readonly RawRowInput[],
  ctx: ImportContext,
): ImportValidation<K> {
  const spec = IMPORT_SPECS[kind];
  const sink = new IssueSink(spec);
  const parsed: ParsedRow[] = rows.map((raw) => {
    const row: ParsedRow = { rowNumber: raw.rowNumber, values: {}, failed: false };
    for (const field of spec) {
      if (field.informative) continue;
      const result = parseCell(field, raw.cells[field.key]);
      if (result instanceof CellIssue) sink.add(row, field.key, result.code, result.detail);
      else row.values[field.key] = result;
    }
    return row;
  });

  const yearKey = IMPORT_YEAR_KEYS[kind];
  if (yearKey) checkSingleYear(parsed, sink, yearKey);
  const duplicates = checkDuplicates(kind, parsed, sink);
  if (kind === "orgs") checkOrgRefs(parsed, ctx, sink);
  if (kind === "projects") checkProjectRefs(parsed, ctx, sink);
  if (kind === "dept-budgets") checkDeptBudgetRefs(parsed, ctx, sink);
  if (kind === "projects" || kind === "dept-budgets") checkSplit(parsed, sink);
  if (kind === "execution") checkExecution(parsed, ctx, sink, duplicates);
  if (kind === "dept-execution") checkDeptExecution(parsed, ctx, sink, duplicates);
  if (kind === "requests") checkRequestRefs(parsed, ctx, sink);

  const out: ImportValidation<K> = { rows: [], rowNumbers: [], issues: sink.sorted() };
  for (const r of parsed) {
    if (r.failed) continue;
    // Every field parsed to its typed value (blank optionals to null/false), so values is the typed row.
    out.rows.push(r.values as unknown as ImportRowsByKind[K]);
    out.rowNumbers.push(r.rowNumber);
  }
  return out;
}
