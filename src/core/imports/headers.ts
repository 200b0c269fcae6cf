import type { FieldSpec } from "./spec";

/**
 * Header text as clerks and exports write it varies: full-width or half-width parentheses, stray
 * spaces, a "*" marking required columns in templates. NFKC folds the width differences
 * (（元） → (元), ：→ :), so one normalised form matches them all.
 */
export function normaliseHeader(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/^\*+|\*+$/g, "")
    .toLowerCase();
}

const lookups = new WeakMap<readonly FieldSpec[], ReadonlyMap<string, FieldSpec>>();

/** Normalised header, alias or English key → field. Cached per spec; the first field wins a clash. */
export function headerLookup(spec: readonly FieldSpec[]): ReadonlyMap<string, FieldSpec> {
  let map = lookups.get(spec);
  if (!map) {
    const m = new Map<string, FieldSpec>();
    for (const f of spec) {
      for (const name of [f.header, ...(f.aliases ?? []), f.key]) {
        const k = normaliseHeader(name);
        if (!m.has(k)) m.set(k, f);
      }
    }
    map = m;
    lookups.set(spec, map);
  }
  return map;
}

/** The field a header names, or undefined for a column the import ignores. */
export const matchHeader = (spec: readonly FieldSpec[], text: string): FieldSpec | undefined =>
  headerLookup(spec).get(normaliseHeader(text));
