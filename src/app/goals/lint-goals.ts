import { checkGoalTable, type FindingsSummary, type GoalFinding, summariseFindings } from "../../core/goals/quality";
import type { GoalStatus } from "../../core/goals/workflow";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { currentGoalTables } from "./current-tables";
import { goalRulesFor } from "./goal-rules";

export interface GoalLintTable {
  id: number;
  status: GoalStatus;
  revision: number;
  subjectKind: string;
  subjectCode: string;
  subjectName: string;
  departmentCode: string;
  departmentName: string;
  errors: number;
  warnings: number;
  findings: GoalFinding[];
}

export interface GoalLint {
  fiscalYear: number;
  rulesVersion: string;
  summary: FindingsSummary;
  tables: GoalLintTable[];
}

/**
 * Runs the quality checks (智能审核) over every current goal table of the region's year and says
 * which departments and which rules account for most findings. Two queries load everything; the
 * result is kept while nothing it read has changed (the checks' stamp), so paging the findings does
 * not re-check the region on every page.
 */
export async function lintGoals(deps: Deps, actor: Actor, fiscalYear: number): Promise<GoalLint> {
  authorize(actor, "goal.lint");
  const stamp = await deps.uow.read.goals.checkStamp(actor.regionCode, fiscalYear);
  return deps.uow.memo.remember(`goals.lint:${actor.regionCode}:${fiscalYear}`, stamp, () =>
    checkRegion(deps, actor.regionCode, fiscalYear, stamp),
  );
}

async function checkRegion(deps: Deps, regionCode: string, fiscalYear: number, stamp: string): Promise<GoalLint> {
  const [stored, rules] = await Promise.all([
    currentGoalTables(deps, regionCode, fiscalYear, stamp),
    goalRulesFor(deps.uow.read, regionCode, fiscalYear),
  ]);
  const tables = stored.map((s): GoalLintTable => {
    const result = checkGoalTable(s.table, rules);
    return {
      id: s.id,
      status: s.status,
      revision: s.revision,
      subjectKind: s.table.subjectKind,
      subjectCode: s.table.subjectCode,
      subjectName: s.table.subjectName,
      departmentCode: s.departmentCode,
      departmentName: s.departmentName,
      errors: result.errors,
      warnings: result.warnings,
      findings: result.findings,
    };
  });
  return { fiscalYear, rulesVersion: rules.version, summary: summariseFindings(tables), tables };
}
