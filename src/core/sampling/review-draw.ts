/**
 * 抽查复核 · 样本抽取: which projects' self-evaluations finance re-scores this year (domain.md §7). The draw
 * is recorded with its population and parameters, and anyone can re-run it (replayReviewDraw) and must get
 * the same picks.
 *
 * Algorithm "selfeval-review-v1", step by step (enough to re-run it by hand from a record):
 *
 *  1. Sort the population by project code, comparing UTF-16 code units ("A01" < "A02" < "B"; no locale
 *     rules), so the order in which the population was listed does not matter.
 *  2. Remove the excluded codes (e.g. reviewed last year). What is left is the eligible list: N projects,
 *     forced picks included.
 *  3. Forced picks, in the order given: a code not in the population, or also excluded, is skipped (and
 *     noted); a repeated code counts once; beyond `count`, the first `count` are kept (noted). F = the
 *     forced picks kept.
 *  4. T = min(count, N) picks in all (all eligible projects when count ≥ N, noted when count > N).
 *  5. Strata. A project's band is the last band whose lower edge (`budgetBands`, fen, ascending; default
 *     0, 100万元, 500万元) is ≤ its budget (below the first edge: the first band); the bands are named B1, B2
 *     … from the lowest. A stratum's key is the department code ("101") when stratifying by department
 *     only, the band ("B2") by budget only, both ("101/B2") by both, and "ALL" by neither. Only strata
 *     holding an eligible project exist; they are ordered by department code (UTF-16), then band.
 *     n_h = the eligible projects of stratum h, f_h = its forced picks (counted in n_h).
 *  6. Tie order: the strata in stratum order, shuffled as in step 8 with the key "strata", i.e. rng =
 *     mulberry32(seedFromString(`${seed}:${year}:strata`)).
 *  7. Seats t_h of each stratum (its picks, forced included):
 *     a. A = all strata, S = T.
 *     b. Share S over A by the largest remainder: with M = Σ n_h over A, stratum h gets floor(S·n_h / M);
 *        the seats still free go one each to the strata with the largest remainders S·n_h mod M (exact
 *        integers); equal remainders: the stratum first in the tie order. Call the share q_h.
 *     c. If some strata of A have more forced picks than their share (f_h > q_h), each of them gets
 *        t_h = f_h; remove them all from A, subtract their forced picks from S, and go back to b.
 *        Otherwise every stratum left in A gets t_h = q_h.
 *     So forced picks count against their stratum's proportional share, and where they exceed it the
 *     other strata share the seats left in proportion to their sizes: the sample's department and budget
 *     mix stays that of the eligible population. Every round removes at least one stratum but never all
 *     (their forced picks cannot exceed the S they share), and S ≤ M holds in every round, so no stratum
 *     is ever given more seats than it has projects; no cap or hand-over of excess is needed.
 *  8. In each stratum, its projects other than the forced picks, in code order, are shuffled with
 *     rng = mulberry32 seeded with seedFromString(`${seed}:${year}:${key}`) (32-bit FNV-1a over the UTF-8
 *     bytes of, e.g., "2024-review:2024:101/B2"; see core/random.ts); Fisher–Yates from the end: for
 *     i = n − 1 down to 1, j = floor(rng.next() × (i + 1)), swap positions i and j. The first t_h − f_h
 *     are taken.
 *  9. Picks = the forced picks in the order given, then the projects taken in step 8, stratum by stratum
 *     in stratum order, each in its shuffled order; rank = position (1-based).
 *
 * What this guarantees: without forced picks every stratum gets its proportional share T·n_h/N rounded
 * up or down (off by less than one seat), so a stratum with at least N/T projects is picked at least once
 * (by department only: every department with ≥ N/T eligible projects). Any change to these steps must get
 * a new algorithm name, so that records made under "selfeval-review-v1" still replay.
 */
import { AppError } from "../errors";
import type { Fen } from "../money";
import { Rng, seedFromString } from "../random";
import {
  algorithmDifference,
  bandLabel,
  bandOf,
  bandsAscending,
  byCode,
  cannotReplay,
  DEFAULT_BUDGET_BANDS,
  type DrawParamIssue,
  duplicates,
  largestRemainder,
  noteDifferences,
  noteUnknownExcluded,
  resolveForced,
} from "./common";

export const REVIEW_DRAW_ALGORITHM = "selfeval-review-v1";
export const REVIEW_DRAW_MAX_COUNT = 2000;

export interface ReviewDrawCandidate {
  code: string;
  name: string;
  departmentCode: string;
  budget: Fen;
}

export interface ReviewDrawParams {
  year: number;
  count: number;
  seed: string;
  /** How the seed was made (recorded with the draw; not used to draw): e.g. "server-random-128". */
  seedMethod?: string;
  forced: string[];
  /** e.g. the projects reviewed last year */
  excluded: string[];
  /** stratify by department, by budget band, both (department × band), or neither */
  stratify: { department: boolean; budget: boolean };
  /** Lower edges of the bands, fen, ascending from ≥ 0; DEFAULT_BUDGET_BANDS when omitted. */
  budgetBands?: Fen[];
}

export type ReviewDrawPickReason = "forced" | "sampled";
export const REVIEW_DRAW_PICK_REASON_LABELS: Record<ReviewDrawPickReason, string> = {
  forced: "必抽",
  sampled: "随机抽取",
};

export interface ReviewDrawPick {
  code: string;
  name: string;
  departmentCode: string;
  budget: Fen;
  reason: ReviewDrawPickReason;
  /** The key of its stratum (forced picks too: they count against it); null when not stratified. */
  stratum: string | null;
  rank: number;
}

export interface ReviewDrawStratum {
  /** "101", "B2", "101/B2" or "ALL" (step 5) */
  key: string;
  label: string;
  /** eligible projects in it, forced picks included */
  size: number;
  /** its picks, forced picks included */
  seats: number;
  /** of the seats, how many are forced picks */
  forced: number;
}

export interface ReviewDrawResult {
  algorithm: string;
  /** As given, with budgetBands filled in when omitted, so that a replay does not depend on today's default. */
  params: ReviewDrawParams;
  /** The population as drawn from (sorted by code): the record a replay re-runs. */
  population: ReviewDrawCandidate[];
  /** After exclusions; forced picks included. */
  eligibleSize: number;
  /** In stratum order (step 5). */
  strata: ReviewDrawStratum[];
  picks: ReviewDrawPick[];
  /** Chinese explanations: counts, skipped codes, strata. */
  notes: string[];
}

/** Problems that stop a draw, in Chinese, one per field and cause; empty when the draw may run. */
export function validateReviewDrawParams(
  population: readonly ReviewDrawCandidate[],
  params: ReviewDrawParams,
): DrawParamIssue[] {
  const issues: DrawParamIssue[] = [];
  const add = (field: string, message: string) => issues.push({ field, message });
  const repeated = duplicates(population.map((c) => c.code));
  if (repeated.length > 0) add("population", `抽取范围中项目编码重复：${repeated.join("、")}`);
  for (const c of population)
    if (!Number.isSafeInteger(c.budget)) add("population", `项目 ${c.code} 的预算数须为整数（分）`);
  if (!Number.isInteger(params.year) || params.year < 1000 || params.year > 9999) add("year", "年度须为四位数的年份");
  if (!Number.isInteger(params.count) || params.count < 1 || params.count > REVIEW_DRAW_MAX_COUNT)
    add("count", `抽取数量须为 1 至 ${REVIEW_DRAW_MAX_COUNT} 之间的整数`);
  if (typeof params.seed !== "string" || params.seed.trim() === "")
    add("seed", "请填写抽取种子（任意文字，如“2024-review”），凭它可重新抽取得到同样的结果");
  const { stratify } = params;
  if (typeof stratify?.department !== "boolean" || typeof stratify.budget !== "boolean")
    add("stratify", "分层方式须指明是否按主管部门分层、是否按预算规模分层");
  const bands = params.budgetBands ?? DEFAULT_BUDGET_BANDS;
  if (!bandsAscending(bands) || (bands[0] as Fen) < 0)
    add("budgetBands", "预算规模分层的下限须为至少一个、从小到大排列且互不相同的非负整数（分）");
  return issues;
}

interface Stratum {
  key: string;
  label: string;
  department: string;
  band: number;
  /** eligible projects other than the forced picks, in code order */
  rest: ReviewDrawCandidate[];
  forced: ReviewDrawCandidate[];
}

const size = (s: Stratum): number => s.rest.length + s.forced.length;

function stratumOf(
  c: ReviewDrawCandidate,
  stratify: ReviewDrawParams["stratify"],
  bands: readonly Fen[],
): Omit<Stratum, "rest" | "forced"> {
  const band = stratify.budget ? bandOf(bands, c.budget) : 0;
  const department = stratify.department ? c.departmentCode : "";
  const bandKey = `B${band + 1}`;
  if (stratify.department && stratify.budget)
    return { key: `${department}/${bandKey}`, label: `部门 ${department}·${bandLabel(bands, band)}`, department, band };
  if (stratify.department) return { key: department, label: `部门 ${department}`, department, band };
  if (stratify.budget) return { key: bandKey, label: bandLabel(bands, band), department, band };
  return { key: "ALL", label: "全部", department, band };
}

/**
 * Step 7: the seats of each stratum; `fixed` = the strata whose forced picks exceeded their share, and
 * `left` = the seats the others shared in the last round (for the notes).
 */
function allocate(
  strata: readonly Stratum[],
  total: number,
  tieOrder: readonly number[],
): { seats: number[]; fixed: number[]; left: number } {
  const seats = strata.map(() => 0);
  let active = strata.map((_, i) => i);
  let left = total;
  for (;;) {
    const place = new Map(active.map((h, i) => [h, i]));
    const ties = tieOrder.filter((h) => place.has(h)).map((h) => place.get(h) as number);
    const shares = largestRemainder(
      left,
      active.map((h) => size(strata[h] as Stratum)),
      ties,
    );
    const over = active.filter((h, i) => (strata[h] as Stratum).forced.length > (shares[i] as number));
    if (over.length === 0) {
      active.forEach((h, i) => {
        seats[h] = shares[i] as number;
      });
      return { seats, fixed: strata.map((_, h) => h).filter((h) => !place.has(h)), left };
    }
    for (const h of over) {
      seats[h] = (strata[h] as Stratum).forced.length;
      left -= seats[h] as number;
    }
    active = active.filter((h) => !over.includes(h));
  }
}

const STRATIFY_LABELS = {
  both: "按主管部门和预算规模分层",
  department: "按主管部门分层",
  budget: "按预算规模分层",
} as const;

/** Draws the year's spot-check sample; throws AppError REVIEW_DRAW_INVALID (details.issues) on bad input. */
export function drawReview(population: readonly ReviewDrawCandidate[], params: ReviewDrawParams): ReviewDrawResult {
  const issues = validateReviewDrawParams(population, params);
  if (issues.length > 0)
    throw new AppError("validation", "REVIEW_DRAW_INVALID", issues.map((i) => i.message).join("；"), {
      issues,
    });
  const { year, count, seed } = params;
  const stratify = { department: params.stratify.department, budget: params.stratify.budget };
  const budgetBands = [...(params.budgetBands ?? DEFAULT_BUDGET_BANDS)];
  const notes: string[] = [];

  // 1–2
  const sorted = population
    .map((c) => ({ code: c.code, name: c.name, departmentCode: c.departmentCode, budget: c.budget }))
    .sort(byCode);
  const known = new Map(sorted.map((c) => [c.code, c]));
  const excluded = new Set(params.excluded);
  const eligible = sorted.filter((c) => !excluded.has(c.code));
  notes.push(...noteUnknownExcluded(excluded, known));

  // 3–4
  const { kept: forced } = resolveForced(params.forced, known, excluded, count, notes);
  const forcedSet = new Set(forced);
  const total = Math.min(count, eligible.length);

  // 5
  const byKey = new Map<string, Stratum>();
  const stratumKey = new Map<ReviewDrawCandidate, string>();
  for (const c of eligible) {
    const where = stratumOf(c, stratify, budgetBands);
    let stratum = byKey.get(where.key);
    if (!stratum) {
      stratum = { ...where, rest: [], forced: [] };
      byKey.set(where.key, stratum);
    }
    if (!forcedSet.has(c)) stratum.rest.push(c);
    stratumKey.set(c, where.key);
  }
  for (const c of forced) byKey.get(stratumKey.get(c) as string)?.forced.push(c);
  const strata = [...byKey.values()].sort((a, b) =>
    a.department < b.department ? -1 : a.department > b.department ? 1 : a.band - b.band,
  );

  // 6–7
  const rng = (key: string) => new Rng(seedFromString(`${seed}:${year}:${key}`));
  const tieOrder = rng("strata").shuffle(strata.map((_, i) => i));
  const { seats, fixed, left } = allocate(strata, total, tieOrder);

  // 8–9
  const taken = strata.flatMap((s, h) =>
    rng(s.key)
      .shuffle(s.rest)
      .slice(0, (seats[h] as number) - s.forced.length),
  );
  const stratified = stratify.department || stratify.budget;
  const picks: ReviewDrawPick[] = [...forced, ...taken].map((c, i) => ({
    code: c.code,
    name: c.name,
    departmentCode: c.departmentCode,
    budget: c.budget,
    reason: forcedSet.has(c) ? "forced" : "sampled",
    stratum: stratified ? (stratumKey.get(c) as string) : null,
    rank: i + 1,
  }));
  const strataOut: ReviewDrawStratum[] = strata.map((s, h) => ({
    key: s.key,
    label: s.label,
    size: size(s),
    seats: seats[h] as number,
    forced: s.forced.length,
  }));

  notes.unshift(
    `总体 ${sorted.length} 个项目，排除 ${sorted.length - eligible.length} 个，可抽取 ${eligible.length} 个；` +
      `必抽 ${forced.length} 个，随机抽取 ${taken.length} 个，共抽取 ${picks.length} 个。`,
  );
  if (stratified && strata.length > 0) {
    const how = stratify.department && stratify.budget ? "both" : stratify.department ? "department" : "budget";
    notes.push(
      `${STRATIFY_LABELS[how]}，共 ${strata.length} 层，名额按各层在可抽取项目中所占比例分配（最大余数法），` +
        `必抽项目计入所在层：${strataOut
          .map((s) => `${s.label} ${s.size} 个中抽 ${s.seats} 个${s.forced > 0 ? `（含必抽 ${s.forced} 个）` : ""}`)
          .join("；")}。`,
    );
  }
  if (fixed.length > 0)
    notes.push(
      `${fixed.map((h) => strataOut[h]?.label).join("、")}的必抽项目多于按比例应得的名额，只抽必抽项目；` +
        `其余 ${left} 个名额在其他各层中按比例重新分配。`,
    );
  if (count > eligible.length) notes.push(`抽取数量 ${count} 超过可抽取的项目数 ${eligible.length}，已全部抽取。`);
  if (taken.length > 0) notes.push(`随机顺序由种子“${seed}”、年度 ${year} 与分层编码确定。`);

  return {
    algorithm: REVIEW_DRAW_ALGORITHM,
    params: { ...params, forced: [...params.forced], excluded: [...params.excluded], stratify, budgetBands },
    population: sorted,
    eligibleSize: eligible.length,
    strata: strataOut,
    picks,
    notes,
  };
}

const describePick = (p: ReviewDrawPick | undefined): string =>
  p
    ? `${p.code}（${p.name}，${REVIEW_DRAW_PICK_REASON_LABELS[p.reason] ?? p.reason}` +
      `${p.stratum === null ? "" : `，分层 ${p.stratum}`}，第 ${p.rank} 名）`
    : "无";

const describeStratum = (s: ReviewDrawStratum | undefined): string =>
  s ? `${s.key}（${s.label}，${s.size} 个中抽 ${s.seats} 个，含必抽 ${s.forced} 个）` : "无";

const samePick = (a: ReviewDrawPick, b: ReviewDrawPick): boolean =>
  a.code === b.code &&
  a.name === b.name &&
  a.departmentCode === b.departmentCode &&
  a.budget === b.budget &&
  a.reason === b.reason &&
  a.stratum === b.stratum &&
  a.rank === b.rank;

const sameStratum = (a: ReviewDrawStratum, b: ReviewDrawStratum): boolean =>
  a.key === b.key && a.label === b.label && a.size === b.size && a.seats === b.seats && a.forced === b.forced;

/**
 * Re-runs a recorded draw from its own population and parameters and compares the outcome with the record:
 * the "anyone can re-run the draw" check. Differences are in Chinese, one per mismatch.
 */
export function replayReviewDraw(record: ReviewDrawResult): { matches: boolean; differences: string[] } {
  let again: ReviewDrawResult;
  try {
    again = drawReview(record.population, record.params);
  } catch (error) {
    return { matches: false, differences: [cannotReplay(error)] };
  }
  const differences = algorithmDifference(record.algorithm, again.algorithm);
  if (record.eligibleSize !== again.eligibleSize)
    differences.push(`可抽取数量不同：记录为 ${record.eligibleSize} 个，重新抽取为 ${again.eligibleSize} 个`);
  for (let i = 0; i < Math.max(record.strata.length, again.strata.length); i++) {
    const a = record.strata[i];
    const b = again.strata[i];
    if (!(a && b && sameStratum(a, b)))
      differences.push(`第 ${i + 1} 层不同：记录为 ${describeStratum(a)}，重新抽取为 ${describeStratum(b)}`);
  }
  if (record.picks.length !== again.picks.length)
    differences.push(`抽中数量不同：记录为 ${record.picks.length} 个，重新抽取为 ${again.picks.length} 个`);
  for (let i = 0; i < Math.max(record.picks.length, again.picks.length); i++) {
    const a = record.picks[i];
    const b = again.picks[i];
    if (!(a && b && samePick(a, b)))
      differences.push(`第 ${i + 1} 个抽中：记录为 ${describePick(a)}，重新抽取为 ${describePick(b)}`);
  }
  differences.push(...noteDifferences(record.notes, again.notes));
  return { matches: differences.length === 0, differences };
}
