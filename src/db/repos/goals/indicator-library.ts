import { type SQL, sql } from "drizzle-orm";
import type {
  IndicatorLibraryEntry,
  IndicatorLibraryRepo,
  LibraryFilter,
  LibrarySort,
  LibrarySuggestionRow,
  TargetHistory,
} from "../../../app/goals/ports";
import { DEPT_WIDE_SECTOR, targetKey, UNSORTED_SECTOR } from "../../../core/goals/indicator-library";
import type { IndicatorKind, Operator } from "../../../core/goals/types";
import type { Executor } from "../../client";
import { iso, one, rows } from "../rows";
import { likeContains } from "../scope-sql";

interface EntryRow {
  id: number;
  sector: string;
  level1: string;
  level2: string;
  name: string;
  kind: IndicatorKind;
  operator: Operator | null;
  unit: string | null;
  explanation: string | null;
  curated: boolean;
  retired: boolean;
  uses: number;
  last_year: number | null;
  version: number;
  updated_at: Date | string;
}

const toEntry = (r: EntryRow): IndicatorLibraryEntry => ({
  id: r.id,
  sector: r.sector,
  level1: r.level1,
  level2: r.level2,
  name: r.name,
  kind: r.kind,
  operator: r.operator,
  unit: r.unit,
  explanation: r.explanation,
  curated: r.curated,
  retired: r.retired,
  uses: r.uses,
  lastYear: r.last_year,
  version: r.version,
  updatedAt: iso(r.updated_at)!,
});

const COLUMNS = sql`l.id, l.sector, l.level1, l.level2, l.name, l.kind, l.operator, l.unit, l.explanation, l.curated,
                    l.retired, l.uses, l.last_year, l.version, l.updated_at`;

/**
 * The indicators of goal tables with the library sector each falls under: the project's sector (else
 * its department's), or 部门整体 for a department-wide table. `g`, `d` and `p` are the table, its
 * department and its project.
 */
const SECTOR_OF_TABLE = sql`case when g.subject_kind = 'deptWide' then ${DEPT_WIDE_SECTOR}::text
  else coalesce(nullif(btrim(p.sector), ''), nullif(btrim(d.sector), ''), ${UNSORTED_SECTOR}::text) end`;

const sourceIndicators = (where: SQL) => sql`
  select g.region_code, g.id as table_id, g.fiscal_year, ${SECTOR_OF_TABLE} as sector,
         i.level1, i.level2, i.name, i.kind, i.operator, i.unit, i.explanation
  from goal_indicators i
  join goal_tables g on g.id = i.goal_table_id
  join orgs d on d.id = g.department_id
  left join projects p on p.id = g.project_id
  where g.status = 'approved' and btrim(i.name) <> '' and btrim(i.level2) <> '' and ${where}`;

/**
 * One row per library key: how many approved tables used it, the latest year, and the most common
 * wording (level 1, kind, operator and unit taken together, so a unit never pairs with a kind it
 * was not used with).
 */
const fedEntries = (where: SQL) => sql`
  select region_code, sector, level2, name, count(distinct table_id)::int as uses, max(fiscal_year)::int as last_year,
         mode() within group (order by jsonb_build_array(level1, kind, operator, unit)) as w,
         mode() within group (order by explanation) as explanation
  from (${sourceIndicators(where)}) s
  group by region_code, sector, level2, name`;

const INSERT_FED = sql`insert into indicator_library as l
  (region_code, sector, level1, level2, name, kind, operator, unit, explanation, uses, last_year)`;
const SELECT_FED = sql`select region_code, sector, w->>0, level2, name, w->>1, w->>2, w->>3, explanation, uses, last_year`;

/** The library's wording columns: finance's version of them wins over the tables'. */
const WORDING = ["level1", "kind", "operator", "unit", "explanation"] as const;

function filterSql(regionCode: string, f: LibraryFilter): SQL {
  const parts = [sql`l.region_code = ${regionCode}`];
  if (f.sector) parts.push(sql`l.sector = ${f.sector}`);
  if (f.level1) parts.push(sql`l.level1 = ${f.level1}`);
  if (f.level2) parts.push(sql`l.level2 = ${f.level2}`);
  if (f.q)
    parts.push(sql`(l.name ilike ${likeContains(f.q)} or coalesce(l.explanation, '') ilike ${likeContains(f.q)})`);
  if (f.curated !== undefined) parts.push(sql`l.curated = ${f.curated}`);
  if (f.retired !== undefined) parts.push(sql`l.retired = ${f.retired}`);
  return sql.join(parts, sql` and `);
}

function orderSql(sort: LibrarySort, order: "asc" | "desc"): SQL {
  const dir = order === "desc" ? sql`desc` : sql`asc`;
  const byName = sql`l.name collate "C" ${dir}`;
  switch (sort) {
    case "recommended":
      return sql`l.curated desc, l.uses desc, l.name collate "C", l.id`;
    case "uses":
      return sql`l.uses ${dir}, l.name collate "C", l.id`;
    case "lastYear":
      return sql`l.last_year ${dir} nulls last, l.uses desc, l.id`;
    case "name":
      return sql`${byName}, l.sector collate "C", l.id`;
    case "sector":
      return sql`l.sector collate "C" ${dir}, l.level2 collate "C", l.name collate "C", l.id`;
    case "updatedAt":
      return sql`l.updated_at ${dir}, l.id`;
  }
}

export function indicatorLibraryRepo(ex: Executor): IndicatorLibraryRepo {
  const byId = async (id: number) => {
    const r = await one<EntryRow>(ex, sql`select ${COLUMNS} from indicator_library l where l.id = ${id}`);
    return r ? toEntry(r) : null;
  };

  return {
    async feedFromTable(goalTableId) {
      const touched = await rows<{ added: boolean }>(
        ex,
        sql`${INSERT_FED} ${SELECT_FED} from (${fedEntries(sql`g.id = ${goalTableId}`)}) f
            on conflict (region_code, sector, level2, name) do update set
              uses = l.uses + excluded.uses,
              last_year = greatest(l.last_year, excluded.last_year),
              explanation = case when l.curated then l.explanation else coalesce(l.explanation, excluded.explanation) end,
              version = l.version + case when not l.curated and l.explanation is null and excluded.explanation is not null
                                         then 1 else 0 end,
              updated_at = app_now()
            returning (xmax = 0) as added`,
      );
      return { entries: touched.length, added: touched.filter((t) => t.added).length };
    },

    async rebuild(regionCode) {
      // Data-modifying CTEs share one snapshot: the upsert touches keys the tables use, the delete and
      // the reset only keys they no longer use, so no row is touched twice.
      const changed = sql.join(
        WORDING.map(
          (c) => sql`case when l.curated then false else l.${sql.raw(c)} is distinct from excluded.${sql.raw(c)} end`,
        ),
        sql` or `,
      );
      const keep = (c: (typeof WORDING)[number]) =>
        sql`${sql.raw(c)} = case when l.curated then l.${sql.raw(c)} else excluded.${sql.raw(c)} end`;
      const unused = sql`not exists (select 1 from fed f where f.sector = l.sector and f.level2 = l.level2 and f.name = l.name)`;
      const r = await one<{ entries: number; added: number; removed: number }>(
        ex,
        sql`with fed as (${fedEntries(sql`g.region_code = ${regionCode}`)}),
            up as (
              ${INSERT_FED} ${SELECT_FED} from fed
              on conflict (region_code, sector, level2, name) do update set
                uses = excluded.uses,
                last_year = excluded.last_year,
                ${sql.join(WORDING.map(keep), sql`, `)},
                version = l.version + case when ${changed} then 1 else 0 end,
                updated_at = case when ${changed} then app_now() else l.updated_at end
              where l.uses <> excluded.uses or l.last_year is distinct from excluded.last_year or ${changed}
              returning (xmax = 0) as added
            ),
            gone as (
              delete from indicator_library l
              where l.region_code = ${regionCode} and not l.curated and not l.retired and ${unused}
              returning l.id
            ),
            reset as (
              update indicator_library l set uses = 0, last_year = null
              where l.region_code = ${regionCode} and (l.curated or l.retired) and l.uses <> 0 and ${unused}
              returning l.id
            )
            select (select count(*) from fed)::int as entries, (select count(*) from up where added)::int as added,
                   (select count(*) from gone)::int as removed, (select count(*) from reset)::int as reset`,
      );
      await ex.execute(sql`analyze indicator_library`);
      return { entries: r?.entries ?? 0, added: r?.added ?? 0, removed: r?.removed ?? 0 };
    },

    async list(regionCode, filter, paging) {
      const found = await rows<EntryRow & { total_count: number }>(
        ex,
        sql`select ${COLUMNS}, count(*) over ()::int as total_count from indicator_library l
            where ${filterSql(regionCode, filter)}
            order by ${orderSql(paging.sort, paging.order)}
            limit ${paging.pageSize} offset ${(paging.page - 1) * paging.pageSize}`,
      );
      return { total: found[0]?.total_count ?? 0, rows: found.map(toEntry) };
    },

    async listAll(regionCode, filter, sort, order, limit) {
      const found = await rows<EntryRow>(
        ex,
        sql`select ${COLUMNS} from indicator_library l where ${filterSql(regionCode, filter)}
            order by ${orderSql(sort, order)} limit ${limit}`,
      );
      return found.map(toEntry);
    },

    async sectors(regionCode) {
      const found = await rows<{ sector: string }>(
        ex,
        sql`select sector from indicator_library where region_code = ${regionCode} group by sector order by sector collate "C"`,
      );
      return found.map((r) => r.sector);
    },

    async get(regionCode, id) {
      const r = await one<EntryRow>(
        ex,
        sql`select ${COLUMNS} from indicator_library l where l.id = ${id} and l.region_code = ${regionCode}`,
      );
      return r ? toEntry(r) : null;
    },

    async find(regionCode, key) {
      const r = await one<EntryRow>(
        ex,
        sql`select ${COLUMNS} from indicator_library l where l.region_code = ${regionCode} and l.sector = ${key.sector}
            and l.level2 = ${key.level2} and l.name = ${key.name}`,
      );
      return r ? toEntry(r) : null;
    },

    async insert(regionCode, e) {
      const r = await one<{ id: number }>(
        ex,
        sql`insert into indicator_library (region_code, sector, level1, level2, name, kind, operator, unit, explanation, curated)
            values (${regionCode}, ${e.sector}, ${e.level1}, ${e.level2}, ${e.name}, ${e.kind}, ${e.operator}, ${e.unit},
                    ${e.explanation}, true)
            on conflict do nothing returning id`,
      );
      return r ? byId(r.id) : null;
    },

    async update(id, version, e, guard) {
      const r = await one<{ id: number }>(
        ex,
        sql`update indicator_library set sector = ${e.sector}, level1 = ${e.level1}, level2 = ${e.level2}, name = ${e.name},
                   kind = ${e.kind}, operator = ${e.operator}, unit = ${e.unit}, explanation = ${e.explanation},
                   curated = true, version = version + 1, updated_at = app_now()
            where id = ${id} and version = ${version} ${guard.unused ? sql`and uses = 0` : sql``} returning id`,
      );
      return r ? byId(r.id) : null;
    },

    async setRetired(id, version, retired) {
      const r = await one<{ id: number }>(
        ex,
        sql`update indicator_library set retired = ${retired}, version = version + 1, updated_at = app_now()
            where id = ${id} and version = ${version} returning id`,
      );
      return r ? byId(r.id) : null;
    },

    async suggest(regionCode, q) {
      const parts = [sql`l.region_code = ${regionCode}`, sql`not l.retired`];
      if (q.sector) parts.push(sql`l.sector = ${q.sector}`);
      if (q.level2) parts.push(sql`l.level2 = ${q.level2}`);
      if (q.text) parts.push(sql`l.name ilike ${likeContains(q.text)}`);
      const where = sql.join(parts, sql` and `);
      type Row = Omit<EntryRow, "retired" | "version" | "updated_at">;
      const found = q.sector
        ? await rows<Row>(
            ex,
            sql`select l.id, l.sector, l.level1, l.level2, l.name, l.kind, l.operator, l.unit, l.explanation, l.curated,
                       l.uses, l.last_year
                from indicator_library l where ${where}
                order by l.curated desc, l.uses desc, l.name collate "C", l.id limit ${q.limit}`,
          )
        : // Without a sector the same indicator stands once for all sectors: curated wording first, then the most used.
          await rows<Row>(
            ex,
            sql`select * from (
                  select distinct on (l.level2, l.name) l.id, null::text as sector, l.level1, l.level2, l.name, l.kind,
                         l.operator, l.unit, l.explanation, bool_or(l.curated) over w as curated,
                         (sum(l.uses) over w)::int as uses, max(l.last_year) over w as last_year
                  from indicator_library l where ${where}
                  window w as (partition by l.level2, l.name)
                  order by l.level2, l.name, l.curated desc, l.uses desc, l.id
                ) x
                order by x.curated desc, x.uses desc, x.name collate "C", x.id limit ${q.limit}`,
          );
      return found.map(
        (r): LibrarySuggestionRow => ({
          id: r.id,
          sector: r.sector,
          level1: r.level1,
          level2: r.level2,
          name: r.name,
          kind: r.kind,
          operator: r.operator,
          unit: r.unit,
          explanation: r.explanation,
          curated: r.curated,
          uses: r.uses,
          lastYear: r.last_year,
        }),
      );
    },

    async targetKeys(regionCode) {
      return rows<{ sector: string | null; level2: string; name: string; kind: IndicatorKind }>(
        ex,
        sql`select sector, level2, name, kind from indicator_library where region_code = ${regionCode}
            union
            select null, level2, name, kind from indicator_library where region_code = ${regionCode} and not retired`,
      );
    },
    async targetStamp(regionCode) {
      const r = await one<{ stamp: string }>(
        ex,
        sql`select concat_ws(':',
              (select count(*) || '/' || coalesce(sum(version), 0) || '/' || coalesce(max(id), 0)
                 from goal_tables where region_code = ${regionCode}),
              (select count(*) || '/' || coalesce(sum(version), 0) || '/' || coalesce(max(id), 0)
                 from indicator_library where region_code = ${regionCode}),
              (select count(*) || '/' || coalesce(sum(version), 0) || '/' || coalesce(max(id), 0)
                 from projects where region_code = ${regionCode}),
              (select count(*) || '/' || coalesce(sum(version), 0) from orgs where region_code = ${regionCode})
            ) as stamp`,
      );
      return r!.stamp;
    },
    async targetHistory(regionCode, keys) {
      const history = new Map<string, TargetHistory>();
      if (keys.length === 0) return history;
      const found = await rows<{
        sector: string | null;
        level2: string;
        name: string;
        kind: string;
        fiscal_year: number | null;
        overall: boolean;
        tables: number;
        common_target: string;
        min_target: number | null;
        max_target: number | null;
      }>(
        ex,
        // Per project or department and year, the approved revision in effect (a revision replaces, it does not
        // add). The usual target and range come from uses of the entry's kind: a qualitative "按要求完成" says
        // nothing about a quantitative target.
        sql`with k as (
              select distinct * from jsonb_to_recordset(${JSON.stringify(keys.map(({ sector, level2, name, kind }) => ({ sector, level2, name, kind })))}::jsonb)
                     as k(sector text, level2 text, name text, kind text)
            ),
            eff as (
              select distinct on (g.fiscal_year, g.subject_kind, g.subject_code)
                     g.id, g.fiscal_year, g.subject_kind, g.project_id, g.department_id
              from goal_tables g where g.region_code = ${regionCode} and g.status = 'approved'
              order by g.fiscal_year, g.subject_kind, g.subject_code, g.revision desc
            ),
            src as materialized (
              select g.id, g.fiscal_year, i.level2, i.name, i.kind, btrim(i.target) as target, ${SECTOR_OF_TABLE} as sector
              from eff g
              join goal_indicators i on i.goal_table_id = g.id
              join orgs d on d.id = g.department_id
              left join projects p on p.id = g.project_id
              where (i.level2, i.name) in (select level2, name from k)
            ),
            -- Two equi-joins rather than one with "sector is null or …": a common name is used in every
            -- sector, and the OR made the planner pair each use with every sector's key.
            matched as (
              select k.sector, k.level2, k.name, k.kind, s.id, s.fiscal_year, s.target, s.kind as used_kind
              from k join src s on s.sector = k.sector and s.level2 = k.level2 and s.name = k.name
              union all
              select k.sector, k.level2, k.name, k.kind, s.id, s.fiscal_year, s.target, s.kind
              from k join src s on s.level2 = k.level2 and s.name = k.name where k.sector is null
            )
            select m.sector, m.level2, m.name, m.kind, m.fiscal_year, grouping(m.fiscal_year) = 1 as overall,
                   count(distinct m.id)::int as tables,
                   coalesce(mode() within group (order by m.target) filter (where m.used_kind = m.kind), '') as common_target,
                   min(case when m.target ~ '^-?[0-9]+([.][0-9]+)?$' then m.target::float8 end)
                     filter (where m.used_kind = m.kind) as min_target,
                   max(case when m.target ~ '^-?[0-9]+([.][0-9]+)?$' then m.target::float8 end)
                     filter (where m.used_kind = m.kind) as max_target
            from matched m
            group by grouping sets ((m.sector, m.level2, m.name, m.kind, m.fiscal_year), (m.sector, m.level2, m.name, m.kind))
            order by m.fiscal_year desc`,
      );
      for (const r of found) {
        const key = targetKey(r);
        const h = history.get(key) ?? { years: [], overall: null };
        history.set(key, h);
        const targets = {
          commonTarget: r.common_target,
          minTarget: r.min_target,
          maxTarget: r.max_target,
          tables: r.tables,
        };
        if (r.overall) h.overall = targets;
        else h.years.push({ fiscalYear: r.fiscal_year!, ...targets });
      }
      return history;
    },
  };
}
