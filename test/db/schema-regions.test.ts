import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { migrate } from "drizzle-orm/pglite/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, MIGRATIONS_DIR } from "../../src/db/client";
import { rows } from "../../src/db/repos/rows";
import { freshDb, type TestDb } from "../support/db";

/**
 * Every table that grows with the data carries `region_code`, and its primary key, unique indexes and
 * foreign keys to other growing tables include it: the layout a distributed PostgreSQL sharded by region
 * needs, and a guarantee that no row points into another region. A new table is growing unless it is
 * named below with the reason it is not.
 */
const NOT_DISTRIBUTED: Record<string, string> = {
  regions: "reference: the list of regions itself",
  users: "reference: an account is found by name or id before its region is known; names are unique everywhere",
  sessions: "reference: found by the cookie's hash before the region is known",
  api_tokens: "reference: found by the bearer token's hash before the region is known",
  login_throttle: "reference: counters keyed by name and address, before any account is known",
  audit_log: "log: one hash chain over the whole database; entries without a region (failed logins) exist",
};

let db: TestDb;
beforeAll(async () => {
  db = await freshDb("empty");
});
afterAll(() => db.dispose());

interface TableFacts {
  table: string;
  regionNotNull: boolean | null;
  pk: string[];
  uniques: { name: string; columns: string[] }[];
  fks: { name: string; columns: string[]; target: string; targetColumns: string[] }[];
}

async function facts(): Promise<TableFacts[]> {
  const tables = await rows<{ table: string; region_not_null: boolean | null }>(
    db.orm,
    sql`select c.relname as table,
               (select a.attnotnull from pg_attribute a where a.attrelid = c.oid and a.attname = 'region_code' and not a.attisdropped)
                 as region_not_null
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' order by 1`,
  );
  const cols = (table: string, attnums: string) =>
    sql`(select array_agg(a.attname::text order by a.attname) from pg_attribute a
         where a.attrelid = ${sql.raw(`'"${table}"'::regclass`)} and a.attnum = any(${sql.raw(attnums)}))`;
  const out: TableFacts[] = [];
  for (const t of tables) {
    const idx = await rows<{ name: string; primary: boolean; columns: string[] | null }>(
      db.orm,
      sql`select ic.relname as name, i.indisprimary as primary, ${cols(t.table, "i.indkey::int2[]")} as columns
          from pg_index i join pg_class ic on ic.oid = i.indexrelid
          where i.indrelid = ${sql.raw(`'"${t.table}"'::regclass`)} and i.indisunique`,
    );
    const fks = await rows<{ name: string; columns: string[]; target: string; target_columns: string[] }>(
      db.orm,
      sql`select con.conname as name, ${cols(t.table, "con.conkey")} as columns, tc.relname as target,
                 (select array_agg(a.attname::text order by a.attname) from pg_attribute a
                  where a.attrelid = con.confrelid and a.attnum = any(con.confkey)) as target_columns
          from pg_constraint con join pg_class tc on tc.oid = con.confrelid
          where con.conrelid = ${sql.raw(`'"${t.table}"'::regclass`)} and con.contype = 'f'`,
    );
    out.push({
      table: t.table,
      regionNotNull: t.region_not_null,
      pk: idx.find((i) => i.primary)?.columns ?? [],
      // An index on an expression (lower(username)) has no plain columns: it counts as lacking the region.
      uniques: idx.filter((i) => !i.primary).map((i) => ({ name: i.name, columns: i.columns ?? [] })),
      fks: fks.map((f) => ({ name: f.name, columns: f.columns, target: f.target, targetColumns: f.target_columns })),
    });
  }
  return out;
}

describe("tables and regions", () => {
  it("lists the tables: every growing table carries a non-null region_code in its keys", async () => {
    const all = await facts();
    const growing = all.filter((t) => !(t.table in NOT_DISTRIBUTED));
    // The reference tables named above all exist (a renamed one must be renamed here too).
    expect(Object.keys(NOT_DISTRIBUTED).filter((n) => !all.some((t) => t.table === n))).toEqual([]);
    expect(growing.map((t) => t.table)).toEqual([
      "assignments",
      "attachments",
      "budget_requests",
      "dept_budgets",
      "dept_execution",
      "evaluation_members",
      "evaluation_scores",
      "evaluation_ties",
      "evaluations",
      "experts",
      "firm_ledger",
      "goal_indicators",
      "goal_tables",
      "goal_transitions",
      "import_batches",
      "indicator_library",
      "monitoring_actions",
      "monitoring_draws",
      "monitoring_items",
      "monitoring_reports",
      "monitoring_rounds",
      "monitoring_selections",
      "notifications",
      "orgs",
      "outbox",
      "plan_phases",
      "project_execution",
      "projects",
      "publication_versions",
      "publications",
      "rectification_items",
      "rectification_notices",
      "result_adjustments",
      "result_adoptions",
      "result_rule_sets",
      "review_comments",
      "review_conflicts",
      "review_draws",
      "review_rounds",
      "review_visit_tables",
      "review_visits",
      "rule_sets",
      "selfeval_draws",
      "selfeval_forms",
      "selfeval_items",
      "selfeval_review_items",
      "selfeval_reviews",
      "selfeval_rounds",
      "tasks",
      "work_plans",
    ]);
    const problems: string[] = [];
    for (const t of growing) {
      if (t.regionNotNull !== true) problems.push(`${t.table}: region_code missing or nullable`);
      if (!t.pk.includes("region_code")) problems.push(`${t.table}: primary key (${t.pk}) lacks region_code`);
      for (const u of t.uniques)
        if (!u.columns.includes("region_code")) problems.push(`${t.table}: unique ${u.name} lacks region_code`);
      for (const f of t.fks) {
        if (f.target in NOT_DISTRIBUTED) continue;
        if (!f.columns.includes("region_code") || !f.targetColumns.includes("region_code"))
          problems.push(`${t.table}: foreign key ${f.name} to ${f.target} lacks region_code`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("keeps a row from pointing into another region", async () => {
    await db.orm.execute(sql`insert into regions (code, name) values ('A', '甲区'), ('B', '乙区')`);
    await db.orm.execute(sql`insert into orgs (region_code, code, name, kind, path) values
      ('A', '101', '甲区教育局', 'department', '101'), ('B', '201', '乙区教育局', 'department', '201')`);
    const [a] = await rows<{ id: number }>(db.orm, sql`select id from orgs where code = '101'`);
    const [b] = await rows<{ id: number }>(db.orm, sql`select id from orgs where code = '201'`);
    const project = (dept: number) =>
      db.orm.execute(sql`insert into projects (region_code, fiscal_year, code, name, department_id, unit_id, category)
                         values ('A', 2025, ${`P${dept}`}, '项目', ${dept}, ${dept}, 'recurring')`);
    await expect(project(b!.id)).rejects.toThrow();
    await project(a!.id);
    const [p] = await rows<{ id: number }>(db.orm, sql`select id from projects where region_code = 'A'`);
    // Execution of region A's project recorded under region B is refused too.
    await expect(
      db.orm.execute(
        sql`insert into project_execution (region_code, project_id, month, executed) values ('B', ${p!.id}, 1, 1)`,
      ),
    ).rejects.toThrow();
  });
});

describe("migration 0007 on a district's existing data", () => {
  it("gives child rows their parent's region and keeps every row", async () => {
    // A database at migration 0006 with one row in each table that gains region_code.
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, "meta/_journal.json"), "utf8")) as {
      entries: { tag: string }[];
    };
    const upTo = journal.entries.findIndex((e) => e.tag.startsWith("0007"));
    const dir = mkdtempSync(join(tmpdir(), "jixiao-mig-"));
    try {
      cpSync(MIGRATIONS_DIR, dir, { recursive: true });
      writeFileSync(
        join(dir, "meta/_journal.json"),
        JSON.stringify({ ...journal, entries: journal.entries.slice(0, upTo) }),
      );
      const old = await createDb({ dataDir: "memory://" });
      try {
        await migrate(old.orm as never, { migrationsFolder: dir });
        await old.pglite!.exec(`
          insert into regions (code, name) values ('X', '某区');
          insert into orgs (id, region_code, code, name, kind, path) values (1, 'X', '101', '局', 'department', '101');
          insert into projects (id, region_code, fiscal_year, code, name, department_id, unit_id, category)
            values (1, 'X', 2025, 'P1', '项目', 1, 1, 'recurring');
          insert into project_execution (project_id, month, executed) values (1, 1, 100);
          insert into dept_budgets (id, region_code, fiscal_year, department_id) values (1, 'X', 2025, 1);
          insert into dept_execution (dept_budget_id, month, executed) values (1, 1, 5);
          insert into assignments (org_id, project_id, purpose) values (1, 1, 'review');
          insert into goal_tables (id, region_code, fiscal_year, subject_kind, project_id, department_id, unit_id,
                                   subject_code, template_version) values (1, 'X', 2025, 'project', 1, 1, 1, 'P1', 'v1');
          insert into goal_indicators (goal_table_id, position, level1, level2, name, kind, target, weight)
            values (1, 0, '产出指标', '数量指标', '数量', 'quantitative', '1', 10);
          insert into goal_transitions (goal_table_id, actor_name, action, from_status, to_status)
            values (1, '某人', 'submit', 'draft', 'submitted');
          insert into review_draws (id, region_code, fiscal_year, algorithm, params, population, result)
            values (1, 'X', 2025, 'rolling', '{}', '[]', '{}');
          insert into review_visits (id, draw_id, department_id) values (1, 1, 1);
          insert into review_visit_tables (visit_id, goal_table_id) values (1, 1);
        `);
        await migrate(old.orm as never, { migrationsFolder: MIGRATIONS_DIR });
        const regions = await rows<{ t: string; region_code: string | null }>(
          old.orm,
          sql`select 'project_execution' as t, region_code from project_execution
              union all select 'dept_execution', region_code from dept_execution
              union all select 'assignments', region_code from assignments
              union all select 'goal_indicators', region_code from goal_indicators
              union all select 'goal_transitions', region_code from goal_transitions
              union all select 'review_visits', region_code from review_visits
              union all select 'review_visit_tables', region_code from review_visit_tables`,
        );
        expect(regions).toHaveLength(7);
        expect(regions.filter((r) => r.region_code !== "X")).toEqual([]);
      } finally {
        await old.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
