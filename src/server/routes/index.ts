import type { Api, ServerContext } from "../context";
import attachments from "./attachments";
import getAudit from "./audit/list-audit";
import verifyAudit from "./audit/verify-audit";
import changePassword from "./auth/change-password";
import login from "./auth/login";
import logout from "./auth/logout";
import me from "./auth/me";
import disclosure from "./disclosure/publications";
import departmentEvaluations from "./evaluations/department";
import evaluations from "./evaluations/evaluations";
import experts from "./evaluations/experts";
import evaluationExports from "./evaluations/exports";
import evaluationFramework from "./evaluations/framework";
import evaluationSummary from "./evaluations/summary";
import carryOver from "./goals/carry-over";
import checkGoalWorkbook from "./goals/check-goal-workbook";
import goalExcel from "./goals/goal-excel";
import goalRules from "./goals/goal-rules";
import goalTables from "./goals/goal-tables";
import goalThreads from "./goals/goal-threads";
import indicatorLibrary from "./goals/indicator-library";
import lintFindings from "./goals/lint-findings";
import lintGoals from "./goals/lint-goals";
import reviewDraws from "./goals/review-draws";
import reviewVisits from "./goals/review-visits";
import revisionRequest from "./goals/revision-request";
import suggestIndicators from "./goals/suggest-indicators";
import health from "./health";
import getHome from "./home/get-home";
import getTemplate from "./imports/get-template";
import listImports from "./imports/list-imports";
import runImport from "./imports/run-import";
import getMeta from "./meta/get-meta";
import monitoringActions from "./monitoring/actions";
import monitoringConfig from "./monitoring/config";
import monitoringThreads from "./monitoring/report-threads";
import monitoringReports from "./monitoring/reports";
import monitoringRounds from "./monitoring/rounds";
import monitoringWorkbook from "./monitoring/workbook";
import createOrg from "./org/create-org";
import getTree from "./org/get-tree";
import updateOrg from "./org/update-org";
import workPlan from "./plan/work-plan";
import exportProjects from "./projects/export-projects";
import getProject from "./projects/get-project";
import listDeptBudgets from "./projects/list-dept-budgets";
import listProjects from "./projects/list-projects";
import publicPortal from "./public/portal";
import rectification from "./rectification";
import annualReport from "./report/annual";
import resultAdoption from "./results/adoption";
import departmentScores from "./results/department-scores";
import budgetRequests from "./results/requests";
import selfEvalForms from "./selfeval/forms";
import selfEvalReview from "./selfeval/review";
import selfEvalRounds from "./selfeval/rounds";
import selfEvalWorkbook from "./selfeval/workbook";
import tasks from "./tasks/tasks";
import createUser from "./users/create-user";
import listUsers from "./users/list-users";
import resetPassword from "./users/reset-password";
import updateUser from "./users/update-user";

/** Every route of the API; each file is one use case's HTTP face. */
export const ROUTES: ((app: Api, ctx: ServerContext) => void)[] = [
  health,
  getMeta,
  login,
  logout,
  me,
  changePassword,
  getHome,
  getTree,
  createOrg,
  updateOrg,
  listProjects,
  exportProjects,
  getProject,
  listDeptBudgets,
  getTemplate,
  runImport,
  listImports,
  listUsers,
  createUser,
  updateUser,
  resetPassword,
  getAudit,
  verifyAudit,
  lintGoals,
  lintFindings,
  reviewDraws,
  goalTables,
  goalThreads,
  revisionRequest,
  carryOver,
  goalExcel,
  checkGoalWorkbook,
  suggestIndicators,
  indicatorLibrary,
  reviewVisits,
  goalRules,
  workPlan,
  tasks,
  monitoringRounds,
  monitoringReports,
  monitoringThreads,
  monitoringConfig,
  monitoringWorkbook,
  monitoringActions,
  selfEvalRounds,
  selfEvalForms,
  selfEvalReview,
  selfEvalWorkbook,
  attachments,
  rectification,
  annualReport,
  resultAdoption,
  evaluationFramework,
  experts,
  evaluationExports,
  evaluations,
  departmentEvaluations,
  evaluationSummary,
  budgetRequests,
  departmentScores,
  disclosure,
  publicPortal,
];
