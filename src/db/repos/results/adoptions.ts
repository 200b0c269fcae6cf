import { type SQL, sql } from "drizzle-orm";
import type {
  AdjustmentRecord,
  AdjustmentSort,
  AdoptionRecord,
  ResultRepo,
  StoredResultRuleSet,
} from "../../../app/results/adoption-ports";
import type { AdjustmentAction, ResultRule } from "../../../core/results/rules";
import type { Scope } from "../../../core/scope";
import type { Executor } from "../../client";
import { NOTICE_FROM, overdueSql } from "../rectification/rectification-sql";
import { iso, one, rows } from "../rows";
import { likeContains, pathWithin } from "../scope-sql";

interface RuleSetRow {
  id: number;
  fiscal_year: number;
  name: string;
  version: number;
  rules: ResultRule[];
  note: string;
  created_at: Date | string;
  created_by_name: string | null;
}

const toRuleSet = (r: RuleSetRow): StoredResultRuleSet => ({
  id: r.id,
  fiscalYear: r.fiscal_year,
  name: r.name,
  version: r.version,
  rules: r.rules,
  note: r.note,
  createdAt: iso(r.created_at)!,
  createdByName: r.created_by_name,
});

const RULE_SET_SELECT = sql`select r.id, r.fiscal_year, r.name, r.version, r.rules, r.note, r.created_at,
    u.display_name as created_by_name
  from result_rule_sets r left join users u on u.id = r.created_by`;

interface AdoptionRow {
  id: number;
  fiscal_year: number;
  seq: number;
  status: "current" | "superseded";
  reason: string;
  rule_set_id: number;
  rule_set_name: string;
  rule_set_version: number;
  average: string | null;
  dept_score_version: string;
  snapshot: unknown;
  adopted_at: Date | string;
  adopted_by_name: string | null;
  superseded_at: Date | string | null;
  projects: number;
  adjusted: number;
  request: string;
  cut: string;
  raise: string;
  new_amount: string;
}

const toAdoption = (r: AdoptionRow): AdoptionRecord => ({
  id: r.id,
  fiscalYear: r.fiscal_year,
  seq: r.seq,
  status: r.status,
  reason: r.reason,
  ruleSet: { id: r.rule_set_id, name: r.rule_set_name, version: r.rule_set_version },
  average: r.average === null ? null : BigInt(r.average),
  deptScoreVersion: r.dept_score_version,
  snapshot: r.snapshot,
  adoptedAt: iso(r.adopted_at)!,
  adoptedByName: r.adopted_by_name,
  supersededAt: iso(r.superseded_at),
  projects: Number(r.projects),
  adjusted: Number(r.adjusted),
  request: Number(r.request),
  cut: Number(r.cut),
  raise: Number(r.raise),
  newAmount: Number(r.new_amount),
});

const ADOPTION_SELECT = sql`select a.id, a.fiscal_year, a.seq, a.status, a.reason, a.rule_set_id,
    rs.name as rule_set_name, rs.version as rule_set_version, a.average::text as average, a.dept_score_version,
    a.snapshot, a.adopted_at, u.display_name as adopted_by_name, a.superseded_at,
    coalesce(s.projects, 0) as projects, coalesce(s.adjusted, 0) as adjusted, coalesce(s.request, 0)::text as request,
    coalesce(s.cut, 0)::text as cut, coalesce(s.raise, 0)::text as raise, coalesce(s.new_amount, 0)::text as new_amount
  from result_adoptions a
  join result_rule_sets rs on rs.id = a.rule_set_id and rs.region_code = a.region_code
  left join users u on u.id = a.adopted_by
  left join lateral (
    select count(*) as projects, count(*) filter (where j.cut > 0 or j.raise > 0) as adjusted,
      sum(j.request) as request, sum(j.cut) as cut, sum(j.raise) as raise, sum(j.new_amount) as new_amount
    from result_adjustments j where j.adoption_id = a.id and j.region_code = a.region_code) s on true`;

interface AdjustmentRow {
  id: number;
  adoption_id: number;
  project_id: number;
  project_code: string;
  project_name: string;
  department_id: number;
  department_name: string;
  unit_id: number;
  unit_name: string;
  request: string;
  action: AdjustmentAction;
  cut: string;
  raise: string;
  new_amount: string;
  rule_index: number | null;
  rule_label: string | null;
  reason: string;
  evidence: { label: string; link: string }[];
  task_id: number | null;
  task_status: string | null;
  total?: string;
}

const toAdjustment = (r: AdjustmentRow): AdjustmentRecord => ({
  id: r.id,
  adoptionId: r.adoption_id,
  projectId: r.project_id,
  projectCode: r.project_code,
  projectName: r.project_name,
  departmentId: r.department_id,
  departmentName: r.department_name,
  unitId: r.unit_id,
  unitName: r.unit_name,
  request: Number(r.request),
  action: r.action,
  cut: Number(r.cut),
  raise: Number(r.raise),
  newAmount: Number(r.new_amount),
  ruleIndex: r.rule_index,
  ruleLabel: r.rule_label,
  reason: r.reason,
  evidence: r.evidence,
  taskId: r.task_id,
  taskStatus: r.task_status,
});

/** Adjustments (alias j, the unit alias u) a scope may see: the region, a department's subtree, a unit its own. */
function adjustmentScopeSql(scope: Scope): SQL {
  const region = sql`j.region_code = ${scope.regionCode}`;
  switch (scope.kind) {
    case "region":
      return region;
    case "subtree":
      return sql`${region} and ${pathWithin(sql`u.path`, scope.orgPath)}`;
    case "own":
      return sql`${region} and j.unit_id = ${scope.orgId}`;
    case "assigned":
      return sql`false`;
  }
}

const ADJUSTMENT_FROM = sql`result_adjustments j
  join orgs u on u.id = j.unit_id and u.region_code = j.region_code
  left join tasks t on t.region_code = j.region_code and t.kind = 'result_adjustment'
    and t.object_kind = 'result_adjustment' and t.object_id = j.id`;

const ADJUSTMENT_FROM_BARE = sql`result_adjustments j
  join orgs u on u.id = j.unit_id and u.region_code = j.region_code
  join orgs d on d.id = j.department_id and d.region_code = j.region_code`;

const ADJUSTMENT_COLUMNS = sql`j.id, j.adoption_id, j.project_id, j.project_code, j.project_name, j.department_id,
  j.department_name, j.unit_id, u.name as unit_name, j.request::text as request, j.action, j.cut::text as cut,
  j.raise::text as raise, j.new_amount::text as new_amount, j.rule_index, j.rule_label, j.reason, j.evidence,
  t.id as task_id, t.status as task_status`;

const ADJUSTMENT_ORDER: Record<AdjustmentSort, SQL> = {
  department: sql`j.department_name collate "C"`,
  code: sql`j.project_code collate "C"`,
  request: sql`j.request`,
  cut: sql`j.cut`,
  newAmount: sql`j.new_amount`,
};

export function resultRepo(ex: Executor): ResultRepo {
  return {
    async ruleSetVersions(regionCode, fiscalYear) {
      const found = await rows<RuleSetRow>(
        ex,
        sql`${RULE_SET_SELECT} where r.region_code = ${regionCode} and r.fiscal_year = ${fiscalYear}
            order by r.name collate "C", r.version desc`,
      );
      return found.map(toRuleSet);
    },

    async ruleSet(regionCode, id) {
      const r = await one<RuleSetRow>(ex, sql`${RULE_SET_SELECT} where r.region_code = ${regionCode} and r.id = ${id}`);
      return r && toRuleSet(r);
    },

    async insertRuleSet(regionCode, r) {
      const found = await one<{ id: number }>(
        ex,
        sql`insert into result_rule_sets (region_code, fiscal_year, name, version, rules, note, created_by)
            values (${regionCode}, ${r.fiscalYear}, ${r.name}, ${r.version}, ${JSON.stringify(r.rules)}::jsonb,
                    ${r.note}, ${r.createdBy})
            on conflict do nothing returning id`,
      );
      return found?.id ?? null;
    },

    async requests(regionCode, budgetYear) {
      const found = await rows<{
        project_id: number;
        project_code: string;
        project_name: string;
        department_id: number;
        department_name: string;
        unit_id: number;
        amount: string;
        rigid: boolean;
        is_key: boolean;
      }>(
        ex,
        sql`select p.id as project_id, r.project_code, p.name as project_name, p.department_id,
                   d.name as department_name, p.unit_id, r.amount::text as amount, r.rigid, p.is_key
            from budget_requests r
            join projects p on p.id = r.project_id and p.region_code = r.region_code
            join orgs d on d.id = p.department_id and d.region_code = p.region_code
            where r.region_code = ${regionCode} and r.budget_year = ${budgetYear}
            order by d.code collate "C", r.project_code collate "C"`,
      );
      return found.map((r) => ({
        projectId: r.project_id,
        projectCode: r.project_code,
        projectName: r.project_name,
        departmentId: r.department_id,
        departmentName: r.department_name,
        unitId: r.unit_id,
        amount: Number(r.amount),
        rigid: r.rigid,
        keyProject: r.is_key,
      }));
    },

    async rectificationByProject(regionCode, fiscalYear, today) {
      const found = await rows<{
        project_code: string;
        open: number;
        overdue: number;
        notice_id: number;
        notice_title: string;
      }>(
        ex,
        sql`select p.code as project_code,
                   count(*) filter (where i.status <> 'accepted')::int as open,
                   count(*) filter (where ${overdueSql("i", today)})::int as overdue,
                   (array_agg(n.id order by i.deadline, n.id) filter (where i.status <> 'accepted'))[1] as notice_id,
                   (array_agg(n.title order by i.deadline, n.id) filter (where i.status <> 'accepted'))[1] as notice_title
            from ${NOTICE_FROM}
            join rectification_items i on i.notice_id = n.id and i.region_code = n.region_code
            where n.region_code = ${regionCode} and n.fiscal_year = ${fiscalYear} and p.code is not null
            group by p.code
            having count(*) filter (where i.status <> 'accepted') > 0`,
      );
      return found.map((r) => ({
        projectCode: r.project_code,
        open: r.open,
        overdue: r.overdue,
        noticeId: r.notice_id,
        noticeTitle: r.notice_title,
      }));
    },

    async reportActions(regionCode, fiscalYear) {
      const found = await rows<{ report_id: number; actions: number; closed: number }>(
        ex,
        sql`select a.report_id, count(*)::int as actions, count(*) filter (where a.status = 'closed')::int as closed
            from monitoring_actions a
            join monitoring_reports r on r.id = a.report_id and r.region_code = a.region_code
            join monitoring_rounds o on o.id = r.round_id and o.region_code = r.region_code
            where a.region_code = ${regionCode} and o.fiscal_year = ${fiscalYear}
            group by a.report_id`,
      );
      return found.map((r) => ({ reportId: r.report_id, actions: r.actions, closed: r.closed }));
    },

    async adoptions(regionCode, fiscalYear) {
      const found = await rows<AdoptionRow>(
        ex,
        sql`${ADOPTION_SELECT} where a.region_code = ${regionCode} and a.fiscal_year = ${fiscalYear} order by a.seq desc`,
      );
      return found.map(toAdoption);
    },

    async adoption(regionCode, id) {
      const r = await one<AdoptionRow>(
        ex,
        sql`${ADOPTION_SELECT} where a.region_code = ${regionCode} and a.id = ${id}`,
      );
      return r && toAdoption(r);
    },

    async insertAdoption(regionCode, a) {
      const found = await one<{ id: number }>(
        ex,
        sql`insert into result_adoptions (region_code, fiscal_year, seq, rule_set_id, reason, average,
              dept_score_version, snapshot, adopted_by)
            values (${regionCode}, ${a.fiscalYear}, ${a.seq}, ${a.ruleSetId}, ${a.reason},
              ${a.average === null ? null : a.average.toString()}::bigint, ${a.deptScoreVersion},
              ${JSON.stringify(a.snapshot)}::jsonb, ${a.adoptedBy})
            on conflict do nothing returning id`,
      );
      return found?.id ?? null;
    },

    async supersede(regionCode, id, at) {
      const found = await one<{ id: number }>(
        ex,
        sql`update result_adoptions set status = 'superseded', superseded_at = ${at.toISOString()}
            where region_code = ${regionCode} and id = ${id} and status = 'current' returning id`,
      );
      return found !== null;
    },

    async insertAdjustments(regionCode, adoptionId, list) {
      // One statement per chunk of rows: a district's list is a few thousand lines.
      const CHUNK = 2000;
      for (let i = 0; i < list.length; i += CHUNK) {
        const json = JSON.stringify(list.slice(i, i + CHUNK));
        await ex.execute(
          sql`insert into result_adjustments (region_code, adoption_id, project_id, project_code, project_name,
                department_id, department_name, unit_id, request, action, cut, raise, new_amount, rule_index,
                rule_label, reason, evidence)
              select ${regionCode}, ${adoptionId}, x."projectId", x."projectCode", x."projectName", x."departmentId",
                x."departmentName", x."unitId", x.request, x.action, x.cut, x.raise, x."newAmount", x."ruleIndex",
                x."ruleLabel", x.reason, x.evidence
              from jsonb_to_recordset(${json}::jsonb) as x("projectId" int, "projectCode" text, "projectName" text,
                "departmentId" int, "departmentName" text, "unitId" int, request bigint, action text, cut bigint,
                raise bigint, "newAmount" bigint, "ruleIndex" smallint, "ruleLabel" text, reason text, evidence jsonb)`,
        );
      }
    },

    async issueAdjustmentTasks(regionCode, fiscalYear, adoptionId, dueOn, replaced) {
      if (replaced !== null)
        await ex.execute(
          sql`update tasks t set status = 'closed', version = t.version + 1, updated_at = app_now()
              from result_adjustments j
              where j.region_code = ${regionCode} and j.adoption_id = ${replaced}
                and t.region_code = j.region_code and t.kind = 'result_adjustment'
                and t.object_kind = 'result_adjustment' and t.object_id = j.id and t.status in ('todo','in_progress')`,
        );
      return rows<{ taskId: number; orgId: number; title: string; projectCode: string }>(
        ex,
        sql`with ins as (
              insert into tasks (region_code, fiscal_year, kind, org_id, object_kind, object_id, title, due_on, status)
              select j.region_code, ${fiscalYear}, 'result_adjustment', j.unit_id, 'result_adjustment', j.id,
                ${`${fiscalYear + 1}年预算调整：`} || j.project_name, ${dueOn}::date, 'todo'
              from result_adjustments j
              where j.region_code = ${regionCode} and j.adoption_id = ${adoptionId} and (j.cut > 0 or j.raise > 0)
              returning id, org_id, title, object_id)
            select ins.id as "taskId", ins.org_id as "orgId", ins.title, j.project_code as "projectCode"
            from ins join result_adjustments j on j.id = ins.object_id and j.region_code = ${regionCode}
            order by ins.id`,
      );
    },

    async adjustments(scope, f, paging) {
      const where = [adjustmentScopeSql(scope), sql`j.adoption_id = ${f.adoptionId}`];
      if (f.departmentId !== undefined) where.push(sql`j.department_id = ${f.departmentId}`);
      if (f.action) where.push(sql`j.action = ${f.action}`);
      if (f.adjustedOnly) where.push(sql`(j.cut > 0 or j.raise > 0)`);
      if (f.q) {
        const like = likeContains(f.q);
        where.push(sql`(j.project_code ilike ${like} or j.project_name ilike ${like}
          or j.department_name ilike ${like} or u.name ilike ${like})`);
      }
      const dir = paging.order === "desc" ? sql`desc` : sql`asc`;
      const found = await rows<AdjustmentRow>(
        ex,
        sql`select ${ADJUSTMENT_COLUMNS}, count(*) over () as total from ${ADJUSTMENT_FROM}
            where ${sql.join(where, sql` and `)}
            order by ${ADJUSTMENT_ORDER[paging.sort]} ${dir}, j.department_name collate "C", j.project_code collate "C"
            limit ${paging.pageSize} offset ${(paging.page - 1) * paging.pageSize}`,
      );
      return { total: Number(found[0]?.total ?? 0), rows: found.map(toAdjustment) };
    },

    async adjustment(scope, id) {
      const r = await one<AdjustmentRow>(
        ex,
        sql`select ${ADJUSTMENT_COLUMNS} from ${ADJUSTMENT_FROM} where ${adjustmentScopeSql(scope)} and j.id = ${id}`,
      );
      return r && toAdjustment(r);
    },

    async departmentTotals(scope, adoptionId) {
      const found = await rows<{
        department_id: number;
        department_name: string;
        projects: number;
        adjusted: number;
        request: string;
        cut: string;
        raise: string;
        new_amount: string;
      }>(
        ex,
        sql`select j.department_id, j.department_name, count(*)::int as projects,
                   count(*) filter (where j.cut > 0 or j.raise > 0)::int as adjusted, sum(j.request)::text as request,
                   sum(j.cut)::text as cut, sum(j.raise)::text as raise, sum(j.new_amount)::text as new_amount
            from ${ADJUSTMENT_FROM_BARE}
            where ${adjustmentScopeSql(scope)} and j.adoption_id = ${adoptionId}
            group by j.department_id, j.department_name, d.code
            order by d.code collate "C"`,
      );
      return found.map((r) => ({
        departmentId: r.department_id,
        departmentName: r.department_name,
        projects: r.projects,
        adjusted: r.adjusted,
        request: Number(r.request),
        cut: Number(r.cut),
        raise: Number(r.raise),
        newAmount: Number(r.new_amount),
      }));
    },

    async acknowledge(regionCode, taskId, at) {
      const r = await one<{ version: number }>(
        ex,
        sql`update tasks set status = 'done', done_at = ${at.toISOString()}, version = version + 1, updated_at = app_now()
            where region_code = ${regionCode} and id = ${taskId}
              and kind = 'result_adjustment' and status in ('todo','in_progress')
            returning version`,
      );
      return r !== null;
    },
  };
}
