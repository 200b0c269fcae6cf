import type { Fen } from "../../../../src/core/money";
import { type ItemAnswers, LIKELIHOOD_LABELS, type ReportAnswers } from "../../../../src/core/monitoring/types";
import { checkReport, type ReportIssue } from "../../../../src/core/monitoring/validate-report";
import type { MonitoringReportDetail, MonitoringSaveBody } from "../../api/monitoring/reports";

/**
 * The monitoring form's state: what the unit enters, and the amount of 预计全年执行数 as typed (万元, text),
 * so that a half-typed figure is kept as the user sees it.
 */
export interface ReportForm {
  overallStatus: string;
  /** 万元 as typed ("" when empty). */
  expectedWan: string;
  executionNote: string;
  items: Record<string, ItemAnswers>;
}

const WAN_RE = /^\d{1,11}(?:\.(\d{1,6}))?$/;

/** 万元 text → fen: up to 6 decimals (1 分 = 0.000001 万元); null when empty, NaN when not an amount. */
export function wanTextToFen(text: string): Fen | null {
  const t = text.trim().replace(/[,，\s]/g, "");
  if (t === "") return null;
  if (!WAN_RE.test(t)) return Number.NaN;
  const [whole = "0", frac = ""] = t.split(".");
  return Number(whole) * 1_000_000 + Number(frac.padEnd(6, "0"));
}

/** fen → 万元 text with no trailing zeros ("1234.5", "0.000001"). */
export function fenToWanText(fen: Fen | null): string {
  if (fen === null) return "";
  const whole = Math.floor(fen / 1_000_000);
  const frac = String(fen % 1_000_000)
    .padStart(6, "0")
    .replace(/0+$/, "");
  return frac ? `${whole}.${frac}` : String(whole);
}

export const formOf = (d: MonitoringReportDetail): ReportForm => ({
  overallStatus: d.overallStatus,
  expectedWan: fenToWanText(d.expectedYearEnd),
  executionNote: d.executionNote ?? "",
  items: Object.fromEntries(
    d.items.map((i) => [
      i.uid,
      {
        progress: i.progress,
        expected: i.expected,
        likelihood: i.likelihood,
        cause: i.cause,
        causeNote: i.causeNote,
        measures: i.measures,
      },
    ]),
  ),
});

const orNull = (s: string | null) => (s === null || s.trim() === "" ? null : s);

/** The answers as the checks and the server take them (a bad amount is checked on its own). */
export function answersOf(d: MonitoringReportDetail, f: ReportForm): ReportAnswers {
  const fen = wanTextToFen(f.expectedWan);
  return {
    overallStatus: f.overallStatus,
    expectedYearEnd: fen === null || Number.isNaN(fen) ? null : fen,
    executionNote: orNull(f.executionNote),
    items: d.items.map((i) => {
      const a = f.items[i.uid]!;
      return {
        uid: i.uid,
        answers: {
          progress: orNull(a.progress),
          expected: orNull(a.expected),
          likelihood: a.likelihood,
          cause: a.cause,
          causeNote: orNull(a.causeNote),
          measures: orNull(a.measures),
        },
      };
    }),
  };
}

export const payloadOf = (d: MonitoringReportDetail, f: ReportForm, version: number): MonitoringSaveBody => {
  const a = answersOf(d, f);
  return {
    version,
    overallStatus: a.overallStatus,
    expectedYearEnd: a.expectedYearEnd,
    executionNote: a.executionNote,
    items: a.items.map((i) => ({ uid: i.uid, ...i.answers })),
  };
};

export const fingerprint = (d: MonitoringReportDetail, f: ReportForm) =>
  JSON.stringify([f.expectedWan, answersOf(d, f)]);

/**
 * The form checked as the server will: draft mode (what cannot be saved, and what is inconsistent, such as a
 * doubtful indicator without a cause) or submit mode (also what is missing). A badly typed amount is named here.
 */
export function checkForm(d: MonitoringReportDetail, f: ReportForm, mode: "draft" | "submit"): ReportIssue[] {
  const issues = checkReport(
    answersOf(d, f),
    {
      items: d.items,
      execution: d.execution,
      cutoffMonth: d.round.cutoffMonth,
      rules: { causeCategories: d.causeCategories },
    },
    mode,
  );
  if (Number.isNaN(wanTextToFen(f.expectedWan)))
    return [
      ...issues.filter((i) => i.field !== "expectedYearEnd"),
      {
        field: "expectedYearEnd",
        itemUid: null,
        message: `预计全年执行数“${f.expectedWan}”不是金额，请填写以万元计的数字，最多六位小数`,
        blocks: "save",
      },
    ];
  return issues;
}

/** The first message per field. */
export function byField(issues: readonly ReportIssue[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const i of issues) if (!m.has(i.field)) m.set(i.field, i.message);
  return m;
}

export const likelihoodOptions = (Object.keys(LIKELIHOOD_LABELS) as (keyof typeof LIKELIHOOD_LABELS)[]).map((l) => ({
  value: l,
  label: LIKELIHOOD_LABELS[l],
}));
