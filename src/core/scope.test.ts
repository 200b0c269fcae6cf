import { describe, expect, it } from "vitest";
import { ACTIONS, can } from "./permissions";
import { ROLES } from "./roles";
import { scopeIncludesOrg, scopeOf } from "./scope";

const account = { regionCode: "450202", orgId: 7, orgPath: "101" };
const dept = { id: 7, path: "101", regionCode: "450202" };
const ownUnit = { id: 8, path: "101/101001", regionCode: "450202" };
const otherDept = { id: 9, path: "1010", regionCode: "450202" };
const otherRegion = { id: 10, path: "101", regionCode: "450203" };

describe("data scope", () => {
  it("lets finance see the region and nothing outside it", () => {
    const s = scopeOf({ ...account, role: "finance_staff" });
    expect(scopeIncludesOrg(s, otherDept)).toBe(true);
    expect(scopeIncludesOrg(s, otherRegion)).toBe(false);
  });

  it("lets a department see itself and its units, not a department whose code merely starts the same", () => {
    const s = scopeOf({ ...account, role: "department" });
    expect(scopeIncludesOrg(s, dept)).toBe(true);
    expect(scopeIncludesOrg(s, ownUnit)).toBe(true);
    expect(scopeIncludesOrg(s, otherDept)).toBe(false);
  });

  it("lets a unit see only itself and a firm nothing by organisation", () => {
    expect(scopeIncludesOrg(scopeOf({ ...account, orgId: 8, role: "unit" }), ownUnit)).toBe(true);
    expect(scopeIncludesOrg(scopeOf({ ...account, orgId: 8, role: "unit" }), dept)).toBe(false);
    expect(scopeIncludesOrg(scopeOf({ ...account, role: "firm" }), dept)).toBe(false);
  });

  it("gives writes to finance only and user management to the administrator only", () => {
    for (const role of ROLES) {
      expect(can(role, "project.read")).toBe(true);
      expect(can(role, "user.manage")).toBe(role === "finance_admin");
      expect(can(role, "import.run")).toBe(role === "finance_admin" || role === "finance_staff");
    }
    expect(ACTIONS.every((a) => can("finance_admin", a))).toBe(true);
  });
});
