import type { FormSort } from "../../core/selfeval/list";
import type { Actor, Deps } from "../context";
import { type FormListQuery, formRows, sortFormRows } from "./list-forms";

/**
 * 导出列表: the year's forms as the list shows them (same filters, scores and order), every row, for an
 * Excel file. Scores are computed on read, as in the list.
 */
export async function exportSelfEvalFormList(
  deps: Deps,
  actor: Actor,
  q: FormListQuery & { sort?: FormSort; order?: "asc" | "desc" },
) {
  const { rules, rows } = await formRows(deps, actor, q);
  return {
    fiscalYear: q.fiscalYear,
    rulesVersion: rules.version,
    gradeLabels: rules.gradeLabels,
    fileName: `自评表列表_${q.fiscalYear}年度.xlsx`,
    rows: sortFormRows(rows, q.sort ?? "department", q.order ?? "asc"),
  };
}

export type SelfEvalListExport = Awaited<ReturnType<typeof exportSelfEvalFormList>>;
