/** The roles of issue #2. A role is always scoped to an organisation (see scope.ts). */
export const ROLES = ["finance_admin", "finance_staff", "department", "unit", "firm", "expert", "auditor"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  finance_admin: "财政管理员",
  finance_staff: "财政绩效股",
  department: "主管部门",
  unit: "预算单位",
  firm: "第三方机构",
  expert: "专家",
  auditor: "审计（只读）",
};

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** Which kind of organisation each role must belong to. */
export const ROLE_ORG_KIND: Record<Role, OrgKind> = {
  finance_admin: "bureau",
  finance_staff: "bureau",
  department: "department",
  unit: "unit",
  firm: "firm",
  expert: "firm",
  auditor: "bureau",
};

/** bureau = the finance bureau; department = 主管部门; unit = 预算单位; firm = 第三方机构 or expert body. */
export const ORG_KINDS = ["bureau", "department", "unit", "firm"] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_KIND_LABELS: Record<OrgKind, string> = {
  bureau: "财政局",
  department: "主管部门",
  unit: "预算单位",
  firm: "第三方机构",
};
