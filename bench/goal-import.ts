/**
 * Goal tables through Excel: the largest department's workbook (its department-wide table and every
 * project table, one sheet each) read, previewed and committed through readGoalWorkbook +
 * importGoalTables on PGlite, against a baseline in the same run: one raw multi-row INSERT of the same
 * indicator rows (after deleting the old ones) in one transaction.
 */
import { sql } from "drizzle-orm";
import { systemActor } from "../src/app/auth/actor";
import { type Deps, systemClock } from "../src/app/context";
import { loadDemo } from "../src/app/demo/load-demo";
import { exportGoalTables } from "../src/app/goals/export-goal-tables";
import { importGoalTables } from "../src/app/goals/import-goal-tables";
import { checkGoalTable, DEFAULT_GOAL_POLICY } from "../src/core/goals/quality";
import { parseTargetNumber } from "../src/core/goals/quality-types";
import { DEFAULT_TEMPLATE, type GoalIndicator } from "../src/core/goals/types";
import { createDb, type Database, migrateDb } from "../src/db/client";
import { createUnitOfWork } from "../src/db/repos";
import { rows } from "../src/db/repos/rows";
import { generateDemoDistrict } from "../src/demo/generate";
import { writeGoalWorkbook } from "../src/io/goal-table-xlsx";
import { readGoalWorkbook } from "../src/io/read-upload";
import { argon2Hasher } from "../src/server/auth/password";
import { type BenchRow, log, median, min, ms, now, ratio } from "./stats";

const REPETITIONS = 5;

/**
 * What a department sends back after its declaration round: every table sound (the demo's faults
 * corrected, so no sheet is refused) and one target raised per table, so every sheet changes.
 */
function corrected(indicators: readonly GoalIndicator[]): GoalIndicator[] {
  const list = indicators.map((i) => {
    if (i.kind !== "quantitative") return { ...i };
    const number = parseTargetNumber(i.target) ?? Number(/\d+(\.\d+)?/.exec(i.target)?.[0] ?? 1);
    return { ...i, operator: i.operator ?? ">=", unit: i.unit?.trim() || "项", target: String(number) };
  });
  if (!list.some((i) => i.level1 === "满意度指标")) {
    const s = list.find((i) => i.name.includes("满意度"));
    if (s) Object.assign(s, { level1: "满意度指标", level2: "服务对象满意度指标" });
  }
  const hundredths = list.reduce((n, i) => n + Math.round(i.weight * 100), 0);
  const heaviest = list.reduce((a, b) => (b.weight > a.weight ? b : a));
  heaviest.weight = Math.round(heaviest.weight * 100 + 10_000 - hundredths) / 100;
  const raised = list.find((i) => i.kind === "quantitative");
  if (raised) raised.target = String(Number(raised.target) + 1);
  return list;
}

/** The demo district with every goal table of the department back in its declarer's hands (draft). */
async function demoState(departmentCode: string): Promise<Blob> {
  const db = await createDb({ dataDir: "memory://" });
  await migrateDb(db);
  await loadDemo(deps(db), generateDemoDistrict());
  await db.orm.execute(
    sql`update goal_tables set status = 'draft'
        where department_id = (select id from orgs where code = ${departmentCode} and kind = 'department')`,
  );
  const dump = await db.pglite!.dumpDataDir("none");
  await db.close();
  return dump;
}

const deps = (db: Database): Deps => ({ uow: createUnitOfWork(db), clock: systemClock, hasher: argon2Hasher });

export async function goalImportBench(): Promise<{ rows: BenchRow[]; notes: string[] }> {
  const demo = generateDemoDistrict();
  const projectsByDept = new Map<string, number>();
  for (const p of demo.projects) projectsByDept.set(p.departmentCode, (projectsByDept.get(p.departmentCode) ?? 0) + 1);
  const [department] = [...projectsByDept].sort((a, b) => b[1] - a[1])[0]!;
  const regionCode = demo.region.code;
  log(`largest department ${department}: ${projectsByDept.get(department)} projects`);

  const template = await demoState(department);
  const fresh = () => createDb({ dataDir: "memory://", loadDataDir: template });
  const actor = { ...systemActor(regionCode), displayName: "基准测试" };

  // The workbook: exported as the department would download it (timed once), then corrected and changed.
  let db = await fresh();
  let start = now();
  const exported = await exportGoalTables(deps(db), actor, { fiscalYear: 2024, departmentCode: department });
  const exportMs = now() - start;
  const tables = exported.tables.map((t) => ({ ...t, record: { ...t.record, table: { ...t.record.table } } }));
  for (const t of tables) t.record.table.indicators = corrected(t.record.table.indicators);
  for (const t of tables) {
    const q = checkGoalTable(t.record.table, { template: DEFAULT_TEMPLATE, policy: DEFAULT_GOAL_POLICY });
    if (q.errors > 0) throw new Error(`benchmark setup: ${t.record.table.subjectCode} ${q.findings[0]?.message}`);
  }
  start = now();
  const bytes = await writeGoalWorkbook({
    fiscalYear: exported.fiscalYear,
    template: exported.template,
    contentsTitle: exported.contentsTitle,
    sheets: tables.map((t) => ({
      table: t.record.table,
      departmentName: t.record.departmentName,
      unitName: t.record.unitName,
      statusText: t.statusText,
      errors: 0,
      warnings: t.warnings,
    })),
  });
  const writeMs = now() - start;
  const indicatorRows = tables.flatMap((t) =>
    t.record.table.indicators.map((i, position) => ({ id: t.record.id, position, i })),
  );
  await db.close();
  log(
    `workbook: ${tables.length} sheets, ${indicatorRows.length} indicators, ${(bytes.length / 1024).toFixed(0)} KB; export query ${ms(exportMs)} ms, write ${ms(writeMs)} ms`,
  );

  const read: number[] = [];
  const preview: number[] = [];
  const commit: number[] = [];
  const baseline: number[] = [];
  let reimportChanged = -1;
  for (let rep = 0; rep < REPETITIONS; rep++) {
    // Baseline: the same indicator rows by hand, in one transaction, on its own fresh database.
    db = await fresh();
    const ids = tables.map((t) => t.record.id);
    start = now();
    await db.orm.transaction(async (tx) => {
      await tx.execute(sql`delete from goal_indicators where goal_table_id in (${sql.join(ids, sql`, `)})`);
      await tx.execute(sql`
        insert into goal_indicators (region_code, goal_table_id, position, level1, level2, name, kind, operator, target, unit, weight,
                                     explanation)
        values ${sql.join(
          indicatorRows.map(
            ({ id, position, i }) =>
              sql`(${regionCode}, ${id}, ${position}, ${i.level1}, ${i.level2}, ${i.name}, ${i.kind}, ${i.operator}, ${i.target}, ${i.unit}, ${i.weight}, ${i.explanation})`,
          ),
          sql`, `,
        )}`);
    });
    baseline.push(now() - start);
    await db.close();

    db = await fresh();
    const d = deps(db);
    start = now();
    const sheets = await readGoalWorkbook(bytes);
    read.push(now() - start);
    const input = { fileName: "bench.xlsx", sheets, onBehalfOfDeclarer: true };
    start = now();
    const p = await importGoalTables(d, actor, { ...input, mode: "preview" });
    preview.push(now() - start);
    if (p.counts.errors > 0 || p.counts.changed !== tables.length)
      throw new Error(`benchmark setup: preview ${JSON.stringify(p.counts)}; ${p.issues[0]?.message ?? ""}`);
    start = now();
    const c = await importGoalTables(d, actor, { ...input, mode: "commit" });
    commit.push(now() - start);
    if (!c.committed) throw new Error("benchmark: nothing committed");
    if (rep === 0) {
      const [stored] = await rows<{ n: number }>(
        db.orm,
        sql`select count(*)::int as n from goal_indicators where goal_table_id in (${sql.join(ids, sql`, `)})`,
      );
      if (stored?.n !== indicatorRows.length) throw new Error(`benchmark: ${stored?.n} indicators stored`);
      reimportChanged = (await importGoalTables(d, actor, { ...input, mode: "commit" })).counts.changed;
    }
    await db.close();
  }
  const whole = read.map((r, i) => r + preview[i]! + commit[i]!);
  const label = `${tables.length} tables / ${indicatorRows.length} indicators`;
  log(
    `read ${ms(median(read))} ms, preview ${ms(median(preview))} ms, commit ${ms(median(commit))} ms; baseline ${ms(median(baseline))} ms`,
  );
  const row = (metric: string, value: string): BenchRow => ({
    benchmark: "goal import",
    metric,
    value,
    target: "",
    status: "",
  });
  return {
    rows: [
      row(`department ${department} workbook: ${label}, ${(bytes.length / 1024).toFixed(0)} KB`, "—"),
      row("export: load the tables + checks (once)", `${ms(exportMs)} ms`),
      row("export: write the workbook (once)", `${ms(writeMs)} ms`),
      row(`read the workbook (median / min of ${REPETITIONS})`, `${ms(median(read))} / ${ms(min(read))} ms`),
      row("preview: compare + checks", `${ms(median(preview))} / ${ms(min(preview))} ms`),
      row("commit: compare + checks + one transaction", `${ms(median(commit))} / ${ms(min(commit))} ms`),
      row("whole import: read + preview + commit", `${ms(median(whole))} / ${ms(min(whole))} ms`),
      row(
        "baseline: raw delete + multi-row INSERT of the same indicators",
        `${ms(median(baseline))} / ${ms(min(baseline))} ms`,
      ),
      row("commit ÷ baseline (medians)", ratio(median(commit) / median(baseline))),
      row("re-import of the same file: tables changed", String(reimportChanged)),
    ],
    notes: [],
  };
}
