import { systemActor } from "../../app/auth/actor";
import { evaluationSummary } from "../../app/evaluations/summary";
import { DEFAULT_GRADE_LABELS } from "../../core/selfeval/grade";
import { openRuntime, resolveRegion } from "../runtime";

/**
 * `jixiao evaluations summary --year 2024 [--json]`: the year's department and key evaluations (finalised),
 * coverage, amounts, mean scores, grades and rectification, from the same use case as the API.
 */
export async function evaluationSummaryCommand(options: { year: string; region?: string; json?: boolean }) {
  const year = Number(options.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new Error(`年度无效：${options.year}`);
  const rt = await openRuntime();
  try {
    const s = await evaluationSummary(rt.deps, systemActor(await resolveRegion(rt, options.region)), year);
    if (options.json) {
      const { rows: _rows, coverageRows: _c, ...figures } = s;
      console.log(JSON.stringify(figures, null, 2));
      return;
    }
    const grades = (g: typeof s.key.grades) =>
      g.map((x) => `${DEFAULT_GRADE_LABELS[x.grade]} ${x.count} 个（${x.percent}%）`).join("，");
    console.log(`${year}年度绩效评价（只计已定稿的评价）`);
    console.log(
      `  部门评价：${s.department.count} 个；参与部门 ${s.coverage.participating} 个，达到要求 ${s.coverage.covered}/${s.coverage.departments} 个，覆盖率 ${s.coverage.rate}%；平均得分 ${s.department.meanScore ?? "—"}`,
    );
    if (s.department.count > 0) console.log(`    ${grades(s.department.grades)}`);
    console.log(`  财政重点评价：${s.key.count} 个，金额 ${s.key.amountWan} 万元，平均得分 ${s.key.meanScore ?? "—"}`);
    if (s.key.count > 0) console.log(`    ${grades(s.key.grades)}`);
    const r = s.rectification;
    console.log(
      `  整改：${r.items} 项，待整改 ${r.issued}，已反馈 ${r.answered}，已验收 ${r.accepted}，退回重改 ${r.returned}，逾期 ${r.overdue}`,
    );
  } finally {
    await rt.close();
  }
}
