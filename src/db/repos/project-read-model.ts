import { sql } from "drizzle-orm";
import type { Page, Paging } from "../../app/ports";
import type { ProjectFilter, ProjectListItem, ProjectRepo, ProjectSort } from "../../app/projects/ports";
import { SIZE_BANDS } from "../../core/project";
import { isPathWithin, type Scope } from "../../core/scope";
import type { Executor } from "../client";
import { toListItem } from "./projects";
import { rows } from "./rows";

type Row = ProjectListItem & { unitPath: string; assignedTo: number[] };
type Sums = { sums: { adjustedBudget: number; executed: number } };

/**
 * The embedded database answers one query at a time, so under 20 concurrent users even a 10 ms
 * list query queues into hundreds of milliseconds. On PGlite the project list is therefore served
 * from an in-process copy of a year's projects, loaded with one set-based query and dropped after
 * every committed transaction (PGlite is single-process, so nothing else can change the data).
 * Filters and sorting here mirror the SQL in projects.ts; a property test checks both agree.
 */
export class ProjectReadModel {
  private generation = 0;
  private readonly cache = new Map<string, { generation: number; rows: Promise<Row[]> }>();

  constructor(private readonly ex: Executor) {}

  invalidate(): void {
    this.generation++;
    this.cache.clear();
  }

  private load(regionCode: string, fiscalYear: number): Promise<Row[]> {
    const key = `${regionCode}:${fiscalYear}`;
    const hit = this.cache.get(key);
    if (hit && hit.generation === this.generation) return hit.rows;
    const loading = rows<Parameters<typeof toListItem>[0] & { unit_path: string; assigned_to: number[] | null }>(
      this.ex,
      sql`select p.id, p.code, p.name, p.fiscal_year, p.department_id, d.code as department_code, d.name as department_name,
                 p.unit_id, u.code as unit_code, u.name as unit_name, u.path as unit_path, p.category, p.is_key, p.sector,
                 p.initial_budget::float8 as initial_budget, p.adjusted_budget::float8 as adjusted_budget,
                 p.fiscal_funds::float8 as fiscal_funds, p.other_funds::float8 as other_funds,
                 coalesce(e.executed, 0)::float8 as executed,
                 (select array_agg(a.org_id) from assignments a where a.project_id = p.id) as assigned_to
          from projects p join orgs d on d.id = p.department_id join orgs u on u.id = p.unit_id
          left join (select x.project_id, sum(x.executed) as executed from project_execution x
                     join projects y on y.id = x.project_id
                     where y.region_code = ${regionCode} and y.fiscal_year = ${fiscalYear} group by x.project_id) e
            on e.project_id = p.id
          where p.region_code = ${regionCode} and p.fiscal_year = ${fiscalYear}`,
    ).then((found) => found.map((r) => ({ ...toListItem(r), unitPath: r.unit_path, assignedTo: r.assigned_to ?? [] })));
    this.cache.set(key, { generation: this.generation, rows: loading });
    loading.catch(() => this.cache.delete(key));
    return loading;
  }

  async select(scope: Scope, f: ProjectFilter, sort: ProjectSort, order: "asc" | "desc"): Promise<Row[]> {
    const all = await this.load(scope.regionCode, f.fiscalYear);
    const q = f.q?.toLowerCase();
    const band = f.size ? SIZE_BANDS.find((b) => b.key === f.size) : undefined;
    const inScope = scopeFilter(scope);
    const found = all.filter(
      (r) =>
        inScope(r) &&
        (!q || r.code.toLowerCase().includes(q) || r.name.toLowerCase().includes(q)) &&
        (f.departmentId === undefined || r.department.id === f.departmentId) &&
        (f.unitId === undefined || r.unit.id === f.unitId) &&
        (!f.category || r.category === f.category) &&
        (f.isKey === undefined || r.isKey === f.isKey) &&
        (!band || (r.adjustedBudget >= band.min && r.adjustedBudget < band.max)),
    );
    return found.sort(comparator(sort, order));
  }

  /** Wraps the SQL repository: list and export come from memory, everything else passes through. */
  wrap(inner: ProjectRepo): ProjectRepo {
    return {
      ...inner,
      list: async (scope, filter, paging: Paging<ProjectSort>): Promise<Page<ProjectListItem> & Sums> => {
        const found = await this.select(scope, filter, paging.sort, paging.order);
        let adjustedBudget = 0;
        let executed = 0;
        for (const r of found) {
          adjustedBudget += r.adjustedBudget;
          executed += r.executed;
        }
        const start = (paging.page - 1) * paging.pageSize;
        return {
          total: found.length,
          rows: found.slice(start, start + paging.pageSize).map(strip),
          sums: { adjustedBudget, executed },
        };
      },
      listAll: async (scope, filter, sort, order, limit) =>
        (await this.select(scope, filter, sort, order)).slice(0, limit).map(strip),
    };
  }
}

const strip = ({ unitPath: _p, assignedTo: _a, ...item }: Row): ProjectListItem => item;

function scopeFilter(scope: Scope): (r: Row) => boolean {
  switch (scope.kind) {
    case "region":
      return () => true;
    case "subtree":
      return (r) => isPathWithin(r.unitPath, scope.orgPath);
    case "own":
      return (r) => r.unit.id === scope.orgId;
    case "assigned":
      return (r) => r.assignedTo.includes(scope.orgId);
  }
}

const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/** Same order as the SQL: the sort key (nulls first ascending, last descending), then the code. */
function comparator(sort: ProjectSort, order: "asc" | "desc"): (a: Row, b: Row) => number {
  const key = (r: Row): string | number | null => {
    switch (sort) {
      case "code":
        return r.code;
      case "name":
        return r.name;
      case "adjustedBudget":
        return r.adjustedBudget;
      case "executed":
        return r.executed;
      case "executionRate":
        return r.executionRate;
      case "department":
        return r.department.code;
    }
  };
  const dir = order === "asc" ? 1 : -1;
  return (a, b) => {
    const ka = key(a);
    const kb = key(b);
    let c: number;
    if (ka === null || kb === null) c = ka === kb ? 0 : ka === null ? -1 : 1;
    else c = cmp(ka, kb);
    return c * dir || cmp(a.code, b.code);
  };
}
