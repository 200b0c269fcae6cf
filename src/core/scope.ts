import type { Role } from "./roles";

/**
 * The data scope of an account: which part of the region's records it sees.
 * - region: finance and auditors see the whole region;
 * - subtree: a department sees itself and its units (orgs whose path starts with its own);
 * - own: a unit sees its own records;
 * - assigned: a third-party firm or an expert sees only what is assigned to its organisation.
 */
export type Scope =
  | { kind: "region"; regionCode: string }
  | { kind: "subtree"; regionCode: string; orgId: number; orgPath: string }
  | { kind: "own"; regionCode: string; orgId: number }
  | { kind: "assigned"; regionCode: string; orgId: number };

export interface ScopedAccount {
  role: Role;
  regionCode: string;
  orgId: number;
  orgPath: string;
}

export function scopeOf(account: ScopedAccount): Scope {
  const { role, regionCode, orgId, orgPath } = account;
  switch (role) {
    case "finance_admin":
    case "finance_staff":
    case "auditor":
      return { kind: "region", regionCode };
    case "department":
      return { kind: "subtree", regionCode, orgId, orgPath };
    case "unit":
      return { kind: "own", regionCode, orgId };
    case "firm":
    case "expert":
      return { kind: "assigned", regionCode, orgId };
  }
}

/** Whether a materialised org path lies in the subtree rooted at `root` (the root itself or below it). */
export const isPathWithin = (path: string, root: string): boolean => path === root || path.startsWith(`${root}/`);

/** Whether an organisation (by id and materialised path) lies inside a scope; assignments are checked by the caller. */
export function scopeIncludesOrg(scope: Scope, org: { id: number; path: string; regionCode: string }): boolean {
  if (org.regionCode !== scope.regionCode) return false;
  switch (scope.kind) {
    case "region":
      return true;
    case "subtree":
      return isPathWithin(org.path, scope.orgPath);
    case "own":
      return org.id === scope.orgId;
    case "assigned":
      return false;
  }
}
