/** Helpers over the organisation tree of GET /org/tree. */
import type { OrgNode } from "../api/types";

export function flattenOrgs(nodes: readonly OrgNode[]): OrgNode[] {
  const out: OrgNode[] = [];
  const walk = (list: readonly OrgNode[]) => {
    for (const n of list) {
      out.push(n);
      walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

export const orgLabel = (o: { code: string; name: string }) => `${o.name}（${o.code}）`;

/** Department select options: name with code, searchable by either. */
export function departmentOptions(nodes: readonly OrgNode[] | undefined) {
  return flattenOrgs(nodes ?? [])
    .filter((o) => o.kind === "department")
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((o) => ({ value: o.id, label: o.name, search: `${o.code} ${o.name}` }));
}

/**
 * Implementing-unit select options (实施单位): the units, and the departments for the tables they declare
 * themselves; within one department when it is given. Name first, searchable by code or name.
 */
export function unitOptions(nodes: readonly OrgNode[] | undefined, departmentId?: number) {
  return flattenOrgs(nodes ?? [])
    .filter((o) => o.kind === "unit" || o.kind === "department")
    .filter((o) => departmentId === undefined || o.id === departmentId || o.parentId === departmentId)
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((o) => ({
      value: o.id,
      label: o.kind === "department" ? `${o.name}（部门本级）` : o.name,
      search: `${o.code} ${o.name}`,
    }));
}
