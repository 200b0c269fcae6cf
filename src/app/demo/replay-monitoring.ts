import { isPercentUnit, parseMeasure } from "../../core/monitoring/measure";
import type { ItemAnswers, Likelihood, MonitoringRules } from "../../core/monitoring/types";
import { executionLight } from "../../core/monitoring/warning";
import { forkRng, type Rng, seedFromString } from "../../core/random";
import type { Actor, Deps } from "../context";
import { actOnMonitoringReport } from "../monitoring/act-on-report";
import { confirmMonitoringSelection } from "../monitoring/confirm-selection";
import { readReport } from "../monitoring/get-report";
import { drawKeyMonitoring } from "../monitoring/key-monitoring";
import { listMonitoringCandidates } from "../monitoring/list-selection";
import { openMonitoringRound } from "../monitoring/open-round";
import type { MonitoringCandidate, ReportDetail } from "../monitoring/ports";
import { saveMonitoringReport } from "../monitoring/save-report";
import { selectMonitoringSubjects } from "../monitoring/select-subjects";
import { demoActor, type SetDay } from "./replay-declaration";
import { replayFollowUps } from "./replay-follow-ups";

/** The seed's 2024 monitoring: 117 department tasks and 9 finance key tasks, as of the end of July. */
export const DEMO_MONITORING = { cutoffMonth: 7, departmentTasks: 117, keyTasks: 9 } as const;

/**
 * Each department's share of the department tasks: two subjects each, one more for the departments with
 * the most subjects to choose from (their department-wide budget), and a department with too few gives its
 * shortfall to the next.
 */
export function departmentQuotas(available: readonly { code: string; count: number }[], total: number) {
  const quota = new Map(available.map((d) => [d.code, 0]));
  const byRoom = [...available].sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1));
  let left = total;
  for (let round = 0; left > 0 && round < 50; round++)
    for (const d of byRoom) {
      if (left === 0) break;
      if (quota.get(d.code)! < d.count) {
        quota.set(d.code, quota.get(d.code)! + 1);
        left -= 1;
      }
    }
  return quota;
}

/** What a department chooses: its department-wide budget when its quota allows three, then its largest projects. */
function choose(candidates: readonly MonitoringCandidate[], quota: number) {
  const open = candidates.filter((c) => c.goalTableId !== null && c.report === null);
  const deptWide = quota >= 3 ? open.filter((c) => c.subjectKind === "deptWide") : [];
  const projects = open
    .filter((c) => c.subjectKind === "project")
    .sort((a, b) => b.budget - a.budget || (a.code < b.code ? -1 : 1));
  return [...deptWide, ...projects].slice(0, quota).map((c) => ({ subjectKind: c.subjectKind, id: c.id }));
}

const CAUSE_NOTES: Record<string, string[]> = {
  经费保障: ["上级资金下达较晚，配套资金尚未到位", "资金拨付流程较长，支付进度滞后"],
  制度保障: ["项目实施方案调整，采购程序重新履行", "管理办法修订中，部分支出暂缓"],
  人员保障: ["项目负责人调整，工作衔接需要时间", "专业技术人员不足，进度受到影响"],
  硬件条件保障: ["场地尚未具备施工条件", "设备采购到货延迟"],
  其他: ["受天气等客观因素影响，施工进度滞后", "服务对象需求变化，实施内容正在调整"],
};

const MEASURES = [
  "加快项目实施和资金支付进度，按月跟踪",
  "督促供应商按合同履约，确保年底前完成",
  "优化实施方案，调整后续工作安排",
];

/** A quantitative answer near the share of the year gone by; the expected value per the likelihood. */
function answerItem(rng: Rng, item: ReportDetail["items"][number], likelihood: Likelihood, month: number): ItemAnswers {
  const doubtful = likelihood !== "certain";
  const cause = doubtful ? rng.pick(Object.keys(CAUSE_NOTES)) : null;
  const why = cause ? { cause, causeNote: rng.pick(CAUSE_NOTES[cause]!), measures: rng.pick(MEASURES) } : null;
  // A quantitative target that is not a number (a fault the goal review flags) is answered as a share of 100.
  const target = item.kind === "quantitative" ? (parseMeasure(item.target) ?? { value: 100 }) : null;
  if (!target) {
    const progress = doubtful ? "部分完成，进度滞后" : "按计划推进";
    const expected = likelihood === "impossible" ? "难以达到预期" : doubtful ? "基本达到预期" : "达到预期";
    return {
      progress,
      expected,
      likelihood,
      cause: why?.cause ?? null,
      causeNote: why?.causeNote ?? null,
      measures: why?.measures ?? null,
    };
  }
  // "≤" targets (cost, time) are ceilings: the expected value stays under them when certain.
  const t = target.value;
  const share = Math.min(1, (month / 12) * rng.between(0.7, 1.2));
  const decimals = Number.isInteger(t) ? 0 : 2;
  const round = (x: number) => x.toFixed(decimals);
  const atEnd =
    item.operator === "<="
      ? doubtful
        ? t * rng.between(1.05, 1.3)
        : t * rng.between(0.85, 1)
      : likelihood === "impossible"
        ? t * rng.between(0.4, 0.7)
        : likelihood === "possible"
          ? t * rng.between(0.8, 0.95)
          : t;
  // A rate (%) is not cumulative: to date it is about what is expected; a count grows with the year.
  const progress = isPercentUnit(item.unit) ? atEnd * rng.between(0.95, 1) : atEnd * share;
  return {
    progress: round(progress),
    expected: round(atEnd),
    likelihood,
    cause: why?.cause ?? null,
    causeNote: why?.causeNote ?? null,
    measures: why?.measures ?? null,
  };
}

/**
 * A report's answers as its unit gave them: lagging execution makes doubt likely (有可能, sometimes one
 * 完全不可能 indicator), execution on time mostly 确定能. Everything follows from the demo's execution.
 */
function answersFor(d: ReportDetail, rules: MonitoringRules) {
  const rng = forkRng(seedFromString(`城中区运行监控-${d.code}`), "answers");
  const month = d.round.cutoffMonth;
  const lit = executionLight(d.execution.budget, d.execution.executed, month, rules).light;
  const pDoubt = lit === "red" ? 0.6 : lit === "yellow" ? 0.3 : 0.08;
  const doubtful = rng.chance(pDoubt);
  const impossibleAt = doubtful && lit === "red" && rng.chance(0.3) ? rng.int(0, d.items.length - 1) : -1;
  const possibleAt = doubtful ? rng.int(0, d.items.length - 1) : -1;
  const likelihoodOf = (i: number): Likelihood =>
    i === impossibleAt ? "impossible" : i === possibleAt ? "possible" : "certain";
  const budget = d.execution.budget;
  const share = rng.between(lit === "red" ? 0.8 : 0.92, 1);
  const expectedYearEnd = Math.max(d.execution.executed, Math.floor((budget * share) / 100) * 100);
  const overallStatus =
    lit === "green"
      ? `截至${month}月，项目按计划实施，预算执行${d.execution.executed >= budget * (month / 12) ? "符合" : "基本符合"}时间进度，预计能够完成年度绩效目标。`
      : `截至${month}月，项目已启动实施，但预算执行慢于时间进度，主要是${rng.pick(["资金拨付", "采购程序", "施工进度", "合同结算"])}滞后；下一步将加快推进。`;
  return {
    overallStatus,
    expectedYearEnd,
    executionNote: expectedYearEnd > budget || d.execution.executed > budget ? "含上年结转资金支出" : null,
    items: d.items.map((item, i) => ({ uid: item.uid, ...answerItem(rng, item, likelihoodOf(i), month) })),
  };
}

/** How each report's story ends in the demo, by its place in the round (deterministic, spread over departments). */
type Fate = "draft" | "submitted" | "dept_approved" | "returned" | "resubmitted" | "approved";
const fateOf = (i: number): Fate =>
  i % 29 === 7
    ? "draft"
    : i % 23 === 5
      ? "returned"
      : i % 17 === 3
        ? "resubmitted"
        : i % 13 === 11
          ? "dept_approved"
          : i % 31 === 2
            ? "submitted"
            : "approved";

const day = (y: number, month: number, d: number) =>
  `${y}-${String(month).padStart(2, "0")}-${String(Math.min(d, 28)).padStart(2, "0")}`;

/**
 * The demo year's monitoring, replayed through the use cases users call, each step on its day: finance opens
 * the round as of July on 1 August and draws its key projects, the departments choose theirs (three of them
 * late), the units fill the prefilled forms, departments review and finance reviews each one (复核评价),
 * returning a few, and gives the red and some yellow ones follow-up actions. Some reports are still being
 * filled or reviewed at the end, and some actions still open, as in a real year.
 */
export async function replayMonitoring(deps: Deps, setDay: SetDay, finance: Actor, fiscalYear: number) {
  const y = fiscalYear;
  setDay(day(y, 8, 1));
  const { round } = await openMonitoringRound(deps, finance, {
    fiscalYear: y,
    cutoffMonth: DEMO_MONITORING.cutoffMonth,
    dueOn: day(y, 8, 23),
    selectionDueOn: day(y, 8, 9),
  });
  setDay(day(y, 8, 2));
  const fixed = { drawSeed: () => ({ seed: `城中区财政重点监控-${y}`, method: "demo-fixed" }) };
  await drawKeyMonitoring({ ...deps, entropy: fixed }, finance, round.id, {
    count: DEMO_MONITORING.keyTasks,
    forced: [],
    excluded: [],
    onlyWithReasons: ["lagging", "large_budget", "key_project"],
    stratify: "department",
  });

  const all = await listMonitoringCandidates(deps, finance, round.id, {});
  const departments = [...new Map(all.map((c) => [c.department.code, c.department])).values()];
  const room = departments.map((d) => ({
    code: d.code,
    count: all.filter((c) => c.department.code === d.code && c.goalTableId !== null && c.report === null).length,
  }));
  const quotas = departmentQuotas(room, DEMO_MONITORING.departmentTasks);
  for (const [i, dept] of departments.entries()) {
    const actor = await demoActor(deps, `dept${dept.code}`);
    const late = i % 19 === 4;
    setDay(day(y, 8, late ? 12 : 5 + (i % 5)));
    const mine = await listMonitoringCandidates(deps, actor, round.id, {});
    const picks = choose(mine, quotas.get(dept.code) ?? 0);
    if (picks.length > 0) await selectMonitoringSubjects(deps, actor, round.id, dept.id, picks);
    await confirmMonitoringSelection(deps, actor, round.id, dept.id, true);
  }

  const region = { kind: "region", regionCode: finance.regionCode } as const;
  const reports = (await deps.uow.read.monitoring.figures(region, { roundId: round.id })).map((r) => r.id);
  for (const [i, id] of reports.entries()) await fillAndReview(deps, setDay, finance, y, id, fateOf(i), i);
  await replayFollowUps(deps, setDay, finance, y, reports);
  return round;
}

async function fillAndReview(deps: Deps, setDay: SetDay, finance: Actor, y: number, id: number, fate: Fate, i: number) {
  const first = await readReport(deps.uow.read, finance, id);
  const d = first.detail;
  const ownDesk = first.declarer === "department";
  const declarer = await demoActor(deps, ownDesk ? `dept${d.department.code}` : `unit${d.unit.code}`);
  const department = await demoActor(deps, `dept${d.department.code}`);
  const version = async () => (await readReport(deps.uow.read, finance, id)).detail.version;
  const act = async (
    actor: Actor,
    action: "submit" | "approve" | "return",
    extra: { comment?: string; note?: string; itemComments?: Record<string, string> } = {},
  ) => actOnMonitoringReport(deps, actor, id, { version: await version(), action, ...extra });
  setDay(day(y, 8, 12 + (i % 10)));
  const answers = answersFor(d, first.rules);
  // One in three late fillers never gets past a first partial save.
  const partial =
    fate === "draft" ? { ...answers, items: answers.items.slice(0, Math.ceil(answers.items.length / 2)) } : answers;
  await saveMonitoringReport(deps, declarer, id, { version: d.version, ...partial });
  if (fate === "draft") return;
  await act(declarer, "submit");
  if (fate === "submitted") return;
  if (!ownDesk) {
    setDay(day(y, 8, 24 + (i % 4)));
    await act(department, "approve", { comment: "经审核，同意报送财政" });
  }
  if (fate === "dept_approved") return;
  setDay(day(y, 9, 2 + (i % 12)));
  const view = (await readReport(deps.uow.read, finance, id)).view;
  if (fate === "returned" || fate === "resubmitted") {
    const doubtful = view.items.find((it) => it.likelihood !== "certain") ?? view.items[0]!;
    await act(finance, "return", {
      comment: "偏差原因分析不够具体，请补充说明并明确整改时限",
      itemComments: { [doubtful.uid]: "请说明该指标完成值的测算依据" },
    });
    if (fate === "returned") return;
    setDay(day(y, 9, 16 + (i % 8)));
    const back = (await readReport(deps.uow.read, finance, id)).detail;
    await saveMonitoringReport(deps, declarer, id, {
      version: back.version,
      ...answers,
      items: answers.items.map((a) =>
        a.uid === doubtful.uid
          ? { ...a, causeNote: `${a.causeNote ?? "按计划推进"}；已补充测算依据`.slice(0, 500) }
          : a,
      ),
    });
    await act(declarer, "submit", { note: "已按财政意见补充偏差原因和测算依据" });
    if (!ownDesk) await act(department, "approve", { comment: "已按财政意见修改，同意报送" });
    setDay(day(y, 9, 25));
  }
  await act(finance, "approve", {
    comment:
      view.light === "green"
        ? "经复核，项目执行正常，绩效目标预计能够实现"
        : view.light === "red"
          ? "经复核，执行进度明显滞后，须加快支出并落实整改措施"
          : "经复核，执行进度略慢于时间进度，请加快推进",
  });
}
