/**
 * A reviewable record as it stood at one moment (版本快照): its own fields and its items, each item
 * with a stable key (an indicator's uid, a row's code) and its values. Every module's record maps to
 * this shape (goals: core/goals/snapshot.ts), so versions, "与退回时对比" and "与上一版对比" work the same
 * in every declare/review loop. Pure.
 */
export type ReviewValue = string | number | null;

export interface ReviewItem {
  key: string;
  /** What a reader calls the item ("受益学生人数"). */
  label: string;
  /** Where the item sits ("产出指标/数量指标"), shown with the label. */
  group: string;
  values: Record<string, ReviewValue>;
}

export interface ReviewSnapshot {
  fields: Record<string, ReviewValue>;
  items: ReviewItem[];
}

export interface ValueChange {
  field: string;
  before: ReviewValue;
  after: ReviewValue;
}

export type ItemChange =
  | { status: "added"; key: string; label: string; group: string; after: Record<string, ReviewValue> }
  | { status: "removed"; key: string; label: string; group: string; before: Record<string, ReviewValue> }
  | { status: "changed"; key: string; label: string; group: string; changes: ValueChange[] };

export interface SnapshotDiff {
  /** The record's own fields that changed. */
  fields: ValueChange[];
  /** Items added, removed or changed, in the order of the newer snapshot (removed ones where they stood). */
  items: ItemChange[];
  counts: { added: number; removed: number; changed: number; fields: number };
}

/** Equal values: text compared trimmed, an empty text equal to null, numbers by value. */
function same(a: ReviewValue | undefined, b: ReviewValue | undefined): boolean {
  const norm = (v: ReviewValue | undefined) => (typeof v === "string" ? v.trim() || null : (v ?? null));
  return norm(a) === norm(b);
}

function changesOf(before: Record<string, ReviewValue>, after: Record<string, ReviewValue>): ValueChange[] {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .filter((f) => !same(before[f], after[f]))
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}

/** What changed from `before` to `after`, item by item (matched by key). */
export function diffSnapshots(before: ReviewSnapshot, after: ReviewSnapshot): SnapshotDiff {
  const old = new Map(before.items.map((i, at) => [i.key, { item: i, at }]));
  const kept = new Set(after.items.map((i) => i.key));
  const items: ItemChange[] = [];
  // Removed items are placed before the first surviving item that followed them.
  const removedBefore = new Map<string, ItemChange[]>();
  const trailing: ItemChange[] = [];
  before.items.forEach((item, at) => {
    if (kept.has(item.key)) return;
    const removed: ItemChange = {
      status: "removed",
      key: item.key,
      label: item.label,
      group: item.group,
      before: item.values,
    };
    const next = before.items.slice(at + 1).find((i) => kept.has(i.key));
    if (next) removedBefore.set(next.key, [...(removedBefore.get(next.key) ?? []), removed]);
    else trailing.push(removed);
  });
  for (const item of after.items) {
    items.push(...(removedBefore.get(item.key) ?? []));
    const was = old.get(item.key);
    if (!was) {
      items.push({ status: "added", key: item.key, label: item.label, group: item.group, after: item.values });
      continue;
    }
    const changes = changesOf(was.item.values, item.values);
    if (changes.length > 0)
      items.push({ status: "changed", key: item.key, label: item.label, group: item.group, changes });
  }
  items.push(...trailing);
  const fields = changesOf(before.fields, after.fields);
  const count = (s: ItemChange["status"]) => items.filter((i) => i.status === s).length;
  return {
    fields,
    items,
    counts: { added: count("added"), removed: count("removed"), changed: count("changed"), fields: fields.length },
  };
}

/** Nothing changed. */
export const isEmptyDiff = (d: SnapshotDiff): boolean => d.fields.length === 0 && d.items.length === 0;
