import { notFound, staleVersion } from "../../core/errors";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { expectVersion } from "../expect-state";

/** Retired entries stay in the library (and keep being counted) but are no longer suggested. */
async function setRetired(deps: Deps, actor: Actor, id: number, version: number, retired: boolean) {
  authorize(actor, "goal.configure");
  const before = await deps.uow.read.indicatorLibrary.get(actor.regionCode, id);
  if (!before) throw notFound("指标库指标", id);
  expectVersion(before, version, "该指标");
  return deps.uow.transaction(async (repos) => {
    const after = await repos.indicatorLibrary.setRetired(id, version, retired);
    if (!after) throw staleVersion("该指标");
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: retired ? "retire" : "restore",
        entity: "indicator_library",
        entityId: id,
        before: { retired: before.retired },
        after: { retired },
      }),
    ]);
    return after;
  });
}

export const retireLibraryEntry = (deps: Deps, actor: Actor, id: number, input: { version: number }) =>
  setRetired(deps, actor, id, input.version, true);

export const restoreLibraryEntry = (deps: Deps, actor: Actor, id: number, input: { version: number }) =>
  setRetired(deps, actor, id, input.version, false);
