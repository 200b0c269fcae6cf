import type { GoalIndicator, GoalTable } from "../core/goals/types";
import type { DeptBudgetRow, DeptExecutionRow, ExecutionRow, ProjectRow } from "../core/imports/rows";
import { type Fen, fenToWan } from "../core/money";
import { forkRng, type Rng } from "../core/random";
import { buildDeptBudgets } from "./dept-budgets";
import { buildDeptExecution } from "./dept-execution";
import { projectExecution } from "./execution";
import type { DemoDepartment } from "./orgs";
import { FISCAL_YEAR } from "./projects";

/** The year before the demo year: only its continuing work is reconstructed. */
export const HISTORY_YEAR = FISCAL_YEAR - 1;

/**
 * Fiscal 2023 of the demo district, as far as 2024 builds on it: the projects that run from year to
 * year (常年性, 延续性) with their budgets, monthly execution and approved goal tables, and the
 * department-wide budgets and tables. One-off projects of 2023 are not reconstructed.
 */
export interface DemoHistoryYear {
  fiscalYear: number;
  projects: ProjectRow[];
  execution: ExecutionRow[];
  deptBudgets: DeptBudgetRow[];
  deptExecution: DeptExecutionRow[];
  goalTables: GoalTable[];
}

const HUNDRED_YUAN: Fen = 10_000;
const MIN_BUDGET: Fen = 1_0000_00;
const round100 = (fen: number): Fen => Math.round(fen / HUNDRED_YUAN) * HUNDRED_YUAN;

/**
 * Built backwards from 2024, which stays exactly as it was: every random number here comes from
 * `history-*` forks of the seed, so nothing drawn for 2024 moves.
 */
export function buildHistoryYear(
  seed: number,
  departments: readonly DemoDepartment[],
  projects: readonly ProjectRow[],
  goalTables: readonly GoalTable[],
): DemoHistoryYear {
  const previous = previousProjects(forkRng(seed, "history-projects"), projects);
  const executionRng = forkRng(seed, "history-execution");
  const execution = previous.flatMap((p) => projectExecution(executionRng, p));
  const deptBudgets = buildDeptBudgets(forkRng(seed, "history-dept-budgets"), departments, previous).map((b) => ({
    ...b,
    fiscalYear: HISTORY_YEAR,
  }));
  const deptExecution = buildDeptExecution(forkRng(seed, "history-dept-execution"), deptBudgets, previous, execution);
  const fundsOf = new Map<string, NonNullable<GoalTable["funds"]>>();
  const namesOf = new Map<string, string>();
  for (const p of previous) {
    fundsOf.set(`project:${p.code}`, { total: p.adjustedBudget, fiscal: p.fiscalFunds, other: p.otherFunds });
    namesOf.set(`project:${p.code}`, p.name);
  }
  for (const b of deptBudgets)
    fundsOf.set(`deptWide:${b.departmentCode}`, {
      total: b.adjustedBudget,
      fiscal: b.fiscalFunds,
      other: b.otherFunds,
    });
  const goalRng = forkRng(seed, "history-goals");
  const tables: GoalTable[] = [];
  for (const t of goalTables) {
    const key = `${t.subjectKind}:${t.subjectCode}`;
    const funds = fundsOf.get(key);
    if (!funds) continue;
    tables.push(previousTable(goalRng, t, funds, namesOf.get(key) ?? t.subjectName));
  }
  return { fiscalYear: HISTORY_YEAR, projects: previous, execution, deptBudgets, deptExecution, goalTables: tables };
}

/** The 2023 row of each continuing 2024 project: same code, department and unit, a somewhat different budget. */
function previousProjects(rng: Rng, projects: readonly ProjectRow[]): ProjectRow[] {
  return projects
    .filter((p) => p.category !== "one_off")
    .map((p) => {
      // Budgets mostly grew a little into 2024; some shrank.
      const adjustedBudget = Math.max(MIN_BUDGET, round100(p.adjustedBudget / Math.exp(rng.between(-0.12, 0.2))));
      const otherFunds = p.otherFunds > 0 ? round100((adjustedBudget * p.otherFunds) / p.adjustedBudget) : 0;
      const initialBudget = rng.chance(0.3)
        ? Math.max(HUNDRED_YUAN, round100(adjustedBudget / Math.exp(rng.between(-0.3, 0.4))))
        : adjustedBudget;
      return {
        ...p,
        fiscalYear: HISTORY_YEAR,
        name: p.name.replace(/^\d{4}年/, `${HISTORY_YEAR}年`),
        initialBudget,
        adjustedBudget,
        fiscalFunds: adjustedBudget - otherFunds,
        otherFunds,
      };
    });
}

/** Indicators a 2023 table had that were dropped in 2024 (the work was done or is measured otherwise). */
const DROPPED: readonly Omit<GoalIndicator, "weight">[] = [
  {
    level1: "产出指标",
    level2: "数量指标",
    name: "宣传培训场次",
    kind: "quantitative",
    operator: ">=",
    target: "6",
    unit: "场",
    explanation: null,
  },
  {
    level1: "产出指标",
    level2: "时效指标",
    name: "信息报送及时率",
    kind: "quantitative",
    operator: "=",
    target: "100",
    unit: "%",
    explanation: null,
  },
  {
    level1: "产出指标",
    level2: "质量指标",
    name: "问题整改完成率",
    kind: "quantitative",
    operator: "=",
    target: "100",
    unit: "%",
    explanation: null,
  },
  {
    level1: "效益指标",
    level2: "社会效益指标",
    name: "政策知晓率",
    kind: "quantitative",
    operator: ">=",
    target: "85",
    unit: "%",
    explanation: null,
  },
];

const COST_NAME = "项目成本控制数";
const NUMBER_RE = /^\d+(?:\.\d+)?$/;
const pts = (w: number) => Math.round(w * 100);
const fromPts = (h: number) => h / 100;

/**
 * Last year's table as the 2024 one evolved from it: most targets the same, some lower in 2023 (raised
 * for 2024), now and then an indicator 2024 added or dropped, occasionally a weight shift. The cost
 * ceiling follows each year's budget. Weights move in hundredths so the total stays what 2024's is.
 */
function previousTable(rng: Rng, now: GoalTable, funds: NonNullable<GoalTable["funds"]>, name: string): GoalTable {
  const list = now.indicators.map((i) => ({ ...i }));
  for (const ind of list) {
    if (ind.name === COST_NAME && ind.unit === "万元") {
      ind.target = fenToWan(funds.total);
      continue;
    }
    if (ind.kind !== "quantitative" || ind.operator !== ">=" || !NUMBER_RE.test(ind.target) || !rng.chance(0.1))
      continue;
    const target = Number(ind.target);
    const lower =
      ind.unit === "%"
        ? target - rng.pick([2, 3, 5])
        : Math.min(target - 1, Math.floor(target * rng.between(0.75, 0.95)));
    if (lower >= 1) ind.target = String(lower);
  }
  // Added in 2024: one of the split-off indicators (beyond the first seven) did not exist yet; its
  // points were still with the indicator of its level 2 it was split from.
  const extras = list.map((_, i) => i).filter((i) => i >= 7);
  if (extras.length > 0 && rng.chance(0.2)) {
    const at = rng.pick(extras);
    const gone = list[at]!;
    list.splice(at, 1);
    const host = list.find((i) => i.level1 === gone.level1 && i.level2 === gone.level2) ?? list[0];
    if (host) host.weight = fromPts(pts(host.weight) + pts(gone.weight));
  }
  // Dropped in 2024: a 2023 indicator with 5 points taken from the heaviest one.
  const heaviest = list.reduce<GoalIndicator | undefined>(
    (best, i) => (!best || i.weight > best.weight ? i : best),
    undefined,
  );
  if (heaviest && pts(heaviest.weight) > 1000 && rng.chance(0.12)) {
    const dropped = rng.pick(DROPPED);
    if (!list.some((i) => i.name === dropped.name)) {
      heaviest.weight = fromPts(pts(heaviest.weight) - 500);
      const at = list.findLastIndex((i) => i.level1 === dropped.level1) + 1;
      list.splice(at > 0 ? at : list.length, 0, { ...dropped, weight: 5 });
    }
  }
  // A weight shift: 2024 moved 5 points from one indicator to another.
  if (list.length >= 2 && rng.chance(0.08)) {
    const from = rng.int(0, list.length - 1);
    const to = rng.int(0, list.length - 1);
    const receiver = list[to]!;
    if (from !== to && pts(receiver.weight) > 500) {
      list[from]!.weight = fromPts(pts(list[from]!.weight) + 500);
      receiver.weight = fromPts(pts(receiver.weight) - 500);
    }
  }
  const year = String(HISTORY_YEAR);
  let overallGoal = now.overallGoal.replaceAll(`${now.fiscalYear}年`, `${year}年`);
  // Some satisfaction targets were raised for 2024.
  if (rng.chance(0.15)) overallGoal = overallGoal.replace("满意度达到90%以上", "满意度达到85%以上");
  return {
    ...now,
    subjectName: name,
    fiscalYear: HISTORY_YEAR,
    funds,
    overallGoal,
    indicators: list,
  };
}
