import type { GoalIndicator, GoalTable } from "../core/goals/types";
import type { DeptBudgetRow, ProjectRow } from "../core/imports/rows";
import { fenToWan } from "../core/money";
import { forkRng, type Rng } from "../core/random";

/**
 * Goal tables for every project and department of the demo year: most are sound, some carry the
 * faults a real review finds (vague targets, weights off 100, missing units, satisfaction filed under
 * benefit, money inputs filed as outputs, mostly qualitative tables). Departments differ in care, so
 * the region-wide summary shows which departments and which faults dominate. The quality checks find
 * the faults themselves; nothing here labels a table as good or bad.
 */
export type GoalFault =
  | "vague"
  | "weights"
  | "unit"
  | "satisfactionAsBenefit"
  | "inputAsOutput"
  | "qualitative"
  | "targetText";

const FAULTS: readonly GoalFault[] = [
  "vague",
  "weights",
  "unit",
  "satisfactionAsBenefit",
  "inputAsOutput",
  "qualitative",
  "targetText",
];

const OBJECTS: Record<string, { thing: string; unit: string; people: string }> = {
  教育: { thing: "受助学生", unit: "人", people: "在校学生及家长" },
  卫生健康: { thing: "服务人次", unit: "人次", people: "辖区居民" },
  社会保障和就业: { thing: "保障对象", unit: "人", people: "保障对象" },
  城乡社区: { thing: "改造项目", unit: "个", people: "社区居民" },
  农林水: { thing: "治理面积", unit: "亩", people: "受益农户" },
  文化旅游体育与传媒: { thing: "文化活动场次", unit: "场", people: "参与群众" },
  公共安全: { thing: "巡查次数", unit: "次", people: "辖区群众" },
  交通运输: { thing: "道路养护里程", unit: "公里", people: "通行群众" },
  节能环保: { thing: "整治点位", unit: "处", people: "周边居民" },
};
const DEFAULT_OBJECT = { thing: "完成工作任务", unit: "项", people: "服务对象" };

const q = (
  level1: string,
  level2: string,
  name: string,
  operator: GoalIndicator["operator"],
  target: string,
  unit: string,
  weight: number,
): GoalIndicator => ({ level1, level2, name, kind: "quantitative", operator, target, unit, weight, explanation: null });

const ql = (level1: string, level2: string, name: string, target: string, weight: number): GoalIndicator => ({
  level1,
  level2,
  name,
  kind: "qualitative",
  operator: null,
  target,
  unit: null,
  weight,
  explanation: null,
});

/** A sound table: output 50, benefit 35, satisfaction 15, all measurable. */
function soundIndicators(rng: Rng, sector: string | null, budgetFen: number): GoalIndicator[] {
  const o = OBJECTS[sector ?? ""] ?? DEFAULT_OBJECT;
  const amount = rng.int(2, 60) * (o.unit === "人次" ? 100 : 1);
  const list = [
    q("产出指标", "数量指标", `${o.thing}数量`, ">=", String(amount), o.unit, 15),
    q("产出指标", "质量指标", "验收合格率", ">=", String(rng.pick([95, 98, 100])), "%", 10),
    q("产出指标", "时效指标", "按期完成率", "=", "100", "%", 10),
    q("产出指标", "成本指标", "项目成本控制数", "<=", fenToWan(budgetFen), "万元", 15),
    q("效益指标", "社会效益指标", `${o.people}受益人数`, ">=", String(rng.int(50, 5000)), "人", 20),
    ql("效益指标", "可持续影响指标", "长效管理机制建立情况", "建立并有效运行", 15),
    q("满意度指标", "服务对象满意度指标", `${o.people}满意度`, ">=", String(rng.pick([85, 90, 95])), "%", 15),
  ];
  // Larger tables split the quantity and quality points over more indicators (~11 a table on average).
  const extra = rng.int(2, 6);
  for (let i = 0; i < extra; i++) {
    const target = list[i % 2 === 0 ? 0 : 1]!;
    const share = Math.round((target.weight / 2) * 100) / 100;
    target.weight = Math.round((target.weight - share) * 100) / 100;
    list.push(
      i % 2 === 0
        ? q("产出指标", "数量指标", `第${i + 2}项${o.thing}数量`, ">=", String(rng.int(1, 40)), o.unit, share)
        : q("产出指标", "质量指标", `第${i + 2}项工作达标率`, ">=", String(rng.pick([90, 95, 100])), "%", share),
    );
  }
  return list;
}

function applyFault(rng: Rng, list: GoalIndicator[], fault: GoalFault): void {
  const at = (level1: string) => list.findIndex((i) => i.level1 === level1);
  // Weight slips happen on the heaviest indicator, where moving 5 points still leaves a positive weight.
  const heaviest = list.reduce((best, i) => (i.weight > best.weight ? i : best), list[0]!);
  switch (fault) {
    case "vague": {
      const i = at("效益指标");
      list[i] = {
        ...list[i]!,
        kind: "qualitative",
        operator: null,
        unit: null,
        target: rng.pick(["进一步提高", "有所提升", "明显改善"]),
      };
      return;
    }
    case "weights":
      heaviest.weight += rng.pick([-5, 5, 10]);
      return;
    case "unit":
      list[0]!.unit = null;
      return;
    case "satisfactionAsBenefit": {
      const i = at("满意度指标");
      list[i] = { ...list[i]!, level1: "效益指标", level2: "社会效益指标" };
      return;
    }
    case "inputAsOutput":
      heaviest.weight -= 5;
      list.push(q("产出指标", "数量指标", "资金到位率", "=", "100", "%", 5));
      return;
    case "qualitative":
      for (const ind of list.slice(0, Math.ceil(list.length * 0.7))) {
        Object.assign(ind, { kind: "qualitative", operator: null, unit: null, target: "按要求完成" });
      }
      return;
    case "targetText":
      list[1]!.target = `${list[1]!.target}%以上`;
      return;
  }
}

/** How careless each department is (0.05–0.6 of its tables have a fault), fixed by the seed. */
function faultRates(seed: number, departmentCodes: readonly string[]): Map<string, number> {
  const rng = forkRng(seed, "goal-fault-rates");
  return new Map(departmentCodes.map((c) => [c, rng.chance(0.2) ? rng.between(0.35, 0.6) : rng.between(0.05, 0.25)]));
}

export function buildGoalTables(
  seed: number,
  fiscalYear: number,
  projects: readonly ProjectRow[],
  deptBudgets: readonly DeptBudgetRow[],
  departmentNames: ReadonlyMap<string, { name: string; sector: string | null }>,
): GoalTable[] {
  const rng = forkRng(seed, "goals");
  const rates = faultRates(seed, [...departmentNames.keys()].sort());
  const table = (
    subjectKind: GoalTable["subjectKind"],
    code: string,
    name: string,
    sector: string | null,
    funds: { total: number; fiscal: number; other: number },
    departmentCode: string,
  ): GoalTable => {
    const indicators = soundIndicators(rng, sector, funds.total);
    if (rng.chance(rates.get(departmentCode) ?? 0.1)) applyFault(rng, indicators, rng.pick(FAULTS));
    const purpose = subjectKind === "project" ? `实施${name.replace(/^\d{4}年/, "")}` : `履行${name}职能`;
    return {
      subjectKind,
      subjectCode: code,
      subjectName: name,
      fiscalYear,
      funds,
      overallGoal: `${fiscalYear}年${purpose}，按计划完成年度任务，资金使用规范高效，服务对象满意度达到90%以上。`,
      indicators,
    };
  };
  return [
    ...projects.map((p) =>
      table(
        "project",
        p.code,
        p.name,
        p.sector,
        { total: p.adjustedBudget, fiscal: p.fiscalFunds, other: p.otherFunds },
        p.departmentCode,
      ),
    ),
    ...deptBudgets.map((b) => {
      const d = departmentNames.get(b.departmentCode);
      return table(
        "deptWide",
        b.departmentCode,
        d?.name ?? b.departmentCode,
        d?.sector ?? null,
        { total: b.adjustedBudget, fiscal: b.fiscalFunds, other: b.otherFunds },
        b.departmentCode,
      );
    }),
  ];
}
