import { DEFAULT_EVALUATION_FRAMEWORK } from "../core/evaluations/framework";
import type { GoalTable } from "../core/goals/types";
import type {
  DeptBudgetRow,
  DeptExecutionRow,
  ExecutionRow,
  OrgRow,
  ProjectRow,
  RequestRow,
} from "../core/imports/rows";
import { forkRng } from "../core/random";
import { assignBudgets } from "./amounts";
import { departmentIndex } from "./departments";
import { buildDeptBudgets } from "./dept-budgets";
import { buildDeptExecution } from "./dept-execution";
import {
  buildEvaluations,
  type DemoDepartmentEvaluation,
  type DemoExpert,
  type DemoKeyEvaluation,
} from "./evaluations";
import { projectExecution } from "./execution";
import { buildGoalTables } from "./goals";
import { buildHistoryYear, type DemoHistoryYear } from "./history";
import { markKeyProjects } from "./key-projects";
import { buildOrgs } from "./orgs";
import { draftProjects, FISCAL_YEAR } from "./projects";
import { buildRequests } from "./requests";
import { buildUsers, type DemoUser } from "./users";

export type { DemoUser } from "./users";

/**
 * The reconstructed demo district (柳州市城中区, fiscal 2024), in the row shapes of the budget-system
 * import so that it is loaded through the same import use case. Synthetic data: only the seed's
 * published totals (54 departments, 1,713 projects, 9.41亿元, the four key projects' 1,336.64万元) are
 * fixed; everything the system reports must be computed from these rows.
 */
export interface DemoDistrict {
  region: { code: "450202"; name: string };
  fiscalYear: 2024;
  /** The finance bureau's performance office (org kind "bureau"). */
  bureau: { code: string; name: string };
  /**
   * Third-party firms (org kind "firm"): the first does the review and hosts the expert account; the second is
   * the finance bureau's expert pool, where the evaluation experts' scoring accounts sit.
   */
  firms: { code: string; name: string }[];
  orgs: OrgRow[];
  projects: ProjectRow[];
  execution: ExecutionRow[];
  deptBudgets: DeptBudgetRow[];
  deptExecution: DeptExecutionRow[];
  /** Goal tables of every project and department-wide budget (issue: goals). */
  goalTables: GoalTable[];
  users: DemoUser[];
  /**
   * Fiscal 2023 of the projects that continue into 2024 (常年性, 延续性) and of the departments: budgets,
   * execution and approved goal tables, from which the 2024 tables were carried over.
   */
  history: DemoHistoryYear;
  /** The 2024 evaluations (seed 一(三), 一(四)): the expert pool, the four key evaluations, one per department. */
  evaluations: { experts: DemoExpert[]; key: DemoKeyEvaluation[]; department: DemoDepartmentEvaluation[] };
  /** 2025年度预算申请 of the projects that continue, on which the 2024 results are applied (seed 四). */
  requests: RequestRow[];
}

export const DEFAULT_DEMO_SEED = 20240101;

/** Pure and deterministic: the same seed gives the same district, with no I/O, clock or Math.random. */
export function generateDemoDistrict(seed: number = DEFAULT_DEMO_SEED): DemoDistrict {
  // The performance office is where finance accounts sit; the bureau as a budget department is org 113.
  const bureau = { code: "000000", name: "城中区财政局绩效管理股" };
  const firms = [
    { code: "900001", name: "广西桂衡财务管理有限公司" },
    { code: "900002", name: "城中区财政绩效评价专家库" },
  ];
  const { rows: orgs, departments } = buildOrgs(forkRng(seed, "orgs"));
  const projects = assignBudgets(forkRng(seed, "amounts"), draftProjects(forkRng(seed, "projects"), departments));
  markKeyProjects(projects);
  const executionRng = forkRng(seed, "execution");
  const execution = projects.flatMap((p) => projectExecution(executionRng, p));
  const education = departments[departmentIndex("城中区教育局")];
  if (!education) throw new Error("the demo district has no education department");
  const deptBudgets = buildDeptBudgets(forkRng(seed, "dept-budgets"), departments, projects);
  const goalTables = buildGoalTables(
    seed,
    FISCAL_YEAR,
    projects,
    deptBudgets,
    new Map(orgs.filter((o) => o.kind === "department").map((o) => [o.code, { name: o.name, sector: o.sector }])),
  );
  const evaluations = buildEvaluations(
    forkRng(seed, "evaluations"),
    FISCAL_YEAR,
    DEFAULT_EVALUATION_FRAMEWORK.rows,
    projects,
    departments.map((d) => d.code),
    education.code,
  );
  return {
    region: { code: "450202", name: "柳州市城中区" },
    fiscalYear: FISCAL_YEAR,
    bureau,
    firms,
    orgs,
    projects,
    execution,
    deptBudgets,
    deptExecution: buildDeptExecution(forkRng(seed, "dept-execution"), deptBudgets, projects, execution),
    goalTables,
    users: buildUsers(bureau.code, firms[0]?.code ?? "", education, departments, {
      orgCode: firms[1]?.code ?? "",
      experts: evaluations.experts,
    }),
    history: buildHistoryYear(seed, departments, projects, goalTables),
    evaluations,
    requests: buildRequests(forkRng(seed, "requests"), projects, FISCAL_YEAR + 1),
  };
}
