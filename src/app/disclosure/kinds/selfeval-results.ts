import type { PublicationBody, PublishedTable } from "../../../core/disclosure/types";
import { fenToWan, groupThousands, sumFen } from "../../../core/money";
import { hundredthsOf, pointsText } from "../../../core/selfeval/grade";
import { formRows } from "../../selfeval/list-forms";
import { type PublicationKindDef, rebuildCheck } from "./kind";

const SUBJECT_LABELS = { project: "项目支出", deptWide: "部门整体支出" } as const;

/**
 * 绩效自评结果: every self-evaluation of the year that finance approved (projects and department-wide budgets),
 * with the budget (全年预算数), what was executed (the final accounts' 执行数), the execution rate, the self
 * score and grade, computed exactly as the self-evaluation pages compute them. Department-wide rows first, then
 * by department and code.
 */
const prepare: PublicationKindDef["prepare"] = async (deps, actor, { fiscalYear, departmentId }) => {
  const { rows, rules } = await formRows(deps, actor, { fiscalYear, departmentId, status: "approved" });
  const sorted = [...rows].sort(
    (a, b) =>
      Number(b.subjectKind === "deptWide") - Number(a.subjectKind === "deptWide") ||
      (a.department.code < b.department.code ? -1 : a.department.code > b.department.code ? 1 : 0) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
  const table: PublishedTable = {
    key: "selfeval",
    title: `${fiscalYear}年度绩效自评结果`,
    columns: [
      { key: "code", title: "编码", type: "text" },
      { key: "name", title: "名称", type: "text" },
      { key: "subject", title: "类型", type: "text" },
      { key: "department", title: "主管部门", type: "text" },
      { key: "unit", title: "实施单位", type: "text" },
      { key: "budget", title: "全年预算数", type: "amount" },
      { key: "executed", title: "全年执行数", type: "amount" },
      { key: "rate", title: "预算执行率", type: "percent" },
      { key: "score", title: "自评得分", type: "score" },
      { key: "grade", title: "自评等级", type: "text" },
    ],
    rows: sorted.map((r) => ({
      code: r.code,
      name: r.name,
      subject: SUBJECT_LABELS[r.subjectKind],
      department: r.department.name,
      unit: r.unit.name,
      budget: r.adjustedBudget,
      executed: r.executed,
      rate: r.rate,
      score: r.total === null ? null : pointsText(hundredthsOf(r.total)),
      grade: r.grade === null ? null : rules.gradeLabels[r.grade],
    })),
  };
  const projects = sorted.filter((r) => r.subjectKind === "project");
  const intro =
    `${fiscalYear}年度经财政审核的绩效自评共${sorted.length}个，其中部门整体支出${sorted.length - projects.length}个、` +
    `项目支出${projects.length}个，项目全年预算合计${groupThousands(fenToWan(sumFen(projects.map((r) => r.adjustedBudget))))}万元、` +
    `执行${groupThousands(fenToWan(sumFen(projects.map((r) => r.executed))))}万元。自评结果如下。`;
  const body: PublicationBody = { intro, tables: [table] };
  return body;
};

export const selfEvalResults: PublicationKindDef = {
  label: "绩效自评结果",
  prepare,
  check: rebuildCheck(prepare),
};
