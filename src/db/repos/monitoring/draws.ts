import { sql } from "drizzle-orm";
import type { MonitoringRepo } from "../../../app/monitoring/ports";
import type { KeyDrawResult } from "../../../core/sampling/key-draw";
import type { Executor } from "../../client";
import { iso, one } from "../rows";

/** Key-monitoring draws: the whole record (algorithm, params, population, result) kept for replay. */
export function monitoringDrawsRepo(ex: Executor): Pick<MonitoringRepo, "insertDraw" | "draw"> {
  return {
    async insertDraw(regionCode, roundId, record, createdBy) {
      const { algorithm, params, population, ...result } = record;
      const r = await one<{ id: number }>(
        ex,
        sql`insert into monitoring_draws (region_code, round_id, algorithm, params, population, result, created_by)
            values (${regionCode}, ${roundId}, ${algorithm}, ${JSON.stringify(params)}::jsonb,
                    ${JSON.stringify(population)}::jsonb, ${JSON.stringify(result)}::jsonb, ${createdBy})
            on conflict do nothing returning id`,
      );
      return r?.id ?? null;
    },
    async draw(regionCode, roundId) {
      const r = await one<{
        id: number;
        round_id: number;
        algorithm: string;
        params: KeyDrawResult["params"];
        population: KeyDrawResult["population"];
        result: Omit<KeyDrawResult, "algorithm" | "params" | "population">;
        created_at: Date | string;
        created_by_name: string | null;
      }>(
        ex,
        sql`select d.id, d.round_id, d.algorithm, d.params, d.population, d.result, d.created_at,
                   u.display_name as created_by_name
            from monitoring_draws d left join users u on u.id = d.created_by
            where d.region_code = ${regionCode} and d.round_id = ${roundId}`,
      );
      if (!r) return null;
      return {
        id: r.id,
        roundId: r.round_id,
        record: { ...r.result, algorithm: r.algorithm, params: r.params, population: r.population },
        createdAt: iso(r.created_at)!,
        createdByName: r.created_by_name,
      };
    },
  };
}
