import { sql } from "drizzle-orm";
import type { PlanRepo, StoredPlan } from "../../../app/plan/ports";
import type { Phase, PlanPhase } from "../../../core/plan/phases";
import { inPhaseOrder } from "../../../core/plan/validate-plan";
import type { Executor } from "../../client";
import { iso, one, rows } from "../rows";

interface PlanRow {
  id: number;
  fiscal_year: number;
  version: number;
  updated_at: Date | string;
}
interface PhaseRow {
  phase: Phase;
  starts_on: string;
  ends_on: string;
  due_on: string | null;
  opened_at: Date | string | null;
}

/** Phases as `jsonb` rows for one set-based statement. */
const phaseJson = (phases: readonly PlanPhase[]) =>
  JSON.stringify(phases.map((p) => ({ phase: p.phase, starts_on: p.startsOn, ends_on: p.endsOn })));

export function workPlanRepo(ex: Executor): PlanRepo {
  return {
    async get(regionCode, fiscalYear) {
      const plan = await one<PlanRow>(
        ex,
        sql`select id, fiscal_year, version, updated_at from work_plans
            where region_code = ${regionCode} and fiscal_year = ${fiscalYear}`,
      );
      if (!plan) return null;
      const phases = await rows<PhaseRow>(
        ex,
        sql`select phase, starts_on::text as starts_on, ends_on::text as ends_on, due_on::text as due_on, opened_at
            from plan_phases where plan_id = ${plan.id} and region_code = ${regionCode}`,
      );
      return {
        id: plan.id,
        fiscalYear: plan.fiscal_year,
        version: plan.version,
        updatedAt: iso(plan.updated_at)!,
        phases: inPhaseOrder(
          phases.map((p) => ({
            phase: p.phase,
            startsOn: p.starts_on,
            endsOn: p.ends_on,
            dueOn: p.due_on,
            openedAt: iso(p.opened_at),
          })),
        ),
      } satisfies StoredPlan;
    },

    async insert(regionCode, fiscalYear, phases) {
      const created = await one<{ id: number }>(
        ex,
        sql`insert into work_plans (region_code, fiscal_year) values (${regionCode}, ${fiscalYear})
            on conflict (region_code, fiscal_year) do nothing returning id`,
      );
      if (!created) return null;
      await ex.execute(
        sql`insert into plan_phases (region_code, plan_id, phase, starts_on, ends_on)
            select ${regionCode}, ${created.id}, x.phase, x.starts_on::date, x.ends_on::date
            from jsonb_to_recordset(${phaseJson(phases)}::jsonb) as x(phase text, starts_on text, ends_on text)`,
      );
      return this.get(regionCode, fiscalYear);
    },

    async update(regionCode, planId, version, phases) {
      const bumped = await one<{ version: number }>(
        ex,
        sql`update work_plans set version = version + 1, updated_at = app_now()
            where id = ${planId} and region_code = ${regionCode} and version = ${version} returning version`,
      );
      if (!bumped) return null;
      await ex.execute(
        sql`update plan_phases p set starts_on = x.starts_on::date, ends_on = x.ends_on::date
            from jsonb_to_recordset(${phaseJson(phases)}::jsonb) as x(phase text, starts_on text, ends_on text)
            where p.plan_id = ${planId} and p.region_code = ${regionCode} and p.phase = x.phase`,
      );
      return bumped.version;
    },

    async markOpened(regionCode, planId, phase, dueOn, at, by) {
      await ex.execute(
        sql`update plan_phases set due_on = ${dueOn}::date, opened_at = coalesce(opened_at, ${at.toISOString()}::timestamptz),
              opened_by = coalesce(opened_by, ${by})
            where plan_id = ${planId} and region_code = ${regionCode} and phase = ${phase}`,
      );
      await ex.execute(
        sql`update work_plans set version = version + 1, updated_at = app_now()
            where id = ${planId} and region_code = ${regionCode}`,
      );
    },

    async budgetCounts(regionCode, fiscalYear) {
      const r = await one<{ projects: number; dept_budgets: number }>(
        ex,
        sql`select (select count(*) from projects where region_code = ${regionCode} and fiscal_year = ${fiscalYear})::int as projects,
                   (select count(*) from dept_budgets where region_code = ${regionCode} and fiscal_year = ${fiscalYear})::int as dept_budgets`,
      );
      return { projects: r?.projects ?? 0, deptBudgets: r?.dept_budgets ?? 0 };
    },
  };
}
