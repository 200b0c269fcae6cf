import { systemActor } from "../../app/auth/actor";
import { resultsSummary } from "../../app/results/summary";
import { openRuntime, resolveRegion } from "../runtime";

/**
 * `jixiao results summary --year 2024 [--json]`: the adopted rule set of the year and what its frozen list
 * did (projects adjusted, total cut in 万元), per department; the same use case as the API.
 */
export async function resultsSummaryCommand(options: { year: string; region?: string; json?: boolean }) {
  const year = Number(options.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new Error(`年度无效：${options.year}`);
  const rt = await openRuntime();
  try {
    const s = await resultsSummary(rt.deps, systemActor(await resolveRegion(rt, options.region)), year);
    if (options.json) {
      console.log(JSON.stringify(s, null, 2));
      return;
    }
    if (!s.adoption) {
      console.log(`${year}年度尚未采纳结果应用规则集（${s.budgetYear}年度预算调整清单为空）`);
      return;
    }
    const a = s.adoption;
    console.log(`${year}年度评价结果应用于${s.budgetYear}年度预算`);
    console.log(
      `  采纳规则集：${a.ruleSet.name}（第${a.ruleSet.version}版），第${a.seq}次采纳，${a.adoptedAt.slice(0, 10)}${a.adoptedByName ? `，${a.adoptedByName}` : ""}`,
    );
    if (a.average !== null) console.log(`  全区部门平均得分：${a.average}`);
    console.log(
      `  调整项目 ${s.projectsAdjusted} 个（清单共 ${s.projects} 个项目），核减 ${s.totalCut.toFixed(2)} 万元，增加 ${s.totalRaise.toFixed(2)} 万元`,
    );
    console.log("  分部门：");
    for (const d of s.byDepartment.filter((x) => x.adjusted > 0))
      console.log(
        `    ${d.departmentName}：调整 ${d.adjusted}/${d.projects} 个项目，申请 ${d.requestWan} 万元，核减 ${d.cutWan} 万元，调整后 ${d.newAmountWan} 万元`,
      );
  } finally {
    await rt.close();
  }
}
