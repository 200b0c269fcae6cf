import type { GoalRules } from "../../core/goals/goal-rules";
import {
  checkOutsideWorkbook,
  type OutsideSheetRead,
  type OutsideWorkbookCheck,
  yearOf,
} from "../../core/goals/outside-check";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { goalRulesFor } from "./goal-rules";

export interface RulesUsed {
  fiscalYear: number;
  version: string;
  /** The year the region set these rules for; null when the built-in defaults apply. */
  setForYear: number | null;
}

export interface GoalWorkbookCheck extends OutsideWorkbookCheck {
  fileName: string;
  rules: RulesUsed[];
}

/** The year in China: a table without a year is checked by this year's rules. */
const currentYear = (deps: Deps) =>
  Number(deps.clock.now().toLocaleString("en-CA", { timeZone: "Asia/Shanghai", year: "numeric" }));

/**
 * Checks goal tables received from other systems (a county's, a department's, another province's) with
 * the region's rules for each table's year: the same quality rules as declared tables, level names
 * mapped to the year's template, findings located at their sheet cells. Reads the rules only and writes
 * nothing: no table, no batch, no audit entry.
 */
export async function checkGoalWorkbook(
  deps: Deps,
  actor: Actor,
  input: { fileName: string; sheets: readonly OutsideSheetRead[]; fiscalYear?: number | null },
): Promise<GoalWorkbookCheck> {
  authorize(actor, "goal.checkFile");
  const asked = input.fiscalYear ?? null;
  const fallback = currentYear(deps);
  const years = new Set<number>();
  for (const s of input.sheets) for (const t of s.tables) years.add(yearOf(t, asked, fallback));
  const loaded = new Map<number, GoalRules & { setForYear: number | null }>();
  for (const y of [...years].sort((a, b) => a - b))
    loaded.set(y, await goalRulesFor(deps.uow.read, actor.regionCode, y));
  const result = checkOutsideWorkbook(input.sheets, (y) => loaded.get(y)!, asked, fallback);
  return {
    fileName: input.fileName,
    rules: [...loaded].map(([fiscalYear, r]) => ({ fiscalYear, version: r.version, setForYear: r.setForYear })),
    ...result,
  };
}
