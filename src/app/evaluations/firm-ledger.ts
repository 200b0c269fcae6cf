import { AppError } from "../../core/errors";
import type { FirmRating } from "../../core/evaluations/list";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import type { LedgerEntry } from "./ports";
import { readEvaluation } from "./read-evaluation";

/** Finance records a firm's work on a key evaluation (第三方机构履职台账): on time, reworks, the report's rating. */
export async function recordFirmWork(
  deps: Deps,
  actor: Actor,
  evaluationId: number,
  input: { onTime: boolean; reworks: number; rating: FirmRating; note: string },
) {
  authorize(actor, "evaluation.manage");
  return deps.uow.transaction(async (repos) => {
    const e = await readEvaluation(repos, actor, evaluationId);
    if (e.kind !== "key" || e.firm === null)
      throw new AppError("validation", "EVALUATION_LEDGER_INVALID", "只有委托第三方机构的财政重点评价才记入履职台账", {
        field: "evaluationId",
      });
    const before = (await repos.evaluations.ledger(actor.regionCode, { firmId: e.firm.id })).find(
      (l) => l.evaluation.id === evaluationId,
    );
    const entry = await repos.evaluations.upsertLedger(actor.regionCode, {
      fiscalYear: e.fiscalYear,
      firmId: e.firm.id,
      evaluationId,
      onTime: input.onTime,
      reworks: input.reworks,
      rating: input.rating,
      note: input.note.trim(),
      createdBy: actor.userId,
    });
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: before ? "update" : "create",
        entity: "firm_ledger",
        entityId: entry.id,
        before: before ?? null,
        after: { firmId: e.firm.id, evaluationId, ...input },
      }),
    ]);
    return entry;
  });
}

/** The ledger by firm, with counts: evaluations, on time, reworks, and the ratings. */
export async function firmLedger(deps: Deps, actor: Actor, filter: { fiscalYear?: number; firmId?: number }) {
  authorize(actor, "evaluation.manage");
  const entries = await deps.uow.read.evaluations.ledger(actor.regionCode, filter);
  const firms = new Map<number, { firm: LedgerEntry["firm"]; entries: LedgerEntry[] }>();
  for (const l of entries) {
    const f = firms.get(l.firm.id) ?? { firm: l.firm, entries: [] };
    f.entries.push(l);
    firms.set(l.firm.id, f);
  }
  return {
    firms: [...firms.values()].map((f) => ({
      firm: f.firm,
      evaluations: f.entries.length,
      onTime: f.entries.filter((l) => l.onTime).length,
      reworks: f.entries.reduce((a, l) => a + l.reworks, 0),
      ratings: {
        excellent: f.entries.filter((l) => l.rating === "excellent").length,
        good: f.entries.filter((l) => l.rating === "good").length,
        fair: f.entries.filter((l) => l.rating === "fair").length,
        poor: f.entries.filter((l) => l.rating === "poor").length,
      },
      entries: f.entries,
    })),
  };
}
