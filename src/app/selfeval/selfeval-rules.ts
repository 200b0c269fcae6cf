import { DEFAULT_SELFEVAL_RULES, SELFEVAL_RULES_MODULE, type SelfEvalRules } from "../../core/selfeval/rules";
import type { Repos } from "../ports";

/**
 * The self-evaluation rules in effect for a region's year: the year's latest version, an earlier year's,
 * or the defaults (domain.md §5). A stored body lacking a part added later takes that part's default.
 */
export async function selfEvalRulesFor(
  repos: Pick<Repos, "ruleSets">,
  regionCode: string,
  fiscalYear: number,
): Promise<SelfEvalRules> {
  const stored = await repos.ruleSets.inEffect(regionCode, fiscalYear, SELFEVAL_RULES_MODULE);
  if (!stored) return DEFAULT_SELFEVAL_RULES;
  const { note: _note, ...body } = stored.body as Partial<SelfEvalRules> & { note?: string };
  return { ...DEFAULT_SELFEVAL_RULES, ...body, version: stored.version };
}
