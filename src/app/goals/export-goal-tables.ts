import { AppError, notFound } from "../../core/errors";
import { checkGoalTable } from "../../core/goals/quality";
import { goalStatusText } from "../../core/goals/workflow";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { stateOf } from "./get-goal-table";
import { goalRulesFor } from "./goal-rules";
import type { GoalExchangeRecord } from "./ports";

/** One table by id (any revision), or a department's current tables of a year. */
export type GoalExportRequest = { id: number } | { fiscalYear: number; departmentCode?: string | undefined };

/** More sheets than this make a workbook Excel opens slowly; no department comes close. */
export const MAX_EXPORT_TABLES = 1000;

/**
 * The goal tables to write as Excel, within the actor's scope: a unit gets its own tables, a department
 * its own and its units', finance the department it names. The file carries the year's template
 * version (not the one a table was declared against), because an import is checked against it.
 */
export async function exportGoalTables(deps: Deps, actor: Actor, request: GoalExportRequest) {
  const scope = authorize(actor, "goal.read");
  const repos = deps.uow.read;
  let records: GoalExchangeRecord[];
  let title: string | null = null;
  let fiscalYear: number;
  let fileStem: string;
  if ("id" in request) {
    records = await repos.goalImport.tables(scope, { id: request.id });
    if (records.length === 0) throw notFound("绩效目标表", request.id);
    fiscalYear = records[0]!.table.fiscalYear;
    fileStem = records[0]!.table.subjectCode;
  } else {
    fiscalYear = request.fiscalYear;
    let departmentId: number | undefined;
    let owner: string;
    if (request.departmentCode && scope.kind !== "own") {
      const org = await repos.orgs.byCode(actor.regionCode, request.departmentCode);
      if (org?.kind !== "department")
        throw new AppError("not_found", "DEPARTMENT_NOT_FOUND", `主管部门不存在：${request.departmentCode}`);
      departmentId = org.id;
      owner = org.name;
    } else if (scope.kind === "region") {
      throw new AppError(
        "validation",
        "GOAL_EXPORT_NEEDS_DEPARTMENT",
        "请选择要导出的主管部门：全区的绩效目标表按部门分别导出",
        { field: "department" },
      );
    } else {
      owner = (await repos.orgs.byId(actor.orgId))?.name ?? "";
    }
    records = await repos.goalImport.tables(scope, { fiscalYear, departmentId });
    if (records.length === 0)
      throw new AppError("not_found", "GOAL_EXPORT_EMPTY", `${owner}${fiscalYear}年度没有您可查看的绩效目标表`);
    if (records.length > MAX_EXPORT_TABLES)
      throw new AppError(
        "validation",
        "GOAL_EXPORT_TOO_MANY",
        `共 ${records.length} 张绩效目标表，超过单个文件 ${MAX_EXPORT_TABLES} 张的上限，请按主管部门分别导出`,
      );
    title = `${owner}${fiscalYear}年度绩效目标表`;
    fileStem = owner || "导出";
  }
  const rules = await goalRulesFor(repos, actor.regionCode, fiscalYear);
  return {
    fiscalYear,
    rulesVersion: rules.version,
    template: { ...rules.template, version: rules.version },
    /** The 目录 sheet's title; null for a single table (no 目录). */
    contentsTitle: title,
    fileName: `绩效目标表_${fileStem}_${fiscalYear}.xlsx`,
    tables: records.map((record) => {
      const quality = checkGoalTable(record.table, rules);
      return {
        record,
        statusText: goalStatusText(stateOf(record)),
        errors: quality.errors,
        warnings: quality.warnings,
      };
    }),
  };
}

export type GoalExport = Awaited<ReturnType<typeof exportGoalTables>>;
