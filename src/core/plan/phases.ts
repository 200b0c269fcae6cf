/**
 * The year's work plan (年度工作安排): the phases of the annual cycle of one fiscal year, each with its
 * dates. A fiscal year's work spans three calendar years: goals are declared in the autumn before it,
 * monitoring runs inside it, self-evaluation and what follows come after it closes.
 */
export const PHASES = [
  "goal_declaration",
  "goal_review",
  "goal_onsite_review",
  "monitoring",
  "self_evaluation",
  "spot_check",
  "dept_evaluation",
  "key_evaluation",
  "result_application",
  "disclosure",
] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_LABELS: Record<Phase, string> = {
  goal_declaration: "目标申报",
  goal_review: "目标审核",
  goal_onsite_review: "目标现场会审",
  monitoring: "运行监控",
  self_evaluation: "单位自评",
  spot_check: "抽查复核",
  dept_evaluation: "部门评价",
  key_evaluation: "财政重点评价",
  result_application: "结果应用",
  disclosure: "信息公开",
};

/** One phase of a plan: calendar dates in China (YYYY-MM-DD), both days included. */
export interface PlanPhase {
  phase: Phase;
  startsOn: string;
  endsOn: string;
  /** When finance opened the phase (issued its tasks); null while not opened. */
  openedAt?: string | null;
}

/**
 * The default plan of fiscal year `y`, dated as a county's year usually runs: declaration with the
 * budget in the autumn before the year, the review until the budget is passed, the on-site review in
 * the winter, monitoring as of the end of June, self-evaluation in the first quarter after the year, the
 * spot-check, department and key evaluations in spring and summer, results applied while the budget after
 * next is prepared, and disclosure through the second half of that year. Finance edits it per year.
 */
export function defaultPlan(y: number): PlanPhase[] {
  const d = (year: number, md: string) => `${year}-${md}`;
  const rows: [Phase, string, string][] = [
    ["goal_declaration", d(y - 1, "09-01"), d(y - 1, "10-31")],
    ["goal_review", d(y - 1, "10-15"), d(y - 1, "12-20")],
    ["goal_onsite_review", d(y - 1, "11-01"), d(y - 1, "12-31")],
    ["monitoring", d(y, "07-01"), d(y, "08-31")],
    ["self_evaluation", d(y + 1, "01-01"), d(y + 1, "03-31")],
    ["spot_check", d(y + 1, "04-01"), d(y + 1, "06-30")],
    ["dept_evaluation", d(y + 1, "04-01"), d(y + 1, "07-31")],
    ["key_evaluation", d(y + 1, "04-01"), d(y + 1, "09-30")],
    ["result_application", d(y + 1, "08-01"), d(y + 1, "10-31")],
    ["disclosure", d(y + 1, "06-01"), d(y + 1, "12-31")],
  ];
  return rows.map(([phase, startsOn, endsOn]) => ({ phase, startsOn, endsOn }));
}

/**
 * The order a plan must respect: a phase cannot start before the work it needs has started (or, for
 * `end`, has ended). Overlaps are normal (review runs while late units still declare); these are the
 * orders that cannot work.
 */
export const PHASE_ORDER: readonly { phase: Phase; after: Phase; edge: "start" | "end" }[] = [
  { phase: "goal_review", after: "goal_declaration", edge: "start" },
  { phase: "goal_onsite_review", after: "goal_declaration", edge: "start" },
  { phase: "monitoring", after: "goal_declaration", edge: "end" },
  { phase: "self_evaluation", after: "monitoring", edge: "end" },
  { phase: "spot_check", after: "self_evaluation", edge: "start" },
  { phase: "dept_evaluation", after: "self_evaluation", edge: "start" },
  { phase: "key_evaluation", after: "monitoring", edge: "start" },
  { phase: "result_application", after: "spot_check", edge: "start" },
  { phase: "disclosure", after: "goal_review", edge: "start" },
];
