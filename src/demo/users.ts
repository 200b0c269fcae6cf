import type { Role } from "../core/roles";
import type { DemoDepartment } from "./orgs";

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  orgCode: string;
}

/**
 * One login per role for trying the system out, plus one per department (dept<code>) and per unit
 * (unit<code>) and per evaluation expert (expert1 …); all get the password "jixiao-demo" when loaded.
 */
export function buildUsers(
  bureauCode: string,
  firmCode: string,
  education: DemoDepartment,
  departments: readonly DemoDepartment[],
  pool: { orgCode: string; experts: readonly { username: string; name: string }[] },
): DemoUser[] {
  const school = education.units[0];
  if (!school) throw new Error("the education department needs a unit for the demo unit account");
  return [
    { username: "finance", displayName: "财政局管理员", role: "finance_admin", orgCode: bureauCode },
    { username: "staff", displayName: "绩效股经办人", role: "finance_staff", orgCode: bureauCode },
    { username: "auditor", displayName: "审计查阅员", role: "auditor", orgCode: bureauCode },
    { username: "firm", displayName: "第三方机构复核组", role: "firm", orgCode: firmCode },
    { username: "expert", displayName: "评审专家", role: "expert", orgCode: firmCode },
    // The evaluation experts' scoring accounts, at the finance bureau's expert pool.
    ...pool.experts.map(
      (e): DemoUser => ({ username: e.username, displayName: e.name, role: "expert", orgCode: pool.orgCode }),
    ),
    { username: "dept", displayName: `${education.def.name}绩效联络员`, role: "department", orgCode: education.code },
    ...departments.map(
      (d): DemoUser => ({
        username: `dept${d.code}`,
        displayName: `${d.def.name}绩效联络员`,
        role: "department",
        orgCode: d.code,
      }),
    ),
    { username: "unit", displayName: `${school.name}报账员`, role: "unit", orgCode: school.code },
    // Every unit has its own account too, so each sees exactly its own part.
    ...departments.flatMap((d) =>
      d.units.map(
        (u): DemoUser => ({ username: `unit${u.code}`, displayName: `${u.name}报账员`, role: "unit", orgCode: u.code }),
      ),
    ),
  ];
}
