import type {
  CandidateTie,
  EvaluationRecord,
  EvaluationRepo,
  EvaluationRow,
  LedgerEntry,
  MemberRecord,
} from "../../../app/evaluations/ports";
import type { EvaluationFramework } from "../../../core/evaluations/framework";
import type { EvaluationSort } from "../../../core/evaluations/list";
import type { EvaluationKind, EvaluationStatus } from "../../../core/evaluations/workflow";
import type { Executor } from "../../client";
import { iso, one, rows, sql } from "../rows";
import { evaluationScopeSql, likeContains, pathWithin } from "../scope-sql";
import { idArray } from "../tasks/task-sql";
import { evaluationTaskRepo } from "./evaluation-tasks";

type Ref = { id: number; code: string; name: string };

const ref = (alias: string) =>
  sql.raw(`json_build_object('id', ${alias}.id, 'code', ${alias}.code, 'name', ${alias}.name)`);

/** Evaluations (e) with their project (p), its unit (u) and department (d), the owner (ow) and the firm (f). */
const FROM = sql`from evaluations e
  join projects p on p.id = e.project_id and p.region_code = e.region_code
  join orgs u on u.id = p.unit_id and u.region_code = p.region_code
  join orgs d on d.id = p.department_id and d.region_code = p.region_code
  join orgs ow on ow.id = e.owner_org_id and ow.region_code = e.region_code
  left join orgs f on f.id = e.firm_id and f.region_code = e.region_code`;

const HEAD = sql`e.id, e.fiscal_year, e.kind, e.status, e.amount::float8 as amount, e.override_points::float8 as override_points,
  e.override_reason, e.updated_at, e.version,
  json_build_object('id', p.id, 'code', p.code, 'name', p.name) as project,
  ${ref("u")} as unit, ${ref("d")} as department, ${ref("ow")} as owner,
  case when f.id is null then null else ${ref("f")} end as firm`;

interface HeadRow {
  id: number;
  fiscal_year: number;
  kind: EvaluationKind;
  status: EvaluationStatus;
  amount: number;
  override_points: number | null;
  override_reason: string | null;
  updated_at: string | Date;
  version: number;
  project: Ref;
  unit: Ref;
  department: Ref;
  owner: Ref;
  firm: Ref | null;
}

const head = (r: HeadRow) => ({
  id: r.id,
  fiscalYear: r.fiscal_year,
  kind: r.kind,
  status: r.status,
  project: r.project,
  unit: r.unit,
  department: r.department,
  owner: r.owner,
  firm: r.firm,
  amount: Number(r.amount),
  overridePoints: r.override_points === null ? null : Number(r.override_points),
  overrideReason: r.override_reason,
  updatedAt: iso(r.updated_at)!,
  version: r.version,
});

const SORTS: Record<EvaluationSort, string> = {
  code: `p.code collate "C"`,
  name: `p.name collate "C"`,
  amount: "e.amount",
  status: "e.status",
  updatedAt: "e.updated_at",
};

/** Totals of the submitted sheets, in hundredths (of the evaluation aliased e); the department scores read them too. */
export const SUBMITTED_TOTALS = sql`coalesce((select json_agg(x.total order by x.total) from (
    select round(sum(s.points) * 100)::int as total from evaluation_members m
    join evaluation_scores s on s.member_id = m.id and s.region_code = m.region_code
    where m.evaluation_id = e.id and m.region_code = e.region_code and m.submitted_at is not null group by m.id) x), '[]')`;

const MEMBERS = sql`coalesce((select json_agg(json_build_object(
    'id', m.id, 'userId', m.user_id, 'isLead', m.is_lead, 'submittedAt', m.submitted_at, 'version', m.version,
    'expert', case when x.id is null then null else json_build_object('id', x.id, 'name', x.name, 'fields', x.fields) end,
    'scores', coalesce((select json_agg(json_build_object('uid', s.uid, 'points', s.points, 'comment', s.comment) order by s.uid)
       from evaluation_scores s where s.member_id = m.id and s.region_code = m.region_code), '[]'))
    order by m.is_lead desc, m.id)
  from evaluation_members m left join experts x on x.id = m.expert_id and x.region_code = m.region_code
  where m.evaluation_id = e.id and m.region_code = e.region_code), '[]')`;

const membersJson = (members: readonly { expertId: number | null; userId: number | null; isLead: boolean }[]) =>
  JSON.stringify(members.map((m) => ({ expertId: m.expertId, userId: m.userId, isLead: m.isLead })));

/** Evaluations, their teams and sheets, coverage reads, conflict ties and the firm's ledger. */
export function evaluationRepo(ex: Executor): EvaluationRepo {
  const insertMembers = (regionCode: string, id: number, members: Parameters<typeof membersJson>[0]) =>
    members.length === 0
      ? Promise.resolve()
      : ex.execute(
          sql`insert into evaluation_members (region_code, evaluation_id, expert_id, user_id, is_lead)
              select ${regionCode}, ${id}, x."expertId", x."userId", x."isLead"
              from jsonb_to_recordset(${membersJson(members)}::jsonb) as x("expertId" int, "userId" int, "isLead" boolean)`,
        );
  return {
    ...evaluationTaskRepo(ex),

    async project(regionCode, projectId) {
      const r = await one<{
        id: number;
        fiscal_year: number;
        code: string;
        name: string;
        adjusted_budget: number;
        unit_id: number;
        unit_path: string;
        department_id: number;
        department_path: string;
      }>(
        ex,
        sql`select p.id, p.fiscal_year, p.code, p.name, p.adjusted_budget::float8 as adjusted_budget, p.unit_id,
                   u.path as unit_path, p.department_id, d.path as department_path
            from projects p join orgs u on u.id = p.unit_id and u.region_code = p.region_code
            join orgs d on d.id = p.department_id and d.region_code = p.region_code
            where p.region_code = ${regionCode} and p.id = ${projectId}`,
      );
      return (
        r && {
          id: r.id,
          fiscalYear: r.fiscal_year,
          code: r.code,
          name: r.name,
          adjustedBudget: Number(r.adjusted_budget),
          unitId: r.unit_id,
          unitPath: r.unit_path,
          departmentId: r.department_id,
          departmentPath: r.department_path,
        }
      );
    },

    async summaryRows(viewer, fiscalYear) {
      const found = await rows<{
        id: number;
        kind: EvaluationKind;
        status: EvaluationStatus;
        amount: number;
        project: { code: string; name: string };
        unit_name: string;
        department_name: string;
        submitted_totals: number[];
        override_points: number | null;
        override_reason: string | null;
      }>(
        ex,
        sql`select e.id, e.kind, e.status, e.amount::float8 as amount, e.override_points::float8 as override_points,
                   e.override_reason, json_build_object('code', p.code, 'name', p.name) as project,
                   u.name as unit_name, d.name as department_name, ${SUBMITTED_TOTALS} as submitted_totals
            ${FROM} where ${evaluationScopeSql(viewer.scope, viewer)} and e.fiscal_year = ${fiscalYear}
            order by e.kind, p.code collate "C", e.id`,
      );
      return found.map((r) => ({
        id: r.id,
        kind: r.kind,
        status: r.status,
        amount: r.amount,
        project: r.project,
        unitName: r.unit_name,
        departmentName: r.department_name,
        submittedTotals: r.submitted_totals,
        overridePoints: r.override_points,
        overrideReason: r.override_reason,
      }));
    },

    async list(viewer, filter, paging) {
      const where = [evaluationScopeSql(viewer.scope, viewer), sql`e.fiscal_year = ${filter.fiscalYear}`];
      if (filter.kind) where.push(sql`e.kind = ${filter.kind}`);
      if (filter.status) where.push(sql`e.status = ${filter.status}`);
      if (filter.departmentId !== undefined) where.push(sql`p.department_id = ${filter.departmentId}`);
      if (filter.q) {
        const like = likeContains(filter.q);
        where.push(
          sql`(p.code like ${like} escape '\\' or p.name like ${like} escape '\\' or u.name like ${like} escape '\\')`,
        );
      }
      const cond = sql.join(where, sql` and `);
      const dir = sql.raw(paging.order === "desc" ? "desc" : "asc");
      const found = await rows<HeadRow & { members: number; submitted_totals: number[] }>(
        ex,
        sql`select ${HEAD},
                   (select count(*)::int from evaluation_members m where m.evaluation_id = e.id and m.region_code = e.region_code) as members,
                   ${SUBMITTED_TOTALS} as submitted_totals
            ${FROM} where ${cond}
            order by ${sql.raw(SORTS[paging.sort])} ${dir}, e.id ${dir}
            limit ${paging.pageSize} offset ${(paging.page - 1) * paging.pageSize}`,
      );
      const count = await one<{ n: number }>(ex, sql`select count(*)::int as n ${FROM} where ${cond}`);
      return {
        total: count?.n ?? 0,
        rows: found.map(
          (r): EvaluationRow => ({ ...head(r), members: r.members, submittedTotals: r.submitted_totals }),
        ),
      };
    },

    async get(viewer, id) {
      const r = await one<
        HeadRow & {
          framework: EvaluationFramework;
          rules_version: string;
          report: Record<string, string>;
          return_note: string | null;
          due_on: string | null;
          finalised_at: string | Date | null;
          created_at: string | Date;
          unit_path: string;
          members: (Omit<MemberRecord, "submittedAt"> & { submittedAt: string | null })[];
        }
      >(
        ex,
        sql`select ${HEAD}, e.framework, e.rules_version, e.report, e.return_note, e.due_on::text as due_on,
                   e.finalised_at, e.created_at, u.path as unit_path, ${MEMBERS} as members
            ${FROM} where ${evaluationScopeSql(viewer.scope, viewer)} and e.id = ${id}`,
      );
      if (!r) return null;
      const record: EvaluationRecord = {
        ...head(r),
        framework: r.framework,
        rulesVersion: r.rules_version,
        report: r.report,
        returnNote: r.return_note,
        dueOn: r.due_on,
        finalisedAt: iso(r.finalised_at),
        createdAt: iso(r.created_at)!,
        unitPath: r.unit_path,
        members: r.members.map((m) => ({
          ...m,
          submittedAt: iso(m.submittedAt),
          scores: m.scores.map((s) => ({ ...s, points: Number(s.points) })),
        })),
      };
      return record;
    },

    async lock(regionCode, id) {
      return one<{ kind: EvaluationKind; status: EvaluationStatus; version: number }>(
        ex,
        sql`select kind, status, version from evaluations where region_code = ${regionCode} and id = ${id} for update`,
      );
    },

    async insert(regionCode, e, members) {
      const r = await one<{ id: number }>(
        ex,
        sql`insert into evaluations (region_code, fiscal_year, kind, project_id, owner_org_id, framework, rules_version,
                                     amount, due_on, created_by)
            values (${regionCode}, ${e.fiscalYear}, ${e.kind}, ${e.projectId}, ${e.ownerOrgId},
                    ${JSON.stringify(e.framework)}::jsonb, ${e.rulesVersion}, ${e.amount}, ${e.dueOn}::date, ${e.createdBy})
            on conflict do nothing returning id`,
      );
      if (!r) return null;
      await insertMembers(regionCode, r.id, members);
      return r.id;
    },

    async setTeam(regionCode, id, version, firmId, members) {
      const r = await one<{ version: number }>(
        ex,
        sql`update evaluations set firm_id = ${firmId}, version = version + 1, updated_at = app_now()
            where region_code = ${regionCode} and id = ${id} and version = ${version} and status = 'draft'
            returning version`,
      );
      if (!r) return null;
      await ex.execute(sql`delete from evaluation_members where region_code = ${regionCode} and evaluation_id = ${id}`);
      await insertMembers(regionCode, id, members);
      return r.version;
    },

    async setStatus(regionCode, id, version, from, to, extra = {}) {
      const r = await one<{ version: number }>(
        ex,
        sql`update evaluations set status = ${to},
                   return_note = ${extra.returnNote === undefined ? sql`return_note` : sql`${extra.returnNote}`},
                   due_on = ${extra.dueOn === undefined ? sql`due_on` : sql`${extra.dueOn}::date`},
                   finalised_at = case when ${to} = 'final' then app_now() else null end,
                   version = version + 1, updated_at = app_now()
            where region_code = ${regionCode} and id = ${id} and version = ${version} and status = ${from}
            returning version`,
      );
      return r?.version ?? null;
    },

    async setOverride(regionCode, id, version, points, reason) {
      const r = await one<{ version: number }>(
        ex,
        sql`update evaluations set override_points = ${points}, override_reason = ${reason},
                   version = version + 1, updated_at = app_now()
            where region_code = ${regionCode} and id = ${id} and version = ${version} and status <> 'final'
            returning version`,
      );
      return r?.version ?? null;
    },

    async saveReport(regionCode, id, version, report) {
      const r = await one<{ version: number }>(
        ex,
        sql`update evaluations set report = ${JSON.stringify(report)}::jsonb, version = version + 1, updated_at = app_now()
            where region_code = ${regionCode} and id = ${id} and version = ${version} returning version`,
      );
      return r?.version ?? null;
    },

    async lockMember(regionCode, memberId) {
      const r = await one<{ evaluation_id: number; submitted_at: string | Date | null; version: number }>(
        ex,
        sql`select evaluation_id, submitted_at, version from evaluation_members
            where region_code = ${regionCode} and id = ${memberId} for update`,
      );
      return r && { evaluationId: r.evaluation_id, submittedAt: iso(r.submitted_at), version: r.version };
    },

    async saveSheet(regionCode, memberId, version, scores) {
      const r = await one<{ version: number }>(
        ex,
        sql`update evaluation_members set version = version + 1, updated_at = app_now()
            where region_code = ${regionCode} and id = ${memberId} and version = ${version} and submitted_at is null
            returning version`,
      );
      if (!r) return null;
      if (scores.length > 0)
        await ex.execute(
          sql`insert into evaluation_scores (region_code, member_id, uid, points, comment)
              select ${regionCode}, ${memberId}, x.uid, x.points, x.comment
              from jsonb_to_recordset(${JSON.stringify(scores)}::jsonb) as x(uid text, points numeric, comment text)
              on conflict (member_id, uid, region_code) do update set points = excluded.points, comment = excluded.comment`,
        );
      return r.version;
    },

    async submitSheet(regionCode, memberId, version) {
      const r = await one<{ version: number }>(
        ex,
        sql`update evaluation_members set submitted_at = app_now(), version = version + 1, updated_at = app_now()
            where region_code = ${regionCode} and id = ${memberId} and version = ${version} and submitted_at is null
            returning version`,
      );
      return r?.version ?? null;
    },

    async reopenSheets(regionCode, evaluationId) {
      await ex.execute(
        sql`update evaluation_members set submitted_at = null, version = version + 1, updated_at = app_now()
            where region_code = ${regionCode} and evaluation_id = ${evaluationId} and submitted_at is not null`,
      );
    },

    async departmentCounts(scope, fiscalYear) {
      if (scope.kind !== "region" && scope.kind !== "subtree") return [];
      const inScope = scope.kind === "subtree" ? pathWithin(sql`o.path`, scope.orgPath) : sql`true`;
      const found = await rows<{
        id: number;
        code: string;
        name: string;
        projects: number;
        evaluations: number;
        finalised: number;
      }>(
        ex,
        sql`select o.id, o.code, o.name,
                   (select count(*)::int from projects p where p.region_code = o.region_code and p.fiscal_year = ${fiscalYear}
                      and p.department_id = o.id) as projects,
                   (select count(*)::int from evaluations e join projects p on p.id = e.project_id and p.region_code = e.region_code
                      where e.region_code = o.region_code and e.fiscal_year = ${fiscalYear} and e.kind = 'department'
                        and p.department_id = o.id) as evaluations,
                   (select count(*)::int from evaluations e join projects p on p.id = e.project_id and p.region_code = e.region_code
                      where e.region_code = o.region_code and e.fiscal_year = ${fiscalYear} and e.kind = 'department'
                        and e.status = 'final' and p.department_id = o.id) as finalised
            from orgs o where o.region_code = ${scope.regionCode} and o.kind = 'department' and ${inScope}
            order by o.code collate "C", o.id`,
      );
      return found.map((r) => ({
        departmentId: r.id,
        departmentCode: r.code,
        departmentName: r.name,
        projects: r.projects,
        evaluations: r.evaluations,
        finalised: r.finalised,
      }));
    },

    async keyHistory(regionCode, fiscalYear, cycleYears) {
      const found = await rows<{ code: string; name: string; adjusted: number; years: number[] }>(
        ex,
        sql`select p.code, p.name, p.adjusted_budget::float8 as adjusted,
                   coalesce((select json_agg(distinct e.fiscal_year) from evaluations e
                      join projects q on q.id = e.project_id and q.region_code = e.region_code
                      where e.region_code = p.region_code and q.code = p.code and e.status = 'final'
                        and e.fiscal_year <= ${fiscalYear} and e.fiscal_year > ${fiscalYear - cycleYears}), '[]') as years
            from projects p where p.region_code = ${regionCode} and p.fiscal_year = ${fiscalYear}
            order by p.adjusted_budget desc, p.code collate "C"`,
      );
      return found.map((r) => ({
        projectCode: r.code,
        name: r.name,
        adjustedFen: Number(r.adjusted),
        evaluatedYears: r.years,
      }));
    },

    async candidateTies(regionCode, fiscalYear, expertIds, firmId) {
      const ids = idArray(expertIds);
      const found = await rows<{
        expert_id: number | null;
        org_path: string;
        kind: CandidateTie["kind"];
        year: number | null;
        what: string;
      }>(
        ex,
        // The own organisation: the one linked, or else one of the region's named exactly as the employer typed.
        sql`select x.id as expert_id, o.path as org_path, 'own' as kind, null::int as year, o.name as what
              from experts x join orgs o on o.region_code = x.region_code
                and (o.id = x.employer_org_id or (x.employer_org_id is null and o.name = btrim(x.employer)
                  and o.kind in ('department', 'unit')))
              where x.region_code = ${regionCode} and x.id = any(${ids})
            union all
            select t.expert_id, o.path, t.kind, t.fiscal_year, o.name || case when t.note <> '' then '，' || t.note else '' end
              from evaluation_ties t join orgs o on o.id = t.org_id and o.region_code = t.region_code
              where t.region_code = ${regionCode}
                and (t.expert_id = any(${ids}) or (t.firm_id = ${firmId ?? 0} and t.expert_id is null))
            union all
            select m.expert_id, u.path, 'evaluated', e.fiscal_year, u.name || '“' || p.name || '”'
              from evaluation_members m
              join evaluations e on e.id = m.evaluation_id and e.region_code = m.region_code
              join projects p on p.id = e.project_id and p.region_code = e.region_code
              join orgs u on u.id = p.unit_id and u.region_code = p.region_code
              where m.region_code = ${regionCode} and m.expert_id = any(${ids}) and e.fiscal_year < ${fiscalYear}
            union all
            select null, u.path, 'evaluated', e.fiscal_year, u.name || '“' || p.name || '”'
              from evaluations e
              join projects p on p.id = e.project_id and p.region_code = e.region_code
              join orgs u on u.id = p.unit_id and u.region_code = p.region_code
              where e.region_code = ${regionCode} and e.firm_id = ${firmId ?? 0} and e.fiscal_year < ${fiscalYear}
            union all
            select null, o.path, 'declared', null, o.name || '：' || c.reason
              from review_conflicts c join orgs o on o.id = c.org_id and o.region_code = c.region_code
              where c.region_code = ${regionCode} and c.firm_id = ${firmId ?? 0} and c.user_id is null`,
      );
      return found.map((r) => ({
        expertId: r.expert_id,
        orgPath: r.org_path,
        kind: r.kind,
        year: r.year,
        what: r.what,
      }));
    },

    async upsertLedger(regionCode, e) {
      await ex.execute(
        sql`insert into firm_ledger (region_code, fiscal_year, firm_id, evaluation_id, on_time, reworks, rating, note, created_by)
            values (${regionCode}, ${e.fiscalYear}, ${e.firmId}, ${e.evaluationId}, ${e.onTime}, ${e.reworks}, ${e.rating},
                    ${e.note}, ${e.createdBy})
            on conflict (evaluation_id, region_code) do update set firm_id = excluded.firm_id, on_time = excluded.on_time,
              reworks = excluded.reworks, rating = excluded.rating, note = excluded.note,
              version = firm_ledger.version + 1, updated_at = app_now()`,
      );
      const [entry] = (await readLedger(ex, regionCode, {})).filter((l) => l.evaluation.id === e.evaluationId);
      return entry!;
    },

    ledger: (regionCode, filter) => readLedger(ex, regionCode, filter),
  };
}

async function readLedger(
  ex: Executor,
  regionCode: string,
  filter: { fiscalYear?: number | undefined; firmId?: number | undefined },
): Promise<LedgerEntry[]> {
  const where = [sql`l.region_code = ${regionCode}`];
  if (filter.fiscalYear !== undefined) where.push(sql`l.fiscal_year = ${filter.fiscalYear}`);
  if (filter.firmId !== undefined) where.push(sql`l.firm_id = ${filter.firmId}`);
  const found = await rows<{
    id: number;
    fiscal_year: number;
    firm: Ref;
    evaluation: LedgerEntry["evaluation"];
    on_time: boolean;
    reworks: number;
    rating: LedgerEntry["rating"];
    note: string;
    updated_at: string | Date;
    version: number;
  }>(
    ex,
    sql`select l.id, l.fiscal_year, ${ref("f")} as firm,
               json_build_object('id', e.id, 'projectCode', p.code, 'projectName', p.name) as evaluation,
               l.on_time, l.reworks, l.rating, l.note, l.updated_at, l.version
        from firm_ledger l
        join orgs f on f.id = l.firm_id and f.region_code = l.region_code
        join evaluations e on e.id = l.evaluation_id and e.region_code = l.region_code
        join projects p on p.id = e.project_id and p.region_code = e.region_code
        where ${sql.join(where, sql` and `)}
        order by f.code collate "C", l.fiscal_year desc, p.code collate "C", l.id`,
  );
  return found.map((r) => ({
    id: r.id,
    fiscalYear: r.fiscal_year,
    firm: r.firm,
    evaluation: r.evaluation,
    onTime: r.on_time,
    reworks: r.reworks,
    rating: r.rating,
    note: r.note,
    updatedAt: iso(r.updated_at)!,
    version: r.version,
  }));
}
