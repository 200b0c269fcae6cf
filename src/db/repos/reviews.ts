import { sql } from "drizzle-orm";
import type { ReviewRepo, StoredReviewDraw } from "../../app/ports";
import type { RollingDrawCandidate } from "../../core/sampling/rolling-draw";
import type { Executor } from "../client";
import { reviewDraws } from "../schema";
import { iso, one, rows } from "./rows";

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

export function reviewRepo(ex: Executor): ReviewRepo {
  return {
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
      const [inserted] = await ex
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
        .returning({ id: reviewDraws.id });
      const id = inserted!.id;
      const codes = draw.result.picks.map((p) => p.code);
      if (codes.length) {
        await ex.execute(sql`
          insert into review_visits (draw_id, department_id)
          select ${id}, d.id from orgs d
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
