import type { FrameworkRow } from "../core/evaluations/framework";
import type { ProjectRow } from "../core/imports/rows";
import type { Rng } from "../core/random";
import { EVALUATED_KEY_PROJECTS } from "./key-projects";
import { personName } from "./names";

/**
 * The demo district's 2024 evaluations (seed 一(三), 一(四)), as the people who run them would enter them:
 * the expert pool, each expert's points per indicator, each department's own evaluation. Only inputs: the
 * scores, means, coverage and amounts are the system's own computations on them.
 */
export interface DemoExpert {
  username: string;
  name: string;
  employer: string;
  /** A department of the district the expert works for (回避), or null. */
  employerDepartmentCode: string | null;
  title: string;
  fields: string[];
}

export interface DemoKeyEvaluation {
  projectCode: string;
  /** The experts' usernames; the first leads. */
  experts: string[];
  /** Points per indicator uid, per expert username. */
  sheets: Record<string, Record<string, number>>;
  problems: string;
  recommendations: string;
  /** Rectification items sent to the project's unit: what becomes of each by the end of the demo. */
  rectification: {
    problem: string;
    requirement: string;
    deadline: string;
    outcome: "accepted" | "answered" | "open";
  }[];
}

export interface DemoDepartmentEvaluation {
  departmentCode: string;
  projectCode: string;
  sheet: Record<string, number>;
  problems: string;
}

/** The four key evaluations' scores in hundredths: their mean is the seed's 80.34 (32,136 / 4). */
export const KEY_EVALUATION_TOTALS = [8215, 7860, 8120, 7941] as const;

const EXPERTS: Omit<DemoExpert, "username" | "name">[] = [
  { employer: "广西大学公共管理学院", employerDepartmentCode: null, title: "教授", fields: ["财政管理", "绩效评价"] },
  { employer: "城中区教育局", employerDepartmentCode: "EDU", title: "高级工程师", fields: ["教育", "基本建设"] },
  {
    employer: "广西建设工程造价咨询协会",
    employerDepartmentCode: null,
    title: "高级工程师",
    fields: ["工程造价", "基本建设"],
  },
  { employer: "广西财经学院", employerDepartmentCode: null, title: "副教授", fields: ["财务会计", "绩效评价"] },
  { employer: "广西社会科学院", employerDepartmentCode: null, title: "研究员", fields: ["社会保障", "民政"] },
  { employer: "柳州市文化馆", employerDepartmentCode: null, title: "副研究馆员", fields: ["文化", "旅游"] },
  { employer: "广西华信会计师事务所", employerDepartmentCode: null, title: "注册会计师", fields: ["审计", "财务会计"] },
  {
    employer: "广西城乡规划设计院",
    employerDepartmentCode: null,
    title: "高级规划师",
    fields: ["城乡建设", "基本建设"],
  },
];

/**
 * Points per indicator that add up to `total` hundredths: start at full marks and take off half points from
 * indicators picked at random (never below 0), the last odd hundredths from the first that can give them.
 */
export function sheetWithTotal(rows: readonly FrameworkRow[], total: number, rng: Rng): Record<string, number> {
  const points = new Map(rows.map((r) => [r.uid, Math.round(r.points * 100)]));
  let left = 10000 - total;
  if (left < 0 || left > 10000) throw new RangeError(`total ${total} outside 0..10000`);
  let guard = 0;
  while (left >= 50 && guard++ < 10000) {
    const r = rng.pick(rows);
    const have = points.get(r.uid)!;
    const take = Math.min(have, left - (left % 50), 50 * rng.int(1, 4));
    if (take <= 0 || have - take < Math.round(r.points * 100) * 0.3) continue;
    points.set(r.uid, have - take);
    left -= take;
  }
  for (const r of rows) {
    if (left === 0) break;
    const have = points.get(r.uid)!;
    const take = Math.min(have, left);
    points.set(r.uid, have - take);
    left -= take;
  }
  return Object.fromEntries([...points].map(([uid, h]) => [uid, h / 100]));
}

const KEY_TEXT = [
  {
    problems:
      "一是部分校舍改造项目开工滞后，年度实际完成率未达计划；二是绩效目标中的质量指标未细化到单体工程验收标准；三是项目档案资料归集不完整。",
    recommendations: "加快项目建设进度，细化质量类绩效指标，建立项目档案管理台账。",
  },
  {
    problems: "一是放映场次台账与农村公益电影放映监管平台数据不一致；二是满意度调查样本量偏小；三是资金拨付不够及时。",
    recommendations: "规范放映台账，以监管平台数据为准核对场次；扩大满意度调查覆盖面；按进度及时拨付资金。",
  },
  {
    problems: "一是部分小区改造内容与居民意见征集结果不一致；二是工程变更审批程序不规范；三是成本指标未设定单位成本。",
    recommendations: "完善居民意见征集和公示，规范工程变更审批，设置单位面积改造成本指标。",
  },
  {
    problems:
      "一是救助对象动态管理不及时，存在应退未退情形；二是救助资金发放记录与银行回单核对不到位；三是可持续影响指标缺乏量化。",
    recommendations: "建立救助对象动态复核机制，按月核对资金发放记录，量化可持续影响指标。",
  },
];

/** Each problem becomes one item; the demo ends with some accepted, one answered awaiting finance, one overdue. */
const OUTCOMES: DemoKeyEvaluation["rectification"][number]["outcome"][][] = [
  ["accepted", "accepted", "answered"],
  ["accepted", "open", "accepted"],
  ["accepted", "answered", "accepted"],
  ["answered", "accepted", "accepted"],
];

export function buildEvaluations(
  rng: Rng,
  fiscalYear: number,
  framework: readonly FrameworkRow[],
  projects: readonly ProjectRow[],
  departmentCodes: readonly string[],
  educationCode: string,
): { experts: DemoExpert[]; key: DemoKeyEvaluation[]; department: DemoDepartmentEvaluation[] } {
  const experts = EXPERTS.map(
    (e, i): DemoExpert => ({
      ...e,
      username: `expert${i + 1}`,
      name: personName(rng),
      employerDepartmentCode: e.employerDepartmentCode === "EDU" ? educationCode : e.employerDepartmentCode,
    }),
  );
  const year = projects.filter((p) => p.fiscalYear === fiscalYear);
  const byName = new Map(year.map((p) => [p.name, p]));
  // Teams of three; expert2 works for the education bureau and so never sits on the school programme's team.
  const teams = [
    ["expert1", "expert3", "expert4"],
    ["expert4", "expert6", "expert7"],
    ["expert8", "expert3", "expert2"],
    ["expert5", "expert7", "expert1"],
  ];
  const key = EVALUATED_KEY_PROJECTS.map((k, i): DemoKeyEvaluation => {
    const project = byName.get(k.name);
    if (!project) throw new Error(`key project ${k.name} missing from the demo year`);
    const target = KEY_EVALUATION_TOTALS[i]!;
    const team = teams[i]!;
    // Three experts around the target whose mean is exactly the target: target − d, target + d, target.
    const d = 25 + 10 * i;
    const totals = [target - d, target + d, target];
    // Notices go out in August after the evaluations are finalised; units get until the autumn or year end.
    const deadline = `${fiscalYear + 1}-${10 + (i % 3)}-30`;
    const text = KEY_TEXT[i]!;
    const problems = text.problems.split(/[一二三]是/).filter((s) => s.trim() !== "");
    return {
      projectCode: project.code,
      experts: team,
      sheets: Object.fromEntries(team.map((u, j) => [u, sheetWithTotal(framework, totals[j]!, rng)])),
      problems: text.problems,
      recommendations: text.recommendations,
      rectification: problems.map((p, j) => ({
        problem: p.replace(/[；。]$/, ""),
        requirement: `针对“${p.replace(/[；。]$/, "")}”制定整改措施，按期报送整改情况及佐证材料`,
        deadline,
        outcome: OUTCOMES[i]![j] ?? "accepted",
      })),
    };
  });
  const keyCodes = new Set(key.map((k) => k.projectCode));
  // Every department evaluates one project of its own: its largest that is not a key evaluation's.
  const department = departmentCodes.map((code): DemoDepartmentEvaluation => {
    const own = year
      .filter((p) => p.departmentCode === code && !keyCodes.has(p.code))
      .sort((a, b) => b.adjustedBudget - a.adjustedBudget || a.code.localeCompare(b.code));
    const pick = own[0];
    if (!pick) throw new Error(`department ${code} has no project to evaluate`);
    const total = rng.int(7200, 9600);
    return {
      departmentCode: code,
      projectCode: pick.code,
      sheet: sheetWithTotal(framework, total, rng),
      problems: "部分绩效指标未量化，资金支出进度前慢后快。",
    };
  });
  return { experts, key, department };
}
