import { type SQL, sql } from "drizzle-orm";
import type { ImportRepo } from "../../../app/imports/ports";
import type { BudgetRequestRecord, BudgetRequestRepo } from "../../../app/results/requests-ports";
import { AppError } from "../../../core/errors";
import type { RequestRow } from "../../../core/imports/rows";
import type { RequestSort } from "../../../core/results/requests";
import { duplicateRequest } from "../../../core/results/requests";
import { copyRows } from "../../bulk";
import type { Database, Executor, Tx } from "../../client";
import { uniqueOr } from "../../errors";
import { iso, one, rows } from "../rows";
import { budgetRequestScopeSql, likeContains } from "../scope-sql";

/**
 * 下年度预算申请: each on the project of the year before with its code (budget_year − 1). Imports stage their
 * new and changed rows and write them with one upsert; hand edits are single rows at a version.
 */

/** The import side: the budget year's requests as typed rows, and the set-based write. */
export function requestImports(db: Database, ex: Executor): Pick<ImportRepo, "snapshotRequests" | "writeRequests"> {
  return {
    async snapshotRequests(regionCode, budgetYear) {
      const found = await rows<{ project_code: string; amount: number; rigid: boolean }>(
        ex,
        sql`select project_code, amount::float8 as amount, rigid from budget_requests
            where region_code = ${regionCode} and budget_year = ${budgetYear}`,
      );
      return new Map(
        found.map((r): [string, RequestRow] => [
          r.project_code,
          { budgetYear, projectCode: r.project_code, amount: r.amount, rigid: r.rigid },
        ]),
      );
    },
    async writeRequests(regionCode, { added, changed }, batchId) {
      const list = [...added, ...changed];
      if (list.length === 0) return;
      await ex.execute(sql.raw("drop table if exists stage_requests"));
      await ex.execute(
        sql.raw(
          "create temp table stage_requests (budget_year smallint, project_code text, amount bigint, rigid boolean) on commit drop",
        ),
      );
      await copyRows(
        db,
        ex as Tx,
        "stage_requests",
        ["budget_year", "project_code", "amount", "rigid"],
        list.map((r) => [r.budgetYear, r.projectCode, r.amount, r.rigid]),
      );
      await ex.execute(sql`
        insert into budget_requests (region_code, budget_year, project_id, project_code, amount, rigid, batch_id)
        select p.region_code, s.budget_year, p.id, s.project_code, s.amount, s.rigid, ${batchId}
        from stage_requests s
        join projects p on p.region_code = ${regionCode} and p.fiscal_year = s.budget_year - 1 and p.code = s.project_code
        on conflict (region_code, budget_year, project_code) do update set
          amount = excluded.amount, rigid = excluded.rigid, batch_id = excluded.batch_id,
          version = budget_requests.version + 1, updated_at = app_now()
        where (budget_requests.amount, budget_requests.rigid) is distinct from (excluded.amount, excluded.rigid)`);
      await ex.execute(sql`analyze budget_requests`);
    },
  };
}

type Row = {
  id: number;
  budget_year: number;
  project: { id: number; code: string; name: string; fiscalYear: number; adjustedBudget: number };
  unit: { id: number; code: string; name: string };
  department: { id: number; code: string; name: string };
  amount: string | number;
  rigid: boolean;
  batch_id: number | null;
  updated_at: Date | string;
  version: number;
};

const COLUMNS = sql`r.id, r.budget_year, r.amount, r.rigid, r.batch_id, r.updated_at, r.version,
  json_build_object('id', p.id, 'code', p.code, 'name', p.name, 'fiscalYear', p.fiscal_year,
                    'adjustedBudget', p.adjusted_budget::float8) as project,
  json_build_object('id', u.id, 'code', u.code, 'name', u.name) as unit,
  json_build_object('id', d.id, 'code', d.code, 'name', d.name) as department`;

const FROM = sql`from budget_requests r
  join projects p on p.id = r.project_id and p.region_code = r.region_code
  join orgs u on u.id = p.unit_id and u.region_code = p.region_code
  join orgs d on d.id = p.department_id and d.region_code = p.region_code`;

const SORTS: Record<RequestSort, string> = {
  code: `r.project_code collate "C"`,
  name: `p.name collate "C"`,
  amount: "r.amount",
  department: `d.code collate "C", r.project_code collate "C"`,
};

const record = (r: Row): BudgetRequestRecord => ({
  id: r.id,
  budgetYear: r.budget_year,
  project: r.project,
  unit: r.unit,
  department: r.department,
  amount: Number(r.amount),
  rigid: r.rigid,
  batchId: r.batch_id,
  updatedAt: iso(r.updated_at)!,
  version: r.version,
});

export function budgetRequestRepo(ex: Executor): BudgetRequestRepo {
  return {
    async list(scope, filter, paging) {
      const where: SQL[] = [budgetRequestScopeSql(scope), sql`r.budget_year = ${filter.budgetYear}`];
      if (filter.departmentId !== undefined) where.push(sql`p.department_id = ${filter.departmentId}`);
      if (filter.rigid !== undefined) where.push(sql`r.rigid = ${filter.rigid}`);
      if (filter.q) {
        const like = likeContains(filter.q);
        where.push(sql`(r.project_code like ${like} escape '\\' or p.name like ${like} escape '\\')`);
      }
      const cond = sql.join(where, sql` and `);
      const dir = paging.order === "desc" ? "desc" : "asc";
      // Each sort key takes the direction; the id ends every order so pages neither repeat nor skip a row.
      const order = SORTS[paging.sort]
        .split(", ")
        .map((k) => `${k} ${dir}`)
        .join(", ");
      const found = await rows<Row>(
        ex,
        sql`select ${COLUMNS} ${FROM} where ${cond}
            order by ${sql.raw(order)}, r.id ${sql.raw(dir)}
            limit ${paging.pageSize} offset ${(paging.page - 1) * paging.pageSize}`,
      );
      const totals = await one<{ n: number; amount: number }>(
        ex,
        sql`select count(*)::int as n, coalesce(sum(r.amount), 0)::float8 as amount ${FROM} where ${cond}`,
      );
      return { total: totals?.n ?? 0, totalAmount: totals?.amount ?? 0, rows: found.map(record) };
    },

    async get(scope, id) {
      const r = await one<Row>(
        ex,
        sql`select ${COLUMNS} ${FROM} where ${budgetRequestScopeSql(scope)} and r.id = ${id}`,
      );
      return r ? record(r) : null;
    },

    projectByCode(regionCode, fiscalYear, code) {
      return one<{ id: number; code: string; name: string }>(
        ex,
        sql`select id, code, name from projects
            where region_code = ${regionCode} and fiscal_year = ${fiscalYear} and code = ${code}`,
      );
    },

    async exists(regionCode, budgetYear, code) {
      const r = await one<{ id: number }>(
        ex,
        sql`select id from budget_requests
            where region_code = ${regionCode} and budget_year = ${budgetYear} and project_code = ${code}`,
      );
      return r !== null;
    },

    async insert(regionCode, r) {
      const refused = () =>
        new AppError("conflict", "BUDGET_REQUEST_EXISTS", duplicateRequest(r.budgetYear, r.projectCode), {
          field: "projectCode",
        });
      const insert = () =>
        one<{ id: number }>(
          ex,
          sql`insert into budget_requests (region_code, budget_year, project_id, project_code, amount, rigid)
              values (${regionCode}, ${r.budgetYear}, ${r.projectId}, ${r.projectCode}, ${r.amount}, ${r.rigid})
              returning id`,
        );
      // Both unique indexes say the same thing here: the project already has the year's request.
      const created = await uniqueOr("budget_requests_code_uq", refused, () =>
        uniqueOr("budget_requests_project_uq", refused, insert),
      );
      return created!.id;
    },

    async update(regionCode, id, version, fields) {
      const r = await one<{ version: number }>(
        ex,
        sql`update budget_requests set amount = ${fields.amount}, rigid = ${fields.rigid}, batch_id = null,
                   version = version + 1, updated_at = app_now()
            where region_code = ${regionCode} and id = ${id} and version = ${version} returning version`,
      );
      return r?.version ?? null;
    },

    async remove(regionCode, id, version) {
      const r = await one<{ id: number }>(
        ex,
        sql`delete from budget_requests where region_code = ${regionCode} and id = ${id} and version = ${version}
            returning id`,
      );
      return r !== null;
    },
  };
}
