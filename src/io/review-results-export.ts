import type { ReviewResultRow } from "../app/selfeval/list-reviews";
import type { GradeLabels } from "../core/selfeval/grade";
import { REVIEW_BASIS_LABELS } from "../core/selfeval/review";
import { writeXlsx } from "./write-xlsx";

/** 复核结果 as an Excel sheet: every review in the filter, with both scores and grades, the difference and the guidance. */
export function reviewResultsWorkbook(e: {
  fiscalYear: number;
  rows: ReviewResultRow[];
  gradeLabels: GradeLabels;
}): Promise<Buffer> {
  const grade = (g: keyof GradeLabels | null) => (g === null ? "" : e.gradeLabels[g]);
  return writeXlsx([
    {
      name: "复核结果",
      title: `${e.fiscalYear}年度单位自评抽查复核结果（共 ${e.rows.length} 个，得分为百分制）`,
      columns: [
        { header: "主管部门", key: "department", kind: "text", width: 22 },
        { header: "实施单位", key: "unit", kind: "text", width: 24 },
        { header: "编码", key: "code", kind: "text", width: 16 },
        { header: "自评对象", key: "name", kind: "text", width: 34 },
        { header: "纳入方式", key: "basis", kind: "text", width: 18 },
        { header: "第三方机构", key: "firm", kind: "text", width: 20 },
        { header: "复核人员", key: "reviewer", kind: "text", width: 10 },
        { header: "状态", key: "status", kind: "text", width: 12 },
        { header: "自评得分", key: "selfTotal", kind: "money", width: 10 },
        { header: "自评等级", key: "selfGrade", kind: "text", width: 8 },
        { header: "复核得分", key: "reviewTotal", kind: "money", width: 10 },
        { header: "复核等级", key: "reviewGrade", kind: "text", width: 8 },
        { header: "差异（自评−复核）", key: "difference", kind: "money", width: 12 },
        { header: "自评偏高", key: "overrated", kind: "text", width: 8 },
        { header: "指导意见", key: "guidance", kind: "text", width: 60 },
      ],
      pageSetup: {
        paperSize: 9,
        orientation: "landscape",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: "2:2",
        margins: { left: 0.3, right: 0.3, top: 0.4, bottom: 0.4, header: 0.2, footer: 0.2 },
      },
      rows: e.rows.map((r) => ({
        department: r.department.name,
        unit: r.unit.name,
        code: r.code,
        name: r.name,
        basis: REVIEW_BASIS_LABELS[r.basis],
        firm: r.firm?.name ?? "",
        reviewer: r.reviewer?.name ?? "",
        status: r.statusText,
        selfTotal: r.selfTotal,
        selfGrade: grade(r.selfGrade),
        reviewTotal: r.reviewTotal,
        reviewGrade: grade(r.reviewGrade),
        difference: r.difference,
        overrated: r.overrated ? "是" : "",
        guidance: r.guidance,
      })),
    },
  ]);
}
