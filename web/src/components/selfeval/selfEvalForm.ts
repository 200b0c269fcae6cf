import type { DeptWideFormula, DeptWideSource } from "../../../../src/core/selfeval/dept-template";
import type { FormAnswers, ItemAnswers } from "../../../../src/core/selfeval/form";
import type { QualitativeTier, SelfEvalRules } from "../../../../src/core/selfeval/rules";
import { type FormScore, scoreForm } from "../../../../src/core/selfeval/score-form";
import { checkForm, type FormIssue } from "../../../../src/core/selfeval/validate-form";
import type { SelfEvalFormDetail, SelfEvalFormItem, SelfEvalSaveBody } from "../../api/selfeval/forms";

/**
 * The self-evaluation form's state as the unit types: texts as typed ("" when empty), the points as a
 * number, the checklist's failed items. `someFailed` is the screen's own: "有不符合项" chosen before any
 * item is ticked; it is not an answer.
 */
export interface ItemForm {
  actual: string;
  tier: QualitativeTier | null;
  points: number | null;
  notApplicable: boolean;
  failed: string[] | null;
  note: string;
  someFailed: boolean;
}

export interface SelfEvalForm {
  overallActual: string;
  items: Record<string, ItemForm>;
}

/** A department-wide row's formula as issued, with where its value comes from. */
export type IssuedFormula = DeptWideFormula & { source?: DeptWideSource | null };
export const formulaOf = (i: Pick<SelfEvalFormItem, "formula">): IssuedFormula | null =>
  i.formula && typeof i.formula === "object" && "kind" in i.formula ? (i.formula as IssuedFormula) : null;

/** How a row is answered on the screen. */
export type Editor = "value" | "prefilled" | "tiers" | "checklist";
export function editorOf(d: Pick<SelfEvalFormDetail, "subjectKind">, i: SelfEvalFormItem): Editor {
  if (d.subjectKind === "project") return i.kind === "qualitative" ? "tiers" : "value";
  const f = formulaOf(i);
  if (f?.source === "executionRate") return "prefilled";
  if (f?.kind === "checklist") return "checklist";
  if (f?.kind === "tiers") return "tiers";
  return "value";
}

export const formOf = (d: SelfEvalFormDetail): SelfEvalForm => ({
  overallActual: d.overallActual,
  items: Object.fromEntries(
    d.items.map((i) => [
      i.uid,
      {
        actual: i.answers.actual ?? "",
        tier: i.answers.tier,
        points: i.answers.points,
        notApplicable: i.answers.notApplicable,
        failed: i.answers.failed,
        note: i.answers.note ?? "",
        someFailed: (i.answers.failed?.length ?? 0) > 0,
      },
    ]),
  ),
});

const orNull = (s: string) => (s.trim() === "" ? null : s);

/** The answers as the core's score and checks and the server take them. */
export function answersOf(d: SelfEvalFormDetail, f: SelfEvalForm): FormAnswers {
  return {
    overallActual: f.overallActual,
    items: d.items.map((i) => {
      const a = f.items[i.uid];
      const answers: ItemAnswers = a
        ? {
            actual: orNull(a.actual),
            tier: a.tier,
            points: a.points,
            notApplicable: a.notApplicable,
            failed: a.failed,
            note: orNull(a.note),
          }
        : i.answers;
      return { uid: i.uid, answers };
    }),
  };
}

export const payloadOf = (d: SelfEvalFormDetail, f: SelfEvalForm, version: number): SelfEvalSaveBody => {
  const a = answersOf(d, f);
  return { version, overallActual: a.overallActual, items: a.items.map((i) => ({ uid: i.uid, ...i.answers })) };
};

export const fingerprint = (d: SelfEvalFormDetail, f: SelfEvalForm) => JSON.stringify(answersOf(d, f));

/** The score of the form as typed, by the same engine the server scores with. */
export const scoreOf = (d: SelfEvalFormDetail, f: SelfEvalForm, rules: SelfEvalRules): FormScore =>
  scoreForm(
    {
      subjectKind: d.subjectKind,
      items: d.items,
      answers: answersOf(d, f),
      figures: d.figures,
      executionWeight: d.executionWeight,
      missingWeight: d.missingWeight,
    },
    rules,
  );

/** The form's checks as the server makes them on save ("draft") and on submit. */
export const checkOf = (
  d: SelfEvalFormDetail,
  f: SelfEvalForm,
  score: FormScore,
  rules: SelfEvalRules,
  mode: "draft" | "submit",
): FormIssue[] => checkForm(answersOf(d, f), { items: d.items, score, rules }, mode);

/** The first message per field; an issue on a whole item ("items.<uid>") is kept under that key. */
export function byField(issues: readonly Pick<FormIssue, "field" | "message">[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const i of issues) if (!m.has(i.field)) m.set(i.field, i.message);
  return m;
}

/** Issues of a refused save or submission, as the API names them in `details.issues`. */
export function issuesOfError(details: unknown): Pick<FormIssue, "field" | "message">[] {
  const d = details as { issues?: unknown; field?: unknown } | undefined;
  const list = Array.isArray(d?.issues) ? d.issues : [];
  return list.flatMap((i) =>
    i && typeof i === "object" && typeof i.field === "string" && typeof i.message === "string"
      ? [{ field: i.field, message: i.message }]
      : [],
  );
}

/** The fields of an item an edit touches: the server's messages on them are stale once typed over. */
export const touchedFields = (uid: string, patch: Partial<ItemForm>): string[] => [
  `items.${uid}`,
  ...Object.keys(patch).map((k) => `items.${uid}.${k === "someFailed" ? "failed" : k}`),
];

/** The tier's points range for an item of `weight` points: "8.00—10.00". */
export function tierRange(weight: number, t: { minPercent: number; maxPercent: number }): [number, number] {
  const lo = Math.round(weight * t.minPercent) / 100;
  const hi = Math.round(weight * t.maxPercent) / 100;
  return [lo, hi];
}
