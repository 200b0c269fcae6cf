import { AppError } from "../../core/errors";
import type { FormForSheet } from "../../core/selfeval/form-sheet";
import { formSheetOf } from "../../core/selfeval/form-sheet";
import type { SelfEvalRules } from "../../core/selfeval/rules";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import type { FormDetail } from "./ports";
import { formScoreOf } from "./present-form";
import { selfEvalRulesFor } from "./selfeval-rules";

export interface SelfEvalWorkbookRequest {
  fiscalYear: number;
  departmentId?: number | undefined;
  unitId?: number | undefined;
}

/** More sheets than this make a workbook Excel opens slowly (and the reader refuses 1,100); a department stays below. */
export const MAX_WORKBOOK_FORMS = 1000;

/** A form as the sheet module (core/selfeval/form-sheet) takes it. */
export const formForSheet = (d: FormDetail): FormForSheet => ({
  id: d.id,
  version: d.version,
  fiscalYear: d.round.fiscalYear,
  code: d.code,
  name: d.name,
  departmentName: d.department.name,
  unitCode: d.unit.code,
  unitName: d.unit.name,
  overallGoal: d.overallGoal,
  figures: d.figures,
  executionWeight: d.executionWeight,
  missingWeight: d.missingWeight,
  items: d.items,
  answers: d.answers,
});

/** What one sheet shows of a form: as issued, with the answers so far and the points computed from them. */
export const sheetOfForm = (d: FormDetail, rules: SelfEvalRules) => formSheetOf(formForSheet(d), formScoreOf(d, rules));

/**
 * 下载自评表: the project self-evaluation forms of a year the actor may see, as sheets of the official
 * 项目支出绩效自评表 to fill offline. A unit gets its own; a department its own and its units' (or one
 * unit's); finance names a department or a unit, since the whole region is too much for one file.
 * Department-wide forms are not in it: their template rows (checklists, band tables) have no place in the
 * project layout, and they are filled on the web.
 */
export async function exportSelfEvalWorkbook(deps: Deps, actor: Actor, request: SelfEvalWorkbookRequest) {
  const scope = authorize(actor, "selfeval.read");
  const repos = deps.uow.read;
  const { fiscalYear } = request;
  if (scope.kind === "region" && !request.departmentId && !request.unitId)
    throw new AppError(
      "validation",
      "SELFEVAL_EXPORT_NEEDS_DEPARTMENT",
      "请选择要下载的主管部门或单位：全区的自评表按部门分别下载",
      { field: "departmentId" },
    );
  const details = await repos.selfeval.details(scope, {
    fiscalYear,
    departmentId: request.departmentId,
    unitId: request.unitId,
    subjectKind: "project",
  });
  const owner = request.unitId
    ? (details[0]?.unit.name ?? "")
    : request.departmentId
      ? (details[0]?.department.name ?? "")
      : ((await repos.orgs.byId(actor.orgId))?.name ?? "");
  if (details.length === 0)
    throw new AppError(
      "not_found",
      "SELFEVAL_EXPORT_EMPTY",
      `${owner}${fiscalYear}年度没有您可查看的项目自评表（部门整体支出自评表请在系统中填写）`,
    );
  if (details.length > MAX_WORKBOOK_FORMS)
    throw new AppError(
      "validation",
      "SELFEVAL_EXPORT_TOO_MANY",
      `共 ${details.length} 张自评表，超过单个文件 ${MAX_WORKBOOK_FORMS} 张的上限，请按主管部门或单位分别下载`,
    );
  const rules = await selfEvalRulesFor(repos, actor.regionCode, fiscalYear);
  return {
    fiscalYear,
    title: `${owner} ${fiscalYear}年度项目支出绩效自评表`,
    fileName: `项目支出绩效自评表_${owner || "导出"}_${fiscalYear}年度.xlsx`,
    sheets: details.map((d) => sheetOfForm(d, rules)),
  };
}
