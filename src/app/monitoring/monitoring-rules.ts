import { DEFAULT_MONITORING_RULES, MONITORING_RULES_MODULE, type MonitoringRules } from "../../core/monitoring/types";
import type { Repos } from "../ports";

/** The monitoring rules in effect for a region's year: the year's latest version, an earlier year's, or the defaults. */
export async function monitoringRulesFor(
  repos: Repos,
  regionCode: string,
  fiscalYear: number,
): Promise<MonitoringRules> {
  const stored = await repos.ruleSets.inEffect(regionCode, fiscalYear, MONITORING_RULES_MODULE);
  if (!stored) return DEFAULT_MONITORING_RULES;
  const body = stored.body as Omit<MonitoringRules, "version">;
  return {
    version: stored.version,
    redGapPoints: body.redGapPoints,
    possibleMakesYellow: body.possibleMakesYellow,
    causeCategories: body.causeCategories,
  };
}
