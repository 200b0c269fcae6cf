import { AppError, staleVersion } from "../../core/errors";
import { sheetIssue } from "../../core/goals/goal-sheet";
import {
  type CellAt,
  compareLocked,
  type GridField,
  type MonitoringSheetIssue,
  type MonitoringSheetRead,
} from "../../core/monitoring/sheet";
import { wanText } from "../../core/monitoring/sheet-values";
import {
  ITEM_ANSWER_FIELDS,
  type ItemAnswerField,
  LIKELIHOOD_LABELS,
  type Likelihood,
  type ReportAnswers,
} from "../../core/monitoring/types";
import { checkReport, itemAnswerLabels, type ReportIssue } from "../../core/monitoring/validate-report";
import { monitoringDeclarerOf, monitoringWorkflow } from "../../core/monitoring/workflow";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { sheetDataOf } from "./export-workbook";
import { loadRound } from "./load-round";
import { monitoringRulesFor } from "./monitoring-rules";
import type { ReportDetail } from "./ports";
import { answersOf } from "./present-report";

export interface MonitoringImportInput {
  roundId: number;
  fileName: string;
  /** The workbook as the reader made it out (io/monitoring-xlsx-read, in the upload worker). */
  sheets: readonly MonitoringSheetRead[];
  mode: "preview" | "commit";
}

/** changed: the sheet's answers differ from the report's; unchanged: nothing to write; error: see issues. */
export type MonitoringImportStatus = "changed" | "unchanged" | "error";

/** One answer the sheet changes: where, what, and the values before and after (as the form shows them). */
export interface MonitoringAnswerChange {
  cell: string | null;
  /** "总体目标完成情况", "指标“维修面积”的截至7月完成值"… */
  label: string;
  before: string;
  after: string;
}

export interface MonitoringImportSheet {
  sheet: string;
  reportId: number | null;
  code: string | null;
  name: string | null;
  unitName: string | null;
  /** The report's workflow status (填报中, 已退回…). */
  statusText: string | null;
  status: MonitoringImportStatus;
  changes: MonitoringAnswerChange[];
  /** What a submission would still ask for once imported (missing answers, causes, measures). */
  incomplete: number;
  issues: MonitoringSheetIssue[];
  /** The report's version after a commit. */
  version: number | null;
}

/** Shown in a preview; a commit refuses with all of them counted. */
export const SHOWN_ISSUES = 500;

const REPORT_FIELD_LABELS = {
  overallStatus: "总体目标完成情况",
  expectedYearEnd: "预计全年执行数",
  executionNote: "超预算说明",
} as const;

/** Text as a cell shows it: line ends unified, each line trimmed; blank is null. */
const normText = (s: string | null | undefined) =>
  (s ?? "")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.trim())
    .join("\n")
    .trim();
const cellOf = (at: CellAt | null) => (at ? `${at.column.letter}${at.row}` : null);
const shownAnswer = (field: ItemAnswerField, v: string | null) =>
  v === null ? "" : field === "likelihood" ? LIKELIHOOD_LABELS[v as Likelihood] : v;
const wanShown = (fen: number | null) => (fen === null ? "" : `${wanText(fen)}万元`);

/**
 * Compares a sheet's answers with the report's: the merged answers (the report's, with what the sheet
 * changes) and the changes, each with its cell. Text is compared as a cell shows it, so a workbook saved
 * again by Excel or WPS does not count as a change.
 */
function mergeAnswers(read: MonitoringSheetRead, detail: ReportDetail) {
  const { layout } = read;
  const stored = answersOf(detail);
  const labels = itemAnswerLabels(detail.round.cutoffMonth);
  const changes: MonitoringAnswerChange[] = [];
  const file = read.answers;

  const overallStatus =
    normText(file.overallStatus) === normText(stored.overallStatus)
      ? stored.overallStatus
      : normText(file.overallStatus);
  if (overallStatus !== stored.overallStatus)
    changes.push({
      cell: cellOf(layout.overallStatus),
      label: REPORT_FIELD_LABELS.overallStatus,
      before: stored.overallStatus,
      after: overallStatus,
    });
  const expectedYearEnd = layout.expectedYearEnd ? file.expectedYearEnd : stored.expectedYearEnd;
  if (expectedYearEnd !== stored.expectedYearEnd)
    changes.push({
      cell: cellOf(layout.expectedYearEnd),
      label: REPORT_FIELD_LABELS.expectedYearEnd,
      before: wanShown(stored.expectedYearEnd),
      after: wanShown(expectedYearEnd),
    });
  const executionNote =
    !layout.executionNote || normText(file.executionNote) === normText(stored.executionNote)
      ? stored.executionNote
      : normText(file.executionNote) || null;
  if (executionNote !== stored.executionNote)
    changes.push({
      cell: cellOf(layout.executionNote),
      label: REPORT_FIELD_LABELS.executionNote,
      before: stored.executionNote ?? "",
      after: executionNote ?? "",
    });

  const sent = new Map(file.items.map((i) => [i.uid, i.answers]));
  const rowOf = new Map(read.locked.items.map((i) => [i.uid, i.row]));
  const items = stored.items.map(({ uid, answers }) => {
    const fromFile = sent.get(uid);
    if (!fromFile) return { uid, answers };
    const next = { ...answers };
    const name = detail.items.find((i) => i.uid === uid)?.name ?? uid;
    for (const field of ITEM_ANSWER_FIELDS) {
      if (!read.layout.columns[field as GridField]) continue;
      const before = answers[field];
      const after = fromFile[field];
      const same = field === "likelihood" ? before === after : normText(before) === normText(after);
      if (same) continue;
      const value = field === "likelihood" ? after : normText(after) || null;
      (next as Record<ItemAnswerField, string | null>)[field] = value;
      const row = rowOf.get(uid);
      const column = read.layout.columns[field as GridField];
      changes.push({
        cell: row !== undefined && column ? `${column.letter}${row}` : null,
        label: `指标“${name}”的${labels[field]}`,
        before: shownAnswer(field, before),
        after: shownAnswer(field, value),
      });
    }
    return { uid, answers: next };
  });
  const answers: ReportAnswers = { overallStatus, expectedYearEnd, executionNote, items };
  return { answers, changes };
}

/** Where a check's field sits in the sheet. */
function locate(read: MonitoringSheetRead, issue: ReportIssue): CellAt | null {
  const { layout } = read;
  if (issue.field === "overallStatus") return layout.overallStatus;
  if (issue.field === "expectedYearEnd") return layout.expectedYearEnd;
  if (issue.field === "executionNote") return layout.executionNote;
  const row = read.locked.items.find((i) => i.uid === issue.itemUid)?.row;
  if (row === undefined) return null;
  const field = (issue.field.split(".")[2] ?? "name") as GridField;
  const column = layout.columns[field] ?? layout.columns.name;
  return column ? { row, column } : null;
}

/**
 * 导入填报表: the answers of a workbook written by 下载填报表, for one round. Every sheet must be a report of
 * this round in the actor's scope, with its prefilled (locked) cells as the report has them; a sheet whose
 * answers differ must also be the version that was downloaded (nobody saved since), editable by the actor,
 * and pass the same checks as saving the form (a draft). A sheet identical to its report is unchanged and
 * never written, so a workbook can be sent again. Any issue: nothing is written. A commit saves every
 * changed report in one transaction and audits each one.
 */
export async function importMonitoringWorkbook(deps: Deps, actor: Actor, input: MonitoringImportInput) {
  const scope = authorize(actor, "monitoring.write");
  const repos = deps.uow.read;
  const round = await loadRound(repos, actor.regionCode, input.roundId);
  const rules = await monitoringRulesFor(repos, actor.regionCode, round.fiscalYear);
  const ids = input.sheets.flatMap((s) => (s.meta && s.meta.roundId === round.id ? [s.meta.reportId] : []));
  const details = ids.length === 0 ? [] : await repos.monitoring.details(scope, { roundId: round.id, ids });
  const byId = new Map(details.map((d) => [d.id, d]));
  const firstSheetOf = new Map<number, string>();
  const period = `${round.fiscalYear}年度截至${round.cutoffMonth}月`;

  const sheets = input.sheets.map((read) => {
    const { sheetName: sheet, meta, layout } = read;
    const result: MonitoringImportSheet & { detail: ReportDetail | null; write: ReportAnswers | null } = {
      sheet,
      reportId: meta?.reportId ?? null,
      code: read.locked.subjectCode,
      name: null,
      unitName: null,
      statusText: null,
      status: "error",
      changes: [],
      incomplete: 0,
      issues: [...read.issues],
      version: null,
      detail: null,
      write: null,
    };
    if (!meta) return result;
    if (meta.roundId !== round.id) {
      result.issues.push(
        sheetIssue(
          sheet,
          "MONITORING_WORKBOOK_MISMATCH",
          `本工作表是其他监控轮次的监控表，不是${period}的；请在对应的轮次中导入，或重新下载本轮的监控表`,
          layout.title,
        ),
      );
      return result;
    }
    const earlier = firstSheetOf.get(meta.reportId);
    if (earlier !== undefined) {
      result.issues.push(
        sheetIssue(
          sheet,
          "MONITORING_SHEET_DUPLICATE",
          `与工作表“${earlier}”是同一份监控表，同一份监控表只能出现一次`,
          layout.subjectCode,
        ),
      );
      return result;
    }
    firstSheetOf.set(meta.reportId, sheet);
    const detail = byId.get(meta.reportId);
    if (!detail) {
      result.issues.push(
        sheetIssue(
          sheet,
          "MONITORING_WORKBOOK_MISMATCH",
          `编码“${meta.subjectCode}”的监控表不在您可填报的范围内：它属于其他单位，或已撤销选取`,
          layout.subjectCode,
        ),
      );
      return result;
    }
    const declarer = monitoringDeclarerOf({
      subjectKind: detail.subjectKind,
      unitId: detail.unit.id,
      departmentId: detail.department.id,
    });
    result.detail = detail;
    result.code = detail.code;
    result.name = detail.name;
    result.unitName = detail.unit.name;
    result.statusText = monitoringWorkflow.statusText(detail);
    result.version = detail.version;
    result.issues.push(...compareLocked(read, sheetDataOf(detail, rules)));

    const { answers, changes } = mergeAnswers(read, detail);
    result.changes = changes;
    const ctx = { items: detail.items, execution: detail.execution, cutoffMonth: round.cutoffMonth, rules };
    result.incomplete = checkReport(answers, ctx, "submit").length;
    const changed = changes.length > 0;
    if (changed) {
      if (meta.version !== detail.version)
        result.issues.push(
          sheetIssue(
            sheet,
            "MONITORING_SHEET_STALE",
            `下载本表之后，系统中的这份监控表已被修改或已流转（下载时为第 ${meta.version} 版，现为第 ${detail.version} 版）；为免覆盖他人的修改，请重新下载监控表，在新文件中填写后导入`,
          ),
        );
      if (round.status !== "open")
        result.issues.push(sheetIssue(sheet, "MONITORING_ROUND_CLOSED", `${period}的监控已结束，不能再修改`));
      else if (!monitoringWorkflow.isEditable(detail, actor.role, declarer))
        result.issues.push(
          sheetIssue(
            sheet,
            "MONITORING_NOT_EDITABLE",
            `这份监控表当前为“${result.statusText}”，不能由您修改：监控表只能由填报单位在填报中或被退回时修改`,
          ),
        );
      for (const issue of checkReport(answers, ctx, "draft"))
        if (issue.blocks === "save")
          result.issues.push(sheetIssue(sheet, "MONITORING_REPORT_INVALID", issue.message, locate(read, issue)));
      result.write = answers;
    }
    result.status = result.issues.length > 0 ? "error" : changed ? "changed" : "unchanged";
    return result;
  });

  const issues = sheets.flatMap((s) => s.issues);
  const summary = (committed: boolean) => ({
    fileName: input.fileName,
    mode: input.mode,
    committed,
    round: { id: round.id, fiscalYear: round.fiscalYear, cutoffMonth: round.cutoffMonth },
    counts: {
      sheets: sheets.length,
      changed: sheets.filter((s) => s.status === "changed").length,
      unchanged: sheets.filter((s) => s.status === "unchanged").length,
      withErrors: sheets.filter((s) => s.status === "error").length,
      errors: issues.length,
    },
    issues: issues.slice(0, SHOWN_ISSUES),
    sheets: sheets.map(({ detail: _d, write: _w, ...s }) => s),
  });
  if (input.mode === "preview") return summary(false);
  if (issues.length > 0) {
    const withErrors = sheets.filter((s) => s.status === "error").length;
    throw new AppError(
      "validation",
      "IMPORT_INVALID",
      `${withErrors} 张工作表共有 ${issues.length} 处错误，未写入任何数据；第一处：${issues[0]!.message}`,
      { issues: issues.slice(0, SHOWN_ISSUES), total: issues.length },
    );
  }

  const toWrite = sheets.filter((s) => s.status === "changed" && s.detail && s.write);
  if (toWrite.length > 0) {
    await deps.uow.transaction(async (tx) => {
      for (const s of toWrite) {
        const detail = s.detail!;
        // The checks were made on this read: only that state may be written over.
        const locked = await tx.monitoring.lockState(actor.regionCode, detail.id);
        if (!locked || locked.version !== detail.version || locked.status !== detail.status)
          throw staleVersion(`工作表“${s.sheet}”对应的监控表`);
        const version = await tx.monitoring.saveAnswers(actor.regionCode, detail.id, detail.version, s.write!);
        if (version === null) throw staleVersion(`工作表“${s.sheet}”对应的监控表`);
        s.version = version;
      }
      await tx.monitoring.followReports(
        actor.regionCode,
        toWrite.map((s) => s.detail!.id),
        deps.clock.now(),
      );
      await tx.audit.append(
        toWrite.map((s) =>
          auditEntry(actor, deps.clock, {
            action: "import",
            entity: "monitoring_report",
            entityId: s.detail!.id,
            before: answersOf(s.detail!),
            after: s.write,
            reason: `Excel导入：${input.fileName}，工作表“${s.sheet}”`,
          }),
        ),
      );
    });
  }
  return summary(true);
}

export type MonitoringImportResult = Awaited<ReturnType<typeof importMonitoringWorkbook>>;
