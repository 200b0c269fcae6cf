import type { Operator } from "../goals/types";
import { percent } from "../percent";
import type { FormAnswers, ItemAnswers, SelfEvalFigures, SelfEvalItem, SelfEvalSubjectKind } from "./form";
import { EMPTY_ANSWERS } from "./form";
import type { Grade } from "./grade";
import { rowsOfItems } from "./issue";
import type { SelfEvalRules } from "./rules";
import { type DeptWideAnswer, scoreDeptWide } from "./score-dept-wide";
import { type ExecutionScore, type ItemScore, scoreProject } from "./score-project";

/** A form's score as every view shows it: the execution rate (projects), each item by uid, the total. */
export interface FormScore {
  execution: ExecutionScore | null;
  items: (ItemScore & { uid: string })[];
  sum: number;
  applicableWeight: number;
  total: number | null;
  grade: Grade | null;
  unscorable: number;
  how: string;
}

export interface FormToScore {
  subjectKind: SelfEvalSubjectKind;
  items: readonly SelfEvalItem[];
  answers: FormAnswers;
  figures: SelfEvalFigures;
  executionWeight: number;
  missingWeight: number;
}

export const answersByUid = (answers: FormAnswers): Map<string, ItemAnswers> =>
  new Map(answers.items.map((i) => [i.uid, i.answers]));

/** The execution rate as a department-wide row reads it: percent with 2 decimals, null without a budget. */
const rateValue = (f: SelfEvalFigures) => (f.adjustedBudget > 0 ? `${percent(f.executed, f.adjustedBudget)}%` : null);

/**
 * Scores a form with the engine of domain.md §5: a project by its indicators and execution rate, a
 * department as a whole by its template rows (a row sourced from the execution rate takes the rate from
 * the figures, not from what was typed). The weights are those issued with the form.
 */
export function scoreForm(form: FormToScore, rules: SelfEvalRules): FormScore {
  if (form.subjectKind === "deptWide") return scoreDeptForm(form, rules);
  return scoreProjectForm(form, rules);
}

function scoreDeptForm(form: FormToScore, rules: SelfEvalRules): FormScore {
  const byUid = answersByUid(form.answers);
  const rows = rowsOfItems(form.items);
  const answers: Record<string, DeptWideAnswer> = {};
  for (const r of rows) {
    const a = byUid.get(r.key) ?? EMPTY_ANSWERS;
    answers[r.key] = {
      value: r.source === "executionRate" ? rateValue(form.figures) : a.actual,
      ...(a.failed === null ? {} : { failed: a.failed }),
      tier: a.tier,
      points: a.points,
      notApplicable: a.notApplicable,
      note: a.note,
    };
  }
  const s = scoreDeptWide({ template: { rows }, answers, tiers: rules.project.tiers });
  return {
    execution: null,
    items: s.rows.map((x) => ({
      uid: x.key,
      weight: x.weight,
      status: x.status,
      points: x.points,
      full: x.full,
      how: x.how,
    })),
    sum: s.sum,
    applicableWeight: s.applicableWeight,
    total: s.total,
    grade: s.grade,
    unscorable: s.unscorable,
    how: s.how,
  };
}

function scoreProjectForm(form: FormToScore, rules: SelfEvalRules): FormScore {
  const byUid = answersByUid(form.answers);
  const s = scoreProject({
    execution: {
      adjustedBudget: form.figures.adjustedBudget,
      executed: form.figures.executed,
      weight: form.executionWeight,
      method: rules.project.execution,
    },
    indicators: form.items.map((i) => {
      const a = byUid.get(i.uid) ?? EMPTY_ANSWERS;
      return {
        key: i.uid,
        level1: i.level1,
        name: i.name,
        kind: i.kind === "qualitative" ? "qualitative" : "quantitative",
        operator: i.operator as Operator | null,
        target: i.target,
        unit: i.unit,
        weight: i.weight,
        actual: a.actual,
        notApplicable: a.notApplicable,
        tier: a.tier,
        points: a.points,
      };
    }),
    tiers: rules.project.tiers,
    missingWeight: form.missingWeight,
  });
  return {
    execution: s.execution,
    items: s.indicators.map((x) => ({
      uid: x.key,
      weight: x.weight,
      tier: x.tier,
      status: x.status,
      points: x.points,
      full: x.full,
      how: x.how,
    })),
    sum: s.sum,
    applicableWeight: s.applicableWeight,
    total: s.total,
    grade: s.grade,
    unscorable: s.unscorable,
    how: s.how,
  };
}
