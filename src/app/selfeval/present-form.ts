import { percent } from "../../core/percent";
import type { DeskDeclarer } from "../../core/review/desk-workflow";
import type { Role } from "../../core/roles";
import { selfEvalDeclarerOf, selfEvalWorkflow } from "../../core/selfeval/form";
import type { SelfEvalRules } from "../../core/selfeval/rules";
import { type FormScore, scoreForm } from "../../core/selfeval/score-form";
import { checkForm } from "../../core/selfeval/validate-form";
import { isOverdue } from "../../core/tasks/tasks";
import type { FormDetail } from "./ports";

export const formScoreOf = (d: FormDetail, rules: SelfEvalRules): FormScore =>
  scoreForm(
    {
      subjectKind: d.subjectKind,
      items: d.items,
      answers: d.answers,
      figures: d.figures,
      executionWeight: d.executionWeight,
      missingWeight: d.missingWeight,
    },
    rules,
  );

/** The steps a list can take on many forms at once (returns need each form's own comments). */
const BATCH_ACTIONS = ["submit", "approve"] as const;

/**
 * A form in a list: its figures and its score, computed now from the answers, and the batch steps the
 * viewer may take on it (its state and role; whether it is complete is checked when the step is taken).
 */
export function presentFormRow(d: FormDetail, rules: SelfEvalRules, now: Date, viewer: { role: Role }) {
  const score = formScoreOf(d, rules);
  const declarer = selfEvalDeclarerOf({ subjectKind: d.subjectKind, unitId: d.unit.id, departmentId: d.department.id });
  const allowed = d.round.status === "open" ? selfEvalWorkflow.allowedActions(d, viewer.role, declarer) : [];
  return {
    id: d.id,
    subjectKind: d.subjectKind,
    code: d.code,
    name: d.name,
    department: d.department,
    unit: d.unit,
    status: d.status,
    statusText: selfEvalWorkflow.statusText(d),
    startBudget: d.figures.startBudget,
    adjustedBudget: d.figures.adjustedBudget,
    executed: d.figures.executed,
    rate: d.figures.adjustedBudget > 0 ? percent(d.figures.executed, d.figures.adjustedBudget) : null,
    total: score.total,
    grade: score.grade,
    unscorable: score.unscorable,
    taskStatus: d.taskStatus,
    dueOn: d.dueOn,
    overdue: d.taskStatus !== null && d.dueOn !== null && isOverdue({ status: d.taskStatus, dueOn: d.dueOn }, now),
    updatedAt: d.updatedAt,
    version: d.version,
    batchActions: BATCH_ACTIONS.filter((a) => allowed.includes(a)),
  };
}

export type FormRow = ReturnType<typeof presentFormRow>;

/** A form as its page shows it: prefilled figures and goals, the answers, the score and how, the checks. */
export function presentForm(d: FormDetail, rules: SelfEvalRules, viewer: { role: Role }, declarer: DeskDeclarer) {
  const score = formScoreOf(d, rules);
  const issues = checkForm(d.answers, { items: d.items, score, rules }, "submit");
  const open = d.round.status === "open";
  const answers = new Map(d.answers.items.map((i) => [i.uid, i.answers]));
  const scores = new Map(score.items.map((s) => [s.uid, s]));
  return {
    id: d.id,
    round: d.round,
    subjectKind: d.subjectKind,
    code: d.code,
    name: d.name,
    department: d.department,
    unit: d.unit,
    goalTableId: d.goalTableId,
    overallGoal: d.overallGoal,
    overallActual: d.answers.overallActual,
    status: d.status,
    statusText: selfEvalWorkflow.statusText(d),
    rulesVersion: d.rulesVersion,
    figures: {
      ...d.figures,
      rate: d.figures.adjustedBudget > 0 ? percent(d.figures.executed, d.figures.adjustedBudget) : null,
      live: d.status === "draft" || d.status === "returned",
    },
    executionWeight: d.executionWeight,
    missingWeight: d.missingWeight,
    items: d.items.map((i) => ({ ...i, answers: answers.get(i.uid)!, score: scores.get(i.uid)! })),
    score: {
      execution: score.execution,
      sum: score.sum,
      applicableWeight: score.applicableWeight,
      total: score.total,
      grade: score.grade,
      unscorable: score.unscorable,
      how: score.how,
    },
    gradeLabels: rules.gradeLabels,
    tiers: rules.project.tiers,
    issues,
    editable: open && selfEvalWorkflow.isEditable(d, viewer.role, declarer),
    allowedActions: open ? selfEvalWorkflow.allowedActions(d, viewer.role, declarer) : [],
    taskId: d.taskId,
    updatedAt: d.updatedAt,
    version: d.version,
  };
}
