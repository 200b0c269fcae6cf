import { sql } from "drizzle-orm";
import type { ImportRepo } from "../../app/imports/ports";
import type { DeptBudgetRow, DeptExecutionRow, ExecutionRow, OrgRow, ProjectRow } from "../../core/imports/rows";
import type { OrgKind } from "../../core/roles";
import { copyRows } from "../bulk";
import type { Database, Executor, Tx } from "../client";
import { importBatches } from "../schema";
import { requestImports } from "./results/requests";
import { iso, one, rows } from "./rows";

/**
 * Imports write what the diff found. New projects and execution rows are COPYed straight into their
 * tables (ids resolved with one query); changed rows, and the small tables, are COPYed into a
 * temporary staging table and upserted with one set-based statement per table. Unchanged rows are
 * left alone (no new version, no audit entry), so re-importing the same file changes nothing. Each upsert ends with ANALYZE:
 * the embedded database has no autovacuum, and without statistics its planner picks nested loops
 * that turn a 10 ms list into seconds.
 */
export function importRepo(db: Database, ex: Executor): ImportRepo {
  const stage = async (name: string, columnsDdl: string, columns: string[], data: unknown[][]) => {
    // A transaction may write the same kind twice (the demo loads two fiscal years in one).
    await ex.execute(sql.raw(`drop table if exists ${name}`));
    await ex.execute(sql.raw(`create temp table ${name} (${columnsDdl}) on commit drop`));
    await copyRows(db, ex as Tx, name, columns, data);
  };

  const orgIds = async (regionCode: string) =>
    new Map(
      (
        await rows<{ id: number; code: string }>(ex, sql`select id, code from orgs where region_code = ${regionCode}`)
      ).map((r) => [r.code, r.id]),
    );
  const projectIds = async (regionCode: string, fiscalYear: number) =>
    new Map(
      (
        await rows<{ id: number; code: string }>(
          ex,
          sql`select id, code from projects where region_code = ${regionCode} and fiscal_year = ${fiscalYear}`,
        )
      ).map((r) => [r.code, r.id]),
    );

  // Changed rows: staged, then one set-based upsert that also bumps the version.
  const upsertChangedProjects = async (regionCode: string, list: readonly ProjectRow[]) => {
    await stage(
      "stage_projects",
      "fiscal_year smallint, code text, name text, department_code text, unit_code text, category text, is_key boolean, sector text, initial_budget bigint, adjusted_budget bigint, fiscal_funds bigint, other_funds bigint",
      [
        "fiscal_year",
        "code",
        "name",
        "department_code",
        "unit_code",
        "category",
        "is_key",
        "sector",
        "initial_budget",
        "adjusted_budget",
        "fiscal_funds",
        "other_funds",
      ],
      list.map((r) => [
        r.fiscalYear,
        r.code,
        r.name,
        r.departmentCode,
        r.unitCode,
        r.category,
        r.isKey,
        r.sector,
        r.initialBudget,
        r.adjustedBudget,
        r.fiscalFunds,
        r.otherFunds,
      ]),
    );
    await ex.execute(sql`
      insert into projects (region_code, fiscal_year, code, name, department_id, unit_id, category, is_key, sector,
                            initial_budget, adjusted_budget, fiscal_funds, other_funds)
      select ${regionCode}, s.fiscal_year, s.code, s.name, d.id, u.id, s.category, s.is_key, s.sector,
             s.initial_budget, s.adjusted_budget, s.fiscal_funds, s.other_funds
      from stage_projects s
      join orgs d on d.region_code = ${regionCode} and d.code = s.department_code
      join orgs u on u.region_code = ${regionCode} and u.code = s.unit_code
      on conflict (region_code, fiscal_year, code) do update set
        name = excluded.name, department_id = excluded.department_id, unit_id = excluded.unit_id,
        category = excluded.category, is_key = excluded.is_key, sector = excluded.sector,
        initial_budget = excluded.initial_budget, adjusted_budget = excluded.adjusted_budget,
        fiscal_funds = excluded.fiscal_funds, other_funds = excluded.other_funds,
        version = projects.version + 1, updated_at = app_now()
      where (projects.name, projects.department_id, projects.unit_id, projects.category, projects.is_key, projects.sector,
             projects.initial_budget, projects.adjusted_budget, projects.fiscal_funds, projects.other_funds)
        is distinct from (excluded.name, excluded.department_id, excluded.unit_id, excluded.category, excluded.is_key,
             excluded.sector, excluded.initial_budget, excluded.adjusted_budget, excluded.fiscal_funds, excluded.other_funds)`);
  };
  const upsertChangedExecution = async (regionCode: string, list: readonly ExecutionRow[]) => {
    await stage(
      "stage_execution",
      "fiscal_year smallint, project_code text, month smallint, executed bigint",
      ["fiscal_year", "project_code", "month", "executed"],
      list.map((r) => [r.fiscalYear, r.projectCode, r.month, r.executed]),
    );
    await ex.execute(sql`
      insert into project_execution (region_code, project_id, month, executed)
      select p.region_code, p.id, s.month, s.executed from stage_execution s
      join projects p on p.region_code = ${regionCode} and p.fiscal_year = s.fiscal_year and p.code = s.project_code
      on conflict (project_id, month, region_code) do update set executed = excluded.executed
      where project_execution.executed <> excluded.executed`);
  };

  return {
    ...requestImports(db, ex),
    async lockKeys(regionCode, kind, fiscalYear, list) {
      if (list.length === 0) return;
      const codes = (field: string) =>
        sql`(select jsonb_array_elements_text(${JSON.stringify([...new Set(list.map((r) => (r as unknown as Record<string, string>)[field]))])}::jsonb))`;
      const lock = (query: ReturnType<typeof sql>) => ex.execute(sql`${query} order by id for update`);
      switch (kind) {
        case "orgs":
          await lock(sql`select id from orgs where region_code = ${regionCode} and code in ${codes("code")}`);
          return;
        case "projects":
        case "execution":
          // Monthly execution belongs to its project: both kinds lock the project rows.
          await lock(
            sql`select id from projects where region_code = ${regionCode} and fiscal_year = ${fiscalYear}
                  and code in ${codes(kind === "projects" ? "code" : "projectCode")}`,
          );
          return;
        case "dept-budgets":
        case "dept-execution":
          await lock(
            sql`select b.id from dept_budgets b where b.region_code = ${regionCode} and b.fiscal_year = ${fiscalYear}
                  and b.department_id in (select id from orgs where region_code = ${regionCode}
                                          and code in ${codes("departmentCode")})`,
          );
          return;
        case "requests":
          // fiscalYear is the file's year: for requests, the budget year.
          await lock(
            sql`select id from budget_requests where region_code = ${regionCode} and budget_year = ${fiscalYear}
                  and project_code in ${codes("projectCode")}`,
          );
          return;
      }
    },
    async snapshotOrgs(regionCode) {
      const found = await rows<{
        code: string;
        name: string;
        kind: OrgKind;
        parent_code: string | null;
        sector: string | null;
        contact_name: string | null;
        contact_phone: string | null;
        children: number;
        in_use: boolean;
      }>(
        ex,
        sql`select o.code, o.name, o.kind, p.code as parent_code, o.sector, o.contact_name, o.contact_phone,
                   (select count(*) from orgs c where c.parent_id = o.id)::int as children,
                   (exists (select 1 from projects x where x.unit_id = o.id or x.department_id = o.id)
                    or exists (select 1 from goal_tables g where g.unit_id = o.id or g.department_id = o.id)
                    or exists (select 1 from dept_budgets b where b.department_id = o.id)) as in_use
            from orgs o left join orgs p on p.id = o.parent_id where o.region_code = ${regionCode}`,
      );
      return new Map(
        found.map((r) => [
          r.code,
          {
            code: r.code,
            name: r.name,
            kind: r.kind === "department" ? "department" : "unit",
            kindInDb: r.kind,
            children: r.children,
            inUse: r.in_use,
            parentCode: r.parent_code,
            sector: r.sector,
            contactName: r.contact_name,
            contactPhone: r.contact_phone,
          },
        ]),
      );
    },
    async snapshotProjects(regionCode, fiscalYear) {
      const found = await rows<{
        code: string;
        name: string;
        department_code: string;
        unit_code: string;
        category: ProjectRow["category"];
        is_key: boolean;
        sector: string | null;
        initial_budget: number;
        adjusted_budget: number;
        fiscal_funds: number;
        other_funds: number;
      }>(
        ex,
        sql`select p.code, p.name, d.code as department_code, u.code as unit_code, p.category, p.is_key, p.sector,
                   p.initial_budget::float8 as initial_budget, p.adjusted_budget::float8 as adjusted_budget,
                   p.fiscal_funds::float8 as fiscal_funds, p.other_funds::float8 as other_funds
            from projects p join orgs d on d.id = p.department_id join orgs u on u.id = p.unit_id
            where p.region_code = ${regionCode} and p.fiscal_year = ${fiscalYear}`,
      );
      return new Map(
        found.map((r) => [
          r.code,
          {
            fiscalYear,
            code: r.code,
            name: r.name,
            departmentCode: r.department_code,
            unitCode: r.unit_code,
            category: r.category,
            isKey: r.is_key,
            sector: r.sector,
            initialBudget: r.initial_budget,
            adjustedBudget: r.adjusted_budget,
            fiscalFunds: r.fiscal_funds,
            otherFunds: r.other_funds,
          },
        ]),
      );
    },
    async snapshotExecution(regionCode, fiscalYear) {
      const found = await rows<{ code: string; month: number; executed: number }>(
        ex,
        sql`select p.code, e.month, e.executed::float8 as executed
            from project_execution e join projects p on p.id = e.project_id
            where p.region_code = ${regionCode} and p.fiscal_year = ${fiscalYear}`,
      );
      return new Map(
        found.map((r) => [
          `${r.code}:${r.month}`,
          { fiscalYear, projectCode: r.code, month: r.month, executed: r.executed },
        ]),
      );
    },
    async snapshotDeptBudgets(regionCode, fiscalYear) {
      const found = await rows<{
        code: string;
        initial_budget: number;
        adjusted_budget: number;
        fiscal_funds: number;
        other_funds: number;
      }>(
        ex,
        sql`select d.code, b.initial_budget::float8 as initial_budget, b.adjusted_budget::float8 as adjusted_budget,
                   b.fiscal_funds::float8 as fiscal_funds, b.other_funds::float8 as other_funds
            from dept_budgets b join orgs d on d.id = b.department_id
            where b.region_code = ${regionCode} and b.fiscal_year = ${fiscalYear}`,
      );
      return new Map(
        found.map((r): [string, DeptBudgetRow] => [
          r.code,
          {
            fiscalYear,
            departmentCode: r.code,
            initialBudget: r.initial_budget,
            adjustedBudget: r.adjusted_budget,
            fiscalFunds: r.fiscal_funds,
            otherFunds: r.other_funds,
          },
        ]),
      );
    },
    async snapshotDeptExecution(regionCode, fiscalYear) {
      const found = await rows<{ code: string; month: number; executed: number }>(
        ex,
        sql`select d.code, x.month, x.executed::float8 as executed
            from dept_execution x join dept_budgets b on b.id = x.dept_budget_id join orgs d on d.id = b.department_id
            where b.region_code = ${regionCode} and b.fiscal_year = ${fiscalYear}`,
      );
      return new Map(
        found.map((r): [string, DeptExecutionRow] => [
          `${r.code}:${r.month}`,
          { fiscalYear, departmentCode: r.code, month: r.month, executed: r.executed },
        ]),
      );
    },
    async writeOrgs(regionCode, { added, changed }) {
      const list: readonly OrgRow[] = [...added, ...changed];
      if (list.length === 0) return;
      await stage(
        "stage_orgs",
        "ord int, code text, name text, kind text, parent_code text, sector text, contact_name text, contact_phone text",
        ["ord", "code", "name", "kind", "parent_code", "sector", "contact_name", "contact_phone"],
        list.map((r, i) => [i, r.code, r.name, r.kind, r.parentCode, r.sector, r.contactName, r.contactPhone]),
      );
      // Departments first, so that units find their parent's id and path in the same transaction.
      const upsert = (units: boolean) => sql`
          insert into orgs (region_code, code, name, kind, parent_id, path, sector, contact_name, contact_phone, sort_order)
          select ${regionCode}, s.code, s.name, s.kind, ${units ? sql`p.id` : sql`null::int`},
                 ${units ? sql`p.path || '/' || s.code` : sql`s.code`}, s.sector, s.contact_name, s.contact_phone, s.ord
          from stage_orgs s
          ${units ? sql`join orgs p on p.region_code = ${regionCode} and p.code = s.parent_code` : sql``}
          where s.kind = ${units ? "unit" : "department"}
          on conflict (region_code, code) do update set
            name = excluded.name, kind = excluded.kind, parent_id = excluded.parent_id, path = excluded.path,
            sector = excluded.sector, contact_name = excluded.contact_name, contact_phone = excluded.contact_phone,
            version = orgs.version + 1, updated_at = app_now()
          where (orgs.name, orgs.kind, orgs.parent_id, orgs.sector, orgs.contact_name, orgs.contact_phone)
            is distinct from (excluded.name, excluded.kind, excluded.parent_id, excluded.sector, excluded.contact_name,
                              excluded.contact_phone)`;
      await ex.execute(upsert(false));
      await ex.execute(upsert(true));
      await ex.execute(sql`analyze orgs`);
    },
    async writeProjects(regionCode, { added, changed }) {
      if (added.length > 0) {
        // New rows go straight in with COPY (as fast as a raw load); only changes need the staged upsert.
        const ids = await orgIds(regionCode);
        await copyRows(
          db,
          ex as Tx,
          "projects",
          [
            "region_code",
            "fiscal_year",
            "code",
            "name",
            "department_id",
            "unit_id",
            "category",
            "is_key",
            "sector",
            "initial_budget",
            "adjusted_budget",
            "fiscal_funds",
            "other_funds",
          ],
          added.map((r) => [
            regionCode,
            r.fiscalYear,
            r.code,
            r.name,
            ids.get(r.departmentCode),
            ids.get(r.unitCode),
            r.category,
            r.isKey,
            r.sector,
            r.initialBudget,
            r.adjustedBudget,
            r.fiscalFunds,
            r.otherFunds,
          ]),
        );
      }
      if (changed.length > 0) await upsertChangedProjects(regionCode, changed);
      await ex.execute(sql`analyze projects`);
    },
    async writeExecution(regionCode, { added, changed }) {
      if (added.length > 0) {
        const ids = await projectIds(regionCode, added[0]!.fiscalYear);
        await copyRows(
          db,
          ex as Tx,
          "project_execution",
          ["region_code", "project_id", "month", "executed"],
          added.map((r) => [regionCode, ids.get(r.projectCode), r.month, r.executed]),
        );
      }
      if (changed.length > 0) await upsertChangedExecution(regionCode, changed);
      await ex.execute(sql`analyze project_execution`);
    },
    async writeDeptBudgets(regionCode, { added, changed }) {
      const list = [...added, ...changed];
      if (list.length === 0) return;
      await stage(
        "stage_dept_budgets",
        "fiscal_year smallint, department_code text, initial_budget bigint, adjusted_budget bigint, fiscal_funds bigint, other_funds bigint",
        ["fiscal_year", "department_code", "initial_budget", "adjusted_budget", "fiscal_funds", "other_funds"],
        list.map((r) => [
          r.fiscalYear,
          r.departmentCode,
          r.initialBudget,
          r.adjustedBudget,
          r.fiscalFunds,
          r.otherFunds,
        ]),
      );
      await ex.execute(sql`
        insert into dept_budgets (region_code, fiscal_year, department_id, initial_budget, adjusted_budget, fiscal_funds, other_funds)
        select ${regionCode}, s.fiscal_year, d.id, s.initial_budget, s.adjusted_budget, s.fiscal_funds, s.other_funds
        from stage_dept_budgets s join orgs d on d.region_code = ${regionCode} and d.code = s.department_code
        on conflict (region_code, fiscal_year, department_id) do update set
          initial_budget = excluded.initial_budget, adjusted_budget = excluded.adjusted_budget,
          fiscal_funds = excluded.fiscal_funds, other_funds = excluded.other_funds,
          version = dept_budgets.version + 1, updated_at = app_now()
        where (dept_budgets.initial_budget, dept_budgets.adjusted_budget, dept_budgets.fiscal_funds, dept_budgets.other_funds)
          is distinct from (excluded.initial_budget, excluded.adjusted_budget, excluded.fiscal_funds, excluded.other_funds)`);
      await ex.execute(sql`analyze dept_budgets`);
    },
    async writeDeptExecution(regionCode, { added, changed }) {
      const list = [...added, ...changed];
      if (list.length === 0) return;
      await stage(
        "stage_dept_execution",
        "fiscal_year smallint, department_code text, month smallint, executed bigint",
        ["fiscal_year", "department_code", "month", "executed"],
        list.map((r) => [r.fiscalYear, r.departmentCode, r.month, r.executed]),
      );
      await ex.execute(sql`
        insert into dept_execution (region_code, dept_budget_id, month, executed)
        select b.region_code, b.id, s.month, s.executed from stage_dept_execution s
        join orgs d on d.region_code = ${regionCode} and d.code = s.department_code
        join dept_budgets b on b.region_code = d.region_code and b.department_id = d.id and b.fiscal_year = s.fiscal_year
        on conflict (dept_budget_id, month, region_code) do update set executed = excluded.executed
        where dept_execution.executed <> excluded.executed`);
      await ex.execute(sql`analyze dept_execution`);
    },
    async recordBatch(batch) {
      const [r] = await ex.insert(importBatches).values(batch).returning({ id: importBatches.id });
      return r!.id;
    },
    async yearTotals(regionCode, year) {
      const found = await one<{ batches: number; rows: number }>(
        ex,
        sql`select count(*)::int as batches, coalesce(sum((b.counts->>'total')::bigint), 0)::bigint as rows
            from import_batches b
            where b.region_code = ${regionCode}
              and extract(year from b.created_at at time zone 'Asia/Shanghai') = ${year}`,
      );
      return { batches: Number(found?.batches ?? 0), rows: Number(found?.rows ?? 0) };
    },
    async listBatches(regionCode, q) {
      const where = sql`b.region_code = ${regionCode}${q.kind ? sql` and b.kind = ${q.kind}` : sql``}`;
      const order = q.order === "asc" ? sql`b.created_at asc, b.id asc` : sql`b.created_at desc, b.id desc`;
      const total = await one<{ n: number }>(ex, sql`select count(*)::int as n from import_batches b where ${where}`);
      const found = await rows<{
        id: number;
        kind: string;
        file_name: string;
        sha256: string;
        counts: Record<string, number>;
        actor_id: number | null;
        display_name: string | null;
        username: string | null;
        created_at: Date | string;
      }>(
        ex,
        sql`select b.id, b.kind, b.file_name, b.sha256, b.counts, b.actor_id, u.display_name, u.username, b.created_at
            from import_batches b left join users u on u.id = b.actor_id
            where ${where} order by ${order} limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
      );
      return {
        total: total?.n ?? 0,
        rows: found.map((r) => ({
          id: Number(r.id),
          kind: r.kind,
          fileName: r.file_name,
          sha256: r.sha256,
          counts: r.counts,
          actorId: r.actor_id,
          actorName:
            r.username === null
              ? null
              : r.display_name && r.display_name !== r.username
                ? `${r.display_name}（${r.username}）`
                : r.username,
          at: iso(r.created_at)!,
        })),
      };
    },
  };
}
