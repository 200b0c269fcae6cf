import { sql } from "drizzle-orm";
import type { FormSubject, SelfEvalRepo, SelfEvalRound } from "../../../app/selfeval/ports";
import type { Executor } from "../../client";
import { approvedGoalsCte } from "../monitoring/monitoring-sql";
import { iso, one, rows } from "../rows";
import { FORM_DECLARER_SQL } from "./selfeval-sql";

interface RoundRow {
  id: number;
  fiscal_year: number;
  due_on: string;
  rules_version: string;
  status: "open" | "closed";
  created_at: Date | string;
  version: number;
}

export const toRound = (r: RoundRow): SelfEvalRound => ({
  id: r.id,
  fiscalYear: r.fiscal_year,
  dueOn: r.due_on,
  rulesVersion: r.rules_version,
  status: r.status,
  openedAt: iso(r.created_at)!,
  version: r.version,
});

/** Subjects of the year (alias s): projects and department-wide budgets, with their approved table (a). */
const subjectsSql = (regionCode: string, fiscalYear: number) => sql`
  ${approvedGoalsCte(regionCode, fiscalYear)},
  s as (
    select 'project' as subject_kind, p.id, p.code, p.name, p.department_id, p.unit_id from projects p
    where p.region_code = ${regionCode} and p.fiscal_year = ${fiscalYear}
    union all
    select 'deptWide', b.id, d.code, d.name || '部门整体支出', b.department_id, b.department_id from dept_budgets b
    join orgs d on d.id = b.department_id and d.region_code = b.region_code
    where b.region_code = ${regionCode} and b.fiscal_year = ${fiscalYear})`;

type RoundsRepo = Pick<
  SelfEvalRepo,
  "lockRules" | "insertRound" | "round" | "openedYears" | "setDueOn" | "uncovered" | "withoutGoals" | "issueTasks"
>;

export function selfEvalRoundsRepo(ex: Executor): RoundsRepo {
  return {
    async lockRules(regionCode) {
      await ex.execute(sql`select pg_advisory_xact_lock(hashtext(${`selfeval-rules:${regionCode}`}))`);
    },

    async insertRound(regionCode, r) {
      const created = await one<{ id: number }>(
        ex,
        sql`insert into selfeval_rounds (region_code, fiscal_year, due_on, rules_version, opened_by)
            values (${regionCode}, ${r.fiscalYear}, ${r.dueOn}::date, ${r.rulesVersion}, ${r.openedBy})
            on conflict do nothing returning id`,
      );
      return created?.id ?? null;
    },

    async round(regionCode, fiscalYear) {
      const r = await one<RoundRow>(
        ex,
        sql`select id, fiscal_year, due_on::text as due_on, rules_version, status, created_at, version
            from selfeval_rounds where region_code = ${regionCode} and fiscal_year = ${fiscalYear}`,
      );
      return r && toRound(r);
    },

    async openedYears(regionCode, fromYear) {
      const found = await rows<{ fiscal_year: number }>(
        ex,
        sql`select fiscal_year from selfeval_rounds where region_code = ${regionCode} and fiscal_year >= ${fromYear}
            order by fiscal_year`,
      );
      return found.map((r) => r.fiscal_year);
    },

    async setDueOn(regionCode, roundId, dueOn) {
      await ex.execute(
        sql`with ro as (
              update selfeval_rounds set due_on = ${dueOn}::date, version = version + 1, updated_at = app_now()
              where region_code = ${regionCode} and id = ${roundId} returning fiscal_year)
            update tasks t set due_on = ${dueOn}::date, version = t.version + 1, updated_at = app_now()
            from ro where t.region_code = ${regionCode} and t.fiscal_year = ro.fiscal_year and t.kind = 'selfeval'
              and t.status in ('todo', 'in_progress', 'returned')`,
      );
    },

    async uncovered(regionCode, fiscalYear) {
      const found = await rows<{
        subject_kind: FormSubject["subjectKind"];
        id: number;
        code: string;
        department_id: number;
        unit_id: number;
        goal_table_id: number;
        indicators: {
          uid: string;
          level1: string;
          level2: string;
          name: string;
          kind: string;
          operator: ">=" | "<=" | "=" | null;
          target: string;
          unit: string | null;
          weight: number | string;
          explanation: string | null;
        }[];
      }>(
        ex,
        sql`with ${subjectsSql(regionCode, fiscalYear)}
            select s.subject_kind, s.id, s.code, s.department_id, s.unit_id, a.id as goal_table_id,
                   coalesce((select json_agg(json_build_object('uid', i.uid, 'level1', i.level1, 'level2', i.level2,
                       'name', i.name, 'kind', i.kind, 'operator', i.operator, 'target', i.target, 'unit', i.unit,
                       'weight', i.weight, 'explanation', i.explanation) order by i.position)
                     from goal_indicators i where i.goal_table_id = a.id and i.region_code = ${regionCode}), '[]') as indicators
            from s join approved a on a.subject_kind = s.subject_kind and a.subject_code = s.code
            where not exists (select 1 from selfeval_forms f where f.region_code = ${regionCode}
                                and f.fiscal_year = ${fiscalYear} and f.subject_kind = s.subject_kind
                                and f.subject_code = s.code)
            order by s.subject_kind, s.code collate "C"`,
      );
      return found.map((r) => ({
        subjectKind: r.subject_kind,
        id: r.id,
        code: r.code,
        departmentId: r.department_id,
        unitId: r.unit_id,
        goalTableId: r.goal_table_id,
        indicators: r.indicators.map(({ weight, ...i }) => ({ ...i, goalWeight: Number(weight) })),
      }));
    },

    async withoutGoals(regionCode, fiscalYear) {
      return rows<{ subjectKind: FormSubject["subjectKind"]; code: string; name: string }>(
        ex,
        sql`with ${subjectsSql(regionCode, fiscalYear)}
            select s.subject_kind as "subjectKind", s.code, s.name from s
            where not exists (select 1 from approved a where a.subject_kind = s.subject_kind and a.subject_code = s.code)
            order by s.subject_kind, s.code collate "C"`,
      );
    },

    async issueTasks(regionCode, round) {
      return rows<{ orgId: number; taskId: number }>(
        ex,
        sql`insert into tasks (region_code, fiscal_year, kind, org_id, object_kind, object_id, title, due_on, status)
            select ${regionCode}, ${round.fiscalYear}, 'selfeval', o.id, 'org', o.id,
                   ${round.fiscalYear} || '年度单位自评：' || o.name, ${round.dueOn}::date, 'todo'
            from (select distinct ${FORM_DECLARER_SQL} as id from selfeval_forms f
                  where f.region_code = ${regionCode} and f.fiscal_year = ${round.fiscalYear}) x
            join orgs o on o.id = x.id and o.region_code = ${regionCode}
            on conflict do nothing
            returning org_id as "orgId", id as "taskId"`,
      );
    },
  };
}
