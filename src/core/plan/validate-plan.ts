import { isCalendarDate } from "../calendar";
import { PHASE_LABELS, PHASE_ORDER, PHASES, type Phase, type PlanPhase } from "./phases";

/** One thing wrong with a plan, on the phase and field it names. */
export interface PlanIssue {
  phase: Phase | null;
  field: "phase" | "startsOn" | "endsOn";
  message: string;
}

/** The earliest and latest day a fiscal year's work may be dated: two years around it. */
const bounds = (fiscalYear: number) => ({ first: `${fiscalYear - 2}-01-01`, last: `${fiscalYear + 2}-12-31` });

/**
 * Checks a whole plan of fiscal year `fiscalYear`: every phase once, dates that exist, no phase ending
 * before it starts, dates within two years of the fiscal year, and the order of PHASE_ORDER. Messages
 * name the phase in Chinese, as the page shows it.
 */
export function validatePlan(fiscalYear: number, phases: readonly PlanPhase[]): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const byPhase = new Map<Phase, PlanPhase>();
  for (const p of phases) {
    if (!PHASES.includes(p.phase)) {
      issues.push({ phase: null, field: "phase", message: `未知的阶段：${String(p.phase)}` });
      continue;
    }
    if (byPhase.has(p.phase)) {
      issues.push({ phase: p.phase, field: "phase", message: `「${PHASE_LABELS[p.phase]}」重复出现` });
      continue;
    }
    byPhase.set(p.phase, p);
  }
  for (const phase of PHASES) {
    if (!byPhase.has(phase)) issues.push({ phase, field: "phase", message: `缺少阶段「${PHASE_LABELS[phase]}」` });
  }
  const { first, last } = bounds(fiscalYear);
  const sound = new Set<Phase>();
  for (const p of byPhase.values()) {
    const label = PHASE_LABELS[p.phase];
    let ok = true;
    for (const field of ["startsOn", "endsOn"] as const) {
      const v = p[field];
      const what = field === "startsOn" ? "开始日期" : "结束日期";
      if (!isCalendarDate(v)) {
        issues.push({ phase: p.phase, field, message: `「${label}」的${what}不是有效日期（应为 YYYY-MM-DD）：${v}` });
        ok = false;
      } else if (v < first || v > last) {
        issues.push({
          phase: p.phase,
          field,
          message: `「${label}」的${what} ${v} 超出 ${fiscalYear} 年度工作的范围（${first} 至 ${last}）`,
        });
        ok = false;
      }
    }
    if (ok && p.endsOn < p.startsOn) {
      issues.push({
        phase: p.phase,
        field: "endsOn",
        message: `「${label}」的结束日期 ${p.endsOn} 早于开始日期 ${p.startsOn}`,
      });
      ok = false;
    }
    if (ok) sound.add(p.phase);
  }
  for (const rule of PHASE_ORDER) {
    const p = byPhase.get(rule.phase);
    const before = byPhase.get(rule.after);
    if (!p || !before || !sound.has(rule.phase) || !sound.has(rule.after)) continue;
    const limit = rule.edge === "start" ? before.startsOn : before.endsOn;
    if (p.startsOn < limit) {
      const edge = rule.edge === "start" ? "开始日期" : "结束日期";
      issues.push({
        phase: p.phase,
        field: "startsOn",
        message: `「${PHASE_LABELS[p.phase]}」的开始日期 ${p.startsOn} 早于「${PHASE_LABELS[rule.after]}」的${edge} ${limit}`,
      });
    }
  }
  return issues;
}

/** The phases in the order of PHASES (how a plan is stored and shown). */
export const inPhaseOrder = <P extends { phase: Phase }>(phases: readonly P[]): P[] =>
  [...phases].sort((a, b) => PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase));
