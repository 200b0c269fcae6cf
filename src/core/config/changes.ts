/**
 * What a proposed configuration changes, item by item, for the confirmation every configuration page
 * shows before it saves (the web's ConfigPage): levels, list entries and values added, removed or
 * changed, with the old and the new value. Pure; each configuration module writes its own diff from
 * these helpers.
 */

export type ConfigChangeKind = "added" | "removed" | "changed";

export interface ConfigChange {
  kind: ConfigChangeKind;
  /** The part of the configuration, e.g. "指标体系" or "审核规则". */
  section: string;
  /** What changed, in words a clerk reads: "一级指标“产出指标”下的二级指标". */
  item: string;
  before: string | null;
  after: string | null;
}

/** A single value: one "changed" entry when it differs (compared by its shown form). */
export function valueChange(
  section: string,
  item: string,
  before: string | number,
  after: string | number,
): ConfigChange[] {
  const b = String(before);
  const a = String(after);
  return b === a ? [] : [{ kind: "changed", section, item, before: b, after: a }];
}

/**
 * A list of names: one entry per name added or removed, and one "changed" entry when only the order
 * differs.
 */
export function listChanges(
  section: string,
  item: string,
  before: readonly string[],
  after: readonly string[],
): ConfigChange[] {
  const had = new Set(before);
  const has = new Set(after);
  const out: ConfigChange[] = [];
  for (const name of before)
    if (!has.has(name)) out.push({ kind: "removed", section, item, before: name, after: null });
  for (const name of after) if (!had.has(name)) out.push({ kind: "added", section, item, before: null, after: name });
  if (out.length === 0) {
    const kept = before.filter((n) => has.has(n));
    const now = after.filter((n) => had.has(n));
    if (kept.join("\u0000") !== now.join("\u0000"))
      out.push({ kind: "changed", section, item: `${item}的顺序`, before: kept.join("、"), after: now.join("、") });
  }
  return out;
}
