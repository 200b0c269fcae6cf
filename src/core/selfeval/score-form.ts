import type { Operator } from "../goals/types";
import type { FormAnswers, ItemAnswers, SelfEvalFigures, SelfEvalItem, SelfEvalSubjectKind } from "./form";
import { EMPTY_ANSWERS } from "./form";
import type { Grade } from "./grade";
import type { SelfEvalRules } from "./rules";
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

/** Scores a project form with the engine of domain.md §5; the weights are those issued with the form. */
export function scoreForm(form: FormToScore, rules: SelfEvalRules): FormScore {
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
    items: s.indicators.map(({ key, ...rest }) => ({ uid: key, ...rest })),
    sum: s.sum,
    applicableWeight: s.applicableWeight,
    total: s.total,
    grade: s.grade,
    unscorable: s.unscorable,
    how: s.how,
  };
}
