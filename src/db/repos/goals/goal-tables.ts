import { type SQL, sql } from "drizzle-orm";
import type { GoalListSort, GoalRepo, StoredGoalTable } from "../../../app/goals/ports";
import { GOAL_STATUS_SORT_ORDER } from "../../../core/goals/list";
import type { GoalIndicator, GoalTable } from "../../../core/goals/types";
import type { GoalStatus } from "../../../core/goals/workflow";
import { copyRows } from "../../bulk";
import type { Database, Executor, Tx } from "../../client";
import { iso, one, rows } from "../rows";
import { goalScopeSql, likeContains } from "../scope-sql";
import { type FullRow, type IndicatorRow, indicatorsByTable, TABLE_SELECT, toIndicator, toRecord } from "./goal-rows";

const STATUS_RANK = sql.raw(`array[${GOAL_STATUS_SORT_ORDER.map((st) => `'${st}'`).join(",")}]::text[]`);

/**
 * The list's order (alias x: a row of TABLE_SELECT). Every order ends with the id, so that pages neither
 * repeat nor skip a table; names and codes sort byte-wise (collate "C") as everywhere else.
 */
function listOrder(s: GoalListSort | undefined): SQL {
  if (!s) return sql`x.subject_kind desc, x.subject_code collate "C", x.id`;
  const dir = s.order === "desc" ? sql`desc` : sql`asc`;
  const code = sql`x.subject_code collate "C" ${dir}, x.id ${dir}`;
  switch (s.sort) {
    case "subjectCode":
      return sql`x.subject_code collate "C" ${dir}, x.subject_kind, x.id ${dir}`;
    case "subjectName":
      return sql`x.subject_name collate "C" ${dir}, ${code}`;
    case "department":
      return sql`x.department_code collate "C" ${dir}, x.subject_kind desc, ${code}`;
    case "unit":
      return sql`x.unit_code collate "C" ${dir}, x.subject_kind desc, ${code}`;
    case "status":
      return sql`array_position(${STATUS_RANK}, x.status) ${dir}, ${code}`;
    case "updatedAt":
      return sql`x.updated_at ${dir}, x.id ${dir}`;
  }
}

/** The region of a goal table, for the rows written under it (its children carry the parent's region). */
const regionOf = (id: number) => sql`(select region_code from goal_tables where id = ${id})`;

export function goalRepo(db: Database, ex: Executor): GoalRepo {
  const indicatorsOf = (ids: readonly number[]) => indicatorsByTable(ex, ids);
  const writeIndicators = async (id: number, indicators: readonly GoalIndicator[]) => {
    await ex.execute(sql`delete from goal_indicators where goal_table_id = ${id}`);
    if (indicators.length === 0) return;
    await ex.execute(sql`
      insert into goal_indicators (region_code, goal_table_id, position, uid, level1, level2, name, kind, operator, target, unit, weight, explanation)
      values ${sql.join(
        indicators.map(
          (i, position) =>
            sql`(${regionOf(id)}, ${id}, ${position}, coalesce(${i.uid ?? null}::text, gen_random_uuid()::text), ${i.level1}, ${i.level2}, ${i.name}, ${i.kind}, ${i.operator}, ${i.target}, ${i.unit}, ${i.weight}, ${i.explanation})`,
        ),
        sql`, `,
      )}`);
  };

  return {
    async get(scope, id) {
      const t = await one<FullRow>(ex, sql`${TABLE_SELECT} where ${goalScopeSql(scope)} and g.id = ${id}`);
      if (!t) return null;
      return toRecord(t, (await indicatorsOf([id])).get(id) ?? []);
    },
    async list(scope, f, page, pageSize, sort) {
      const parts = [goalScopeSql(scope), sql`g.fiscal_year = ${f.fiscalYear}`, sql`g.is_current`];
      if (f.status) parts.push(sql`g.status = ${f.status}`);
      if (f.departmentId !== undefined) parts.push(sql`g.department_id = ${f.departmentId}`);
      if (f.unitId !== undefined) parts.push(sql`g.unit_id = ${f.unitId}`);
      if (f.subjectKind) parts.push(sql`g.subject_kind = ${f.subjectKind}`);
      if (f.q) {
        const like = likeContains(f.q);
        parts.push(
          sql`(g.subject_code ilike ${like} or coalesce(p.name, d.name) ilike ${like} or u.name ilike ${like})`,
        );
      }
      // The version in force of a revision in progress: the approved revision it replaces.
      const list = await rows<
        FullRow & { total_count: number; in_force_id: number | null; in_force_revision: number | null }
      >(
        ex,
        sql`select x.*, count(*) over ()::int as total_count, pv.id as in_force_id, pv.revision as in_force_revision
            from (${TABLE_SELECT} where ${sql.join(parts, sql` and `)}) x
            join goal_tables cur on cur.id = x.id
            left join goal_tables pv on x.status <> 'approved' and pv.id = cur.previous_id
                                    and pv.region_code = cur.region_code and pv.status = 'approved'
            order by ${listOrder(sort)} limit ${pageSize} offset ${(page - 1) * pageSize}`,
      );
      const indicators = await indicatorsOf(list.map((t) => t.id));
      return {
        total: list[0]?.total_count ?? 0,
        rows: list.map((t) => ({
          ...toRecord(t, indicators.get(t.id) ?? []),
          unitName: t.unit_name,
          inForce:
            t.in_force_id === null || t.in_force_revision === null
              ? null
              : { id: t.in_force_id, revision: t.in_force_revision },
        })),
      };
    },
    async transitions(id) {
      const found = await rows<{
        at: Date | string;
        actor_name: string;
        action: string;
        // Written only from a table's workflow state (GoalStatus).
        from_status: GoalStatus;
        to_status: GoalStatus;
        comment: string | null;
        indicator_comments: Record<string, string> | null;
        revision: number;
      }>(
        ex,
        // The whole history: this revision's transitions and those of every revision it replaced.
        sql`with recursive chain(id, revision, previous_id) as (
              select id, revision, previous_id from goal_tables where id = ${id}
              union all
              select g.id, g.revision, g.previous_id from goal_tables g join chain c on g.id = c.previous_id
            )
            select t.*, c.revision from goal_transitions t join chain c on c.id = t.goal_table_id order by t.id`,
      );
      return found.map((r) => ({
        at: iso(r.at)!,
        actorName: r.actor_name,
        action: r.action,
        fromStatus: r.from_status,
        toStatus: r.to_status,
        comment: r.comment,
        indicatorComments: r.indicator_comments,
        revision: r.revision,
      }));
    },
    async save(id, expected, overallGoal, indicators, templateVersion) {
      const updated = await one<{ version: number }>(
        ex,
        sql`update goal_tables set overall_goal = ${overallGoal}, template_version = ${templateVersion},
                   version = version + 1, updated_at = app_now()
            where id = ${id} and version = ${expected.version} and status = ${expected.status} returning version`,
      );
      if (!updated) return null;
      await writeIndicators(id, indicators);
      return updated.version;
    },
    async setState(id, expected, state) {
      const updated = await one<{ version: number }>(
        ex,
        sql`update goal_tables set status = ${state.status}, returned_by = ${state.returnedBy}, version = version + 1,
                   updated_at = app_now()
            where id = ${id} and version = ${expected.version} and status = ${expected.status} returning version`,
      );
      return updated?.version ?? null;
    },
    async recordTransition(id, t) {
      await ex.execute(sql`
        insert into goal_transitions (region_code, goal_table_id, actor_id, actor_name, action, from_status, to_status, comment,
                                      indicator_comments)
        values (${regionOf(id)}, ${id}, ${t.actorId}, ${t.actorName}, ${t.action}, ${t.fromStatus}, ${t.toStatus}, ${t.comment},
                ${t.indicatorComments === null ? null : JSON.stringify(t.indicatorComments)}::jsonb)`);
    },
    async revise(id, expected, reason) {
      // The old revision first: it locks the row, and only a current table in the expected state moves on.
      const old = await one<{ id: number }>(
        ex,
        sql`update goal_tables set is_current = false, version = version + 1, updated_at = app_now()
            where id = ${id} and version = ${expected.version} and status = ${expected.status} and is_current
            returning id`,
      );
      if (!old) return null;
      const created = await one<{ id: number }>(
        ex,
        sql`insert into goal_tables (region_code, fiscal_year, subject_kind, project_id, department_id, unit_id,
                                     subject_code, revision, is_current, status, overall_goal, template_version, revision_reason,
                                     previous_id, carried_from_id)
            select region_code, fiscal_year, subject_kind, project_id, department_id, unit_id, subject_code,
                   revision + 1, true, 'draft', overall_goal, template_version, ${reason}, id, carried_from_id
            from goal_tables where id = ${id} returning id`,
      );
      const newId = created!.id;
      await ex.execute(sql`
        insert into goal_indicators (region_code, goal_table_id, position, uid, level1, level2, name, kind, operator, target, unit,
                                     weight, explanation)
        select region_code, ${newId}, position, uid, level1, level2, name, kind, operator, target, unit, weight, explanation
        from goal_indicators where goal_table_id = ${id}`);
      return newId;
    },
    async startProjectTable(regionCode, projectId, templateVersion) {
      // The unique index settles a start racing the opening or another start: one table, the other gets null.
      const created = await one<{ id: number }>(
        ex,
        sql`insert into goal_tables (region_code, fiscal_year, subject_kind, project_id, department_id, unit_id,
                                     subject_code, template_version)
            select p.region_code, p.fiscal_year, 'project', p.id, p.department_id, p.unit_id, p.code, ${templateVersion}
            from projects p where p.region_code = ${regionCode} and p.id = ${projectId}
            on conflict (region_code, fiscal_year, subject_kind, subject_code, revision) do nothing
            returning id`,
      );
      return created?.id ?? null;
    },
    async currentOfProject(regionCode, projectId) {
      const found = await one<{ id: number; status: GoalStatus }>(
        ex,
        sql`select g.id, g.status from goal_tables g join projects p
              on p.region_code = g.region_code and p.fiscal_year = g.fiscal_year and p.code = g.subject_code
            where p.region_code = ${regionCode} and p.id = ${projectId} and g.subject_kind = 'project' and g.is_current`,
      );
      return found ?? null;
    },
    async lockState(regionCode, id) {
      return one<{ status: GoalStatus; version: number }>(
        ex,
        sql`select status, version from goal_tables where region_code = ${regionCode} and id = ${id} for update`,
      );
    },
    async insertMany(regionCode, list, actorName) {
      if (list.length === 0) return 0;
      const orgIds = new Map(
        (
          await rows<{ id: number; code: string }>(ex, sql`select id, code from orgs where region_code = ${regionCode}`)
        ).map((r) => [r.code, r.id]),
      );
      const year = list[0]!.table.fiscalYear;
      const projects = new Map(
        (
          await rows<{ id: number; code: string; department_id: number; unit_id: number }>(
            ex,
            sql`select id, code, department_id, unit_id from projects where region_code = ${regionCode} and fiscal_year = ${year}`,
          )
        ).map((r) => [r.code, r]),
      );
      const owner = (t: GoalTable) => {
        if (t.subjectKind === "deptWide") {
          const id = orgIds.get(t.subjectCode);
          return id === undefined ? undefined : { projectId: null, departmentId: id, unitId: id };
        }
        const p = projects.get(t.subjectCode);
        return p && { projectId: p.id, departmentId: p.department_id, unitId: p.unit_id };
      };
      const data = list.map(({ table, status, templateVersion }) => {
        const o = owner(table);
        if (!o) throw new Error(`goal table for unknown ${table.subjectKind} ${table.subjectCode}`);
        return [
          regionCode,
          table.fiscalYear,
          table.subjectKind,
          o.projectId,
          o.departmentId,
          o.unitId,
          table.subjectCode,
          status,
          table.overallGoal,
          templateVersion,
        ];
      });
      await copyRows(
        db,
        ex as Tx,
        "goal_tables",
        [
          "region_code",
          "fiscal_year",
          "subject_kind",
          "project_id",
          "department_id",
          "unit_id",
          "subject_code",
          "status",
          "overall_goal",
          "template_version",
        ],
        data,
      );
      const ids = new Map(
        (
          await rows<{ id: number; subject_kind: string; subject_code: string }>(
            ex,
            sql`select id, subject_kind, subject_code from goal_tables
                where region_code = ${regionCode} and fiscal_year = ${year} and is_current`,
          )
        ).map((r) => [`${r.subject_kind}:${r.subject_code}`, r.id]),
      );
      const indicatorRows: unknown[][] = [];
      const transitions: unknown[][] = [];
      for (const { table, status } of list) {
        const id = ids.get(`${table.subjectKind}:${table.subjectCode}`)!;
        table.indicators.forEach((i, position) => {
          indicatorRows.push([
            regionCode,
            id,
            position,
            i.level1,
            i.level2,
            i.name,
            i.kind,
            i.operator,
            i.target,
            i.unit,
            i.weight,
            i.explanation,
          ]);
        });
        transitions.push([regionCode, id, actorName, "load", "draft", status, "载入"]);
      }
      await copyRows(
        db,
        ex as Tx,
        "goal_indicators",
        [
          "region_code",
          "goal_table_id",
          "position",
          "level1",
          "level2",
          "name",
          "kind",
          "operator",
          "target",
          "unit",
          "weight",
          "explanation",
        ],
        indicatorRows,
      );
      await copyRows(
        db,
        ex as Tx,
        "goal_transitions",
        ["region_code", "goal_table_id", "actor_name", "action", "from_status", "to_status", "comment"],
        transitions,
      );
      await ex.execute(sql`analyze goal_tables`);
      await ex.execute(sql`analyze goal_indicators`);
      return list.length;
    },

    async checkStamp(regionCode, fiscalYear) {
      const r = await one<{ stamp: string }>(
        ex,
        sql`select concat_ws(':',
              (select count(*) || '/' || coalesce(sum(version), 0) || '/' || coalesce(max(id), 0)
                 from goal_tables where region_code = ${regionCode} and fiscal_year = ${fiscalYear}),
              (select count(*) || '/' || coalesce(sum(version), 0) || '/' || coalesce(max(id), 0)
                 from projects where region_code = ${regionCode} and fiscal_year = ${fiscalYear}),
              (select count(*) || '/' || coalesce(sum(version), 0)
                 from dept_budgets where region_code = ${regionCode} and fiscal_year = ${fiscalYear}),
              (select count(*) || '/' || coalesce(sum(version), 0) from orgs where region_code = ${regionCode}),
              (select count(*) || '/' || coalesce(max(id), 0) from rule_sets where region_code = ${regionCode})
            ) as stamp`,
      );
      return r!.stamp;
    },
    async listCurrent(regionCode, fiscalYear) {
      const tables = await rows<FullRow>(
        ex,
        sql`${TABLE_SELECT} where g.region_code = ${regionCode} and g.fiscal_year = ${fiscalYear} and g.is_current
            order by g.id`,
      );
      // All indicators of the year in one query (not one per table), grouped in memory.
      const indicators = await rows<IndicatorRow>(
        ex,
        sql`select i.goal_table_id, i.uid, i.level1, i.level2, i.name, i.kind, i.operator, i.target, i.unit, i.weight, i.explanation
            from goal_indicators i join goal_tables g on g.id = i.goal_table_id
            where g.region_code = ${regionCode} and g.fiscal_year = ${fiscalYear} and g.is_current
            order by i.goal_table_id, i.position`,
      );
      const byTable = new Map<number, GoalIndicator[]>();
      for (const i of indicators) {
        const list = byTable.get(i.goal_table_id);
        if (list) list.push(toIndicator(i));
        else byTable.set(i.goal_table_id, [toIndicator(i)]);
      }
      return tables.map((t): StoredGoalTable => toRecord(t, byTable.get(t.id) ?? []));
    },
  };
}
