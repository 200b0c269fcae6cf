import { markupReason, quote } from "../imports/cells";
import { MAX_AMOUNT_FEN } from "../imports/spec";
import { type Fen, fenToWan, groupThousands } from "../money";
import { isBlankText } from "../review/answerable";
import { isPercentUnit, parseMeasure } from "./measure";
import {
  type ItemAnswerField,
  type ItemAnswers,
  LIKELIHOOD_LABELS,
  LIKELIHOODS,
  type Likelihood,
  type MonitoringExecution,
  type MonitoringItem,
  type MonitoringRules,
  type ReportAnswers,
} from "./types";

/**
 * The checks of a monitoring report as the unit fills it. Saving a draft is refused only for what could
 * not be stored as entered (a wrong type, a value outside the lists, markup, over-long text, answers
 * for an indicator the report does not have); what is merely missing or inconsistent blocks the
 * submission. Consistency issues (a cause for a doubtful indicator, the year-end figure, the over-budget
 * note) are reported in draft mode too, so the form shows them while the unit types; missing answers
 * only at submission.
 */
export interface ReportIssue {
  /** "items.<uid>.cause", "items.<uid>", "overallStatus", "expectedYearEnd", "executionNote". */
  field: string;
  itemUid: string | null;
  /** Chinese, naming the indicator or the field. */
  message: string;
  blocks: "save" | "submit";
}

export interface ReportContext {
  /** The goal side of each indicator, in the form's order. */
  items: readonly Pick<MonitoringItem, "uid" | "name" | "kind" | "unit">[];
  execution: Pick<MonitoringExecution, "budget" | "executed">;
  cutoffMonth: number;
  rules: Pick<MonitoringRules, "causeCategories">;
}

export const MAX_REPORT_TEXT = 500;

/** The Chinese names of an item's answer fields; progress names the cut-off month. */
export const itemAnswerLabels = (cutoffMonth: number): Record<ItemAnswerField, string> => ({
  progress: `截至${cutoffMonth}月完成值`,
  expected: "预计全年完成值",
  likelihood: "完成目标可能性",
  cause: "偏差原因",
  causeNote: "偏差原因说明",
  measures: "改进措施",
});

const wan = (fen: Fen) => `${groupThousands(fenToWan(fen))}万元`;
const blank = (text: string | null | undefined) => text === null || text === undefined || isBlankText(text);
const isLikelihood = (v: unknown): v is Likelihood => typeof v === "string" && LIKELIHOODS.includes(v as Likelihood);
const TEXT_FIELDS = ["progress", "expected", "causeNote", "measures"] as const;

export function checkReport(answers: ReportAnswers, ctx: ReportContext, mode: "draft" | "submit"): ReportIssue[] {
  const issues: ReportIssue[] = [];
  const submit = mode === "submit";
  const add = (field: string, itemUid: string | null, message: string, blocks: "save" | "submit") =>
    issues.push({ field, itemUid, message, blocks });

  /** Length and markup; true when the text can be stored. */
  const text = (value: unknown, field: string, itemUid: string | null, label: string): boolean => {
    if (value === null || value === undefined) return true;
    if (typeof value !== "string") {
      add(field, itemUid, `${label}须为文字`, "save");
      return false;
    }
    const length = [...value].length;
    if (length > MAX_REPORT_TEXT) {
      add(field, itemUid, `${label}不能超过${MAX_REPORT_TEXT}个字（现为${length}个字）`, "save");
      return false;
    }
    // Line breaks and tabs are how multi-line text is typed; any other control character is refused.
    const reason = markupReason(value.replace(/[\r\n\t]/g, " "));
    if (reason) add(field, itemUid, `${label}含有${reason}，请删除后再保存`, "save");
    return reason === null;
  };

  // Answers the report cannot place.
  const known = new Set(ctx.items.map((i) => i.uid));
  const answered = new Map<string, ItemAnswers>();
  answers.items.forEach((a, at) => {
    if (!known.has(a.uid))
      add(`items.${a.uid}`, a.uid, `第${at + 1}条指标答复对应的指标（标识“${quote(a.uid)}”）不在本报告中`, "save");
    else if (answered.has(a.uid)) {
      const name = ctx.items.find((i) => i.uid === a.uid)?.name ?? "";
      add(`items.${a.uid}`, a.uid, `指标“${name}”的答复重复`, "save");
    } else answered.set(a.uid, a.answers);
  });

  // The report's own fields.
  const n = ctx.cutoffMonth;
  if (text(answers.overallStatus, "overallStatus", null, "总体目标完成情况") && submit && blank(answers.overallStatus))
    add("overallStatus", null, "请填写总体目标完成情况", "submit");
  const { budget, executed } = ctx.execution;
  const expected = answers.expectedYearEnd;
  let expectedOk = false;
  if (expected === null || expected === undefined) {
    if (submit) add("expectedYearEnd", null, "请填写预计全年执行数", "submit");
  } else if (!(typeof expected === "number" && Number.isSafeInteger(expected) && expected >= 0))
    add("expectedYearEnd", null, "预计全年执行数须为不小于 0 的金额，以元计最多两位小数", "save");
  else if (expected > MAX_AMOUNT_FEN)
    add(
      "expectedYearEnd",
      null,
      `预计全年执行数 ${wan(expected)} 超过单项金额上限 ${MAX_AMOUNT_FEN / 1_0000_0000_00} 亿元，请核对单位（元）`,
      "save",
    );
  else {
    expectedOk = true;
    if (expected < executed)
      add(
        "expectedYearEnd",
        null,
        `预计全年执行数不能小于截至${n}月已执行数 ${wan(executed)}（现填 ${wan(expected)}）`,
        "submit",
      );
  }
  const noteOk = text(answers.executionNote, "executionNote", null, "超预算说明");
  if (noteOk && blank(answers.executionNote)) {
    if (executed > budget)
      add(
        "executionNote",
        null,
        `截至${n}月已执行数 ${wan(executed)}超过全年预算数 ${wan(budget)}，请填写超预算说明`,
        "submit",
      );
    if (expectedOk && expected !== null && expected > budget)
      add(
        "executionNote",
        null,
        `预计全年执行数 ${wan(expected)}超过全年预算数 ${wan(budget)}，请填写超预算说明`,
        "submit",
      );
  }

  // Each indicator, in the form's order.
  const labels = itemAnswerLabels(n);
  for (const item of ctx.items) {
    const uid = item.uid;
    const a: Partial<ItemAnswers> = answered.get(uid) ?? {};
    const who = `指标“${item.name}”的`;
    const field = (f: ItemAnswerField) => `items.${uid}.${f}`;
    for (const f of TEXT_FIELDS) {
      const value = a[f];
      if (!text(value, field(f), uid, `${who}${labels[f]}`)) continue;
      if (f === "progress" || f === "expected") {
        if (blank(value)) {
          if (submit) add(field(f), uid, `请填写${who}${labels[f]}`, "submit");
          continue;
        }
        if (item.kind !== "quantitative") continue;
        const measure = parseMeasure(value ?? "");
        const unit = item.unit ? `（计量单位：${item.unit}）` : "";
        if (measure === null)
          add(field(f), uid, `${who}${labels[f]}“${quote(value)}”不是数字，请填写数字${unit}`, "save");
        else if (measure.percent && !isPercentUnit(item.unit))
          add(
            field(f),
            uid,
            `${who}${labels[f]}“${quote(value)}”带有百分号，但计量单位不是%，请只填写数字${unit}`,
            "save",
          );
      }
    }
    const likelihood: unknown = a.likelihood;
    if (likelihood === null || likelihood === undefined) {
      if (submit) add(field("likelihood"), uid, `请选择${who}${labels.likelihood}`, "submit");
    } else if (!isLikelihood(likelihood))
      add(
        field("likelihood"),
        uid,
        `${who}${labels.likelihood}“${quote(String(likelihood))}”不是可选值，请选择${LIKELIHOODS.map((l) => LIKELIHOOD_LABELS[l]).join("、")}`,
        "save",
      );
    const cause: unknown = a.cause;
    const causeSet = cause !== null && cause !== undefined;
    if (causeSet && !(typeof cause === "string" && ctx.rules.causeCategories.includes(cause)))
      add(
        field("cause"),
        uid,
        `${who}${labels.cause}“${quote(String(cause))}”不在偏差原因分类中，请选择${ctx.rules.causeCategories.join("、")}`,
        "save",
      );
    if (isLikelihood(likelihood) && likelihood !== "certain") {
      const said = `指标“${item.name}”预计“${LIKELIHOOD_LABELS[likelihood]}”完成目标`;
      if (!causeSet) add(field("cause"), uid, `${said}，须选择偏差原因`, "submit");
      if (blank(a.measures)) add(field("measures"), uid, `${said}，须填写改进措施`, "submit");
    }
  }
  return issues;
}

/** Nothing blocks a save (draft-mode issues are enough to tell). */
export const isSavable = (issues: readonly ReportIssue[]): boolean => !issues.some((i) => i.blocks === "save");

/** Nothing blocks a submission; give it the issues of `checkReport(…, "submit")`. */
export const isSubmittable = (issues: readonly ReportIssue[]): boolean => issues.length === 0;
