import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { selfEvalRulesFor } from "../../app/selfeval/selfeval-rules";
import { DEFAULT_SELFEVAL_RULES, SELFEVAL_RULES_MODULE, type SelfEvalRules } from "../../core/selfeval/rules";
import { loadConfig } from "../../server/config";
import { openRuntime, resolveRegion } from "../runtime";

/**
 * The self-evaluation rules a check uses, per fiscal year: the region's rules from the database when
 * there is one (DATABASE_URL, or an embedded data dir that exists), else the built-in defaults. The
 * check never creates a data dir; when the embedded one is held by a running server, the defaults are
 * used and the reason is said.
 */
export interface RulesInUse {
  fiscalYear: number | null;
  rules: SelfEvalRules;
  source: "database" | "default";
  /** How the rules were chosen, in Chinese, for the output. */
  text: string;
}

const defaults = (fiscalYear: number | null, why: string): RulesInUse => ({
  fiscalYear,
  rules: DEFAULT_SELFEVAL_RULES,
  source: "default",
  text: `内置默认评分规则 ${DEFAULT_SELFEVAL_RULES.version} 版（${why}）`,
});

export async function rulesForYears(years: readonly (number | null)[], region?: string): Promise<RulesInUse[]> {
  const config = loadConfig();
  const known = years.filter((y): y is number => y !== null);
  const unknown = years.includes(null) ? [defaults(null, "表中未写年度，可用 --year 指定")] : [];
  if (known.length === 0) return unknown;
  if (!config.databaseUrl && !existsSync(join(resolve(config.dataDir), "PG_VERSION")))
    return [...known.map((y) => defaults(y, "没有数据库")), ...unknown];
  let rt: Awaited<ReturnType<typeof openRuntime>>;
  try {
    rt = await openRuntime();
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return [...known.map((y) => defaults(y, `无法打开数据库：${why}`)), ...unknown];
  }
  try {
    const regions = await rt.deps.uow.read.orgs.listRegions();
    if (regions.length === 0) return [...known.map((y) => defaults(y, "数据库中还没有区划")), ...unknown];
    const code = await resolveRegion(rt, region);
    const repos = rt.deps.uow.read;
    const out: RulesInUse[] = [];
    for (const y of known) {
      const stored = await repos.ruleSets.inEffect(code, y, SELFEVAL_RULES_MODULE);
      if (!stored) {
        out.push(defaults(y, `区划 ${code} 未设${y}年度及以前的自评规则`));
        continue;
      }
      const rules = await selfEvalRulesFor(repos, code, y);
      const of = stored.fiscalYear === y ? `${y}年度` : `${stored.fiscalYear}年度（沿用到${y}年度）`;
      out.push({ fiscalYear: y, rules, source: "database", text: `区划 ${code} ${of}自评规则 ${rules.version} 版` });
    }
    return [...out, ...unknown];
  } finally {
    await rt.close();
  }
}
