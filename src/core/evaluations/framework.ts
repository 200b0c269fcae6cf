import { hundredthsOf, pointsText, toHundredths } from "../selfeval/grade";

/**
 * The evaluation framework of department and key evaluations (domain.md §5): 决策 / 过程 / 产出 / 效益 with
 * their level-2 and level-3 indicators. The weights are policy (a versioned rule set per region and year);
 * the constraint is fixed: the whole is 100 points and 产出 + 效益 carry at least 60.
 */
export const EVAL_LEVEL1 = ["decision", "process", "output", "benefit"] as const;
export type EvalLevel1 = (typeof EVAL_LEVEL1)[number];
export const EVAL_LEVEL1_LABELS: Record<EvalLevel1, string> = {
  decision: "决策",
  process: "过程",
  output: "产出",
  benefit: "效益",
};

export interface FrameworkRow {
  /** Stable key of the indicator: scores and comments are kept by it. */
  uid: string;
  level1: EvalLevel1;
  level2: string;
  name: string;
  points: number;
  /** 评分标准: how the points are given. */
  standard: string;
}

export interface EvaluationFramework {
  rows: FrameworkRow[];
  /** 回避: years an expert or firm stays conflicted after evaluating or advising an organisation's project. */
  conflictYears: number;
  /** Department evaluation: projects each department evaluates at least, and the cycle in which every key project is evaluated. */
  minProjectsPerDepartment: number;
  keyProjectCycleYears: number;
  /** A key project: adjusted budget at least this (fen), for the five-year rule. */
  keyProjectThresholdFen: number;
}

export const EVALUATION_MODULE = "evaluation";

const row = (uid: string, level1: EvalLevel1, level2: string, name: string, points: number, standard: string) => ({
  uid,
  level1,
  level2,
  name,
  points,
  standard,
});

/** The usual framework (财预〔2020〕10号 附件 with county weights): 决策 15, 过程 20, 产出 35, 效益 30. */
export const DEFAULT_EVALUATION_FRAMEWORK: EvaluationFramework = {
  rows: [
    row(
      "D1",
      "decision",
      "项目立项",
      "立项依据充分性",
      3,
      "符合法律法规、发展规划和部门职责，得满分；每有一项不符扣1分",
    ),
    row("D2", "decision", "项目立项", "立项程序规范性", 3, "按规定程序申请设立，审批文件完备，得满分；否则酌情扣分"),
    row("D3", "decision", "绩效目标", "绩效目标合理性", 3, "目标与实际工作内容相关、与预算匹配，得满分；否则酌情扣分"),
    row("D4", "decision", "绩效目标", "绩效指标明确性", 3, "指标细化、量化、可衡量，得满分；每有一项不明确扣0.5分"),
    row("D5", "decision", "资金投入", "预算编制科学性", 2, "预算编制有测算依据、与工作任务匹配，得满分"),
    row("D6", "decision", "资金投入", "资金分配合理性", 1, "资金分配依据充分、额度合理，得满分"),
    row("P1", "process", "资金管理", "资金到位率", 4, "实际到位资金/预算资金×4分"),
    row("P2", "process", "资金管理", "预算执行率", 5, "实际支出资金/实际到位资金×5分"),
    row(
      "P3",
      "process",
      "资金管理",
      "资金使用合规性",
      5,
      "资金使用符合财经制度和资金管理办法，得满分；发现一处违规扣1分",
    ),
    row("P4", "process", "组织实施", "管理制度健全性", 3, "制度健全、合法合规，得满分；否则酌情扣分"),
    row("P5", "process", "组织实施", "制度执行有效性", 3, "按制度执行、资料齐全并及时归档，得满分；否则酌情扣分"),
    row("O1", "output", "产出数量", "实际完成率", 10, "实际产出数/计划产出数×10分"),
    row("O2", "output", "产出质量", "质量达标率", 10, "质量达标产出数/实际产出数×10分"),
    row("O3", "output", "产出时效", "完成及时性", 8, "按计划时间完成得满分，每滞后一个月扣2分"),
    row("O4", "output", "产出成本", "成本节约率", 7, "在预算内完成得满分，超支按比例扣分"),
    row("B1", "benefit", "项目效益", "社会效益", 10, "达到预期目标得满分，部分达到酌情扣分"),
    row("B2", "benefit", "项目效益", "经济效益", 5, "达到预期目标得满分，部分达到酌情扣分"),
    row("B3", "benefit", "项目效益", "可持续影响", 5, "长效机制健全、可持续，得满分；否则酌情扣分"),
    row("B4", "benefit", "满意度", "服务对象满意度", 10, "满意度≥90%得满分，每低1个百分点扣0.5分"),
  ],
  conflictYears: 3,
  minProjectsPerDepartment: 1,
  keyProjectCycleYears: 5,
  keyProjectThresholdFen: 500_0000_00,
};

export interface FrameworkIssue {
  field: string;
  message: string;
}

/** Hundredths of each level-1 and of the whole. */
export function levelTotals(rows: readonly Pick<FrameworkRow, "level1" | "points">[]) {
  const by: Record<EvalLevel1, bigint> = { decision: 0n, process: 0n, output: 0n, benefit: 0n };
  for (const r of rows) by[r.level1] += hundredthsOf(r.points);
  return { by, total: by.decision + by.process + by.output + by.benefit };
}

/**
 * Checks a framework as finance saves it: every row named, with a known level 1, a unique key and points of at
 * most two decimals above 0; the points sum to 100 exactly; 产出 + 效益 ≥ 60; the policy numbers in range.
 */
export function validateFramework(f: EvaluationFramework): FrameworkIssue[] {
  const issues: FrameworkIssue[] = [];
  const uids = new Set<string>();
  if (f.rows.length === 0) issues.push({ field: "rows", message: "评价指标体系不能为空" });
  if (f.rows.length > 200) issues.push({ field: "rows", message: "评价指标不能超过200项" });
  f.rows.forEach((r, i) => {
    const at = `第${i + 1}行`;
    if (!/^[A-Za-z0-9_-]{1,20}$/.test(r.uid))
      issues.push({ field: `rows.${i}.uid`, message: `${at}：指标编号只能由字母、数字、-、_ 组成，最长20位` });
    else if (uids.has(r.uid)) issues.push({ field: `rows.${i}.uid`, message: `${at}：指标编号 ${r.uid} 重复` });
    uids.add(r.uid);
    if (!(EVAL_LEVEL1 as readonly string[]).includes(r.level1))
      issues.push({ field: `rows.${i}.level1`, message: `${at}：一级指标只能是决策、过程、产出或效益` });
    if (r.level2.trim() === "") issues.push({ field: `rows.${i}.level2`, message: `${at}：请填写二级指标` });
    if (r.name.trim() === "") issues.push({ field: `rows.${i}.name`, message: `${at}：请填写三级指标` });
    const h = toHundredths(r.points);
    if (h === null || h <= 0n || h > 10000n)
      issues.push({ field: `rows.${i}.points`, message: `${at}：分值须大于0、不超过100，最多两位小数` });
  });
  if (issues.length > 0) return issues;
  const { by, total } = levelTotals(f.rows);
  if (total !== 10000n) issues.push({ field: "rows", message: `各指标分值合计应为100分，现为${pointsText(total)}分` });
  if (by.output + by.benefit < 6000n)
    issues.push({
      field: "rows",
      message: `产出和效益指标分值合计不得低于60分，现为${pointsText(by.output + by.benefit)}分（产出${pointsText(by.output)}、效益${pointsText(by.benefit)}）`,
    });
  for (const l of EVAL_LEVEL1)
    if (by[l] === 0n) issues.push({ field: "rows", message: `一级指标“${EVAL_LEVEL1_LABELS[l]}”下没有指标` });
  if (!Number.isInteger(f.conflictYears) || f.conflictYears < 0 || f.conflictYears > 10)
    issues.push({ field: "conflictYears", message: "回避年限须为0至10的整数" });
  if (
    !Number.isInteger(f.minProjectsPerDepartment) ||
    f.minProjectsPerDepartment < 0 ||
    f.minProjectsPerDepartment > 50
  )
    issues.push({ field: "minProjectsPerDepartment", message: "每个部门至少评价的项目数须为0至50的整数" });
  if (!Number.isInteger(f.keyProjectCycleYears) || f.keyProjectCycleYears < 1 || f.keyProjectCycleYears > 10)
    issues.push({ field: "keyProjectCycleYears", message: "重点项目评价周期须为1至10年的整数" });
  if (!Number.isSafeInteger(f.keyProjectThresholdFen) || f.keyProjectThresholdFen < 0)
    issues.push({ field: "keyProjectThresholdFen", message: "重点项目金额标准须为不小于0的金额" });
  return issues;
}
