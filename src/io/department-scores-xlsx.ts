import type { DepartmentScoresView } from "../app/results/department-scores";
import { DEPT_SCORE_COMPONENTS } from "../core/results/department-score";
import { writeXlsx, type XlsxColumn } from "./write-xlsx";

const fixed = (v: number | null) => (v === null ? "—" : v.toFixed(2));

/**
 * 部门绩效考核 as a workbook: the ranking (each component's score, the weighted score, grade, below the average)
 * and, on a second sheet, what every component was computed from. Scores with two decimals.
 */
export function departmentScoresWorkbook(v: DepartmentScoresView): Promise<Buffer> {
  const labels = new Map(v.template.map((c) => [c.key, `${c.label}（权重${c.weight}）`]));
  const keys = DEPT_SCORE_COMPONENTS.filter((k) => labels.has(k));
  const columns: XlsxColumn[] = [
    { header: "排名", key: "rank", kind: "int", width: 8 },
    { header: "部门编码", key: "code", width: 12 },
    { header: "部门名称", key: "name", width: 26 },
    ...keys.map((k): XlsxColumn => ({ header: labels.get(k)!, key: k, kind: "points", width: 14 })),
    { header: "综合得分", key: "score", kind: "points", width: 12 },
    { header: "等级", key: "grade", width: 8 },
    { header: "低于全区平均分", key: "below", width: 14 },
  ];
  const rows = v.rows.map((r) => ({
    rank: r.rank,
    code: r.department.code,
    name: r.department.name,
    ...Object.fromEntries(r.components.map((c) => [c.key, c.value])),
    score: r.score,
    grade: r.gradeLabel ?? "—",
    below: r.score === null ? "无得分" : r.belowAverage ? "是" : "否",
  }));
  const basis = v.rows.flatMap((r) =>
    r.components.map((c) => ({
      code: r.department.code,
      name: r.department.name,
      component: c.label,
      weight: c.weight,
      value: c.value,
      count: c.count,
      part: c.part,
      pending: c.pending,
      how: c.how,
    })),
  );
  return writeXlsx([
    {
      name: "部门绩效考核",
      title: `${v.fiscalYear}年度部门绩效考核（模板 ${v.templateVersion}；全区平均分 ${fixed(v.average)}，低于平均分 ${v.belowAverageCount} 个部门）`,
      columns,
      rows,
    },
    {
      name: "计分依据",
      title: `${v.fiscalYear}年度部门绩效考核计分依据（截至 ${v.today}）`,
      columns: [
        { header: "部门编码", key: "code", width: 12 },
        { header: "部门名称", key: "name", width: 26 },
        { header: "考核内容", key: "component", width: 16 },
        { header: "权重", key: "weight", kind: "points", width: 8 },
        { header: "得分", key: "value", kind: "points", width: 10 },
        { header: "计分数量", key: "count", kind: "int", width: 10 },
        { header: "其中已验收/按期完成", key: "part", kind: "int", width: 16 },
        { header: "暂不计入", key: "pending", kind: "int", width: 10 },
        { header: "计算说明", key: "how", width: 60 },
      ],
      rows: basis,
    },
  ]);
}
