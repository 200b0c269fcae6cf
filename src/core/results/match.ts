import { type GradeLabels, gradeOf, pointsText } from "../selfeval/grade";
import {
  type BudgetRequest,
  GRADE_SOURCE_LABELS,
  type MonitoringRed,
  type ProjectRectification,
  type ProjectResult,
} from "./inputs";
import { percentHundredths } from "./percent";
import type { AdjustmentAction, ResultRule } from "./rules";
import { EXEMPTION_LABELS } from "./rules";

/** Everything the rules may read about one project. */
export interface ProjectContext {
  request: BudgetRequest;
  /** The result that counts for its grade (`effectiveResult`). */
  result: ProjectResult | null;
  departmentScore: bigint | null;
  /** The region's average department score, hundredths, as published. */
  average: bigint | null;
  rectification: ProjectRectification | null;
  /** Red lights never corrected. */
  reds: readonly MonitoringRed[];
}

/** A rule meeting a project: what it does and the evidence, as the reason begins. */
export interface RuleMatch {
  action: AdjustmentAction | "exempt";
  percent: number;
  capFen?: number;
  evidence: string;
}

/**
 * Whether a rule meets a project, and with what evidence. The department rule cuts a department strictly
 * below the published (rounded) average: one exactly at it is not below and is not cut, so the figure
 * people read in the reason is the figure the rule compares.
 */
export function matchRule(rule: ResultRule, p: ProjectContext, labels: GradeLabels): RuleMatch | null {
  const pct = (v?: number) => percentHundredths(v) ?? 0;
  switch (rule.kind) {
    case "exemption": {
      const met =
        rule.exempt === "rigid"
          ? p.request.rigid === true
          : rule.exempt === "keyProject"
            ? p.request.keyProject === true
            : (rule.codes ?? []).includes(p.request.projectCode);
      if (!met) return null;
      const why =
        rule.exempt === "codes" && rule.note
          ? `${EXEMPTION_LABELS.codes}（${rule.note}）`
          : EXEMPTION_LABELS[rule.exempt];
      return { action: "exempt", percent: 0, evidence: why };
    }
    case "grade": {
      const r = p.result;
      if (r === null || gradeOf(r.score) !== rule.grade) return null;
      // A reference that only repeats the source's name would read "财政重点评价（财政重点评价）".
      const label = GRADE_SOURCE_LABELS[r.source];
      const source = `${label}${r.ref && r.ref !== label ? `（${r.ref}）` : ""}`;
      return {
        action: rule.action,
        percent: pct(rule.percent),
        ...(rule.capFen ? { capFen: rule.capFen } : {}),
        evidence: `${source}得分${pointsText(r.score)}分，等级为${labels[rule.grade]}`,
      };
    }
    case "departmentScore": {
      if (p.departmentScore === null || p.average === null || p.departmentScore >= p.average) return null;
      return {
        action: "cut",
        percent: pct(rule.percent),
        evidence: `${p.request.departmentName}部门绩效考核得分${pointsText(p.departmentScore)}分，低于全区平均${pointsText(p.average)}分`,
      };
    }
    case "rectification": {
      const r = p.rectification;
      if (r === null) return null;
      const count = rule.trigger === "overdue" ? r.overdue : r.open;
      if (count <= 0) return null;
      const ref = r.ref ? `（${r.ref}）` : "";
      const evidence =
        rule.trigger === "overdue"
          ? `整改事项逾期未完成${r.overdue}项${ref}`
          : `整改事项${r.open}项未完成${r.overdue > 0 ? `，其中逾期${r.overdue}项` : ""}${ref}`;
      return { action: rule.action, percent: pct(rule.percent), evidence };
    }
    case "monitoring": {
      if (p.reds.length === 0) return null;
      const months = [...new Set(p.reds.map((r) => r.month))].sort((a, b) => a - b).map((m) => `${m}月`);
      return {
        action: rule.action,
        percent: pct(rule.percent),
        evidence: `绩效监控（${months.join("、")}）亮红灯且未纠偏`,
      };
    }
  }
}
