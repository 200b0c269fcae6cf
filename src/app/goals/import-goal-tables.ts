import { AppError, staleVersion } from "../../core/errors";
import {
  diffIndicators,
  GOAL_SHEET_HEADERS,
  type GoalSheetIssue,
  type GoalSheetLayout,
  type GoalSheetRead,
  type IndicatorDiffRow,
  locateFinding,
  type SheetColumn,
  sheetIssue,
} from "../../core/goals/goal-sheet";
import { inTemplateOrder } from "../../core/goals/order";
import { checkGoalTable, type GoalFinding } from "../../core/goals/quality";
import type { GoalTable } from "../../core/goals/types";
import { declarerOf, GOAL_SUBMITTER, goalStatusText, isEditable } from "../../core/goals/workflow";
import { markupReason } from "../../core/imports/cells";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { followGoalTables } from "../tasks/follow";
import { stateOf } from "./get-goal-table";
import { goalRulesFor } from "./goal-rules";
import type { GoalExchangeRecord } from "./ports";

export interface GoalImportInput {
  fileName: string;
  /** The workbook as the reader made it out (io/goal-table-xlsx). */
  sheets: readonly GoalSheetRead[];
  mode: "preview" | "commit";
  /**
   * The CLI acts as the finance bureau's system account, which never declares a table itself: with this
   * flag it may load tables that are in their declarer's hands (draft or returned), on the declarer's
   * behalf. Requires goal.configure. Web users never set it.
   */
  onBehalfOfDeclarer?: boolean;
}

/** changed: the sheet differs from the stored table; unchanged: nothing to write; error: see issues. */
export type GoalImportTableStatus = "changed" | "unchanged" | "error";

export interface GoalImportTable {
  sheet: string;
  id: number | null;
  subjectKind: GoalTable["subjectKind"] | null;
  subjectCode: string | null;
  subjectName: string | null;
  status: GoalImportTableStatus;
  /** The stored table's workflow status (草稿, 已批复…). */
  statusText: string | null;
  overallGoalChanged: boolean;
  indicators: { new: number; changed: number; unchanged: number; removed: number };
  /** New and changed indicators with their sheet rows, and the names of removed ones. */
  changes: (IndicatorDiffRow & { row: number | null })[];
  removed: string[];
  /** Quality findings of the table as the sheet states it (errors block only a table that changes). */
  findings: (GoalSheetIssue & { severity: GoalFinding["severity"] })[];
  /** What stops the import: reading problems, scope, editability, blocking findings. */
  issues: GoalSheetIssue[];
  /** The table's version after a commit. */
  version: number | null;
}

/** Shown in a preview; a commit refuses with all of them counted. */
export const SHOWN_ISSUES = 500;

const LIMITS = { level1: 20, level2: 30, name: 100, target: 100, unit: 20, explanation: 500 } as const;
const OVERALL_GOAL_MAX = 2000;
const MAX_INDICATORS = 100;
const KIND_LABEL = { project: "项目", deptWide: "部门" } as const;

const sameText = (a: string, b: string) => a.trim() === b.trim();

/**
 * Imports goal tables from an Excel workbook in the official layout (one sheet per table). Every sheet
 * must name a table of the file's year in the actor's scope; a sheet that changes its table needs the
 * table to be editable by the actor, the year's template version, and no blocking quality finding.
 * A sheet identical to the stored table is reported unchanged and never written, whatever its status,
 * so a department can send its whole workbook back with one table edited. Any issue: nothing is
 * written. A commit replaces the changed tables in one transaction (set-based), bumps their versions
 * and audits each one.
 */
export async function importGoalTables(deps: Deps, actor: Actor, input: GoalImportInput) {
  const scope = authorize(actor, "goal.write");
  if (input.onBehalfOfDeclarer) authorize(actor, "goal.configure");
  const readable = input.sheets.filter((s) => s.table !== null);
  const fiscalYear = mostCommon(readable.map((s) => s.table!.fiscalYear));
  const rules = fiscalYear === null ? null : await goalRulesFor(deps.uow.read, actor.regionCode, fiscalYear);
  const stored =
    fiscalYear === null
      ? []
      : await deps.uow.read.goalImport.tables(scope, {
          fiscalYear,
          subjects: readable.map((s) => ({ subjectKind: s.table!.subjectKind, subjectCode: s.table!.subjectCode })),
        });
  const byKey = new Map(stored.map((r) => [`${r.table.subjectKind}:${r.table.subjectCode}`, r]));
  const firstSheetOf = new Map<string, string>();

  const tables = input.sheets.map(
    (read): GoalImportTable & { write: GoalTable | null; record: GoalExchangeRecord | null } => {
      const result: GoalImportTable & { write: GoalTable | null; record: GoalExchangeRecord | null } = {
        sheet: read.sheet,
        id: null,
        subjectKind: read.table?.subjectKind ?? null,
        subjectCode: read.table?.subjectCode ?? null,
        subjectName: read.table?.subjectName ?? null,
        status: "error",
        statusText: null,
        overallGoalChanged: false,
        indicators: { new: 0, changed: 0, unchanged: 0, removed: 0 },
        changes: [],
        removed: [],
        findings: [],
        issues: [...read.issues],
        version: null,
        write: null,
        record: null,
      };
      const sheetTable = read.table;
      const layout = read.layout;
      if (!sheetTable || !layout || fiscalYear === null || !rules) return result;
      const { sheet } = read;
      const codeCell = layout.subjectCode;

      if (sheetTable.fiscalYear !== fiscalYear) {
        result.issues.push(
          sheetIssue(
            sheet,
            "GOAL_IMPORT_YEAR_MISMATCH",
            `本表为${sheetTable.fiscalYear}年度，文件中其他表为${fiscalYear}年度；一个文件只能导入一个年度`,
          ),
        );
        return result;
      }
      if (sheetTable.templateVersion !== rules.version)
        result.issues.push(
          sheetIssue(
            sheet,
            "GOAL_IMPORT_TEMPLATE_VERSION",
            versionMessage(sheetTable.templateVersion, rules.version),
            layout.templateVersion,
          ),
        );
      const key = `${sheetTable.subjectKind}:${sheetTable.subjectCode}`;
      const earlier = firstSheetOf.get(key);
      if (earlier !== undefined) {
        result.issues.push(
          sheetIssue(
            sheet,
            "GOAL_IMPORT_DUPLICATE_SHEET",
            `与工作表“${earlier}”是同一张目标表（编码 ${sheetTable.subjectCode}），同一张表只能出现一次`,
            codeCell,
          ),
        );
        return result;
      }
      firstSheetOf.set(key, sheet);
      const record = byKey.get(key);
      if (!record) {
        result.issues.push(
          sheetIssue(
            sheet,
            "GOAL_IMPORT_NOT_IN_SCOPE",
            `${KIND_LABEL[sheetTable.subjectKind]}编码“${sheetTable.subjectCode}”不在您可填报的范围内：没有这张${sheetTable.fiscalYear}年度的绩效目标表，或它属于其他单位`,
            codeCell,
          ),
        );
        return result;
      }
      result.id = record.id;
      result.record = record;
      result.subjectName = record.table.subjectName;
      result.statusText = goalStatusText(stateOf(record));

      // Compared with the table as the export writes it (grouped in the template's order), so a sheet sent back
      // unedited is unchanged even when the indicators were entered out of order.
      const diff = diffIndicators(inTemplateOrder(record.table.indicators, rules.template), sheetTable.indicators);
      const overallGoal = sheetTable.overallGoal.trim();
      result.overallGoalChanged = !sameText(overallGoal, record.table.overallGoal);
      result.indicators = diff.counts;
      result.changes = diff.rows
        .filter((r) => r.change !== "unchanged")
        .map((r) => ({ ...r, row: layout.rows[r.index] ?? null }));
      result.removed = diff.removed.map((i) => `${i.level2}/${i.name}`);
      const candidate: GoalTable = { ...record.table, overallGoal, indicators: diff.indicators };
      const quality = checkGoalTable(candidate, rules);
      result.findings = quality.findings.map((f) => ({ ...locateFinding(sheet, layout, f), severity: f.severity }));
      const changed = !(diff.same && !result.overallGoalChanged);

      if (changed) {
        const state = stateOf(record);
        const declarer = declarerOf(record);
        const role = input.onBehalfOfDeclarer ? GOAL_SUBMITTER[declarer] : actor.role;
        if (!isEditable(state, role, declarer))
          result.issues.push(
            sheetIssue(
              sheet,
              "GOAL_NOT_EDITABLE",
              `这张表当前状态为“${result.statusText}”，不能由您修改（已批复的表请先在系统中“调整”生成新版本；已提交的表须撤回或待审核退回后修改）`,
              codeCell,
            ),
          );
        result.issues.push(...textIssues(sheet, layout, candidate));
        const taken = new Set(result.issues.map((i) => i.cell).filter((c) => c !== null));
        result.issues.push(
          ...blocking(quality.findings)
            .map((f) => locateFinding(sheet, layout, f))
            .filter((i) => i.cell === null || !taken.has(i.cell)),
        );
        result.write = candidate;
      }
      result.status = result.issues.length > 0 ? "error" : changed ? "changed" : "unchanged";
      return result;
    },
  );

  const issues = tables.flatMap((t) => t.issues);
  const summary = (committed: boolean) => ({
    fileName: input.fileName,
    mode: input.mode,
    committed,
    fiscalYear,
    rulesVersion: rules?.version ?? null,
    counts: {
      sheets: tables.length,
      changed: tables.filter((t) => t.status === "changed").length,
      unchanged: tables.filter((t) => t.status === "unchanged").length,
      withErrors: tables.filter((t) => t.status === "error").length,
      errors: issues.length,
    },
    issues: issues.slice(0, SHOWN_ISSUES),
    tables: tables.map(({ write: _w, record: _r, ...t }) => t),
  });
  if (input.mode === "preview") return summary(false);
  if (issues.length > 0) throw invalid(issues, tables.filter((t) => t.status === "error").length);

  const toWrite = tables.filter((t) => t.status === "changed" && t.write && t.record);
  if (toWrite.length > 0) {
    await deps.uow.transaction(async (repos) => {
      const written = await repos.goalImport.replaceTables(
        toWrite.map((t) => ({
          id: t.record!.id,
          // The editability checks were made on this read: only that state may be written over.
          expected: { version: t.record!.version, status: t.record!.status },
          overallGoal: t.write!.overallGoal,
          indicators: t.write!.indicators,
        })),
        rules!.version,
      );
      if (!written) throw staleVersion("文件中的部分绩效目标表");
      const versions = new Map(written.map((w) => [w.id, w.version]));
      for (const t of toWrite) t.version = versions.get(t.record!.id) ?? null;
      await repos.audit.append(
        toWrite.map((t) =>
          auditEntry(actor, deps.clock, {
            action: "import",
            entity: "goal_table",
            entityId: t.record!.id,
            before: { overallGoal: t.record!.table.overallGoal, indicators: t.record!.table.indicators },
            after: { overallGoal: t.write!.overallGoal, indicators: t.write!.indicators },
            reason: `Excel导入：${input.fileName}，工作表“${t.sheet}”`,
          }),
        ),
      );
      await followGoalTables(
        repos,
        deps.clock,
        actor.regionCode,
        toWrite.map((t) => t.record!.id),
      );
    });
  }
  return summary(true);
}

export const versionMessage = (file: string, year: string) =>
  `文件的指标体系版本 ${file} 与本年度 ${year} 不一致，请重新下载模板`;

function invalid(issues: GoalSheetIssue[], sheets: number) {
  // One mismatch of the template version explains every sheet: say it plainly.
  const version = issues.find((i) => i.code === "GOAL_IMPORT_TEMPLATE_VERSION");
  const plain = version?.message.replace(/^工作表“[^”]*”[^：]*：/, "");
  const message =
    plain ?? `${sheets} 张工作表共有 ${issues.length} 处错误，未写入任何数据；第一处：${issues[0]!.message}`;
  return new AppError("validation", "IMPORT_INVALID", message, {
    issues: issues.slice(0, SHOWN_ISSUES),
    total: issues.length,
  });
}

const blocking = (findings: readonly GoalFinding[]) => findings.filter((f) => f.severity === "error");

function mostCommon(values: readonly number[]): number | null {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | null = null;
  for (const [v, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = v;
  return best;
}

/** Text the form would refuse too: markup or formula-like text, and over-long cells. */
function textIssues(sheet: string, layout: GoalSheetLayout, table: GoalTable): GoalSheetIssue[] {
  const issues: GoalSheetIssue[] = [];
  const check = (text: string, max: number, at: { row: number; column: SheetColumn } | null) => {
    const reason = markupReason(text);
    if (reason) issues.push(sheetIssue(sheet, "GOAL_TEXT_MARKUP", `含有${reason}，请删除后再导入`, at));
    else if ([...text].length > max)
      issues.push(
        sheetIssue(sheet, "GOAL_TEXT_TOO_LONG", `内容有 ${[...text].length} 个字，超过 ${max} 个字的上限`, at),
      );
  };
  check(table.overallGoal, OVERALL_GOAL_MAX, layout.overallGoal);
  if (table.indicators.length > MAX_INDICATORS)
    issues.push(
      sheetIssue(
        sheet,
        "GOAL_TOO_MANY_INDICATORS",
        `有 ${table.indicators.length} 个指标，不能超过 ${MAX_INDICATORS} 个`,
      ),
    );
  table.indicators.forEach((ind, i) => {
    const row = layout.rows[i];
    for (const field of Object.keys(LIMITS) as (keyof typeof LIMITS)[]) {
      const column = layout.columns[field] ?? { letter: "?", header: GOAL_SHEET_HEADERS[field] };
      check(ind[field] ?? "", LIMITS[field], row === undefined ? null : { row, column });
    }
  });
  return issues;
}
