import { PUBLICATION_KIND_LABELS, type PublicationKind } from "../../../core/disclosure/types";
import { AppError } from "../../../core/errors";
import { annualReport } from "./annual-report";
import { evaluationResults } from "./evaluation-results";
import { goalTables } from "./goal-tables";
import type { PublicationKindDef } from "./kind";
import { selfEvalResults } from "./selfeval-results";

export type { KindInput, PublicationKindDef } from "./kind";
export { rebuildCheck } from "./kind";

/**
 * The kinds that can be prepared. A kind not listed here (the annual report, until its module registers
 * `kinds/annual-report.ts` with one line below) is refused with 400 PUBLICATION_KIND_UNAVAILABLE.
 */
export const PUBLICATION_KIND_DEFS: Partial<Record<PublicationKind, PublicationKindDef>> = {
  goal_tables: goalTables,
  selfeval_results: selfEvalResults,
  evaluation_results: evaluationResults,
  annual_report: annualReport,
};

export function kindDef(kind: PublicationKind): PublicationKindDef {
  const def = PUBLICATION_KIND_DEFS[kind];
  if (!def)
    throw new AppError(
      "validation",
      "PUBLICATION_KIND_UNAVAILABLE",
      `“${PUBLICATION_KIND_LABELS[kind]}”尚不能由系统生成公开稿`,
      { field: "kind", kind },
    );
  return def;
}
