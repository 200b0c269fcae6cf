/** Where an audit entry's record can be seen in the app, if a page shows it. */
import type { AuditEntry } from "../../api/types";
import { isPlainObject } from "./auditFormat";

const NUMERIC = /^\d+$/;

/** A field of the record as the entry recorded it (after first, else before). */
function recorded(e: AuditEntry, key: string): unknown {
  if (isPlainObject(e.after) && key in e.after) return e.after[key];
  if (isPlainObject(e.before) && key in e.before) return e.before[key];
  return undefined;
}

const search = (path: string, q: string) => `${path}?q=${encodeURIComponent(q)}`;

/**
 * The page of the record an entry is about, with a title for the link; null when no page shows it. Ids
 * differ by entity: goal tables and tasks by number, projects and budgets by the budget system's code
 * (codes repeat across years, so the project library is searched rather than one year's record opened).
 */
export function auditLink(e: AuditEntry): { to: string; title: string } | null {
  const id = e.entityId;
  switch (e.entity) {
    case "goal_table":
      if (NUMERIC.test(id)) return { to: `/goal-tables/${id}`, title: `打开目标表 ${id}` };
      // Tables loaded in bulk are recorded by subject: "project:<code>" or "deptWide:<code>".
      if (id.includes(":")) return { to: search("/goal-tables", id.split(":")[1] ?? ""), title: "查找目标表" };
      return null;
    case "project":
    case "project_execution":
      return { to: search("/projects", id), title: `在项目库中查找 ${id}` };
    case "dept_budget":
    case "dept_execution":
      return { to: "/dept-budgets", title: "打开部门整体预算" };
    case "review_draw":
    case "review_visit":
      return { to: "/goals/reviews", title: "打开目标现场会审" };
    case "goal_rules":
      return { to: "/goals/rules", title: "打开指标体系与规则" };
    case "indicator_library": {
      // Fed entries are recorded by the approved table they came from.
      if (id.startsWith("goal_table:")) return { to: `/goal-tables/${id.slice(11)}`, title: "打开汇入的目标表" };
      const name = recorded(e, "name");
      return { to: typeof name === "string" ? search("/goals/library", name) : "/goals/library", title: "打开指标库" };
    }
    case "monitoring_round":
      return NUMERIC.test(id) ? { to: `/monitoring?round=${id}`, title: "打开运行监控" } : null;
    case "monitoring_selection": {
      // Recorded as "<round>/<department>".
      const round = id.split("/")[0] ?? "";
      return NUMERIC.test(round)
        ? { to: `/monitoring/rounds/${round}/select`, title: "打开部门选取" }
        : { to: "/monitoring", title: "打开运行监控" };
    }
    case "monitoring_report":
      return NUMERIC.test(id) ? { to: `/monitoring/reports/${id}`, title: `打开监控表 ${id}` } : null;
    case "monitoring_draw":
      return { to: "/monitoring", title: "打开运行监控" };
    case "monitoring_rules":
      return { to: "/monitoring/rules", title: "打开预警规则" };
    case "evaluation_framework":
      return { to: "/evaluations/framework", title: "打开评价指标体系" };
    case "dept_score_template":
      return { to: "/results/department-scores?tab=template", title: "打开部门绩效考核模板" };
    case "expert":
    case "evaluation_tie":
      return { to: "/evaluations/experts", title: "打开专家库" };
    case "monitoring_action":
      return NUMERIC.test(id) ? { to: `/monitoring/follow-ups/${id}`, title: "打开跟进措施" } : null;
    case "rectification_notice":
      return NUMERIC.test(id) ? { to: `/rectification/notices/${id}`, title: "打开整改通知" } : null;
    case "rectification_item":
      return NUMERIC.test(id) ? { to: `/rectification/items/${id}`, title: "打开整改事项" } : null;
    case "selfeval_round":
      return { to: "/selfeval", title: "打开单位自评" };
    case "selfeval_form":
      return NUMERIC.test(id) ? { to: `/selfeval/forms/${id}`, title: `打开自评表 ${id}` } : null;
    case "selfeval_rules":
      return { to: "/selfeval/rules", title: "打开自评评分规则" };
    case "selfeval_draw":
      return { to: "/review", title: "打开复核抽样" };
    case "review_conflict":
      return { to: "/review/firms", title: "打开第三方机构与回避" };
    case "selfeval_review":
      return NUMERIC.test(id) ? { to: `/review/items/${id}`, title: `打开复核任务 ${id}` } : null;
    case "review_comment": {
      // An answer is recorded with the record the comment is on.
      const form = recorded(e, "selfEvalFormId");
      const report = recorded(e, "monitoringReportId");
      const table = recorded(e, "goalTableId");
      if (typeof form === "number") return { to: `/selfeval/forms/${form}`, title: `打开自评表 ${form}` };
      if (typeof report === "number") return { to: `/monitoring/reports/${report}`, title: `打开监控表 ${report}` };
      if (typeof table === "number") return { to: `/goal-tables/${table}`, title: `打开目标表 ${table}` };
      return null;
    }
    case "evaluation":
      return NUMERIC.test(id) ? { to: `/evaluations/${id}`, title: `打开评价 ${id}` } : null;
    case "firm_ledger": {
      // The ledger entry is recorded with the key evaluation it is about.
      const evaluation = recorded(e, "evaluationId");
      return typeof evaluation === "number"
        ? { to: `/evaluations/${evaluation}`, title: `打开评价 ${evaluation}` }
        : null;
    }
    case "department_evaluation":
      return NUMERIC.test(id) ? { to: "/evaluations?kind=department", title: "打开部门评价" } : null;
    case "result_rule_set":
      return { to: "/results/rules", title: "打开结果应用规则" };
    case "result_adoption":
      return NUMERIC.test(id) ? { to: `/results/adjustments?adoptionId=${id}`, title: "打开该次采纳的调整清单" } : null;
    case "result_adjustment":
      return NUMERIC.test(id) ? { to: `/results/adjustments/${id}`, title: "打开预算调整告知" } : null;
    case "work_plan":
    case "plan_phase":
      return { to: "/plan", title: "打开年度工作安排" };
    case "task":
      return NUMERIC.test(id) ? { to: `/tasks/${id}`, title: "打开任务" } : null;
    case "import_batch":
      return { to: "/imports/history", title: "打开导入记录" };
    case "budget_request": {
      // Recorded as "<budget year>:<project code>", imported or typed alike.
      const code = id.split(":")[1];
      return code
        ? { to: search("/results/requests", code), title: `在下年度预算申请中查找 ${code}` }
        : { to: "/results/requests", title: "打开下年度预算申请" };
    }
    case "org":
      return { to: "/orgs", title: "打开组织机构" };
    case "user": {
      const username = recorded(e, "username");
      return typeof username === "string"
        ? { to: search("/users", username), title: `在用户管理中查找 ${username}` }
        : { to: "/users", title: "打开用户管理" };
    }
    default:
      return null;
  }
}
