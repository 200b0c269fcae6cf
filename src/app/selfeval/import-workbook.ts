import { AppError, staleVersion } from "../../core/errors";
import { sheetIssue } from "../../core/goals/goal-sheet";
import { DESK_DECLARER_ROLE } from "../../core/review/desk-workflow";
import { type FormAnswers, selfEvalDeclarerOf, selfEvalWorkflow } from "../../core/selfeval/form";
import {
  compareFormSheet,
  locateFormIssue,
  mergeSheetAnswers,
  type SheetAnswerChange,
} from "../../core/selfeval/form-sheet";
import type { Grade } from "../../core/selfeval/grade";
import type { SelfEvalSheetIssue, SelfEvalSheetRead } from "../../core/selfeval/sheet";
import { checkForm } from "../../core/selfeval/validate-form";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { sheetOfForm } from "./export-workbook";
import type { FormDetail } from "./ports";
import { formScoreOf } from "./present-form";
import { selfEvalRulesFor } from "./selfeval-rules";

export interface SelfEvalImportInput {
  fiscalYear: number;
  fileName: string;
  /** The workbook as the reader made it out (io/selfeval-xlsx-read, in the upload worker). */
  sheets: readonly SelfEvalSheetRead[];
  mode: "preview" | "commit";
  /**
   * The CLI acts as the finance bureau's system account, which never fills a form: with this flag it may
   * change forms in their declarer's hands (draft or returned) on the declarer's behalf. Needs
   * selfeval.manage. Web users never set it.
   */
  onBehalfOfDeclarer?: boolean;
}

/**
 * changed: the sheet's answers differ from the form's; unchanged: nothing to write; error: see issues;
 * skipped: a worksheet that is no self-evaluation table (a 说明 sheet), left alone.
 */
export type SelfEvalImportStatus = "changed" | "unchanged" | "error" | "skipped";

/** The form's score as stored and as it would be with the sheet's answers. */
export interface ScoreChange {
  total: number | null;
  grade: Grade | null;
  unscorable: number;
}

export interface SelfEvalImportSheet {
  sheet: string;
  formId: number | null;
  code: string | null;
  name: string | null;
  unitName: string | null;
  /** The form's workflow status (填报中, 已退回…). */
  statusText: string | null;
  status: SelfEvalImportStatus;
  /** Why a worksheet was skipped. */
  note: string | null;
  changes: SheetAnswerChange[];
  before: ScoreChange | null;
  after: ScoreChange | null;
  /** What a submission would still ask for once imported (missing values, explanations). */
  incomplete: number;
  issues: SelfEvalSheetIssue[];
  /** The form's version (after a commit, the new one). */
  version: number | null;
}

/** Shown in a preview; a commit refuses with all of them counted. */
export const SHOWN_ISSUES = 500;

const scoreOf = (s: { total: number | null; grade: Grade | null; unscorable: number }): ScoreChange => ({
  total: s.total,
  grade: s.grade,
  unscorable: s.unscorable,
});

/**
 * 导入自评表: the answers of a workbook written by 下载自评表, for one year. Every sheet must carry the
 * identity of a project form of that year in the actor's scope (the very hidden sheet), with its prefilled
 * (locked) cells as the form has them; a sheet whose answers differ must also be the version that was
 * downloaded (nobody saved since), editable by the actor (the declarer, in draft or returned), and pass
 * the same checks as saving the form on the web (checkForm, draft level). A sheet identical to its form is
 * unchanged and never written, so a workbook can be sent again. Any issue: nothing is written. A commit
 * saves every changed form in one transaction, brings the tasks up to date and audits each form.
 */
export async function importSelfEvalWorkbook(deps: Deps, actor: Actor, input: SelfEvalImportInput) {
  const scope = authorize(actor, "selfeval.write");
  if (input.onBehalfOfDeclarer) authorize(actor, "selfeval.manage");
  const repos = deps.uow.read;
  const { fiscalYear } = input;
  const round = await repos.selfeval.round(actor.regionCode, fiscalYear);
  if (!round) throw new AppError("not_found", "SELFEVAL_NOT_OPEN", `${fiscalYear}年度尚未开启单位自评`);
  const rules = await selfEvalRulesFor(repos, actor.regionCode, fiscalYear);
  const ids = input.sheets.flatMap((s) =>
    s.table?.identity && s.table.identity.fiscalYear === fiscalYear ? [s.table.identity.formId] : [],
  );
  // Read through the actor's scope: a forged identity naming another unit's form finds nothing.
  const details =
    ids.length === 0 ? [] : await repos.selfeval.details(scope, { fiscalYear, ids, subjectKind: "project" });
  const byId = new Map(details.map((d) => [d.id, d]));
  const firstSheetOf = new Map<number, string>();
  const year = `${fiscalYear}年度`;

  const sheets = input.sheets.map((read) => {
    const { sheet, table } = read;
    const result: SelfEvalImportSheet & { detail: FormDetail | null; write: FormAnswers | null } = {
      sheet,
      formId: table?.identity?.formId ?? null,
      code: table?.subjectCode ?? null,
      name: table?.subjectName || null,
      unitName: table?.unitName || null,
      statusText: null,
      status: "error",
      note: null,
      changes: [],
      before: null,
      after: null,
      incomplete: 0,
      issues: [],
      version: null,
      detail: null,
      write: null,
    };
    if (!table) {
      result.status = "skipped";
      result.note = read.issues.map((i) => i.message).join("；") || "不是项目支出绩效自评表";
      return result;
    }
    result.issues.push(...read.issues);
    const identity = table.identity;
    if (!identity) {
      result.issues.push(
        sheetIssue(
          sheet,
          "SELFEVAL_WORKBOOK_MISMATCH",
          "本工作表没有系统的自评表标识（不是从系统下载的自评表，或工作表已改名）；请下载自评表，在下载的文件中填写后导入",
        ),
      );
      return result;
    }
    if (identity.fiscalYear !== fiscalYear) {
      result.issues.push(
        sheetIssue(
          sheet,
          "SELFEVAL_WORKBOOK_MISMATCH",
          `本工作表是${identity.fiscalYear}年度的自评表，不是${year}的；请在对应年度中导入，或重新下载${year}的自评表`,
          table.particularsAt?.fiscalYear ?? null,
        ),
      );
      return result;
    }
    const earlier = firstSheetOf.get(identity.formId);
    if (earlier !== undefined) {
      result.issues.push(
        sheetIssue(sheet, "SELFEVAL_SHEET_DUPLICATE", `与工作表“${earlier}”是同一张自评表，同一张自评表只能出现一次`),
      );
      return result;
    }
    firstSheetOf.set(identity.formId, sheet);
    const detail = byId.get(identity.formId);
    if (!detail) {
      result.issues.push(
        sheetIssue(
          sheet,
          "SELFEVAL_WORKBOOK_MISMATCH",
          `编码“${identity.subjectCode}”的自评表不在您可填报的范围内：它属于其他单位，或已不存在`,
          table.particularsAt?.subjectCode ?? null,
        ),
      );
      return result;
    }
    result.detail = detail;
    result.code = detail.code;
    result.name = detail.name;
    result.unitName = detail.unit.name;
    result.statusText = selfEvalWorkflow.statusText(detail);
    result.version = detail.version;
    if (identity.subjectCode !== detail.code || identity.unitCode !== detail.unit.code) {
      result.issues.push(
        sheetIssue(sheet, "SELFEVAL_SHEET_META_CHANGED", "隐藏的自评表标识已被改动，请重新下载自评表后填写"),
      );
      return result;
    }
    const locked = compareFormSheet(table, sheetOfForm(detail, rules));
    result.issues.push(...locked);
    if (table.rows.length !== detail.items.length) return result;

    const before = formScoreOf(detail, rules);
    const { answers, changes } = mergeSheetAnswers(table, detail, rules.project.tiers);
    const after = formScoreOf({ ...detail, answers }, rules);
    result.changes = changes;
    result.before = scoreOf(before);
    result.after = scoreOf(after);
    const ctx = { items: detail.items, score: after, rules };
    result.incomplete = checkForm(answers, ctx, "submit").length;
    const changed = changes.length > 0;
    if (changed) {
      if (identity.version !== detail.version)
        result.issues.push(
          sheetIssue(
            sheet,
            "SELFEVAL_SHEET_STALE",
            `下载本表之后，系统中的这张自评表已被修改或已流转（下载时为第 ${identity.version} 版，现为第 ${detail.version} 版）；为免覆盖他人的修改，请重新下载自评表，在新文件中填写后导入`,
          ),
        );
      const declarer = selfEvalDeclarerOf({
        subjectKind: detail.subjectKind,
        unitId: detail.unit.id,
        departmentId: detail.department.id,
      });
      const role = input.onBehalfOfDeclarer ? DESK_DECLARER_ROLE[declarer] : actor.role;
      if (round.status !== "open")
        result.issues.push(sheetIssue(sheet, "SELFEVAL_ROUND_CLOSED", `${year}单位自评已结束，不能再修改`));
      else if (!selfEvalWorkflow.isEditable(detail, role, declarer))
        result.issues.push(
          sheetIssue(
            sheet,
            "SELFEVAL_NOT_EDITABLE",
            `这张自评表当前为“${result.statusText}”，不能由您修改：自评表只能由填报单位在填报中或被退回时修改`,
          ),
        );
      for (const issue of checkForm(answers, ctx, "draft"))
        if (issue.blocks === "save")
          result.issues.push(
            sheetIssue(sheet, "SELFEVAL_FORM_INVALID", issue.message, locateFormIssue(table, detail.items, issue)),
          );
      result.write = answers;
    }
    result.status = result.issues.length > 0 ? "error" : changed ? "changed" : "unchanged";
    return result;
  });

  const issues = sheets.flatMap((s) => s.issues);
  const count = (status: SelfEvalImportStatus) => sheets.filter((s) => s.status === status).length;
  const summary = (committed: boolean) => ({
    fileName: input.fileName,
    mode: input.mode,
    committed,
    fiscalYear,
    counts: {
      sheets: sheets.length,
      changed: count("changed"),
      unchanged: count("unchanged"),
      skipped: count("skipped"),
      withErrors: count("error"),
      errors: issues.length,
    },
    issues: issues.slice(0, SHOWN_ISSUES),
    sheets: sheets.map(({ detail: _d, write: _w, ...s }) => s),
  });
  if (input.mode === "preview") return summary(false);
  if (issues.length > 0)
    throw new AppError(
      "validation",
      "IMPORT_INVALID",
      `${count("error")} 张工作表共有 ${issues.length} 处错误，未写入任何数据；第一处：${issues[0]!.message}`,
      { issues: issues.slice(0, SHOWN_ISSUES), total: issues.length },
    );

  // Locked in id order, so two imports of overlapping forms wait for each other instead of deadlocking.
  const toWrite = sheets
    .filter((s) => s.status === "changed" && s.detail && s.write)
    .sort((a, b) => a.detail!.id - b.detail!.id);
  if (toWrite.length > 0) {
    await deps.uow.transaction(async (tx) => {
      for (const s of toWrite) {
        const detail = s.detail!;
        // The checks were made on this read: only that state may be written over.
        const state = await tx.selfeval.lockState(actor.regionCode, detail.id);
        if (!state || state.version !== detail.version || state.status !== detail.status)
          throw staleVersion(`工作表“${s.sheet}”对应的自评表`);
        const version = await tx.selfeval.saveAnswers(actor.regionCode, detail.id, detail.version, s.write!);
        if (version === null) throw staleVersion(`工作表“${s.sheet}”对应的自评表`);
        s.version = version;
      }
      await tx.selfeval.followForms(
        actor.regionCode,
        toWrite.map((s) => s.detail!.id),
        deps.clock.now(),
      );
      await tx.audit.append(
        toWrite.map((s) =>
          auditEntry(actor, deps.clock, {
            action: "import",
            entity: "selfeval_form",
            entityId: s.detail!.id,
            before: s.detail!.answers,
            after: s.write,
            reason: `Excel导入：${input.fileName}，工作表“${s.sheet}”`,
          }),
        ),
      );
    });
  }
  return summary(true);
}

export type SelfEvalImportResult = Awaited<ReturnType<typeof importSelfEvalWorkbook>>;
