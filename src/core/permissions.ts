import type { Role } from "./roles";

/**
 * Permissions are small pure predicates: what a role may do, independent of which records.
 * Which records it may see is the data scope (scope.ts). Routes declare the action they need.
 */
export const ACTIONS = [
  "home.read",
  "org.read",
  "org.write",
  "project.read",
  "project.write",
  "project.export",
  "deptBudget.read",
  "goal.read",
  "goal.write",
  "goal.lint",
  "goal.checkFile",
  "goal.review",
  "goal.configure",
  "goal.requestRevision",
  "monitoring.read",
  "monitoring.write",
  "monitoring.manage",
  "monitoring.oversee",
  "selfeval.read",
  "selfeval.write",
  "selfeval.manage",
  "review.read",
  "review.score",
  "review.manage",
  "evaluation.read",
  "evaluation.manage",
  "evaluation.score",
  "evaluation.departmentWrite",
  "import.run",
  "plan.read",
  "plan.manage",
  "task.read",
  "task.remind",
  "user.manage",
  "audit.read",
  "profile.write",
  "rectification.read",
  "rectification.issue",
  "rectification.answer",
  "results.read",
  "results.manage",
  "report.read",
  "disclosure.read",
  "disclosure.draft",
  "disclosure.approve",
] as const;
export type Action = (typeof ACTIONS)[number];

const EVERYONE: readonly Role[] = ["finance_admin", "finance_staff", "department", "unit", "firm", "expert", "auditor"];
const FINANCE: readonly Role[] = ["finance_admin", "finance_staff"];

const POLICY: Record<Action, readonly Role[]> = {
  "home.read": EVERYONE,
  "org.read": EVERYONE,
  "org.write": ["finance_admin"],
  "project.read": EVERYONE,
  "project.write": FINANCE,
  "project.export": EVERYONE,
  // A department-wide budget is the department's own affair: units and outside reviewers do not see it.
  "deptBudget.read": ["finance_admin", "finance_staff", "auditor", "department"],
  // The region-wide quality check of goal tables is the finance bureau's review tool.
  "goal.read": EVERYONE,
  // Declaring, reviewing and approving goal tables; which step each role may take is the workflow's rule.
  "goal.write": ["finance_admin", "finance_staff", "department", "unit"],
  "goal.lint": ["finance_admin", "finance_staff", "auditor"],
  // Checking goal tables received as Excel from other systems (nothing is stored): the bureau, the
  // departments reviewing their units, and the reviewers of third-party firms and experts.
  "goal.checkFile": ["finance_admin", "finance_staff", "department", "firm", "expert"],
  // Drawing departments for the on-site review; the record itself is open to the auditor.
  "goal.review": ["finance_admin", "finance_staff"],
  // The year's indicator template, check thresholds and the indicator library are the bureau's to set.
  "goal.configure": FINANCE,
  // Asking a declarer to revise an approved table (要求调整) is the approver's call: finance.
  "goal.requestRevision": FINANCE,
  // Monitoring reports are the declaring units', their departments' and finance's; the auditor reads them.
  "monitoring.read": ["finance_admin", "finance_staff", "department", "unit", "auditor"],
  // Filling, reviewing and answering actions; which step each role may take is the workflow's rule.
  "monitoring.write": ["finance_admin", "finance_staff", "department", "unit"],
  // Opening rounds, choosing key-monitoring projects, assigning actions, the warning rules: finance.
  "monitoring.manage": FINANCE,
  // The key-monitoring draw's record holds the whole region's population (every project, budget, reasons):
  // the region's eyes only, finance and the auditor, as the on-site review draw's records are.
  "monitoring.oversee": ["finance_admin", "finance_staff", "auditor"],
  // Self-evaluation forms: units and departments fill and review theirs, finance reviews, the auditor reads.
  "selfeval.read": ["finance_admin", "finance_staff", "department", "unit", "auditor"],
  "selfeval.write": ["finance_admin", "finance_staff", "department", "unit"],
  // Opening the year's self-evaluation and its scoring rules: finance.
  "selfeval.manage": FINANCE,
  // 抽查复核: finance draws, assigns and confirms; the firm's reviewers re-score what is assigned to them (the
  // review scope); departments and units read the confirmed reviews of their own forms and the guidance.
  "review.read": ["finance_admin", "finance_staff", "department", "unit", "firm", "auditor"],
  // Finance may hold the permission (the administrator holds every one), but an item is scored only by the
  // reviewer it is assigned to (app/selfeval/read-review.ts).
  "review.score": ["finance_admin", "finance_staff", "firm"],
  "review.manage": FINANCE,
  // Evaluations (部门评价, 财政重点评价): everyone reads what its scope and the blind-scoring rule let it see
  // (an expert its own teams, a department its own evaluations and its key ones once final).
  "evaluation.read": EVERYONE,
  // The framework, the expert pool, key evaluations and their teams, finalising, the firm's ledger: finance.
  "evaluation.manage": FINANCE,
  // A team member scores their own sheet: an expert on a key evaluation, a department on its own evaluation
  // (the administrator holds every permission, but scores only where it is a member: it never is).
  "evaluation.score": ["finance_admin", "department", "expert"],
  // A department creates, reports on and submits its own evaluations.
  "evaluation.departmentWrite": ["finance_admin", "department"],
  "import.run": FINANCE,
  // The year's plan and its deadlines concern everyone who works in it; finance sets and opens it.
  "plan.read": EVERYONE,
  "plan.manage": FINANCE,
  // Everyone has an inbox (scoped to its organisation); progress views follow the data scope.
  "task.read": EVERYONE,
  // Finance urges the late; a department urges its own units.
  "task.remind": ["finance_admin", "finance_staff", "department"],
  "user.manage": ["finance_admin"],
  "audit.read": ["finance_admin", "auditor"],
  "profile.write": EVERYONE,
  // 整改: finance issues notices and verifies the answers; the auditor reads; a department reads its
  // subtree's and a unit its own (the data scope). Only the organisation a notice is addressed to answers
  // it (app/rectification/act-on-item.ts), though the administrator holds the permission as it holds every one.
  "rectification.read": ["finance_admin", "finance_staff", "department", "unit", "auditor"],
  "rectification.issue": FINANCE,
  "rectification.answer": ["finance_admin", "department", "unit"],
  // 结果应用: next year's requests, the adopted adjustment list and the department scores are read by
  // finance and the auditor, and by a department or unit for its own subtree (the data scope); the
  // outside reviewers have no business with budgets.
  "results.read": ["finance_admin", "finance_staff", "department", "unit", "auditor"],
  // Requests typed by hand, rule sets, simulations, adoption and the department score template: finance.
  "results.manage": FINANCE,
  // 年度工作报告: its figures are region-wide, so only finance (who drafts it) and the auditor read them.
  "report.read": ["finance_admin", "finance_staff", "auditor"],
  // 信息公开: finance drafts (信息员) and approves (审核员, never their own draft: app/disclosure); the auditor
  // reads every version. What is published is open to the public on the portal, without any account.
  "disclosure.read": ["finance_admin", "finance_staff", "auditor"],
  "disclosure.draft": FINANCE,
  "disclosure.approve": FINANCE,
};

export const can = (role: Role, action: Action): boolean => POLICY[action].includes(role);

export const allowedRoles = (action: Action): readonly Role[] => POLICY[action];
