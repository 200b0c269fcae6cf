import { divRoundHalfUp } from "../money";
import type { DeptWideBand, DeptWideFormula, DeptWideRow, DeptWideTemplate } from "./dept-template";
import { clampH, hundredthsOf, pointsText } from "./grade";
import { microText, type Quantity, readQuantity, unitsCompatible } from "./quantity";
import type { QualitativeTier, TierBand } from "./rules";
import { type ItemScore, itemScore, type Scored, scoreQualitative, scoreQuantitative } from "./score-project";
import { type ScoreTotal, totalOf } from "./total";
import { validateDeptTemplate } from "./validate-dept-template";

/**
 * The department-wide self-evaluation score, domain.md §5: each template row by its formula, in exact
 * hundredths with how each figure came out; not-applicable rows drop out and the total is rescaled to
 * 100, as for a project. An answer the template cannot place (a row or a checklist item it lacks) makes
 * the score unscorable rather than being skipped.
 */
export interface DeptWideAnswer {
  /** The value as typed ("92.5%", "3"), read leniently; prefilled for rows sourced from the execution rate. */
  value?: string | null;
  /** Checklist rows: keys of the items that failed; absent until the checklist has been answered. */
  failed?: readonly string[];
  /** Tier rows: the tier picked and the points given inside it. */
  tier?: QualitativeTier | null;
  points?: number | null;
  notApplicable?: boolean;
  /** The unit's explanation of a deduction (扣分原因); not part of the score. */
  note?: string | null;
}

export interface DeptWideInput {
  template: DeptWideTemplate;
  answers: Readonly<Record<string, DeptWideAnswer | undefined>>;
  tiers: TierBand[];
}

export interface DeptWideRowScore extends ItemScore {
  key: string;
  /** The tier the points fall in (tier rows). */
  tier: QualitativeTier | null;
}

export interface DeptWideScore extends ScoreTotal {
  /** The template's rows in order, then one unscorable entry per answer to a row the template lacks. */
  rows: DeptWideRowScore[];
}

const MICRO_PER_POINT = 1_000_000n;
const clamp = clampH;
const microOf = (n: number): bigint => readQuantity(String(n))?.micro ?? 0n;

function readValue(a: DeptWideAnswer, unit: string): Quantity | string {
  if (a.value === null || a.value === undefined || a.value.trim() === "") return "未填写实际值";
  const q = readQuantity(a.value);
  if (!q) return `实际值“${a.value}”不是数值，无法计算`;
  if (!unitsCompatible(q.unit, unit)) return `实际值的单位“${q.unit}”与指标单位“${unit}”不一致`;
  return q;
}

function scoreDeduct(f: Extract<DeptWideFormula, { kind: "deductPerPoint" }>, a: DeptWideAnswer, wH: bigint): Scored {
  const q = readValue(a, "%");
  if (typeof q === "string") return q;
  const limit = microOf(f.limitPercent);
  const over = f.direction === "over";
  const beyond = over ? q.micro - limit : limit - q.micro;
  const V = `${microText(q.micro)}%`;
  const Lm = `${microText(limit)}%`;
  if (beyond <= 0n)
    return { pointsH: wH, how: `实际 ${V} ${over ? "未超过上限" : "不低于下限"} ${Lm}，得满分 ${pointsText(wH)}` };
  // Part-points count in proportion: 0.25 points beyond at 0.5 per point is 0.13 off (half up).
  const offH = divRoundHalfUp(beyond * hundredthsOf(f.perPoint), MICRO_PER_POINT);
  const pointsH = clamp(wH - offH, wH);
  const gap = `${over ? "高于上限" : "低于下限"} ${Lm}，${over ? "超出" : "相差"} ${microText(beyond)} 个百分点`;
  return {
    pointsH,
    how: `实际 ${V} ${gap} × 每点扣 ${pointsText(hundredthsOf(f.perPoint))} 分 = 扣 ${pointsText(offH)} 分，${
      pointsH === 0n ? "扣完为止，得 0 分" : `得 ${pointsText(pointsH)} 分`
    }`,
  };
}

const bandText = (b: DeptWideBand, unit: string): string =>
  b.min === null
    ? `低于 ${b.max}${unit}`
    : b.max === null
      ? `${b.min}${unit} 及以上`
      : `${b.min}${unit}（含）—${b.max}${unit}`;

function scoreBands(f: Extract<DeptWideFormula, { kind: "bands" }>, a: DeptWideAnswer, wH: bigint): Scored {
  const q = readValue(a, f.unit);
  if (typeof q === "string") return q;
  const band = f.bands.find(
    (b) => (b.min === null || q.micro >= microOf(b.min)) && (b.max === null || q.micro < microOf(b.max)),
  );
  const V = `${microText(q.micro)}${f.unit}`;
  if (!band) return `实际值 ${V} 不在任何评分档次内`;
  const pointsH =
    f.scale === "points"
      ? clamp(hundredthsOf(band.value), wH)
      : clamp(divRoundHalfUp(wH * hundredthsOf(band.value), 10_000n), wH);
  const share = f.scale === "points" ? "" : `分值的 ${band.value}%，`;
  return { pointsH, how: `实际 ${V} 在“${bandText(band, f.unit)}”档，得${share}${pointsText(pointsH)} 分` };
}

function scoreChecklist(f: Extract<DeptWideFormula, { kind: "checklist" }>, a: DeptWideAnswer, wH: bigint): Scored {
  if (a.failed === undefined) return "未填写检查结果";
  const byKey = new Map(f.items.map((it, n) => [it.key, { ...it, n }]));
  const unknown = a.failed.filter((k) => !byKey.has(k));
  if (unknown.length > 0) return `检查项 ${unknown.map((k) => `“${k}”`).join("、")} 不在本指标的检查清单中`;
  const failed = [...new Set(a.failed)].flatMap((k) => {
    const it = byKey.get(k);
    return it ? [it] : [];
  });
  if (failed.length === 0) return { pointsH: wH, how: `${f.items.length} 项均符合，得满分 ${pointsText(wH)}` };
  failed.sort((x, y) => x.n - y.n);
  const offH = failed.reduce((s, it) => s + hundredthsOf(it.deduction), 0n);
  const pointsH = clamp(wH - offH, wH);
  const list = failed.map((it) => `${it.text}（扣 ${pointsText(hundredthsOf(it.deduction))}）`).join("；");
  return {
    pointsH,
    how: `${failed.length} 项不符合：${list}；共扣 ${pointsText(offH)} 分，${
      pointsH === 0n ? "扣完为止，得 0 分" : `得 ${pointsText(pointsH)} 分`
    }`,
  };
}

function scoreFormula(row: DeptWideRow, a: DeptWideAnswer, wH: bigint, tiers: TierBand[]) {
  const f = row.formula;
  if (f.kind !== "checklist" && a.failed !== undefined && a.failed.length > 0)
    return `本指标不是检查清单，不应有扣分项 ${a.failed.map((k) => `“${k}”`).join("、")}`;
  switch (f.kind) {
    case "ratio":
      return scoreQuantitative(
        { operator: f.operator, target: String(f.target), unit: f.unit, actual: a.value ?? null },
        wH,
      );
    case "deductPerPoint":
      return scoreDeduct(f, a, wH);
    case "bands":
      return scoreBands(f, a, wH);
    case "checklist":
      return scoreChecklist(f, a, wH);
    case "tiers":
      return scoreQualitative({ tier: a.tier ?? null, points: a.points ?? null }, wH, tiers);
  }
}

function scoreRow(row: DeptWideRow, answer: DeptWideAnswer | undefined, tiers: TierBand[]): DeptWideRowScore {
  const wH = hundredthsOf(row.weight);
  if (answer === undefined) return itemScore(row.key, row.weight, wH, "unscorable", null, "未填写");
  if (answer.notApplicable === true)
    return itemScore(row.key, row.weight, wH, "notApplicable", null, "不适用，分值按比例折算到其他指标");
  const r: { pointsH: bigint; how: string; tier?: QualitativeTier } | string = scoreFormula(row, answer, wH, tiers);
  if (typeof r === "string") return itemScore(row.key, row.weight, wH, "unscorable", null, r);
  return itemScore(row.key, row.weight, wH, "scored", r.pointsH, r.how, r.tier ?? null);
}

export function scoreDeptWide(input: DeptWideInput): DeptWideScore {
  const checked = validateDeptTemplate(input.template);
  if (!checked.ok) {
    const [first] = checked.issues;
    return {
      rows: [],
      sum: 0,
      applicableWeight: 0,
      total: null,
      grade: null,
      unscorable: checked.issues.length,
      how: `评分模板有 ${checked.issues.length} 处问题，不能计分：${first?.message ?? ""}`,
    };
  }
  const { rows } = checked.template;
  const has = (key: string) => Object.hasOwn(input.answers, key);
  const scores = rows.map((row) => scoreRow(row, has(row.key) ? input.answers[row.key] : undefined, input.tiers));
  const known = new Set(rows.map((r) => r.key));
  const strays: DeptWideRowScore[] = Object.keys(input.answers)
    .filter((k) => !known.has(k) && input.answers[k] !== undefined)
    .map((key) => ({
      key,
      weight: 0,
      tier: null,
      status: "unscorable",
      points: null,
      full: false,
      how: `评分模板中没有指标“${key}”，该答复无法计分`,
    }));
  const all = [...scores, ...strays];
  return { rows: all, ...totalOf(all) };
}
