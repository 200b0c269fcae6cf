import { quote } from "../core/imports/cells";
import type { Fen } from "../core/money";
import { wanToFen } from "../core/monitoring/sheet-values";
import type { StatedRate } from "../core/selfeval/sheet";
import { isBlankMark } from "../core/selfeval/target";
import { type Cell, cellText, halfWidth, norm } from "./xlsx/sheet-grid";

/**
 * The words self-evaluation tables use for their labels and headers, ours and the counties' (全年预算数(A),
 * 调整后预算数, 实际值, 全年实际值, 未完成原因分析 …), and the figures their cells hold (amounts in 万元,
 * rates as 95%, 0.95 in a percent cell or text, points as "10分"). For the reader, selfeval-xlsx-read.ts.
 */

/** A label compared without spaces, brackets' notes ("(万元)", "(B/A)", "(盖章)", "(50分)") and a trailing colon. */
export const labelKey = (s: string): string => norm(halfWidth(s).replace(/\([^)]*\)/g, "")).replace(/[:：]$/, "");

type Alias = string | RegExp;
const matches = (key: string, aliases: readonly Alias[]) =>
  key !== "" && aliases.some((a) => (typeof a === "string" ? labelKey(a) === key : a.test(key)));

export type GridColumn =
  | "level1"
  | "level2"
  | "name"
  | "target"
  | "actual"
  | "weight"
  | "points"
  | "deviationNote"
  | "unit"
  | "kind"
  | "operator";

/** In order of preference: a header is the first column whose aliases match it. */
const GRID_ALIASES: readonly [GridColumn, readonly Alias[]][] = [
  ["level1", ["一级指标"]],
  ["level2", ["二级指标"]],
  ["name", ["三级指标", "指标名称", "三级指标名称", "绩效指标名称"]],
  [
    "target",
    [
      "年度指标值",
      "指标值",
      "目标值",
      "年度目标值",
      "全年指标值",
      "年初目标值",
      "预期指标值",
      "年度绩效指标值",
      "计划值",
    ],
  ],
  [
    "actual",
    [
      "实际完成值",
      "实际值",
      "全年实际值",
      "全年完成值",
      "完成值",
      "全年实际完成值",
      "年度实际完成值",
      "实际完成情况",
      "实际完成",
    ],
  ],
  ["weight", ["分值", "权重", "指标分值", "权重分值", "标准分值", "权重(分)"]],
  ["points", ["得分", "自评得分", "评价得分", "实际得分", "评分"]],
  ["deviationNote", [/原因/, "改进措施", "偏差说明", "备注"]],
  ["unit", ["度量单位", "计量单位", "单位"]],
  ["kind", ["指标性质", "指标类型", "指标属性"]],
  ["operator", ["运算符", "运算符号", "符号"]],
];

export function gridColumnOf(text: string): GridColumn | undefined {
  const key = labelKey(text);
  return GRID_ALIASES.find(([, aliases]) => matches(key, aliases))?.[0];
}

export type FundsColumn = "initial" | "adjusted" | "executed" | "weight" | "rate" | "points";
const FUNDS_ALIASES: readonly [FundsColumn, readonly Alias[]][] = [
  ["initial", ["年初预算数", "年初预算", "年初预算金额"]],
  ["adjusted", ["全年预算数", "调整后预算数", "调整后预算", "全年预算", "调整后全年预算数"]],
  [
    "executed",
    ["全年执行数", "预算执行数", "执行数", "实际执行数", "全年实际执行数", "实际支出数", "全年实际支出数", "实际支出"],
  ],
  ["weight", ["分值", "权重"]],
  ["rate", ["执行率", "预算执行率", "资金执行率"]],
  ["points", ["得分"]],
];

export function fundsColumnOf(text: string): FundsColumn | undefined {
  const key = labelKey(text);
  return FUNDS_ALIASES.find(([, aliases]) => matches(key, aliases))?.[0];
}

/** 年度资金总额 or one of its parts (其中：当年财政拨款, 上年结转资金, 其他资金 …); null for any other row. */
export function fundsRowKind(label: string): "total" | "part" | null {
  const key = labelKey(label);
  if (/^(年度资金总额|资金总额|项目资金总额|年度资金合计|总额|合计|总计)/.test(key)) return "total";
  if (/^其中/.test(key) || /(财政拨款|财政资金|补助|结转|结余|其他资金|单位资金|自筹|专户|上级|本级|资金$)/.test(key))
    return "part";
  return null;
}

export type ParticularField = "subjectName" | "subjectCode" | "departmentName" | "unitName";
const PARTICULARS: readonly [ParticularField, readonly Alias[]][] = [
  ["subjectName", ["项目名称", "专项资金名称", "项目(资金)名称"]],
  ["subjectCode", ["项目编码", "项目代码", "项目编号"]],
  ["departmentName", ["主管部门", "县级主管部门", "主管部门名称", "预算部门"]],
  ["unitName", ["实施单位", "项目实施单位", "实施单位名称"]],
];

export function particularOf(text: string): ParticularField | undefined {
  const key = labelKey(text);
  return PARTICULARS.find(([, aliases]) => matches(key, aliases))?.[0];
}

export const isGoalExpectedLabel = (text: string) =>
  matches(labelKey(text), ["预期目标", "年初设定目标", "项目年度目标", "年度目标", "预期总体目标"]);
export const isGoalActualLabel = (text: string) =>
  matches(labelKey(text), [
    "实际完成情况",
    "全年实际完成情况",
    "年度总体目标完成情况综述",
    "年度目标完成情况",
    "实际完成情况综述",
    "总体目标完成情况",
  ]);
export const isOverallGoalLabel = (text: string) => /^年度总体目标/.test(labelKey(text));

export const isTotalLabel = (text: string) =>
  /^(总分|合计|总计|自评总分|总得分|自评得分合计|得分合计)$/.test(labelKey(text));
/** Rows under the grid that end it: notes, conclusions, signatures. */
export const isEndOfGrid = (text: string) =>
  /^(注|说明|填表说明|备注|评价结论|存在问题|项目负责人|单位负责人|财务负责人|填表人|审核人)/.test(labelKey(text));

/** "指标1：", "指标 2:" before an indicator's name, as many county forms print it. */
export const stripIndicatorPrefix = (name: string) => name.replace(/^指标\s*\d+\s*[:：.、．]\s*/, "").trim();

/** A level label without spaces (vertical text) and its points note: "产 出 指 标（50分）" → "产出指标". */
export const levelText = (text: string) =>
  halfWidth(text)
    .replace(/\s+/g, "")
    .replace(/\([^)]*分?\)$/, "")
    .trim();

export const isNotApplicable = (text: string) => /^(不适用|不涉及|不适用本项目)$/.test(labelKey(text));

// ---------------------------------------------------------------- figures

export type Parsed<T> = { value: T | null; problem: string | null };

const blank = <T>(): Parsed<T> => ({ value: null, problem: null });

/** An amount in 万元: fen exactly, null when blank or a dash. */
export function amountOf(v: Cell): Parsed<Fen> {
  const text = cellText(v);
  if (v === null || isBlankMark(text)) return blank();
  const parsed = wanToFen(typeof v === "number" ? v : text);
  return parsed.ok ? { value: parsed.fen, problem: null } : { value: null, problem: parsed.reason };
}

/**
 * Beyond any 分值 or 得分 of a 百分制 table, with room for a hand-made total that is wrong (110): refused here,
 * so no figure of a sheet overflows when compared in hundredths (1e308 × 100 is Infinity).
 */
const MAX_POINTS = 1000;

/** Points (分值, 得分): a number, "10分", "１０"; null when blank or a dash. */
export function pointsOf(v: Cell): Parsed<number> {
  const text = cellText(v);
  let value: number;
  if (typeof v === "number") value = v;
  else {
    if (isBlankMark(text)) return blank();
    const s = halfWidth(text).replace(/\s+/g, "").replace(/分$/, "").replace(/,/g, "");
    if (!/^-?\d+(\.\d+)?$/.test(s)) return { value: null, problem: `“${text}”不是分数（只填数字，如“8.5”）` };
    value = Number(s);
  }
  if (!(Math.abs(value) <= MAX_POINTS))
    return { value: null, problem: `“${quote(text)}”不是分数：自评表为百分制，分值、得分都在 0 至 100 之间` };
  return { value, problem: null };
}

/**
 * An execution rate: a percent-formatted number holds the fraction (0.98 shown as 98%); text is read as
 * written ("98%", "98.00%", "98"). A plain number or text without "%" up to 1 is a fraction (a clerk
 * typing 0.98 means 98%); above 1 it is in percent.
 */
export function rateOf(v: Cell, percentFormat: boolean): Parsed<StatedRate> {
  if (typeof v === "number") {
    // 0.9543 × 100 is 95.42999999999999 in floating point: 12 significant digits give back what the cell shows.
    if (percentFormat || Math.abs(v) <= 1)
      return { value: { percent: Number((v * 100).toPrecision(12)), decimals: null }, problem: null };
    return { value: { percent: v, decimals: null }, problem: null };
  }
  const text = cellText(v);
  if (isBlankMark(text)) return blank();
  const m = /^(-?\d+)(?:\.(\d+))?(%?)$/.exec(halfWidth(text).replace(/\s+/g, ""));
  if (!m) return { value: null, problem: `“${text}”不是执行率（如“95.00%”）` };
  const decimals = (m[2] ?? "").length;
  const n = Number(`${m[1]}.${m[2] ?? "0"}`);
  if (m[3] === "%" || Math.abs(n) > 1) return { value: { percent: n, decimals }, problem: null };
  return { value: { percent: Number((n * 100).toPrecision(12)), decimals: Math.max(0, decimals - 2) }, problem: null };
}
