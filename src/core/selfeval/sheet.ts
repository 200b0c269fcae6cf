import type { GoalSheetIssue, SheetColumn } from "../goals/goal-sheet";
import type { Fen } from "../money";

/**
 * A project self-evaluation table (项目支出绩效自评表, annex of 财预〔2020〕10号) as one Excel sheet states
 * it: what the writer lays out and what the reader makes of a filled one, ours or a county's variant.
 * Every figure is the sheet's own ("stated"); the checker (check-sheet.ts) recomputes them. Pure.
 */

export type { SheetColumn } from "../goals/goal-sheet";

/** The very hidden sheet naming each sheet's self-evaluation form, so an import can match it. */
export const SELFEVAL_META_SHEET = "_jixiao";
export const SELFEVAL_META_HEADERS = ["sheet", "formId", "version", "fiscalYear", "unitCode", "subjectCode"] as const;

/** Where a value sat: the row and the column with the header printed above it (or the label beside it). */
export interface CellAt {
  row: number;
  column: SheetColumn;
}

export const cellName = (at: CellAt | null | undefined): string | null => (at ? `${at.column.letter}${at.row}` : null);

/** Which self-evaluation form a sheet was written for (from the very hidden sheet). */
export interface SelfEvalIdentity {
  formId: number;
  version: number;
  fiscalYear: number;
  unitCode: string;
  subjectCode: string;
}

/** One row of the funds block: amounts in fen, null when blank. */
export interface FundsRow {
  /** 年度资金总额, 其中：当年财政拨款, 上年结转资金, 其他资金 … as the sheet labels it. */
  label: string;
  /** 年初预算数. */
  initial: Fen | null;
  /** 全年预算数: the adjusted annual budget the execution rate is computed on. */
  adjusted: Fen | null;
  /** 全年执行数. */
  executed: Fen | null;
  at?: { initial: CellAt | null; adjusted: CellAt | null; executed: CellAt | null };
}

/** An execution rate as the sheet states it, in percent (95 = 95%). */
export interface StatedRate {
  percent: number;
  /** Decimals the clerk wrote ("95%" → 0, "95.00%" → 2); null for a number cell, which holds the exact value. */
  decimals: number | null;
}

export interface SelfEvalFunds {
  /** The 年度资金总额 row (null figures when the sheet has none). */
  total: FundsRow;
  /** The rows under it (其中：当年财政拨款, 上年结转资金, 其他资金, or a county's own split). */
  parts: FundsRow[];
  /** 分值, 执行率 and 得分 of the budget execution, as stated on the 年度资金总额 row. */
  weight: number | null;
  rate: StatedRate | null;
  points: number | null;
  at?: { weight: CellAt | null; rate: CellAt | null; points: CellAt | null };
}

export interface SelfEvalRow {
  level1: string;
  level2: string;
  /** 三级指标, without a "指标1：" prefix. */
  name: string;
  /** 年度指标值 as written ("≥95%", "75元", "按时完成"), with a separate unit column's unit appended. */
  target: string;
  /** 实际完成值 as written; null when blank. */
  actual: string | null;
  /** 分值 and 得分 as stated; null when blank or not a number (the reader reports which). */
  weight: number | null;
  points: number | null;
  /** 偏差原因分析及改进措施. */
  deviationNote: string | null;
  /** Marked 不适用 in the sheet: drops out and the rest is rescaled (domain.md §5). */
  notApplicable: boolean;
  /**
   * Whether its 得分 is the assessor's (定性) rather than computed from 实际完成值. The writer takes it when
   * given (a form knows each item's kind); otherwise, and in what the reader returns, the target decides.
   */
  qualitative?: boolean;
  at?: {
    row: number;
    name: CellAt | null;
    target: CellAt | null;
    actual: CellAt | null;
    weight: CellAt | null;
    points: CellAt | null;
    deviationNote: CellAt | null;
  };
}

export interface SelfEvalSheet {
  /** The worksheet's name. */
  sheet: string;
  fiscalYear: number | null;
  subjectName: string;
  subjectCode: string | null;
  departmentName: string;
  unitName: string;
  funds: SelfEvalFunds;
  /** 年度总体目标: 预期目标 and 实际完成情况. */
  overallGoal: { expected: string; actual: string | null; at?: { expected: CellAt | null; actual: CellAt | null } };
  rows: SelfEvalRow[];
  /** 总分 as stated (得分 column of the 总分 row) and the 分值 beside it; null when blank. */
  statedTotal: number | null;
  statedWeightTotal: number | null;
  totalAt?: { points: CellAt | null; weight: CellAt | null };
  /**
   * Whether the total is rescaled from the points that count rather than their sum (domain.md §5: items
   * not applicable, levels the table lacks, an execution rate that does not count). The writer then states
   * the total as a value; unset, rows marked 不适用 decide.
   */
  rescaled?: boolean;
  /** Where the reader found the title's year and the particulars' values. */
  particularsAt?: Partial<Record<"fiscalYear" | SelfEvalParticular, CellAt>>;
  identity: SelfEvalIdentity | null;
}

/** The particulars above the funds block, as SelfEvalSheet names them. */
export type SelfEvalParticular = "subjectName" | "subjectCode" | "departmentName" | "unitName";

/** A problem the reader found in one sheet, named by sheet and cell (the goal reader's shape). */
export type SelfEvalSheetIssue = GoalSheetIssue;

/** What the reader made of one worksheet: the table (null when the sheet is not a self-evaluation table) and its issues. */
export interface SelfEvalSheetRead {
  sheet: string;
  table: SelfEvalSheet | null;
  issues: SelfEvalSheetIssue[];
}

/** The headers of the indicator grid as the official form prints them; the reader also takes aliases. */
export const SELFEVAL_GRID_HEADERS = {
  level1: "一级指标",
  level2: "二级指标",
  name: "三级指标",
  target: "年度指标值",
  actual: "实际完成值",
  weight: "分值",
  points: "得分",
  deviationNote: "偏差原因分析及改进措施",
} as const;
export type SelfEvalGridField = keyof typeof SELFEVAL_GRID_HEADERS;
export const SELFEVAL_GRID_FIELDS = Object.keys(SELFEVAL_GRID_HEADERS) as SelfEvalGridField[];

/** The funds block's figure columns as the official form prints them. */
export const SELFEVAL_FUNDS_HEADERS = {
  initial: "年初预算数",
  adjusted: "全年预算数",
  executed: "全年执行数",
  weight: "分值",
  rate: "执行率",
  points: "得分",
} as const;
export type SelfEvalFundsField = keyof typeof SELFEVAL_FUNDS_HEADERS;

export const emptyFundsRow = (label: string): FundsRow => ({ label, initial: null, adjusted: null, executed: null });
