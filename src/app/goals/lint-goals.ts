import { checkGoalTable, type FindingsSummary, type GoalFinding, summariseFindings } from "../../core/goals/quality";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { goalRulesFor } from "./goal-rules";

export interface GoalLintTable {
  id: number;
  subjectKind: string;
  subjectCode: string;
  subjectName: string;
  departmentCode: string;
  departmentName: string;
  errors: number;
  warnings: number;
  findings: GoalFinding[];
}

/**
 * Runs the quality checks (智能审核) over every current goal table of the region's year and says
 * which departments and which rules account for most findings. Two queries load everything.
 */
export async function lintGoals(
  deps: Deps,
  actor: Actor,
  fiscalYear: number,
): Promise<{ fiscalYear: number; rulesVersion: string; summary: FindingsSummary; tables: GoalLintTable[] }> {
  authorize(actor, "goal.lint");
  const [stored, rules] = await Promise.all([
    deps.uow.read.goals.listCurrent(actor.regionCode, fiscalYear),
    goalRulesFor(deps.uow.read, actor.regionCode, fiscalYear),
  ]);
  const tables = stored.map((s): GoalLintTable => {
    const result = checkGoalTable(s.table, rules);
    return {
      id: s.id,
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
