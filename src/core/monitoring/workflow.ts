import { type DeskDeclarer, type DeskStatus, deskWorkflow } from "../review/desk-workflow";
import type { MonitoringSubjectKind } from "./types";

/**
 * A monitoring report's approval (domain.md §4, the seed's 复核评价): the unit fills and submits, its
 * department reviews (审核), finance reviews every monitored project (复核) with comments. A department's
 * own reports (its department-wide budget, the projects it runs itself) go straight to finance.
 */
export const MONITORING_STATUS_LABELS: Record<DeskStatus, string> = {
  draft: "填报中",
  submitted: "待主管部门审核",
  dept_approved: "待财政复核",
  returned: "已退回",
  approved: "已复核",
};

export const monitoringWorkflow = deskWorkflow({
  noun: "监控表",
  statusLabels: MONITORING_STATUS_LABELS,
  actionLabels: { submit: "提交", approve: "审核通过", return: "退回", withdraw: "撤回" },
  codes: {
    invalid: "MONITORING_INVALID_TRANSITION",
    role: "MONITORING_ROLE_NOT_ALLOWED",
    hasErrors: "MONITORING_REPORT_INCOMPLETE",
    returnNeedsComment: "MONITORING_RETURN_NEEDS_COMMENT",
  },
});

/** Who fills a report: the department for its department-wide budget and the projects it runs itself. */
export const monitoringDeclarerOf = (r: {
  subjectKind: MonitoringSubjectKind;
  unitId: number;
  departmentId: number;
}): DeskDeclarer => (r.subjectKind === "deptWide" || r.unitId === r.departmentId ? "department" : "unit");
