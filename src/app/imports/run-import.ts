import type { AuditFields } from "../../core/audit-chain";
import { AppError } from "../../core/errors";
import type { ImportIssue, ImportRowsByKind } from "../../core/imports/rows";
import { IMPORT_KIND_LABELS, IMPORT_YEAR_KEYS, type ImportKind } from "../../core/imports/spec";
import { type ImportContext, type RawRowInput, validateImport } from "../../core/imports/validate";
import { budgetRequestAuditId } from "../../core/results/requests";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { declareImported } from "../plan/issue-declaration";
import type { Repos } from "../ports";
import { dispatchSoon } from "../tasks/dispatch";
import { diffRows, type ImportDiff, rowKey } from "./diff";
import type { RowsToWrite } from "./ports";

export interface ImportInput {
  kind: ImportKind;
  fileName: string;
  sha256: string;
  rows: readonly RawRowInput[];
  mode: "preview" | "commit";
  /** Called between phases so the CLI can draw a progress bar. */
  onProgress?: (phase: "validate" | "compare" | "write" | "done", share: number) => void;
}

export const SHOWN_ISSUES = 500;
export const SHOWN_ROWS = 50;

/**
 * The import of one file from the budget system: validate every cell, compare with the database,
 * and in commit mode write everything in one transaction (or nothing when any row has an error).
 */
export async function runImport(deps: Deps, actor: Actor, input: ImportInput) {
  authorize(actor, "import.run");
  const { kind } = input;
  input.onProgress?.("validate", 0);
  // The template's example rows are skipped, and said so; a file of nothing else imports nothing.
  const examples = input.rows.filter((r) => r.example).length;
  const rows = examples > 0 ? input.rows.filter((r) => !r.example) : input.rows;
  if (rows.length === 0) throw onlyExamples(examples);
  const year = yearOf(kind, rows);
  const ctx = await contextFor(deps.uow.read, actor.regionCode, kind, year);
  const validated = validateImport(kind, rows, ctx);
  input.onProgress?.("compare", 0.3);
  let diff = diffRows(kind, validated.rows, await snapshot(deps.uow.read, actor.regionCode, kind, year));
  const summary = (committed: boolean, batchId: number | null) => ({
    kind,
    fileName: input.fileName,
    sha256: input.sha256,
    mode: input.mode,
    committed,
    batchId,
    counts: {
      total: rows.length,
      new: diff.added.length,
      changed: diff.changed.length,
      unchanged: diff.unchanged,
      errors: validated.issues.length,
      errorRows: new Set(validated.issues.map((i) => i.row)).size,
      examples,
    },
    issues: validated.issues.slice(0, SHOWN_ISSUES),
    newRows: diff.added.slice(0, SHOWN_ROWS),
    changedRows: diff.changed.slice(0, SHOWN_ROWS).map((c) => ({ key: c.key, changes: c.changes })),
  });
  if (input.mode === "preview") return summary(false, null);
  if (validated.issues.length > 0) throw invalid(validated.issues);

  input.onProgress?.("write", 0.5);
  const batchId = await deps.uow.transaction(async (repos) => {
    const written = await commitRows(deps, repos, actor, kind, validated.rows, year, {
      ...input,
      total: rows.length,
      examples,
    });
    diff = written.diff;
    return written.batchId;
  });
  await dispatchSoon(deps);
  input.onProgress?.("done", 1);
  return summary(true, batchId);
}

/**
 * Writes valid rows inside the caller's transaction: set-based upserts, one audit entry per new or
 * changed record and one for the batch. Shared by file imports and the demo loader.
 */
export async function commitRows<K extends ImportKind>(
  deps: Deps,
  repos: Repos,
  actor: Actor,
  kind: K,
  rows: readonly ImportRowsByKind[K][],
  year: number,
  meta: { fileName: string; sha256: string; total?: number; examples?: number },
) {
  // Lock the rows this import may change, then compare inside the transaction: another import may have
  // landed since the preview, and one racing this one now waits, so each audit "before" is what was
  // overwritten. (Not REPEATABLE READ: its snapshot would hide audit entries appended meanwhile from the
  // hash chain's head, and fork the chain.)
  await repos.imports.lockKeys(actor.regionCode, kind, year, rows);
  const diff = diffRows(kind, rows, await snapshot(repos, actor.regionCode, kind, year));
  const counts = {
    total: meta.total ?? rows.length,
    new: diff.added.length,
    changed: diff.changed.length,
    unchanged: diff.unchanged,
    ...(meta.examples ? { examples: meta.examples } : {}),
  };
  // The batch first, so that rows which remember their last import (requests) can name it.
  const batchId = await repos.imports.recordBatch({
    regionCode: actor.regionCode,
    kind,
    fileName: meta.fileName,
    sha256: meta.sha256,
    counts,
    actorId: actor.userId,
  });
  await write(repos, actor.regionCode, kind, { added: diff.added, changed: diff.changed.map((c) => c.after) }, batchId);
  // Projects or department budgets new to a year whose declaration is open get their tables and tasks now.
  const declared =
    diff.added.length > 0 && (kind === "projects" || kind === "dept-budgets")
      ? await declareImported(repos, actor.regionCode, year)
      : null;
  await repos.audit.append([
    ...auditEntries(deps, actor, kind, diff),
    auditEntry(actor, deps.clock, {
      action: "import",
      entity: "import_batch",
      entityId: batchId,
      after: { kind, fileName: meta.fileName, sha256: meta.sha256, counts },
      reason: `导入${IMPORT_KIND_LABELS[kind]}`,
    }),
  ]);
  return { diff, batchId, declared };
}

const onlyExamples = (examples: number) =>
  new AppError(
    "validation",
    "IMPORT_ONLY_EXAMPLES",
    `文件中只有 ${examples} 行模板示例（第一列标有“示例”，导入时跳过），没有要导入的数据；请在示例行下方填写数据，或删除示例行后再导入`,
    { examples },
  );

const invalid = (issues: ImportIssue[]) =>
  new AppError("validation", "IMPORT_INVALID", `文件有 ${issues.length} 处错误，未写入任何数据`, {
    issues: issues.slice(0, SHOWN_ISSUES),
    total: issues.length,
  });

/** Files hold one year; the first row's year chooses what to compare with (mixed years are an error). */
function yearOf(kind: ImportKind, rows: readonly RawRowInput[]): number {
  const key = IMPORT_YEAR_KEYS[kind];
  const raw = key ? rows[0]?.cells[key] : undefined;
  const year = typeof raw === "number" ? raw : Number.parseInt(String(raw ?? ""), 10);
  return Number.isInteger(year) ? year : 0;
}

async function contextFor(repos: Repos, regionCode: string, kind: ImportKind, year: number): Promise<ImportContext> {
  const orgs = await repos.imports.snapshotOrgs(regionCode);
  const orgsByCode = new Map(
    [...orgs].map(([code, o]) => [
      code,
      { kind: o.kindInDb, parentCode: o.parentCode, children: o.children, inUse: o.inUse },
    ]),
  );
  const projectsByKey = new Map<string, { adjustedBudget: number }>();
  const deptBudgetsByKey = new Map<string, { adjustedBudget: number }>();
  if (kind === "execution" && year) {
    for (const [code, p] of await repos.imports.snapshotProjects(regionCode, year)) {
      projectsByKey.set(`${year}:${code}`, { adjustedBudget: p.adjustedBudget });
    }
  }
  if (kind === "requests" && year) {
    // A request belongs to the project of the year before (the results year) with its code.
    for (const code of (await repos.imports.snapshotProjects(regionCode, year - 1)).keys()) {
      projectsByKey.set(`${year - 1}:${code}`, { adjustedBudget: 0 });
    }
  }
  if (kind === "dept-execution" && year) {
    for (const [code, b] of await repos.imports.snapshotDeptBudgets(regionCode, year)) {
      deptBudgetsByKey.set(`${year}:${code}`, { adjustedBudget: b.adjustedBudget });
    }
  }
  return { regionCode, orgsByCode, projectsByKey, deptBudgetsByKey };
}

async function snapshot(
  repos: Repos,
  regionCode: string,
  kind: ImportKind,
  year: number,
): Promise<Map<string, unknown>> {
  switch (kind) {
    case "orgs": {
      const all = await repos.imports.snapshotOrgs(regionCode);
      return new Map([...all].map(([code, { kindInDb: _k, children: _c, inUse: _u, ...row }]) => [code, row]));
    }
    case "projects":
      return repos.imports.snapshotProjects(regionCode, year);
    case "execution":
      return repos.imports.snapshotExecution(regionCode, year);
    case "dept-budgets":
      return repos.imports.snapshotDeptBudgets(regionCode, year);
    case "dept-execution":
      return repos.imports.snapshotDeptExecution(regionCode, year);
    case "requests":
      return repos.imports.snapshotRequests(regionCode, year);
  }
}

async function write(repos: Repos, regionCode: string, kind: ImportKind, rows: RowsToWrite<unknown>, batchId: number) {
  switch (kind) {
    case "orgs":
      return repos.imports.writeOrgs(regionCode, rows as RowsToWrite<ImportRowsByKind["orgs"]>);
    case "projects":
      return repos.imports.writeProjects(regionCode, rows as RowsToWrite<ImportRowsByKind["projects"]>);
    case "execution":
      return repos.imports.writeExecution(regionCode, rows as RowsToWrite<ImportRowsByKind["execution"]>);
    case "dept-budgets":
      return repos.imports.writeDeptBudgets(regionCode, rows as RowsToWrite<ImportRowsByKind["dept-budgets"]>);
    case "dept-execution":
      return repos.imports.writeDeptExecution(regionCode, rows as RowsToWrite<ImportRowsByKind["dept-execution"]>);
    case "requests":
      return repos.imports.writeRequests(regionCode, rows as RowsToWrite<ImportRowsByKind["requests"]>, batchId);
  }
}

const ENTITY: Record<ImportKind, string> = {
  orgs: "org",
  projects: "project",
  execution: "project_execution",
  "dept-budgets": "dept_budget",
  "dept-execution": "dept_execution",
  requests: "budget_request",
};

/**
 * The audited record's id: the diff's key, but a request is named with its budget year (`2025:P001`), as
 * the by-hand edits name it, so one request's history is one id whichever way it was written.
 */
function auditId<K extends ImportKind>(kind: K, row: ImportRowsByKind[K]): string {
  if (kind !== "requests") return rowKey(kind, row);
  const r = row as ImportRowsByKind["requests"];
  return budgetRequestAuditId(r.budgetYear, r.projectCode);
}

type MonthRow = { fiscalYear: number; month: number; executed: number };

/** One audit entry per new or changed record; monthly execution is grouped per project or department. */
function auditEntries<K extends ImportKind>(
  deps: Deps,
  actor: Actor,
  kind: K,
  diff: ImportDiff<ImportRowsByKind[K]>,
): AuditFields[] {
  const reason = `导入${IMPORT_KIND_LABELS[kind]}`;
  if (kind !== "execution" && kind !== "dept-execution") {
    return [
      ...diff.added.map((r) =>
        auditEntry(actor, deps.clock, {
          action: "create",
          entity: ENTITY[kind],
          entityId: auditId(kind, r),
          after: r,
          reason,
        }),
      ),
      ...diff.changed.map((c) =>
        auditEntry(actor, deps.clock, {
          action: "update",
          entity: ENTITY[kind],
          entityId: auditId(kind, c.after),
          before: c.before,
          after: c.after,
          reason,
        }),
      ),
    ];
  }
  // The owner of a monthly row: the project's code, or the department's.
  const owner = (r: unknown) => {
    const row = r as { projectCode?: string; departmentCode?: string };
    return row.projectCode ?? row.departmentCode ?? "";
  };
  // Codes repeat from year to year, so each entry names its fiscal year (a project's history is per year).
  type Months = { fiscalYear: number; before: Record<number, number>; after: Record<number, number> };
  const byOwner = new Map<string, Months>();
  const note = (r: MonthRow, before: number | null) => {
    const entry = byOwner.get(owner(r)) ?? { fiscalYear: r.fiscalYear, before: {}, after: {} };
    if (before !== null) entry.before[r.month] = before;
    entry.after[r.month] = r.executed;
    byOwner.set(owner(r), entry);
  };
  for (const r of diff.added as unknown as MonthRow[]) note(r, null);
  for (const c of diff.changed as unknown as { before: MonthRow; after: MonthRow }[]) note(c.after, c.before.executed);
  return [...byOwner].map(([code, e]) =>
    auditEntry(actor, deps.clock, {
      action: "update",
      entity: ENTITY[kind],
      entityId: code,
      before: Object.keys(e.before).length ? { fiscalYear: e.fiscalYear, ...e.before } : null,
      after: { fiscalYear: e.fiscalYear, ...e.after },
      reason,
    }),
  );
}
