import { sumFen } from "../../core/money";
import { percent } from "../../core/percent";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";

export interface HomeCard {
  key: string;
  label: string;
  value: number;
  unit: "个" | "fen" | "%";
}

/** The figures each role's home page opens with, all computed from the scoped project data. */
export async function getHome(deps: Deps, actor: Actor, fiscalYear: number) {
  const scope = authorize(actor, "home.read");
  const departments = await deps.uow.read.projects.departmentSummaries(scope, fiscalYear);
  const budget = sumFen(departments.map((d) => d.adjustedBudget));
  const executed = sumFen(departments.map((d) => d.executed));
  const projectCount = departments.reduce((n, d) => n + d.projectCount, 0);
  // A department's home sums its projects by implementing unit (the department itself is one of them).
  const units = scope.kind === "subtree" ? await deps.uow.read.projects.unitSummaries(scope, fiscalYear) : [];
  const cards: HomeCard[] = [];
  if (scope.kind === "region")
    cards.push({ key: "departments", label: "预算部门", value: departments.length, unit: "个" });
  if (scope.kind === "subtree") cards.push({ key: "units", label: "实施单位", value: units.length, unit: "个" });
  cards.push(
    { key: "projects", label: "项目数", value: projectCount, unit: "个" },
    { key: "adjustedBudget", label: "全年预算数", value: budget, unit: "fen" },
    { key: "executed", label: "执行数", value: executed, unit: "fen" },
    {
      key: "executionRate",
      label: "执行率",
      value: Number(percent(executed, budget)),
      unit: "%",
    },
  );
  const showProjects = scope.kind === "own" || scope.kind === "assigned";
  const projects = showProjects
    ? (
        await deps.uow.read.projects.list(
          scope,
          { fiscalYear },
          { sort: "adjustedBudget", order: "desc", page: 1, pageSize: 10 },
        )
      ).rows
    : [];
  return { year: fiscalYear, cards, departments, units, projects };
}
