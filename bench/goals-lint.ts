/**
 * Goal table quality checks (智能审核) over the demo district's 1,767 tables (~20,000 indicators):
 * the pure checks alone, and the whole use case (two set-based queries + checks + summary) on PGlite,
 * against a baseline in the same run: one hand-written SQL query that reads the same indicator rows.
 * Target: the checks over all tables ≤ 1 s.
 */
import { systemActor } from "../src/app/auth/actor";
import { systemClock } from "../src/app/context";
import { loadDemo } from "../src/app/demo/load-demo";
import { lintGoals } from "../src/app/goals/lint-goals";
import { previewGoalRules } from "../src/app/goals/preview-goal-rules";
import { DEFAULT_GOAL_RULES } from "../src/core/goals/goal-rules";
import { checkGoalTable, summariseFindings } from "../src/core/goals/quality";
import { createDb, migrateDb } from "../src/db/client";
import { createUnitOfWork } from "../src/db/repos";
import { generateDemoDistrict } from "../src/demo/generate";
import { argon2Hasher } from "../src/server/auth/password";
import { type BenchRow, log, median, ms, now, verdict } from "./stats";

const RUNS = 7;

export async function goalsLintBench(): Promise<{ rows: BenchRow[]; notes: string[] }> {
  const demo = generateDemoDistrict();
  const indicators = demo.goalTables.reduce((n, t) => n + t.indicators.length, 0);

  const pure: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = now();
    const items = demo.goalTables.map((t) => ({
      departmentCode: "x",
      departmentName: "x",
      findings: checkGoalTable(t).findings,
    }));
    summariseFindings(items);
    pure.push(now() - start);
  }
  log(`pure checks: median ${ms(median(pure))} ms`);

  const db = await createDb({ dataDir: "memory://" });
  await migrateDb(db);
  const deps = { uow: createUnitOfWork(db), clock: systemClock, hasher: argon2Hasher };
  await loadDemo(deps, demo);
  const actor = systemActor(demo.region.code);
  const whole: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let start = now();
    await db.pglite!.query(
      `select i.goal_table_id, i.level1, i.level2, i.name, i.kind, i.operator, i.target, i.unit, i.weight
       from goal_indicators i join goal_tables g on g.id = i.goal_table_id
       where g.region_code = $1 and g.fiscal_year = 2024 and g.is_current order by i.goal_table_id, i.position`,
      [demo.region.code],
    );
    baseline.push(now() - start);
    start = now();
    await lintGoals(deps, actor, 2024);
    whole.push(now() - start);
  }
  // 试算 of proposed rules (POST /goals/rules/preview): cold, with a fresh unit of work (its memo empty,
  // so the year's tables are loaded), and warm (the tables kept under the checks' stamp).
  const { version: _t, ...template } = DEFAULT_GOAL_RULES.template;
  const { version: _p, ...policy } = DEFAULT_GOAL_RULES.policy;
  const proposal = { fiscalYear: 2024, template, policy: { ...policy, minIndicators: 12 } };
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const fresh = { ...deps, uow: createUnitOfWork(db) };
    let start = now();
    await previewGoalRules(fresh, actor, proposal);
    cold.push(now() - start);
    start = now();
    await previewGoalRules(fresh, actor, proposal);
    warm.push(now() - start);
  }
  log(`rules preview: cold median ${ms(median(cold))} ms, warm ${ms(median(warm))} ms`);
  await db.close();
  log(`lint use case: median ${ms(median(whole))} ms; baseline query ${ms(median(baseline))} ms`);
  return {
    rows: [
      {
        benchmark: "goals lint",
        metric: `quality checks + summary, ${demo.goalTables.length} tables / ${indicators} indicators (median of ${RUNS})`,
        value: `${ms(median(pure))} ms`,
        target: "≤ 1000 ms",
        status: verdict(median(pure) <= 1000),
      },
      {
        benchmark: "goals lint",
        metric: "whole use case on PGlite: load (2 queries) + checks + summary",
        value: `${ms(median(whole))} ms`,
        target: "",
        status: "",
      },
      {
        benchmark: "goals lint",
        metric: "baseline: one hand-written query reading the same indicator rows",
        value: `${ms(median(baseline))} ms`,
        target: "",
        status: "",
      },
      {
        benchmark: "goals lint",
        metric: "rules 试算 (preview): cold (loads the year's tables) / warm (tables kept under the stamp)",
        value: `${ms(median(cold))} / ${ms(median(warm))} ms`,
        target: "",
        status: "",
      },
    ],
    notes: [],
  };
}
