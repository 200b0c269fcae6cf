import { type SQL, sql } from "drizzle-orm";
import type {
  ReviewConflict,
  ReviewRecord,
  SelfEvalReviewRepo as ReviewRepo,
  ReviewViewer,
} from "../../../app/selfeval/review-ports";
import type { TaskChange } from "../../../app/tasks/ports";
import type { SelfEvalSubjectKind } from "../../../core/selfeval/form";
import type { ReviewBasis, ReviewStatus } from "../../../core/selfeval/review";
import type { TaskKind, TaskStatus } from "../../../core/tasks/tasks";
import type { Executor } from "../../client";
import { iso, one, rows } from "../rows";
import { likeContains, pathWithin } from "../scope-sql";
import { idArray } from "../tasks/task-sql";
import { FORM_NAME_SQL } from "./selfeval-sql";

/**
 * Reviews (alias r) a viewer may see: finance and the auditor the region's, a reviewer those assigned to them
 * (whatever their firm), a department its own and its units' once confirmed, a unit its own once confirmed.
 */
function viewerSql(v: ReviewViewer): SQL {
  const region = sql`r.region_code = ${v.scope.regionCode}`;
  switch (v.scope.kind) {
    case "region":
      return region;
    case "assigned":
      return v.userId === null ? sql`false` : sql`${region} and r.reviewer_id = ${v.userId}`;
    case "subtree":
      return sql`${region} and r.status = 'confirmed' and ${pathWithin(sql`u.path`, v.scope.orgPath)}`;
    case "own":
      return sql`${region} and r.status = 'confirmed' and f.subject_kind = 'project' and f.unit_id = ${v.scope.orgId}`;
  }
}

/** A review's task status (alias r): assigned → to do, or in progress once scored; then as the review goes. */
const REVIEW_TASK_STATUS_SQL = sql.raw(`(case r.status
  when 'assigned' then case when exists (select 1 from selfeval_review_items i where i.review_id = r.id
    and i.region_code = r.region_code and i.points is not null) then 'in_progress' else 'todo' end
  when 'returned' then 'returned'
  when 'submitted' then 'submitted'
  when 'confirmed' then 'done'
  else 'closed' end)`);

const FROM = sql`from selfeval_reviews r
  join selfeval_forms f on f.id = r.form_id and f.region_code = r.region_code
  left join projects p on p.id = f.project_id and p.region_code = f.region_code
  left join dept_budgets b on b.id = f.dept_budget_id and b.region_code = f.region_code
  join orgs d on d.id = f.department_id and d.region_code = f.region_code
  join orgs u on u.id = f.unit_id and u.region_code = f.region_code
  left join orgs fm on fm.id = r.firm_id and fm.region_code = r.region_code
  left join users ru on ru.id = r.reviewer_id
  left join tasks t on t.region_code = r.region_code and t.object_kind = 'selfeval_review' and t.object_id = r.id`;

interface Row {
  id: number;
  fiscal_year: number;
  form_id: number;
  basis: ReviewBasis;
  subject_kind: SelfEvalSubjectKind;
  code: string;
  name: string;
  dept_id: number;
  dept_code: string;
  dept_name: string;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  unit_path: string;
  dept_path: string;
  budget: number | string;
  firm_id: number | null;
  firm_code: string | null;
  firm_name: string | null;
  reviewer_id: number | null;
  reviewer_name: string | null;
  status: ReviewStatus;
  guidance: string;
  review_note: string | null;
  task_id: number | null;
  task_status: TaskStatus | null;
  assigned_at: Date | string | null;
  submitted_at: Date | string | null;
  confirmed_at: Date | string | null;
  updated_at: Date | string;
  version: number;
}

async function read(ex: Executor, v: ReviewViewer, where: SQL): Promise<ReviewRecord[]> {
  const found = await rows<Row>(
    ex,
    sql`select r.id, r.fiscal_year, r.form_id, r.basis, f.subject_kind, f.subject_code as code, ${FORM_NAME_SQL} as name,
               d.id as dept_id, d.code as dept_code, d.name as dept_name, u.id as unit_id, u.code as unit_code,
               u.name as unit_name, u.path as unit_path, d.path as dept_path, coalesce(f.adjusted_budget, p.adjusted_budget, b.adjusted_budget, 0) as budget,
               fm.id as firm_id, fm.code as firm_code, fm.name as firm_name, ru.id as reviewer_id,
               ru.display_name as reviewer_name, r.status, r.guidance, r.review_note, t.id as task_id,
               t.status as task_status, r.assigned_at, r.submitted_at, r.confirmed_at, r.updated_at, r.version
        ${FROM} where ${viewerSql(v)} and ${where}
        order by d.sort_order, d.code collate "C", (f.subject_kind = 'deptWide') desc, f.subject_code collate "C"`,
  );
  if (found.length === 0) return [];
  const items = await rows<{
    review_id: number;
    uid: string;
    points: number | string | null;
    not_applicable: boolean;
    comment: string | null;
  }>(
    ex,
    sql`select review_id, uid, points, not_applicable, comment from selfeval_review_items
        where region_code = ${v.scope.regionCode} and review_id = any(${idArray(found.map((r) => r.id))}) order by id`,
  );
  const byReview = new Map<number, ReviewRecord["items"]>();
  for (const i of items) {
    const list = byReview.get(i.review_id) ?? [];
    list.push({
      uid: i.uid,
      points: i.points === null ? null : Number(i.points),
      notApplicable: i.not_applicable,
      comment: i.comment,
    });
    byReview.set(i.review_id, list);
  }
  return found.map((r) => ({
    id: r.id,
    fiscalYear: r.fiscal_year,
    formId: r.form_id,
    basis: r.basis,
    subjectKind: r.subject_kind,
    code: r.code,
    name: r.name,
    department: { id: r.dept_id, code: r.dept_code, name: r.dept_name },
    unit: { id: r.unit_id, code: r.unit_code, name: r.unit_name },
    unitPath: r.unit_path,
    departmentPath: r.dept_path,
    budget: Number(r.budget),
    firm: r.firm_id === null ? null : { id: r.firm_id, code: r.firm_code!, name: r.firm_name! },
    reviewer: r.reviewer_id === null ? null : { id: r.reviewer_id, name: r.reviewer_name! },
    status: r.status,
    guidance: r.guidance,
    reviewNote: r.review_note,
    items: byReview.get(r.id) ?? [],
    taskId: r.task_id,
    taskStatus: r.task_status,
    assignedAt: iso(r.assigned_at),
    submittedAt: iso(r.submitted_at),
    confirmedAt: iso(r.confirmed_at),
    updatedAt: iso(r.updated_at)!,
    version: r.version,
  }));
}

/** The declared conflicts (回避) of the region, or of one firm. */
async function readConflicts(ex: Executor, regionCode: string, firmId?: number): Promise<ReviewConflict[]> {
  const found = await rows<{
    id: number;
    firm_id: number;
    firm_code: string;
    firm_name: string;
    user_id: number | null;
    user_name: string | null;
    org_id: number;
    org_code: string;
    org_name: string;
    org_path: string;
    reason: string;
    created_at: Date | string;
  }>(
    ex,
    sql`select c.id, fm.id as firm_id, fm.code as firm_code, fm.name as firm_name, u.id as user_id,
                   u.display_name as user_name, o.id as org_id, o.code as org_code, o.name as org_name, o.path as org_path,
                   c.reason, c.created_at
            from review_conflicts c
            join orgs fm on fm.id = c.firm_id and fm.region_code = c.region_code
            join orgs o on o.id = c.org_id and o.region_code = c.region_code
            left join users u on u.id = c.user_id
            where c.region_code = ${regionCode} ${firmId === undefined ? sql`` : sql`and c.firm_id = ${firmId}`}
            order by c.id`,
  );
  return found.map((c) => ({
    id: c.id,
    firm: { id: c.firm_id, code: c.firm_code, name: c.firm_name },
    reviewer: c.user_id === null ? null : { id: c.user_id, name: c.user_name! },
    org: { id: c.org_id, code: c.org_code, name: c.org_name, path: c.org_path },
    reason: c.reason,
    createdAt: iso(c.created_at)!,
  }));
}

export function selfEvalReviewRepo(ex: Executor): ReviewRepo {
  return {
    population: (regionCode, fiscalYear) =>
      rows(
        ex,
        sql`select f.id as "formId", f.subject_code as code, p.name, d.code as "departmentCode",
                   coalesce(f.adjusted_budget, p.adjusted_budget)::float8 as budget
            from selfeval_forms f
            join projects p on p.id = f.project_id and p.region_code = f.region_code
            join orgs d on d.id = f.department_id and d.region_code = f.region_code
            where f.region_code = ${regionCode} and f.fiscal_year = ${fiscalYear} and f.subject_kind = 'project'
              and f.status = 'approved'
            order by f.subject_code collate "C"`,
      ),

    deptWideForms: (regionCode, fiscalYear) =>
      rows(
        ex,
        sql`select f.id as "formId", f.subject_code as code from selfeval_forms f
            where f.region_code = ${regionCode} and f.fiscal_year = ${fiscalYear} and f.subject_kind = 'deptWide'
              and f.status = 'approved'
            order by f.subject_code collate "C"`,
      ),

    async insertDraw(regionCode, fiscalYear, algorithm, record, createdBy) {
      const r = await one<{ id: number }>(
        ex,
        sql`insert into selfeval_draws (region_code, fiscal_year, algorithm, record, created_by)
            values (${regionCode}, ${fiscalYear}, ${algorithm}, ${JSON.stringify(record)}::jsonb, ${createdBy})
            on conflict do nothing returning id`,
      );
      return r?.id ?? null;
    },

    async draw(regionCode, fiscalYear) {
      const r = await one<{
        id: number;
        fiscal_year: number;
        record: unknown;
        created_at: Date | string;
        name: string | null;
      }>(
        ex,
        sql`select s.id, s.fiscal_year, s.record, s.created_at, u.display_name as name from selfeval_draws s
            left join users u on u.id = s.created_by
            where s.region_code = ${regionCode} and s.fiscal_year = ${fiscalYear}`,
      );
      return (
        r && {
          id: r.id,
          fiscalYear: r.fiscal_year,
          record: r.record,
          createdAt: iso(r.created_at)!,
          createdByName: r.name,
        }
      );
    },

    async insertReviews(regionCode, fiscalYear, entries) {
      if (entries.length === 0) return [];
      const created = await rows<{ id: number }>(
        ex,
        sql`insert into selfeval_reviews (region_code, fiscal_year, form_id, basis)
            select ${regionCode}, ${fiscalYear}, x."formId", x.basis
            from jsonb_to_recordset(${JSON.stringify(entries)}::jsonb) as x("formId" int, basis text)
            on conflict (form_id, region_code) do nothing returning id`,
      );
      return created.map((r) => r.id);
    },

    reviews: (viewer, filter) => {
      const where: SQL[] = [sql`r.fiscal_year = ${filter.fiscalYear}`];
      if (filter.status) where.push(sql`r.status = ${filter.status}`);
      if (filter.basis) where.push(sql`r.basis = ${filter.basis}`);
      if (filter.subjectKind) where.push(sql`f.subject_kind = ${filter.subjectKind}`);
      if (filter.departmentId) where.push(sql`f.department_id = ${filter.departmentId}`);
      if (filter.reviewerId) where.push(sql`r.reviewer_id = ${filter.reviewerId}`);
      if (filter.ids) where.push(sql`r.id = any(${idArray(filter.ids)})`);
      if (filter.q) {
        const like = likeContains(filter.q);
        where.push(sql`(f.subject_code ilike ${like} or ${FORM_NAME_SQL} ilike ${like} or u.name ilike ${like})`);
      }
      return read(ex, viewer, sql.join(where, sql` and `));
    },

    async review(viewer, id) {
      const [found] = await read(ex, viewer, sql`r.id = ${id}`);
      return found ?? null;
    },

    async lock(regionCode, id) {
      const r = await one<{ status: ReviewStatus; reviewer_id: number | null; version: number }>(
        ex,
        sql`select status, reviewer_id, version from selfeval_reviews where region_code = ${regionCode} and id = ${id} for update`,
      );
      return r && { status: r.status, reviewerId: r.reviewer_id, version: r.version };
    },

    lockVersions: (regionCode, ids) =>
      rows<{ id: number; version: number }>(
        ex,
        sql`select id, version from selfeval_reviews where region_code = ${regionCode} and id = any(${idArray(ids)})
            order by id for update`,
      ),

    async assign(regionCode, assignments, dueOn) {
      if (assignments.length === 0) return [];
      const json = JSON.stringify(assignments);
      // Scores are the judgement of the reviewer who gave them: a new reviewer starts from a blank review (the
      // audit log keeps what the former one saved), so nothing of a reviewer who had to stand aside carries over,
      // nor finance's return note to them.
      await ex.execute(
        sql`delete from selfeval_review_items i
            using selfeval_reviews r, jsonb_to_recordset(${json}::jsonb) as x("reviewId" int, "reviewerId" int)
            where i.region_code = ${regionCode} and i.review_id = r.id and r.region_code = ${regionCode}
              and r.id = x."reviewId" and r.status in ('unassigned', 'assigned', 'returned')
              and r.reviewer_id is distinct from x."reviewerId"`,
      );
      await ex.execute(
        sql`update selfeval_reviews r set firm_id = x."firmId", reviewer_id = x."reviewerId", status = 'assigned',
                   guidance = case when r.reviewer_id is distinct from x."reviewerId" then '' else r.guidance end,
                   review_note = case when r.reviewer_id is distinct from x."reviewerId" then null else r.review_note end,
                   assigned_at = app_now(), version = r.version + 1, updated_at = app_now()
            from jsonb_to_recordset(${json}::jsonb) as x("reviewId" int, "firmId" int, "reviewerId" int)
            where r.region_code = ${regionCode} and r.id = x."reviewId" and r.status in ('unassigned', 'assigned', 'returned')`,
      );
      // The task moves with the review: a reassigned item leaves the former reviewer's inbox (a returned one
      // reaches the new reviewer as a task to do, not as a return).
      await ex.execute(
        sql`update tasks t set org_id = x."firmId", owner_user_id = x."reviewerId", due_on = ${dueOn}::date,
                   status = case when t.status = 'returned' then 'todo' else t.status end,
                   version = t.version + 1, updated_at = app_now()
            from jsonb_to_recordset(${json}::jsonb) as x("reviewId" int, "firmId" int, "reviewerId" int)
            where t.region_code = ${regionCode} and t.object_kind = 'selfeval_review' and t.object_id = x."reviewId"`,
      );
      return rows<{ taskId: number; orgId: number; reviewId: number }>(
        ex,
        sql`insert into tasks (region_code, fiscal_year, kind, org_id, owner_user_id, object_kind, object_id, title, due_on, status)
            select r.region_code, r.fiscal_year, 'selfeval_review', r.firm_id, r.reviewer_id, 'selfeval_review', r.id,
                   r.fiscal_year || '年度自评抽查复核：' || ${FORM_NAME_SQL}, ${dueOn}::date, 'todo'
            from selfeval_reviews r
            join selfeval_forms f on f.id = r.form_id and f.region_code = r.region_code
            left join projects p on p.id = f.project_id and p.region_code = f.region_code
            join orgs d on d.id = f.department_id and d.region_code = f.region_code
            where r.region_code = ${regionCode} and r.id = any(${idArray(assignments.map((a) => a.reviewId))})
            on conflict do nothing
            returning id as "taskId", org_id as "orgId", object_id as "reviewId"`,
      );
    },

    async saveScores(regionCode, id, version, input) {
      const r = await one<{ version: number }>(
        ex,
        sql`update selfeval_reviews set guidance = ${input.guidance}, version = version + 1, updated_at = app_now()
            where region_code = ${regionCode} and id = ${id} and version = ${version} and status in ('assigned', 'returned')
            returning version`,
      );
      if (!r) return null;
      await ex.execute(
        sql`insert into selfeval_review_items (region_code, review_id, uid, points, not_applicable, comment)
            select ${regionCode}, ${id}, x.uid, x.points, x."notApplicable", x.comment
            from jsonb_to_recordset(${JSON.stringify(input.items)}::jsonb)
              as x(uid text, points numeric, "notApplicable" boolean, comment text)
            on conflict (review_id, uid, region_code) do update set points = excluded.points,
              not_applicable = excluded.not_applicable, comment = excluded.comment`,
      );
      return r.version;
    },

    async setStatus(regionCode, id, version, status, note) {
      const r = await one<{ version: number }>(
        ex,
        sql`update selfeval_reviews set status = ${status}, review_note = ${note},
                   submitted_at = case when ${status} = 'submitted' then app_now() else submitted_at end,
                   confirmed_at = case when ${status} = 'confirmed' then app_now() else null end,
                   version = version + 1, updated_at = app_now()
            where region_code = ${regionCode} and id = ${id} and version = ${version} returning version`,
      );
      return r?.version ?? null;
    },

    async followReviews(regionCode, ids, at): Promise<TaskChange[]> {
      if (ids.length === 0) return [];
      const changed = await rows<{
        id: number;
        kind: TaskKind;
        org_id: number;
        title: string;
        from_status: TaskStatus;
        to_status: TaskStatus;
      }>(
        ex,
        sql`with next as (
              select t.id, t.status as from_status, ${REVIEW_TASK_STATUS_SQL} as status
              from selfeval_reviews r
              join tasks t on t.region_code = r.region_code and t.object_kind = 'selfeval_review' and t.object_id = r.id
              where r.region_code = ${regionCode} and r.id = any(${idArray(ids)})
              for update of t)
            update tasks t set status = n.status,
                   done_at = case when n.status = 'done' then coalesce(t.done_at, ${at.toISOString()}::timestamptz) end,
                   version = t.version + 1, updated_at = app_now()
            from next n where t.id = n.id and t.region_code = ${regionCode} and t.status <> n.status
            returning t.id, t.kind, t.org_id, t.title, n.from_status, n.status as to_status`,
      );
      return changed.map((r) => ({
        taskId: r.id,
        kind: r.kind,
        orgId: r.org_id,
        title: r.title,
        from: r.from_status,
        to: r.to_status,
      }));
    },

    async firms(regionCode) {
      const found = await rows<{
        id: number;
        code: string;
        name: string;
        reviewers: { id: number; username: string; name: string; active: boolean }[];
      }>(
        ex,
        sql`select o.id, o.code, o.name,
                   coalesce((select json_agg(json_build_object('id', u.id, 'username', u.username, 'name', u.display_name,
                       'active', u.active) order by u.id) from users u where u.org_id = o.id and u.role = 'firm'), '[]') as reviewers
            from orgs o where o.region_code = ${regionCode} and o.kind = 'firm' order by o.code collate "C"`,
      );
      return found;
    },

    conflicts: (regionCode, firmId) => readConflicts(ex, regionCode, firmId),

    async addConflict(regionCode, c) {
      const r = await one<{ id: number }>(
        ex,
        sql`insert into review_conflicts (region_code, firm_id, user_id, org_id, reason, created_by)
            values (${regionCode}, ${c.firmId}, ${c.userId}, ${c.orgId}, ${c.reason}, ${c.createdBy}) returning id`,
      );
      return r!.id;
    },

    async removeConflict(regionCode, id) {
      const [found] = (await readConflicts(ex, regionCode)).filter((c) => c.id === id);
      if (!found) return null;
      await ex.execute(sql`delete from review_conflicts where region_code = ${regionCode} and id = ${id}`);
      return found;
    },
  };
}
