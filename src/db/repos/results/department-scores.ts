import type {
  DepartmentShare,
  DeptScoreRepo,
  FinalEvaluationScores,
  ScoredDepartment,
} from "../../../app/results/ports";
import type { EvaluationKind } from "../../../core/evaluations/workflow";
import type { Executor } from "../../client";
import { SUBMITTED_TOTALS } from "../evaluations";
import { rows, sql } from "../rows";

/**
 * The department (alias d) of an owning organisation (alias o): a unit's parent, a department itself. Anything
 * else (the bureau, a firm) has none: the join to d requires kind department.
 */
const DEPARTMENT_OF = sql`join orgs d on d.id = case when o.kind = 'unit' then o.parent_id else o.id end
  and d.region_code = o.region_code and d.kind = 'department'`;

interface ShareRow {
  department_id: number;
  part: number;
  whole: number;
  not_yet_due: number;
}
const share = (r: ShareRow): DepartmentShare => ({
  departmentId: r.department_id,
  part: r.part,
  whole: r.whole,
  notYetDue: r.not_yet_due,
});

/** The components of the department score (部门绩效考核), one set-based statement each. */
export function deptScoreRepo(ex: Executor): DeptScoreRepo {
  return {
    async departments(regionCode): Promise<ScoredDepartment[]> {
      return rows<ScoredDepartment>(
        ex,
        sql`select o.id, o.code, o.name, o.path from orgs o
            where o.region_code = ${regionCode} and o.kind = 'department'
            order by o.sort_order, o.code collate "C", o.id`,
      );
    },

    async finalEvaluations(regionCode, fiscalYear): Promise<FinalEvaluationScores[]> {
      const found = await rows<{
        department_id: number;
        kind: EvaluationKind;
        submitted_totals: number[];
        override_points: number | null;
        override_reason: string | null;
      }>(
        ex,
        sql`select p.department_id, e.kind, ${SUBMITTED_TOTALS} as submitted_totals,
                   e.override_points::float8 as override_points, e.override_reason
            from evaluations e join projects p on p.id = e.project_id and p.region_code = e.region_code
            where e.region_code = ${regionCode} and e.fiscal_year = ${fiscalYear} and e.status = 'final'
            order by p.department_id, e.kind, e.id`,
      );
      return found.map((r) => ({
        departmentId: r.department_id,
        kind: r.kind,
        submittedTotals: r.submitted_totals,
        overridePoints: r.override_points === null ? null : Number(r.override_points),
        overrideReason: r.override_reason,
      }));
    },

    async rectificationShares(regionCode, fiscalYear, today) {
      // Overdue from the day after the deadline (core/evaluations/rectification.ts): an item within its
      // deadline and not yet accepted is not counted either way.
      const found = await rows<ShareRow>(
        ex,
        sql`select d.id as department_id,
                   count(*) filter (where i.status = 'accepted')::int as part,
                   count(*) filter (where i.status = 'accepted' or i.deadline < ${today}::date)::int as whole,
                   count(*) filter (where i.status <> 'accepted' and i.deadline >= ${today}::date)::int as not_yet_due
            from rectification_items i
            join rectification_notices n on n.id = i.notice_id and n.region_code = i.region_code
            join orgs o on o.id = n.unit_id and o.region_code = n.region_code
            ${DEPARTMENT_OF}
            where n.region_code = ${regionCode} and n.fiscal_year = ${fiscalYear}
            group by d.id`,
      );
      return found.map(share);
    },

    async timelinessShares(regionCode, fiscalYear, today) {
      // On time: handed in (submitted, or done) and the day it was handed in (China) is not after the due day;
      // finance taking its time to approve does not count against the owner. Counted: handed in, or open past
      // the due day (the due day itself has not passed). A closed task (nothing left to do) and the result
      // notices (预算调整告知, which the score itself drives) never count.
      const found = await rows<ShareRow>(
        ex,
        sql`select d.id as department_id,
                   count(*) filter (where t.status in ('submitted','done')
                     and (coalesce(t.submitted_at, t.done_at) at time zone 'Asia/Shanghai')::date <= t.due_on)::int as part,
                   count(*) filter (where t.status in ('submitted','done') or t.due_on < ${today}::date)::int as whole,
                   count(*) filter (where t.status not in ('submitted','done') and t.due_on >= ${today}::date)::int
                     as not_yet_due
            from tasks t
            join orgs o on o.id = t.org_id and o.region_code = t.region_code
            ${DEPARTMENT_OF}
            where t.region_code = ${regionCode} and t.fiscal_year = ${fiscalYear}
              and t.status <> 'closed' and t.kind <> 'result_adjustment'
            group by d.id`,
      );
      return found.map(share);
    },
  };
}
