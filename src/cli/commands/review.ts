import { systemActor } from "../../app/auth/actor";
import { reviewStats } from "../../app/selfeval/review-stats";
import { openRuntime, resolveRegion } from "../runtime";

/**
 * `jixiao review stats --year 2024 [--json]`: the grade distributions of the confirmed spot-check reviews
 * (department-wide and project), counts and percentages rounded half up, the self against the review score
 * by department and the overrated self-evaluations, from the same use case as the API.
 */
export async function reviewStatsCommand(options: { year: string; region?: string; json?: boolean }) {
  const year = Number(options.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new Error(`年度无效：${options.year}`);
  const rt = await openRuntime();
  try {
    const stats = await reviewStats(rt.deps, systemActor(await resolveRegion(rt, options.region)), year);
    if (options.json) {
      console.log(JSON.stringify(stats, null, 2));
      return;
    }
    console.log(`${year}年度单位自评抽查复核结果（评分规则 ${stats.rulesVersion}）`);
    for (const [label, d] of [
      ["部门整体支出", stats.deptWide],
      ["项目支出", stats.project],
    ] as const) {
      console.log(`  ${label}：复核 ${d.total} 个（纳入 ${d.sampled} 个）`);
      for (const g of d.grades) console.log(`    ${g.label}（${g.band}）${g.count} 个，占 ${g.percent}%`);
    }
    console.log(`  ${stats.project.roundingNote}`);
    if (stats.overrated.length > 0) {
      console.log(`  自评分高出复核分 ${stats.overrateThreshold} 分以上的 ${stats.overrated.length} 个：`);
      for (const o of stats.overrated)
        console.log(`    ${o.code} ${o.name}：自评 ${o.selfTotal}，复核 ${o.reviewTotal}`);
    }
    if (stats.pending > 0) console.log(`  尚有 ${stats.pending} 个复核未经财政确认，未计入统计`);
  } finally {
    await rt.close();
  }
}
