import { systemActor } from "../../app/auth/actor";
import { lintGoals } from "../../app/goals/lint-goals";
import { percent } from "../../core/percent";
import { openRuntime, resolveRegion } from "../runtime";

/** `jixiao goals lint --year 2024 [--json]`: the region-wide quality check, as finance sees it in the app. */
export async function goalsLint(options: { year: string; region?: string; json?: boolean; top?: string }) {
  const year = Number(options.year);
  if (!Number.isInteger(year)) throw new Error(`年度无效：${options.year}`);
  const rt = await openRuntime();
  try {
    const started = performance.now();
    const { summary, rulesVersion } = await lintGoals(
      rt.deps,
      systemActor(await resolveRegion(rt, options.region)),
      year,
    );
    const ms = performance.now() - started;
    if (options.json) {
      console.log(JSON.stringify({ fiscalYear: year, rulesVersion, ...summary }, null, 2));
      return;
    }
    const t = summary.totals;
    console.log(
      `${year}年度绩效目标表智能审核（指标体系 ${rulesVersion} 版）：共 ${t.tables} 张（${ms.toFixed(0)} 毫秒）`,
    );
    console.log(
      `  有错误的表 ${t.tablesWithErrors} 张（${percent(t.tablesWithErrors, t.tables)}%），有提示的表 ${t.tablesWithWarnings} 张；错误 ${t.errors} 处，提示 ${t.warnings} 处`,
    );
    console.log("按规则：");
    for (const r of summary.byRule) {
      console.log(
        `  ${r.severity === "error" ? "错误" : "提示"}  ${String(r.count).padStart(5)} 处 / ${String(r.tables).padStart(4)} 张  ${r.title}（${r.code}）`,
      );
    }
    const top = Number(options.top ?? 10);
    console.log(`按部门（问题最多的 ${top} 个）：`);
    for (const d of summary.byDepartment.slice(0, top)) {
      console.log(
        `  ${d.departmentCode} ${d.departmentName}：错误 ${d.errors}，提示 ${d.warnings}，有错误的表 ${d.tablesWithErrors}/${d.tables}`,
      );
    }
  } finally {
    await rt.close();
  }
}
