import { AppError } from "../../core/errors";
import { checkLibraryEntry, type LibraryEntryFields } from "../../core/goals/indicator-library";
import type { Repos } from "../ports";
import { goalRulesFor } from "./goal-rules";

/** What finance sends for a library entry: the fields, and the year whose template they are checked against. */
export interface LibraryEntryInput extends LibraryEntryFields {
  fiscalYear: number;
}

/** The entry cleaned and checked against the year's template; the first issue is the message, all are in details. */
export async function checkedLibraryEntry(
  repos: Repos,
  regionCode: string,
  input: LibraryEntryInput,
): Promise<LibraryEntryFields> {
  const { fiscalYear, ...fields } = input;
  const rules = await goalRulesFor(repos, regionCode, fiscalYear);
  const checked = checkLibraryEntry(fields, rules.template);
  if (!checked.ok) {
    const first = checked.issues[0]!;
    throw new AppError("validation", "LIBRARY_ENTRY_INVALID", first.message, {
      field: first.field,
      issues: checked.issues,
    });
  }
  return checked.entry;
}

export const duplicateEntry = (e: { id: number; sector: string; level2: string; name: string }) =>
  new AppError(
    "conflict",
    "LIBRARY_DUPLICATE",
    `“${e.sector}”行业的“${e.level2}”下已有指标“${e.name}”（编号 ${e.id}），请直接编辑该指标`,
    { field: "name", id: e.id },
  );
