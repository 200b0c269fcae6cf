import { sql } from "drizzle-orm";
import type { ReviewRepo, ReviewVisit, StoredReviewDraw } from "../../../app/goals/ports";
import { drawExists, type RollingDrawCandidate } from "../../../core/sampling/rolling-draw";
import type { Executor } from "../../client";
import { uniqueOr } from "../../errors";
import { reviewDraws } from "../../schema";
import { iso, one, rows } from "../rows";

interface DrawRow {
  id: number;
  fiscal_year: number;
  algorithm: string;
  params: StoredReviewDraw["params"];
  population: StoredReviewDraw["population"];
  result: StoredReviewDraw["result"];
  created_at: Date | string;
}

const toDraw = (r: DrawRow): StoredReviewDraw => ({
  id: r.id,
  fiscalYear: r.fiscal_year,
  algorithm: r.algorithm,
  params: r.params,
  population: r.population,
  result: r.result,
  createdAt: iso(r.created_at)!,
});

interface VisitRow {
  id: number;
  draw_id: number;
  fiscal_year: number;
  department_id: number;
  department_code: string;
  department_name: string;
  reviewed_on: string | null;
  findings: string;
  guidance: string;
  version: number;
  tables: ReviewVisit["tables"] | null;
}

const VISIT_SELECT = sql`
  select v.id, v.draw_id, r.fiscal_year, d.id as department_id, d.code as department_code, d.name as department_name,
         v.reviewed_on, v.findings, v.guidance, v.version,
         (select json_agg(json_build_object('goalTableId', g.id, 'subjectCode', g.subject_code,
                                            'subjectName', coalesce(p.name, gd.name), 'status', g.status,
                                            'revision', g.revision, 'actedOn', t.acted_on, 'note', t.note)
                          order by g.subject_code collate "C", g.revision)
          from review_visit_tables t
          join goal_tables g on g.id = t.goal_table_id and g.region_code = t.region_code
          join orgs gd on gd.id = g.department_id
          left join projects p on p.id = g.project_id
          where t.visit_id = v.id and t.region_code = v.region_code) as tables
  from review_visits v join review_draws r on r.id = v.draw_id join orgs d on d.id = v.department_id`;

const toVisit = (r: VisitRow): ReviewVisit => ({
  id: r.id,
  drawId: r.draw_id,
  fiscalYear: r.fiscal_year,
  department: { id: r.department_id, code: r.department_code, name: r.department_name },
  reviewedOn: r.reviewed_on,
  findings: r.findings,
  guidance: r.guidance,
  version: r.version,
  tables: r.tables ?? [],
});

export function reviewRepo(ex: Executor): ReviewRepo {
  return {
    async visits(regionCode, drawId) {
      const found = await rows<VisitRow>(
        ex,
        sql`${VISIT_SELECT} where r.region_code = ${regionCode} and v.draw_id = ${drawId} order by d.code collate "C"`,
      );
      return found.map(toVisit);
    },
    async visit(regionCode, id) {
      const r = await one<VisitRow>(ex, sql`${VISIT_SELECT} where r.region_code = ${regionCode} and v.id = ${id}`);
      return r ? toVisit(r) : null;
    },
    async updateVisit(id, version, patch) {
      const r = await one<{ version: number }>(
        ex,
        sql`update review_visits set reviewed_on = ${patch.reviewedOn}, findings = ${patch.findings},
                   guidance = ${patch.guidance}, version = version + 1, updated_at = app_now()
            where id = ${id} and version = ${version} returning version`,
      );
      return r?.version ?? null;
    },
    async linkTable(visitId, goalTableId, actedOn, note) {
      await ex.execute(sql`
        insert into review_visit_tables (region_code, visit_id, goal_table_id, acted_on, note)
        select v.region_code, v.id, ${goalTableId}, ${actedOn}, ${note} from review_visits v where v.id = ${visitId}
        on conflict (visit_id, goal_table_id, region_code) do update set acted_on = excluded.acted_on, note = excluded.note`);
    },
    async unlinkTable(regionCode, visitId, goalTableId) {
      const r = await one<{ acted_on: boolean; note: string | null }>(
        ex,
        sql`delete from review_visit_tables
            where region_code = ${regionCode} and visit_id = ${visitId} and goal_table_id = ${goalTableId}
            returning acted_on, note`,
      );
      return r ? { actedOn: r.acted_on, note: r.note } : null;
    },
    async population(regionCode) {
      const found = await rows<{ code: string; name: string; years: number[] | null }>(
        ex,
        sql`select d.code, d.name,
                   array_agg(distinct r.fiscal_year order by r.fiscal_year) filter (where r.id is not null) as years
            from orgs d
            left join review_visits v on v.department_id = d.id
            left join review_draws r on r.id = v.draw_id
            where d.region_code = ${regionCode} and d.kind = 'department'
            group by d.code, d.name order by d.code collate "C"`,
      );
      return found.map((r): RollingDrawCandidate => ({ code: r.code, name: r.name, reviewedYears: r.years ?? [] }));
    },
    async insertDraw(regionCode, draw, actorId) {
      const [inserted] = await uniqueOr(
        "review_draws_year_uq",
        () => drawExists(draw.fiscalYear),
        () =>
          ex
            .insert(reviewDraws)
            .values({
              regionCode,
              fiscalYear: draw.fiscalYear,
              algorithm: draw.algorithm,
              params: draw.params,
              population: draw.population,
              result: draw.result,
              createdBy: actorId,
            })
            .returning({ id: reviewDraws.id }),
      );
      const id = inserted!.id;
      const codes = draw.result.picks.map((p) => p.code);
      if (codes.length) {
        await ex.execute(sql`
          insert into review_visits (region_code, draw_id, department_id)
          select d.region_code, ${id}, d.id from orgs d
          where d.region_code = ${regionCode} and d.code in (${sql.join(
            codes.map((c) => sql`${c}`),
            sql`, `,
          )})`);
      }
      return id;
    },
    async draws(regionCode, fiscalYear) {
      const found = await rows<DrawRow>(
        ex,
        sql`select * from review_draws where region_code = ${regionCode}
            ${fiscalYear === undefined ? sql`` : sql`and fiscal_year = ${fiscalYear}`}
            order by fiscal_year desc, id desc`,
      );
      return found.map(toDraw);
    },
    async draw(regionCode, id) {
      const r = await one<DrawRow>(
        ex,
        sql`select * from review_draws where region_code = ${regionCode} and id = ${id}`,
      );
      return r ? toDraw(r) : null;
    },
  };
}
