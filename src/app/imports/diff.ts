import { canonicalJson } from "../../core/audit-chain";
import type { ImportRowsByKind } from "../../core/imports/rows";
import { type FieldSpec, IMPORT_SPECS, type ImportKind } from "../../core/imports/spec";

/** The key by which a row of each kind is matched against what the database holds. */
export function rowKey<K extends ImportKind>(kind: K, row: ImportRowsByKind[K]): string {
  const r = row as unknown as Record<string, unknown>;
  switch (kind) {
    case "orgs":
      return String(r.code);
    case "projects":
      return String(r.code);
    case "execution":
      return `${r.projectCode}:${r.month}`;
    case "dept-execution":
      return `${r.departmentCode}:${r.month}`;
    case "requests":
      return String(r.projectCode);
    default:
      return String(r.departmentCode);
  }
}

export interface FieldChange {
  field: string;
  label: string;
  before: unknown;
  after: unknown;
}

export interface ImportDiff<R> {
  added: R[];
  changed: { key: string; before: R; after: R; changes: FieldChange[] }[];
  unchanged: number;
}

const label = (specs: readonly FieldSpec[], field: string) => specs.find((s) => s.key === field)?.header ?? field;

/** Classifies every valid row as new, changed (with the fields that differ) or unchanged. */
export function diffRows<K extends ImportKind>(
  kind: K,
  rows: readonly ImportRowsByKind[K][],
  existing: ReadonlyMap<string, unknown>,
): ImportDiff<ImportRowsByKind[K]> {
  const specs = IMPORT_SPECS[kind];
  const result: ImportDiff<ImportRowsByKind[K]> = { added: [], changed: [], unchanged: 0 };
  for (const row of rows) {
    const key = rowKey(kind, row);
    const before = existing.get(key) as Record<string, unknown> | undefined;
    if (!before) {
      result.added.push(row);
      continue;
    }
    const after = row as unknown as Record<string, unknown>;
    const changes: FieldChange[] = [];
    for (const field of Object.keys(after)) {
      if (canonicalJson(before[field] ?? null) !== canonicalJson(after[field] ?? null)) {
        changes.push({ field, label: label(specs, field), before: before[field] ?? null, after: after[field] ?? null });
      }
    }
    if (changes.length)
      result.changed.push({ key, before: before as unknown as ImportRowsByKind[K], after: row, changes });
    else result.unchanged++;
  }
  return result;
}
