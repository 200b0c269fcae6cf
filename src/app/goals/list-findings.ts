import type { GoalFinding, GoalSeverity } from "../../core/goals/quality";
import type { GoalStatus } from "../../core/goals/workflow";
import type { Actor, Deps } from "../context";
import type { RevisionTaskRef } from "../tasks/ports";
import { type GoalLintTable, lintGoals } from "./lint-goals";

export interface FindingFilter {
  rule?: string | undefined;
  departmentCode?: string | undefined;
  severity?: GoalSeverity | undefined;
  /** The table's status: approved tables with old errors apart from drafts still being written. */
  status?: GoalStatus | undefined;
  /** Part of the subject's code or name. */
  q?: string | undefined;
}

export interface FindingRow {
  table: Omit<GoalLintTable, "findings" | "warnings">;
  finding: GoalFinding;
}

function matching(tables: readonly GoalLintTable[], f: FindingFilter): FindingRow[] {
  const text = f.q?.trim() ?? "";
  const out: FindingRow[] = [];
  const ordered = [...tables].sort(
    (a, b) =>
      a.departmentCode.localeCompare(b.departmentCode) ||
      (a.subjectKind === b.subjectKind ? 0 : a.subjectKind === "deptWide" ? -1 : 1) ||
      a.subjectCode.localeCompare(b.subjectCode),
  );
  for (const { findings, warnings: _w, ...table } of ordered) {
    if (f.departmentCode && table.departmentCode !== f.departmentCode) continue;
    if (f.status && table.status !== f.status) continue;
    if (text && !table.subjectCode.includes(text) && !table.subjectName.includes(text)) continue;
    for (const finding of findings) {
      if (f.rule && finding.code !== f.rule) continue;
      if (f.severity && finding.severity !== f.severity) continue;
      out.push({ table, finding });
    }
  }
  return out;
}

/**
 * 问题明细: the findings of one region-wide check run, filtered and paged on the server (the whole
 * list of a district is some 600 kB). Ordered by department, its department-wide table first, then
 * project code, then the finding's row. Each row says whether finance has asked for the table to be
 * revised (要求调整) and how that task stands, read fresh (the checks are kept, tasks move on).
 */
export async function listFindings(
  deps: Deps,
  actor: Actor,
  fiscalYear: number,
  filter: FindingFilter,
  page: number,
  pageSize: number,
) {
  const all = await allFindings(deps, actor, fiscalYear, filter);
  const rows = all.rows.slice((page - 1) * pageSize, page * pageSize);
  const asked = await deps.uow.read.tasks.revisionsOf(actor.regionCode, [...new Set(rows.map((r) => r.table.id))]);
  const byTable = new Map(asked.map((a) => [a.goalTableId, a]));
  return {
    ...all,
    rows: rows.map((r) => ({ ...r, revisionTask: taskRef(byTable.get(r.table.id)) })),
  };
}

const taskRef = (a: RevisionTaskRef | undefined) => (a ? { id: a.id, status: a.status, dueOn: a.dueOn } : null);

/** Every finding that matches, for the Excel export of the same view. */
export async function allFindings(deps: Deps, actor: Actor, fiscalYear: number, filter: FindingFilter) {
  const lint = await lintGoals(deps, actor, fiscalYear);
  const rows = matching(lint.tables, filter);
  return {
    fiscalYear,
    rulesVersion: lint.rulesVersion,
    total: rows.length,
    tables: new Set(rows.map((r) => r.table.id)).size,
    rows,
  };
}
