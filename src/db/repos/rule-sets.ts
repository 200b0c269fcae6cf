import { sql } from "drizzle-orm";
import type { RuleSetRepo, StoredRuleSet } from "../../app/ports";
import type { Executor } from "../client";
import { iso, one, rows } from "./rows";

interface RuleSetRow {
  id: number;
  fiscal_year: number;
  module: string;
  version: string;
  body: unknown;
  created_at: Date | string;
  created_by_name: string | null;
}

const toRuleSet = (r: RuleSetRow): StoredRuleSet => ({
  id: r.id,
  fiscalYear: r.fiscal_year,
  module: r.module,
  version: r.version,
  body: r.body,
  createdAt: iso(r.created_at)!,
  createdByName: r.created_by_name,
});

const SELECT = sql`select r.id, r.fiscal_year, r.module, r.version, r.body, r.created_at, u.display_name as created_by_name
                   from rule_sets r left join users u on u.id = r.created_by`;

export function ruleSetRepo(ex: Executor): RuleSetRepo {
  return {
    async inEffect(regionCode, fiscalYear, module) {
      // A year without its own rules keeps the latest ones of an earlier year.
      const r = await one<RuleSetRow>(
        ex,
        sql`${SELECT} where r.region_code = ${regionCode} and r.module = ${module} and r.fiscal_year <= ${fiscalYear}
            order by r.fiscal_year desc, r.id desc limit 1`,
      );
      return r ? toRuleSet(r) : null;
    },
    async history(regionCode, fiscalYear, module) {
      const found = await rows<RuleSetRow>(
        ex,
        sql`${SELECT} where r.region_code = ${regionCode} and r.module = ${module} and r.fiscal_year = ${fiscalYear}
            order by r.id desc`,
      );
      return found.map(toRuleSet);
    },
    async insert(regionCode, fiscalYear, module, version, body, createdBy) {
      const r = await one<{ id: number }>(
        ex,
        sql`insert into rule_sets (region_code, fiscal_year, module, version, body, created_by)
            values (${regionCode}, ${fiscalYear}, ${module}, ${version}, ${JSON.stringify(body)}::jsonb, ${createdBy})
            on conflict do nothing returning id`,
      );
      return r?.id ?? null;
    },
  };
}
