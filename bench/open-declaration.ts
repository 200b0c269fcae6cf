/**
 * Opening the goal declaration for a demo-sized year: the demo district's 2024 projects and department
 * budgets copied to 2025 (1,713 projects, 54 department-wide budgets, no goal tables), then
 * `openGoalDeclaration` creates 1,767 draft tables and one task per declaring organisation, with the
 * outbox, notifications and audit. Baseline in the same run, on a fresh copy of the same state: the
 * hand-written INSERT … SELECT of the same tables and tasks, without checks, audit or notifications.
 * Also: the inbox (`GET /api/v1/tasks/inbox` as a unit) through the real server, p95 at 20 connections.
 */
import { sql } from "drizzle-orm";
import { actorOf, systemActor } from "../src/app/auth/actor";
import { type Deps, systemClock } from "../src/app/context";
import { loadDemo } from "../src/app/demo/load-demo";
import { openGoalDeclaration } from "../src/app/plan/open-goal-declaration";
import { getInbox } from "../src/app/tasks/list-tasks";
import { createDb, type Database, migrateDb } from "../src/db/client";
import { createUnitOfWork } from "../src/db/repos";
import { rows } from "../src/db/repos/rows";
import { generateDemoDistrict } from "../src/demo/generate";
import { argon2Hasher } from "../src/server/auth/password";
import { type BenchRow, log, median, min, ms, now, percentile, ratio, verdict } from "./stats";

const REPETITIONS = 5;
const INBOX_READS = 400;

const deps = (db: Database): Deps => ({ uow: createUnitOfWork(db), clock: systemClock, hasher: argon2Hasher });

/** The demo district with its 2024 budget copied to 2025: what a district has after importing a new year. */
async function state(): Promise<{ dump: Blob; regionCode: string }> {
  const db = await createDb({ dataDir: "memory://" });
  await migrateDb(db);
  const demo = generateDemoDistrict();
  await loadDemo(deps(db), demo);
  await db.orm.execute(sql`
    insert into projects (region_code, fiscal_year, code, name, department_id, unit_id, category, is_key, sector,
                          initial_budget, adjusted_budget, fiscal_funds, other_funds)
    select region_code, 2025, code, name, department_id, unit_id, category, is_key, sector,
           initial_budget, adjusted_budget, fiscal_funds, other_funds
    from projects where fiscal_year = 2024`);
  await db.orm.execute(sql`
    insert into dept_budgets (region_code, fiscal_year, department_id, initial_budget, adjusted_budget, fiscal_funds, other_funds)
    select region_code, 2025, department_id, initial_budget, adjusted_budget, fiscal_funds, other_funds
    from dept_budgets where fiscal_year = 2024`);
  const dump = await db.pglite!.dumpDataDir("none");
  await db.close();
  return { dump, regionCode: demo.region.code };
}

/** The same tables and tasks, written by hand: the floor of what opening must do. */
async function baseline(db: Database, regionCode: string): Promise<void> {
  await db.orm.transaction(async (tx) => {
    await tx.execute(sql`
      insert into goal_tables (region_code, fiscal_year, subject_kind, project_id, department_id, unit_id, subject_code, template_version)
      select region_code, 2025, 'project', id, department_id, unit_id, code, '2024.1'
      from projects where region_code = ${regionCode} and fiscal_year = 2025`);
    await tx.execute(sql`
      insert into goal_tables (region_code, fiscal_year, subject_kind, project_id, department_id, unit_id, subject_code, template_version)
      select b.region_code, 2025, 'deptWide', null, o.id, o.id, o.code, '2024.1'
      from dept_budgets b join orgs o on o.id = b.department_id
      where b.region_code = ${regionCode} and b.fiscal_year = 2025`);
    await tx.execute(sql`
      insert into tasks (region_code, fiscal_year, kind, org_id, object_kind, object_id, title, due_on)
      select distinct region_code, 2025, 'goal_declaration', case when subject_kind = 'project' then unit_id else department_id end,
             'org', case when subject_kind = 'project' then unit_id else department_id end, '2025年度绩效目标申报', date '2024-10-31'
      from goal_tables where region_code = ${regionCode} and fiscal_year = 2025`);
  });
}

export async function openDeclarationBench(): Promise<{ rows: BenchRow[]; notes: string[] }> {
  const { dump, regionCode } = await state();
  const fresh = () => createDb({ dataDir: "memory://", loadDataDir: dump });
  const actor = { ...systemActor(regionCode), displayName: "基准测试" };
  const open: number[] = [];
  const base: number[] = [];
  let created = { tables: 0, tasks: 0 };
  let inbox: number[] = [];
  for (let rep = 0; rep < REPETITIONS; rep++) {
    let db = await fresh();
    let start = now();
    await baseline(db, regionCode);
    base.push(now() - start);
    await db.close();

    db = await fresh();
    start = now();
    const r = await openGoalDeclaration(deps(db), actor, 2025, { dueOn: "2024-10-31" });
    open.push(now() - start);
    created = { tables: r.tablesCreated, tasks: r.tasksCreated };
    if (rep < REPETITIONS - 1) await db.close();
    else {
      // The inbox of the unit with the most tables, read as its account would (service time, no HTTP).
      const [unit] = await rows<{ username: string }>(
        db.orm,
        sql`select u.username from users u join tasks t on t.org_id = u.org_id and t.fiscal_year = 2025
            where u.role = 'unit' order by t.title desc limit 1`,
      );
      const user = await deps(db).uow.read.users.byUsername(unit!.username);
      const withOrg = await deps(db).uow.read.users.withOrg(user!.id);
      const unitActor = actorOf(withOrg!);
      const reads: number[] = [];
      for (let i = 0; i < INBOX_READS; i++) {
        const s = now();
        await getInbox(deps(db), unitActor);
        reads.push(now() - s);
      }
      log(`inbox: p50 ${ms(median(reads))} ms, p95 ${ms(percentile(reads, 95))} ms over ${INBOX_READS} reads`);
      inbox = reads;
      await db.close();
    }
  }
  const r = median(open) / median(base);
  log(`open ${ms(median(open))} ms vs baseline ${ms(median(base))} ms (${ratio(r)})`);
  const row = (metric: string, value: string, target = "", status: BenchRow["status"] = ""): BenchRow => ({
    benchmark: "open declaration (PGlite)",
    metric,
    value,
    target,
    status,
  });
  return {
    rows: [
      row(`creates ${created.tables} draft tables and ${created.tasks} tasks`, "—"),
      row(`openGoalDeclaration (median / min of ${REPETITIONS})`, `${ms(median(open))} / ${ms(min(open))} ms`),
      row("baseline: hand-written INSERT … SELECT (median / min)", `${ms(median(base))} / ${ms(min(base))} ms`),
      row("ratio open / baseline", ratio(r), "≤ 2×", verdict(r <= 2)),
      row(
        `inbox read as a unit (use case, ${INBOX_READS} sequential reads) p50 / p95`,
        `${ms(median(inbox))} / ${ms(percentile(inbox, 95))} ms`,
      ),
    ],
    notes: [],
  };
}
