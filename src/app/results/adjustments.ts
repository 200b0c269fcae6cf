import { AppError } from "../../core/errors";
import type { Scope } from "../../core/scope";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import type { AdjustmentFilter, AdjustmentSort, AdoptionRecord } from "./adoption-ports";
import { wholeForExport } from "./export-limit";
import { presentAdoption } from "./present";

/**
 * Adoptions as a viewer may read them: finance and the auditor see the district's totals; a department or a unit
 * the totals of its own lines only, so that another department's cut cannot be worked out from the whole.
 */
async function inScope(deps: Deps, scope: Scope, adoptions: readonly AdoptionRecord[]) {
  if (scope.kind === "region") return adoptions.map(presentAdoption);
  return Promise.all(
    adoptions.map(async (a) => {
      const mine = await deps.uow.read.results.departmentTotals(scope, a.id);
      const sum = (k: "projects" | "adjusted" | "request" | "cut" | "raise" | "newAmount") =>
        mine.reduce((x, d) => x + d[k], 0);
      return presentAdoption({
        ...a,
        projects: sum("projects"),
        adjusted: sum("adjusted"),
        request: sum("request"),
        cut: sum("cut"),
        raise: sum("raise"),
        newAmount: sum("newAmount"),
      });
    }),
  );
}

/** The adoption a list is read from: the one asked for, else the year's current one. */
export async function adoptionFor(deps: Deps, actor: Actor, fiscalYear: number, adoptionId?: number) {
  const adoptions = await deps.uow.read.results.adoptions(actor.regionCode, fiscalYear);
  const found =
    adoptionId === undefined
      ? adoptions.find((a) => a.status === "current")
      : adoptions.find((a) => a.id === adoptionId);
  return { adoptions, adoption: found ?? null };
}

/**
 * 调整清单: the frozen lines of an adoption the viewer's scope may see (a department its units', a unit its
 * own), paged, with the adoptions of the year to choose from. Nothing is recomputed.
 */
export async function listAdjustments(
  deps: Deps,
  actor: Actor,
  q: Omit<AdjustmentFilter, "adoptionId"> & {
    fiscalYear: number;
    adoptionId?: number | undefined;
    sort: AdjustmentSort;
    order: "asc" | "desc";
    page: number;
    pageSize: number;
  },
) {
  const scope = authorize(actor, "results.read");
  const { adoptions, adoption } = await adoptionFor(deps, actor, q.fiscalYear, q.adoptionId);
  if (q.adoptionId !== undefined && !adoption)
    throw new AppError("not_found", "NOT_FOUND", `采纳记录不存在：${q.adoptionId}`);
  const page = adoption
    ? await deps.uow.read.results.adjustments(
        scope,
        {
          adoptionId: adoption.id,
          departmentId: q.departmentId,
          action: q.action,
          adjustedOnly: q.adjustedOnly,
          q: q.q,
        },
        { sort: q.sort, order: q.order, page: q.page, pageSize: q.pageSize },
      )
    : { total: 0, rows: [] };
  const shown = await inScope(deps, scope, adoptions);
  return {
    fiscalYear: q.fiscalYear,
    adoption: adoption && shown[adoptions.indexOf(adoption)]!,
    adoptions: shown,
    ...page,
  };
}

/** The most lines one export carries: a district's whole list fits many times over. */
export const MAX_ADJUSTMENT_EXPORT = 20_000;

/** Every line of the filter for the Excel and JSON files; a list longer than one file holds is refused. */
export async function exportAdjustments(
  deps: Deps,
  actor: Actor,
  q: Omit<Parameters<typeof listAdjustments>[2], "page" | "pageSize">,
) {
  const found = await listAdjustments(deps, actor, { ...q, page: 1, pageSize: MAX_ADJUSTMENT_EXPORT });
  return { ...found, rows: wholeForExport(found, MAX_ADJUSTMENT_EXPORT, "调整清单行") };
}

/** One line, for the unit's task: its adjustment and the reason. */
export async function getAdjustment(deps: Deps, actor: Actor, id: number) {
  const scope = authorize(actor, "results.read");
  const found = await deps.uow.read.results.adjustment(scope, id);
  if (!found) throw new AppError("not_found", "NOT_FOUND", `调整记录不存在：${id}`);
  const adoption = await deps.uow.read.results.adoption(actor.regionCode, found.adoptionId);
  const [shown] = await inScope(deps, scope, [adoption!]);
  return { ...found, adoption: shown! };
}

/** The year's adoptions, newest first. */
export async function listAdoptions(deps: Deps, actor: Actor, fiscalYear: number) {
  const scope = authorize(actor, "results.read");
  const adoptions = await deps.uow.read.results.adoptions(actor.regionCode, fiscalYear);
  return { fiscalYear, adoptions: await inScope(deps, scope, adoptions) };
}
