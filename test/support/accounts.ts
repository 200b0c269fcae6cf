import type { Role } from "../../src/core/roles";

/** One demo account per role (password jixiao-demo). */
export const ACCOUNT: Record<Role, string> = {
  finance_admin: "finance",
  finance_staff: "staff",
  department: "dept",
  unit: "unit",
  firm: "firm",
  expert: "expert",
  auditor: "auditor",
};
