import type { OrgRow } from "../core/imports/rows";
import type { Rng } from "../core/random";
import { DEPARTMENTS, type DepartmentDef } from "./departments";
import { personName, phoneNumber } from "./names";

export interface DemoDepartment {
  def: DepartmentDef;
  code: string;
  /** Index in DEPARTMENTS: also the two digits of its project codes. */
  index: number;
  units: { code: string; name: string }[];
}

/** Department codes 101 … 154 and unit codes = department code + 001 …, as in the budget system. */
export function buildOrgs(rng: Rng): { rows: OrgRow[]; departments: DemoDepartment[] } {
  const rows: OrgRow[] = [];
  const departments = DEPARTMENTS.map((def, index): DemoDepartment => {
    const code = String(101 + index);
    rows.push(org(rng, code, def.name, "department", null, def.sector));
    const units = def.units.map((name, j) => ({ code: `${code}${String(j + 1).padStart(3, "0")}`, name }));
    for (const u of units) rows.push(org(rng, u.code, u.name, "unit", code, def.sector));
    return { def, code, index, units };
  });
  return { rows, departments };
}

function org(
  rng: Rng,
  code: string,
  name: string,
  kind: OrgRow["kind"],
  parentCode: string | null,
  sector: string,
): OrgRow {
  return { code, name, kind, parentCode, sector, contactName: personName(rng), contactPhone: phoneNumber(rng) };
}
