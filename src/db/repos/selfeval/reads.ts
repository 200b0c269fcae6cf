import { type SQL, sql } from "drizzle-orm";
import type { CoverageRow, FormDetail, FormFilter, SelfEvalRepo } from "../../../app/selfeval/ports";
import type { DeskReviewer, DeskStatus } from "../../../core/review/desk-workflow";
import type { Scope } from "../../../core/scope";
import type { ItemAnswers, SelfEvalItem, SelfEvalSubjectKind } from "../../../core/selfeval/form";
import type { QualitativeTier } from "../../../core/selfeval/rules";
import type { TaskStatus } from "../../../core/tasks/tasks";
import type { Executor } from "../../client";
import { iso, rows } from "../rows";
import { likeContains, pathWithin } from "../scope-sql";
import { idArray } from "../tasks/task-sql";
import { toRound } from "./rounds";
import { FIGURES_SQL, FORM_DECLARER_SQL, FORM_NAME_SQL, formScopeSql } from "./selfeval-sql";

/** Forms (f) with their round (ro), subject (p or b), department (d), unit (u), goal table (g) and task (t). */
const FROM = sql`from selfeval_forms f
  join selfeval_rounds ro on ro.id = f.round_id and ro.region_code = f.region_code
  left join projects p on p.id = f.project_id and p.region_code = f.region_code
  left join dept_budgets b on b.id = f.dept_budget_id and b.region_code = f.region_code
  join orgs d on d.id = f.department_id and d.region_code = f.region_code
  join orgs u on u.id = f.unit_id and u.region_code = f.region_code
  join goal_tables g on g.id = f.goal_table_id and g.region_code = f.region_code
  left join tasks t on t.region_code = f.region_code and t.fiscal_year = f.fiscal_year and t.kind = 'selfeval'
    and t.object_kind = 'org' and t.object_id = ${FORM_DECLARER_SQL}`;

interface FormRow {
  id: number;
  fiscal_year: number;
  round_id: number;
  round_due_on: string;
  rules_version: string;
  round_rules_version: string;
  round_status: "open" | "closed";
  round_created_at: Date | string;
  round_version: number;
  subject_kind: SelfEvalSubjectKind;
  code: string;
  name: string;
  dept_id: number;
  dept_code: string;
  dept_name: string;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  goal_table_id: number;
  overall_goal: string;
  status: DeskStatus;
  returned_by: DeskReviewer | null;
  execution_weight: number | string;
  missing_weight: number | string;
  overall_actual: string;
  start_budget: number | string;
  adjusted_budget: number | string;
  executed: number | string;
  task_id: number | null;
  task_status: TaskStatus | null;
  due_on: string | null;
  updated_at: Date | string;
  version: number;
}

/**
 * A form's items as the read returns them: one JSON array per item, in this order, all of a form's items in
 * one value. PGlite decodes every column of every row in JavaScript: a district's 20,000 items read as rows
 * of 18 columns took about four times as long as the same items read as 1,767 JSON values.
 */
type ItemTuple = [
  uid: string,
  level1: string,
  level2: string,
  name: string,
  kind: string,
  operator: ">=" | "<=" | "=" | null,
  target: string,
  unit: string | null,
  weight: number,
  formula: unknown,
  explanation: string | null,
  actual: string | null,
  tier: QualitativeTier | null,
  points: number | null,
  notApplicable: boolean,
  failed: string[] | null,
  note: string | null,
];

function filterSql(scope: Scope, f: FormFilter): SQL {
  const where: SQL[] = [formScopeSql(scope), sql`f.fiscal_year = ${f.fiscalYear}`];
  if (f.departmentId) where.push(sql`f.department_id = ${f.departmentId}`);
  if (f.unitId) where.push(sql`f.unit_id = ${f.unitId}`);
  if (f.subjectKind) where.push(sql`f.subject_kind = ${f.subjectKind}`);
  if (f.status) where.push(sql`f.status = ${f.status}`);
  if (f.ids) where.push(sql`f.id = any(${idArray(f.ids)})`);
  if (f.q) {
    const like = likeContains(f.q);
    where.push(sql`(f.subject_code ilike ${like} or ${FORM_NAME_SQL} ilike ${like} or u.name ilike ${like})`);
  }
  return sql.join(where, sql` and `);
}

async function read(ex: Executor, scope: Scope, where: SQL): Promise<FormDetail[]> {
  // Each form as one JSON value, its items as one more (see ItemTuple): two statements, two values per form.
  const forms = (
    await rows<{ form: FormRow }>(
      ex,
      sql`select row_to_json(x) as form from (
            select f.id, f.fiscal_year, ro.id as round_id, ro.due_on::text as round_due_on, f.rules_version,
                   ro.rules_version as round_rules_version, ro.status as round_status, ro.created_at as round_created_at,
                   ro.version as round_version, f.subject_kind, f.subject_code as code, ${FORM_NAME_SQL} as name,
                   d.id as dept_id, d.code as dept_code, d.name as dept_name, d.sort_order as dept_order,
                   u.id as unit_id, u.code as unit_code, u.name as unit_name, f.goal_table_id, g.overall_goal, f.status,
                   f.returned_by, f.execution_weight, f.missing_weight, f.overall_actual, ${FIGURES_SQL},
                   t.id as task_id, t.status as task_status, t.due_on::text as due_on, f.updated_at, f.version
            ${FROM} where ${where}) x
          order by x.dept_order, x.dept_code collate "C", (x.subject_kind = 'deptWide') desc, x.code collate "C"`,
    )
  ).map((r) => r.form);
  if (forms.length === 0) return [];
  const items = await rows<{ form_id: number; items: ItemTuple[] }>(
    ex,
    sql`select i.form_id, json_agg(json_build_array(i.uid, i.level1, i.level2, i.name, i.kind, i.operator, i.target,
                 i.unit, i.weight, i.formula, i.explanation, i.actual, i.tier, i.points, i.not_applicable, i.failed,
                 i.note) order by i.position) as items
        from selfeval_items i
        where i.region_code = ${scope.regionCode} and i.form_id = any(${idArray(forms.map((f) => f.id))})
        group by i.form_id`,
  );
  const byForm = new Map(items.map((i) => [i.form_id, i.items]));
  return forms.map((f) => toDetail(f, byForm.get(f.id) ?? []));
}

function toDetail(f: FormRow, tuples: ItemTuple[]): FormDetail {
  const items = tuples.map(itemOf);
  return {
    id: f.id,
    round: toRound({
      id: f.round_id,
      fiscal_year: f.fiscal_year,
      due_on: f.round_due_on,
      rules_version: f.round_rules_version,
      status: f.round_status,
      created_at: f.round_created_at,
      version: f.round_version,
    }),
    subjectKind: f.subject_kind,
    code: f.code,
    name: f.name,
    department: { id: f.dept_id, code: f.dept_code, name: f.dept_name },
    unit: { id: f.unit_id, code: f.unit_code, name: f.unit_name },
    goalTableId: f.goal_table_id,
    overallGoal: f.overall_goal,
    status: f.status,
    returnedBy: f.returned_by,
    rulesVersion: f.rules_version,
    executionWeight: Number(f.execution_weight),
    missingWeight: Number(f.missing_weight),
    figures: {
      startBudget: Number(f.start_budget),
      adjustedBudget: Number(f.adjusted_budget),
      executed: Number(f.executed),
    },
    answers: {
      overallActual: f.overall_actual,
      items: items.map((i) => ({ uid: i.item.uid, answers: i.answers })),
    },
    items: items.map((i) => i.item),
    taskId: f.task_id,
    taskStatus: f.task_status,
    dueOn: f.due_on,
    updatedAt: iso(f.updated_at)!,
    version: f.version,
  };
}

/** One item as issued and the unit's answers to it. */
function itemOf(t: ItemTuple): { item: SelfEvalItem; answers: ItemAnswers } {
  const [uid, level1, level2, name, kind, operator, target, unit, weight, formula, explanation, ...answers] = t;
  const [actual, tier, points, notApplicable, failed, note] = answers;
  return {
    item: { uid, level1, level2, name, kind, operator, target, unit, weight: Number(weight), formula, explanation },
    answers: { actual, tier, points: points === null ? null : Number(points), notApplicable, failed, note },
  };
}

type ReadsRepo = Pick<SelfEvalRepo, "detail" | "details" | "coverage">;

export function selfEvalReads(ex: Executor): ReadsRepo {
  return {
    async detail(scope, id) {
      const [found] = await read(ex, scope, sql`${formScopeSql(scope)} and f.id = ${id}`);
      return found ?? null;
    },

    details: (scope, filter) => read(ex, scope, filterSql(scope, filter)),

    async coverage(scope, fiscalYear): Promise<CoverageRow[]> {
      const deptScope =
        scope.kind === "region"
          ? sql`true`
          : scope.kind === "subtree"
            ? pathWithin(sql`d.path`, scope.orgPath)
            : sql`false`;
      const found = await rows<{
        dept_id: number;
        dept_code: string;
        dept_name: string;
        subject_kind: SelfEvalSubjectKind;
        subjects: number;
        budget: number | string;
        forms: number;
        submitted: number;
        submitted_budget: number | string;
        approved: number;
        approved_budget: number | string;
      }>(
        ex,
        sql`with s as (
              select 'project' as subject_kind, p.department_id, p.code, p.adjusted_budget as budget from projects p
              where p.region_code = ${scope.regionCode} and p.fiscal_year = ${fiscalYear}
              union all
              select 'deptWide', b.department_id, d.code, b.adjusted_budget from dept_budgets b
              join orgs d on d.id = b.department_id and d.region_code = b.region_code
              where b.region_code = ${scope.regionCode} and b.fiscal_year = ${fiscalYear})
            select d.id as dept_id, d.code as dept_code, d.name as dept_name, s.subject_kind,
                   count(*)::int as subjects, sum(s.budget) as budget, count(f.id)::int as forms,
                   count(f.id) filter (where f.status <> 'draft' and f.status <> 'returned')::int as submitted,
                   coalesce(sum(s.budget) filter (where f.status <> 'draft' and f.status <> 'returned'), 0) as submitted_budget,
                   count(f.id) filter (where f.status = 'approved')::int as approved,
                   coalesce(sum(s.budget) filter (where f.status = 'approved'), 0) as approved_budget
            from s join orgs d on d.id = s.department_id and d.region_code = ${scope.regionCode}
            left join selfeval_forms f on f.region_code = ${scope.regionCode} and f.fiscal_year = ${fiscalYear}
              and f.subject_kind = s.subject_kind and f.subject_code = s.code
            where ${deptScope}
            group by d.id, d.code, d.name, d.sort_order, s.subject_kind
            order by d.sort_order, d.code collate "C", s.subject_kind desc`,
      );
      return found.map((r) => ({
        department: { id: r.dept_id, code: r.dept_code, name: r.dept_name },
        subjectKind: r.subject_kind,
        subjects: r.subjects,
        budget: Number(r.budget),
        forms: r.forms,
        submitted: r.submitted,
        submittedBudget: Number(r.submitted_budget),
        approved: r.approved,
        approvedBudget: Number(r.approved_budget),
      }));
    },
  };
}
