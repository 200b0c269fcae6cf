import { AppError, notFound, staleVersion } from "../../core/errors";
import type { LibraryEntryFields } from "../../core/goals/indicator-library";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { expectVersion } from "../expect-state";
import { checkedLibraryEntry, duplicateEntry, type LibraryEntryInput } from "./library-input";
import type { IndicatorLibraryEntry } from "./ports";

const IDENTITY = [
  ["sector", "所属行业"],
  ["level2", "二级指标"],
  ["name", "指标名称"],
] as const;

const wording = (e: IndicatorLibraryEntry): LibraryEntryFields => ({
  sector: e.sector,
  level1: e.level1,
  level2: e.level2,
  name: e.name,
  kind: e.kind,
  operator: e.operator,
  unit: e.unit,
  explanation: e.explanation,
});

/**
 * Finance rewords an entry, which makes it curated: approved tables feed its counts from now on but
 * never its wording. Sector, level 2 and name tie the entry to the tables that used it (its counts
 * and past targets), so they change only while no approved table has used it.
 */
export async function editLibraryEntry(
  deps: Deps,
  actor: Actor,
  id: number,
  input: LibraryEntryInput & { version: number },
) {
  authorize(actor, "goal.configure");
  const before = await deps.uow.read.indicatorLibrary.get(actor.regionCode, id);
  if (!before) throw notFound("指标库指标", id);
  const { version, ...fields } = input;
  // The "still unused" check below is made on this read: it must be what the client edited.
  expectVersion(before, version, "该指标");
  const entry = await checkedLibraryEntry(deps.uow.read, actor.regionCode, fields);
  const renamed = IDENTITY.filter(([field]) => entry[field] !== before[field]);
  const inUse = (uses: number) => {
    const [field, label] = renamed[0]!;
    return new AppError(
      "validation",
      "LIBRARY_KEY_IN_USE",
      `该指标已被 ${uses} 张已批复的目标表使用，${label}不能修改；如需改名，请新增指标后停用本指标`,
      { field },
    );
  };
  if (renamed.length > 0 && before.uses > 0) throw inUse(before.uses);
  return deps.uow.transaction(async (repos) => {
    if (renamed.length > 0) {
      const other = await repos.indicatorLibrary.find(actor.regionCode, entry);
      if (other && other.id !== id) throw duplicateEntry(other);
    }
    // An approval feeds uses without a new version: a rename also requires the entry to be unused still.
    const after = await repos.indicatorLibrary.update(id, version, entry, { unused: renamed.length > 0 });
    if (!after) {
      const now = await repos.indicatorLibrary.get(actor.regionCode, id);
      if (now && now.version === version && now.uses > 0) throw inUse(now.uses);
      throw staleVersion("该指标");
    }
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "update",
        entity: "indicator_library",
        entityId: id,
        before: { ...wording(before), curated: before.curated },
        after: { ...entry, curated: true },
      }),
    ]);
    return after;
  });
}
