import { sql } from "drizzle-orm";
import type { SelfEvalRepo } from "../../../app/selfeval/ports";
import type { TaskChange } from "../../../app/tasks/ports";
import type { DeskStatus } from "../../../core/review/desk-workflow";
import type { TaskKind, TaskStatus } from "../../../core/tasks/tasks";
import type { Executor } from "../../client";
import { one, rows } from "../rows";
import { idArray } from "../tasks/task-sql";
import { FORM_DECLARER_SQL, SELFEVAL_TASK_STATUS_SQL } from "./selfeval-sql";

type FormsRepo = Pick<
  SelfEvalRepo,
  "insertForms" | "followForms" | "lockState" | "lockStates" | "saveAnswers" | "setStatus" | "setStatuses"
>;

export function selfEvalFormsRepo(ex: Executor): FormsRepo {
  return {
    async insertForms(regionCode, round, forms) {
      if (forms.length === 0) return [];
      const heads = forms.map((f, n) => ({
        n,
        subjectKind: f.subjectKind,
        projectId: f.subjectKind === "project" ? f.subjectId : null,
        deptBudgetId: f.subjectKind === "deptWide" ? f.subjectId : null,
        code: f.code,
        departmentId: f.departmentId,
        unitId: f.unitId,
        goalTableId: f.goalTableId,
        executionWeight: f.executionWeight,
        missingWeight: f.missingWeight,
      }));
      const inserted = await rows<{ id: number; n: number }>(
        ex,
        sql`with x as (
              select * from jsonb_to_recordset(${JSON.stringify(heads)}::jsonb) as x(n int, "subjectKind" text,
                "projectId" int, "deptBudgetId" int, code text, "departmentId" int, "unitId" int, "goalTableId" int,
                "executionWeight" numeric, "missingWeight" numeric)),
            ins as (
              insert into selfeval_forms (region_code, fiscal_year, round_id, subject_kind, project_id, dept_budget_id,
                department_id, unit_id, subject_code, goal_table_id, rules_version, execution_weight, missing_weight)
              select ${regionCode}, ${round.fiscalYear}, ${round.id}, x."subjectKind", x."projectId", x."deptBudgetId",
                     x."departmentId", x."unitId", x.code, x."goalTableId", ${round.rulesVersion}, x."executionWeight",
                     x."missingWeight"
              from x order by x.n
              on conflict (region_code, fiscal_year, subject_kind, subject_code) do nothing
              returning id, subject_kind, subject_code)
            select ins.id, x.n from ins join x on x."subjectKind" = ins.subject_kind and x.code = ins.subject_code`,
      );
      const idOf = new Map(inserted.map((r) => [r.n, r.id]));
      const items = forms.flatMap((f, n) => {
        const formId = idOf.get(n);
        if (formId === undefined) return [];
        return f.items.map((i, position) => ({ formId, position, ...i, formula: i.formula ?? null }));
      });
      if (items.length > 0)
        await ex.execute(
          sql`insert into selfeval_items (region_code, form_id, position, uid, level1, level2, name, kind, operator,
                target, unit, weight, formula, explanation)
              select ${regionCode}, x."formId", x.position, x.uid, x.level1, x.level2, x.name, x.kind, x.operator,
                     x.target, x.unit, x.weight, x.formula, x.explanation
              from jsonb_to_recordset(${JSON.stringify(items)}::jsonb) as x("formId" int, position int, uid text,
                level1 text, level2 text, name text, kind text, operator text, target text, unit text, weight numeric,
                formula jsonb, explanation text)`,
        );
      return inserted.map((r) => r.id);
    },

    async followForms(regionCode, formIds, at): Promise<TaskChange[]> {
      if (formIds.length === 0) return [];
      // The tasks are locked in id order: two batches over forms of the same organisations wait, never deadlock.
      const changed = await rows<{
        id: number;
        kind: TaskKind;
        org_id: number;
        title: string;
        from_status: TaskStatus;
        to_status: TaskStatus;
      }>(
        ex,
        sql`with owners as (
              select distinct f.fiscal_year, ${FORM_DECLARER_SQL} as org_id from selfeval_forms f
              where f.region_code = ${regionCode} and f.id = any(${idArray(formIds)})),
            next as (
              select t.id, t.status as from_status,
                     (select ${SELFEVAL_TASK_STATUS_SQL} from selfeval_forms f
                      where f.region_code = ${regionCode} and f.fiscal_year = o.fiscal_year
                        and ${FORM_DECLARER_SQL} = o.org_id) as status
              from owners o
              join tasks t on t.region_code = ${regionCode} and t.fiscal_year = o.fiscal_year and t.kind = 'selfeval'
                and t.object_kind = 'org' and t.object_id = o.org_id
              order by t.id for update of t)
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

    async lockState(regionCode, id) {
      const r = await one<{ status: DeskStatus; returned_by: "department" | "finance" | null; version: number }>(
        ex,
        sql`select status, returned_by, version from selfeval_forms where region_code = ${regionCode} and id = ${id}
            for update`,
      );
      return r && { status: r.status, returnedBy: r.returned_by, version: r.version };
    },

    async lockStates(regionCode, ids) {
      if (ids.length === 0) return new Map();
      const found = await rows<{
        id: number;
        status: DeskStatus;
        returned_by: "department" | "finance" | null;
        version: number;
      }>(
        ex,
        sql`select id, status, returned_by, version from selfeval_forms
            where region_code = ${regionCode} and id = any(${idArray(ids)})
            order by id for update`,
      );
      return new Map(found.map((r) => [r.id, { status: r.status, returnedBy: r.returned_by, version: r.version }]));
    },

    async saveAnswers(regionCode, id, version, answers) {
      const r = await one<{ version: number }>(
        ex,
        sql`update selfeval_forms set overall_actual = ${answers.overallActual}, version = version + 1,
                   updated_at = app_now()
            where region_code = ${regionCode} and id = ${id} and version = ${version} and status in ('draft', 'returned')
            returning version`,
      );
      if (!r) return null;
      const items = answers.items.map((i) => ({ uid: i.uid, ...i.answers }));
      await ex.execute(
        sql`update selfeval_items i set actual = x.actual, tier = x.tier, points = x.points,
                   not_applicable = x."notApplicable", failed = x.failed, note = x.note
            from jsonb_to_recordset(${JSON.stringify(items)}::jsonb)
              as x(uid text, actual text, tier text, points numeric, "notApplicable" boolean, failed jsonb, note text)
            where i.region_code = ${regionCode} and i.form_id = ${id} and i.uid = x.uid`,
      );
      return r.version;
    },

    async setStatuses(regionCode, changes) {
      if (changes.length === 0) return new Map();
      const data = changes.map((c) => ({
        id: c.id,
        version: c.version,
        status: c.next.status,
        returned_by: c.next.returnedBy,
        start_budget: c.figures?.startBudget ?? null,
        adjusted_budget: c.figures?.adjustedBudget ?? null,
        executed: c.figures?.executed ?? null,
      }));
      const updated = await rows<{ id: number; version: number }>(
        ex,
        sql`update selfeval_forms f set status = x.status, returned_by = x.returned_by, start_budget = x.start_budget,
                   adjusted_budget = x.adjusted_budget, executed = x.executed, version = f.version + 1,
                   updated_at = app_now()
            from jsonb_to_recordset(${JSON.stringify(data)}::jsonb)
              as x(id int, version int, status text, returned_by text, start_budget bigint, adjusted_budget bigint,
                   executed bigint)
            where f.region_code = ${regionCode} and f.id = x.id and f.version = x.version
            returning f.id, f.version`,
      );
      return new Map(updated.map((r) => [r.id, r.version]));
    },

    async setStatus(regionCode, id, version, next, figures) {
      const r = await one<{ version: number }>(
        ex,
        sql`update selfeval_forms set status = ${next.status}, returned_by = ${next.returnedBy},
                   start_budget = ${figures?.startBudget ?? null}, adjusted_budget = ${figures?.adjustedBudget ?? null},
                   executed = ${figures?.executed ?? null}, version = version + 1, updated_at = app_now()
            where region_code = ${regionCode} and id = ${id} and version = ${version}
            returning version`,
      );
      return r?.version ?? null;
    },
  };
}
