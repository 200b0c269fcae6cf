import { type SQL, sql } from "drizzle-orm";
import type {
  DeptBudgetItem,
  ProjectDetail,
  ProjectFilter,
  ProjectListItem,
  ProjectRepo,
  ProjectSort,
} from "../../app/projects/ports";
import { SIZE_BANDS } from "../../core/project";
import type { Scope } from "../../core/scope";
import type { Executor } from "../client";
import { iso, one, rows } from "./rows";
import { likeContains, projectScopeSql } from "./scope-sql";

interface ProjectSqlRow {
  id: number;
  code: string;
  name: string;
  fiscal_year: number;
  department_id: number;
  department_code: string;
  department_name: string;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  category: ProjectListItem["category"];
  is_key: boolean;
  sector: string | null;
  initial_budget: number;
  adjusted_budget: number;
  fiscal_funds: number;
  other_funds: number;
  executed: number;
}

const SORT_SQL: Record<ProjectSort, SQL> = {
  // Byte order ("C") sorts the same on PGlite and on any PostgreSQL locale, and as the read model does.
  code: sql`p.code collate "C"`,
  name: sql`p.name collate "C"`,
  adjustedBudget: sql`p.adjusted_budget`,
  executed: sql`executed`,
  executionRate: sql`(coalesce(e.executed, 0)::float8 / nullif(p.adjusted_budget, 0))`,
  department: sql`d.code collate "C"`,
};

const SELECT = sql`
  select p.id, p.code, p.name, p.fiscal_year, p.department_id, d.code as department_code, d.name as department_name,
         p.unit_id, u.code as unit_code, u.name as unit_name, p.category, p.is_key, p.sector,
         p.initial_budget::float8 as initial_budget, p.adjusted_budget::float8 as adjusted_budget,
         p.fiscal_funds::float8 as fiscal_funds, p.other_funds::float8 as other_funds,
         coalesce(e.executed, 0)::float8 as executed`;

const FROM = sql`
  from projects p
  join orgs d on d.id = p.department_id
  join orgs u on u.id = p.unit_id
  left join lateral (select sum(x.executed) as executed from project_execution x where x.project_id = p.id) e on true`;

function where(scope: Scope, f: ProjectFilter): SQL {
  const parts: SQL[] = [projectScopeSql(scope), sql`p.fiscal_year = ${f.fiscalYear}`];
  if (f.q) {
    const like = likeContains(f.q);
    parts.push(sql`(p.code ilike ${like} or p.name ilike ${like})`);
  }
  if (f.departmentId !== undefined) parts.push(sql`p.department_id = ${f.departmentId}`);
  if (f.unitId !== undefined) parts.push(sql`p.unit_id = ${f.unitId}`);
  if (f.category) parts.push(sql`p.category = ${f.category}`);
  if (f.isKey !== undefined) parts.push(sql`p.is_key = ${f.isKey}`);
  if (f.size) {
    const band = SIZE_BANDS.find((b) => b.key === f.size)!;
    parts.push(sql`p.adjusted_budget >= ${band.min} and p.adjusted_budget < ${band.max}`);
  }
  return sql.join(parts, sql` and `);
}

const orderBy = (sort: ProjectSort, order: "asc" | "desc") =>
  sql`${SORT_SQL[sort]} ${order === "desc" ? sql`desc nulls last` : sql`asc nulls first`}, p.code collate "C" asc`;

export function toListItem(r: ProjectSqlRow): ProjectListItem {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    fiscalYear: r.fiscal_year,
    department: { id: r.department_id, code: r.department_code, name: r.department_name },
    unit: { id: r.unit_id, code: r.unit_code, name: r.unit_name },
    category: r.category,
    isKey: r.is_key,
    sector: r.sector,
    initialBudget: r.initial_budget,
    adjustedBudget: r.adjusted_budget,
    fiscalFunds: r.fiscal_funds,
    otherFunds: r.other_funds,
    executed: r.executed,
    executionRate: r.adjusted_budget > 0 ? r.executed / r.adjusted_budget : null,
  };
}

export function projectRepo(ex: Executor): ProjectRepo {
  return {
    async list(scope, filter, paging) {
      const found = await rows<ProjectSqlRow & { total: number; sum_adjusted: number; sum_executed: number }>(
        ex,
        sql`${SELECT}, count(*) over ()::int as total, sum(p.adjusted_budget) over ()::float8 as sum_adjusted,
                   sum(coalesce(e.executed, 0)) over ()::float8 as sum_executed
            ${FROM} where ${where(scope, filter)}
            order by ${orderBy(paging.sort, paging.order)}
            limit ${paging.pageSize} offset ${(paging.page - 1) * paging.pageSize}`,
      );
      if (found.length === 0 && paging.page > 1) {
        // Past the last page: the window totals are still wanted for the pager.
        const t = await one<{ total: number; sum_adjusted: number; sum_executed: number }>(
          ex,
          sql`select count(*)::int as total, coalesce(sum(p.adjusted_budget), 0)::float8 as sum_adjusted,
                     coalesce(sum(e.executed), 0)::float8 as sum_executed ${FROM} where ${where(scope, filter)}`,
        );
        return { total: t!.total, rows: [], sums: { adjustedBudget: t!.sum_adjusted, executed: t!.sum_executed } };
      }
      const first = found[0];
      return {
        total: first?.total ?? 0,
        rows: found.map(toListItem),
        sums: { adjustedBudget: first?.sum_adjusted ?? 0, executed: first?.sum_executed ?? 0 },
      };
    },
    async listAll(scope, filter, sort, order, limit) {
      const found = await rows<ProjectSqlRow>(
        ex,
        sql`${SELECT} ${FROM} where ${where(scope, filter)} order by ${orderBy(sort, order)} limit ${limit}`,
      );
      return found.map(toListItem);
    },
    async get(scope, id) {
      const r = await one<ProjectSqlRow & { version: number; created_at: Date | string; updated_at: Date | string }>(
        ex,
        sql`${SELECT}, p.version, p.created_at, p.updated_at ${FROM} where ${projectScopeSql(scope)} and p.id = ${id}`,
      );
      if (!r) return null;
      const detail: ProjectDetail = {
        ...toListItem(r),
        version: r.version,
        createdAt: iso(r.created_at)!,
        updatedAt: iso(r.updated_at)!,
      };
      return detail;
    },
    async execution(projectId) {
      return rows<{ month: number; executed: number }>(
        ex,
        sql`select month, executed::float8 as executed from project_execution where project_id = ${projectId} order by month`,
      );
    },
    async deptBudgets(scope, fiscalYear) {
      const found = await rows<{
        id: number;
        code: string;
        name: string;
        initial_budget: number;
        adjusted_budget: number;
        fiscal_funds: number;
        other_funds: number;
        executed: number;
        project_count: number;
        project_budget: number;
      }>(
        ex,
        sql`with pe as (
              select p.department_id, count(*)::int as project_count, sum(p.adjusted_budget) as project_budget
              from projects p join orgs u on u.id = p.unit_id
              where ${projectScopeSql(scope)} and p.fiscal_year = ${fiscalYear}
              group by p.department_id)
            select d.id, d.code, d.name, b.initial_budget::float8 as initial_budget, b.adjusted_budget::float8 as adjusted_budget,
                   b.fiscal_funds::float8 as fiscal_funds, b.other_funds::float8 as other_funds,
                   coalesce((select sum(x.executed) from dept_execution x where x.dept_budget_id = b.id), 0)::float8 as executed,
                   coalesce(pe.project_count, 0) as project_count, coalesce(pe.project_budget, 0)::float8 as project_budget
            from dept_budgets b join orgs d on d.id = b.department_id
            join pe on pe.department_id = b.department_id
            where b.fiscal_year = ${fiscalYear}
            order by d.sort_order, d.code`,
      );
      return found.map(
        (r): DeptBudgetItem => ({
          department: { id: r.id, code: r.code, name: r.name },
          initialBudget: r.initial_budget,
          adjustedBudget: r.adjusted_budget,
          fiscalFunds: r.fiscal_funds,
          otherFunds: r.other_funds,
          executed: r.executed,
          projectCount: r.project_count,
          projectBudget: r.project_budget,
        }),
      );
    },
    async departmentSummaries(scope, fiscalYear) {
      const found = await rows<{
        id: number;
        code: string;
        name: string;
        project_count: number;
        adjusted_budget: number;
        executed: number;
      }>(
        ex,
        sql`select d.id, d.code, d.name, count(*)::int as project_count, sum(p.adjusted_budget)::float8 as adjusted_budget,
                   coalesce(sum(e.executed), 0)::float8 as executed
            ${FROM} where ${projectScopeSql(scope)} and p.fiscal_year = ${fiscalYear}
            group by d.id, d.code, d.name order by adjusted_budget desc, d.code`,
      );
      return found.map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        projectCount: r.project_count,
        adjustedBudget: r.adjusted_budget,
        executed: r.executed,
      }));
    },
    async unitSummaries(scope, fiscalYear) {
      const found = await rows<{
        id: number;
        code: string;
        name: string;
        project_count: number;
        key_count: number;
        adjusted_budget: number;
        executed: number;
      }>(
        ex,
        sql`select u.id, u.code, u.name, count(*)::int as project_count, count(*) filter (where p.is_key)::int as key_count,
                   sum(p.adjusted_budget)::float8 as adjusted_budget, coalesce(sum(e.executed), 0)::float8 as executed
            ${FROM} where ${projectScopeSql(scope)} and p.fiscal_year = ${fiscalYear}
            group by u.id, u.code, u.name order by adjusted_budget desc, u.code collate "C"`,
      );
      return found.map((r) => ({
        unit: { id: r.id, code: r.code, name: r.name },
        projectCount: r.project_count,
        keyCount: r.key_count,
        adjustedBudget: r.adjusted_budget,
        executed: r.executed,
      }));
    },
    async years(regionCode) {
      const found = await rows<{ fiscal_year: number }>(
        ex,
        sql`select distinct fiscal_year from projects where region_code = ${regionCode} order by fiscal_year desc`,
      );
      return found.map((r) => r.fiscal_year);
    },
  };
}
