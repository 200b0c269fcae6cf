import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { checkedLibraryEntry, duplicateEntry, type LibraryEntryInput } from "./library-input";

/** Finance adds an indicator to the library: it is curated (推荐) from the start. */
export async function createLibraryEntry(deps: Deps, actor: Actor, input: LibraryEntryInput) {
  authorize(actor, "goal.configure");
  const entry = await checkedLibraryEntry(deps.uow.read, actor.regionCode, input);
  return deps.uow.transaction(async (repos) => {
    const existing = await repos.indicatorLibrary.find(actor.regionCode, entry);
    if (existing) throw duplicateEntry(existing);
    const created = await repos.indicatorLibrary.insert(actor.regionCode, entry);
    if (!created) throw duplicateEntry({ id: 0, ...entry });
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "create",
        entity: "indicator_library",
        entityId: created.id,
        after: entry,
      }),
    ]);
    return created;
  });
}
