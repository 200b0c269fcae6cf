import type { evaluationSummary } from "../app/evaluations/summary";
import { EVALUATION_KIND_LABELS, EVALUATION_STATUS_LABELS } from "../core/evaluations/workflow";
import { DEFAULT_GRADE_LABELS, GRADE_BANDS } from "../core/selfeval/grade";
import { writeXlsx } from "./write-xlsx";

type Summary = Awaited<ReturnType<typeof evaluationSummary>>;

/** The year's evaluation summary as a workbook: the figures, the grades, coverage by department, every evaluation. */
export function evaluationSummaryWorkbook(s: Summary): Promise<Buffer> {
  const y = s.fiscalYear;
  const figures = [
    ["部门评价（已定稿）", `${s.department.count} 个`],
    ["参与部门评价的部门", `${s.coverage.participating} 个`],
    [
      "达到年度要求的部门",
      `${s.coverage.covered} / ${s.coverage.departments} 个（每个部门至少 ${s.minProjectsPerDepartment} 个项目）`,
    ],
    ["部门评价覆盖率", `${s.coverage.rate}%`],
    ["部门评价平均得分", s.department.meanScore ?? "—"],
    ["财政重点评价（已定稿）", `${s.key.count} 个`],
    ["重点评价项目金额", `${s.key.amountWan} 万元`],
    ["重点评价平均得分", s.key.meanScore ?? "—"],
    ["整改事项", `${s.rectification.items} 项`],
    ["其中：待整改", `${s.rectification.issued} 项`],
    ["已反馈待验收", `${s.rectification.answered} 项`],
    ["已验收", `${s.rectification.accepted} 项`],
    ["退回重改", `${s.rectification.returned} 项`],
    ["逾期未整改", `${s.rectification.overdue} 项`],
  ];
  const grades = (["department", "key"] as const).flatMap((kind) =>
    s[kind].grades.map((g) => ({
      kind: EVALUATION_KIND_LABELS[kind],
      grade: DEFAULT_GRADE_LABELS[g.grade],
      band: GRADE_BANDS[g.grade],
      count: g.count,
      percent: Number(g.percent) / 100,
    })),
  );
  return writeXlsx([
    {
      name: "汇总",
      title: `${y}年度绩效评价汇总（只计已定稿的评价）`,
      columns: [
        { header: "项目", key: "label", width: 24 },
        { header: "数值", key: "value", width: 48 },
      ],
      rows: figures.map(([label, value]) => ({ label, value })),
    },
    {
      name: "等级分布",
      title: `${y}年度绩效评价等级分布（占比按最大余额法合计100%）`,
      columns: [
        { header: "评价类型", key: "kind", width: 14 },
        { header: "等级", key: "grade", width: 8 },
        { header: "分数段", key: "band", width: 16 },
        { header: "个数", key: "count", kind: "int" },
        { header: "占比", key: "percent", kind: "percent" },
      ],
      rows: grades,
    },
    {
      name: "部门覆盖",
      title: `${y}年度部门评价覆盖情况`,
      columns: [
        { header: "部门编码", key: "code", width: 10 },
        { header: "主管部门", key: "name", width: 28 },
        { header: "项目数", key: "projects", kind: "int" },
        { header: "评价数", key: "evaluations", kind: "int" },
        { header: "已定稿", key: "finalised", kind: "int" },
        { header: "达到要求", key: "meets", width: 10 },
      ],
      rows: s.coverageRows.map((r) => ({
        code: r.departmentCode,
        name: r.departmentName,
        projects: r.projects,
        evaluations: r.evaluations,
        finalised: r.finalised,
        meets: r.meets ? "是" : "否",
      })),
    },
    {
      name: "评价清单",
      title: `${y}年度绩效评价清单`,
      columns: [
        { header: "评价类型", key: "kind", width: 12 },
        { header: "项目编码", key: "code", width: 16 },
        { header: "项目名称", key: "name", width: 36 },
        { header: "主管部门", key: "department", width: 24 },
        { header: "实施单位", key: "unit", width: 24 },
        { header: "金额（元）", key: "amount", kind: "money" },
        { header: "状态", key: "status", width: 10 },
        { header: "已提交评分", key: "sheets", kind: "int" },
        { header: "得分", key: "score", width: 8 },
        { header: "等级", key: "grade", width: 6 },
        { header: "调整理由", key: "reason", width: 30 },
      ],
      rows: s.rows.map((r) => ({
        kind: EVALUATION_KIND_LABELS[r.kind],
        code: r.project.code,
        name: r.project.name,
        department: r.departmentName,
        unit: r.unitName,
        amount: r.amount / 100,
        status: EVALUATION_STATUS_LABELS[r.status],
        sheets: r.sheets,
        score: r.score === null ? "" : r.score.toFixed(2),
        grade: r.grade === null ? "" : DEFAULT_GRADE_LABELS[r.grade],
        reason: r.overrideReason ?? "",
      })),
    },
  ]);
}
