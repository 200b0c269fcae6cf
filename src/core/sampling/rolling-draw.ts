/**
 * 目标现场会审 · 滚动抽取: which departments' goal tables the bureau reviews on site this year.
 * Rolling (以滚动方式) means departments not reviewed recently come first, so that over a cycle every
 * department is reviewed. The draw is recorded with its population and parameters, and anyone can re-run
 * it (replayDraw) and must get the same picks.
 *
 * Algorithm "rolling-v1", step by step (enough to re-run it by hand from a record):
 *
 *  1. Sort the population by department code, comparing UTF-16 code units ("120001" < "120002" < "121";
 *     no locale rules), so the order in which the population was listed does not matter.
 *  2. Remove the excluded codes. What is left is the eligible list.
 *  3. Forced picks come first, in the order given. A forced code that is not in the population, or that is
 *     also excluded, is skipped (and noted); a repeated forced code counts once.
 *  4. The remainder (eligible minus forced, still in code order) is shuffled with the seed:
 *     rng = mulberry32 seeded with seedFromString(`${seed}:${year}`) (32-bit FNV-1a over the UTF-8 bytes of,
 *     e.g., "2024-goal-review:2024"; see core/random.ts); Fisher–Yates from the end: for i = n − 1 down to 1,
 *     j = floor(rng.next() × (i + 1)), swap positions i and j.
 *  5. The shuffled remainder is sorted, stably (equal keys keep their shuffled order), by priority:
 *     the year last reviewed before `year` (the largest of reviewedYears below `year`), oldest first;
 *     a department never reviewed before `year` comes before all others. Reviews recorded for `year` or
 *     later are ignored. Thus departments not reviewed within the look-back window (years
 *     year − lookbackYears … year − 1) always come before those reviewed within it, and ties (the same
 *     last year, or both never reviewed) fall in the seeded random order of step 4.
 *  6. Picks = forced picks followed by the sorted remainder, cut to the first `count`; rank = position
 *     (1-based). If fewer departments are eligible than `count`, all are picked (and noted).
 *
 * The look-back window does not change the order; it names each pick's reason: "forced"; "never_reviewed"
 * (no review before `year`); "not_recently" (last reviewed before the window); "rotation" (reviewed within
 * the window, picked again because everyone else is already picked). Any change to these steps must get a
 * new algorithm name, so that records made under "rolling-v1" still replay.
 */
import { AppError } from "../errors";
import { Rng, seedFromString } from "../random";
import {
  algorithmDifference,
  byCode,
  cannotReplay,
  type DrawParamIssue,
  duplicates,
  codeAndName as label,
  noteDifferences,
} from "./common";

export type { DrawParamIssue };

export const ROLLING_DRAW_ALGORITHM = "rolling-v1";

export interface RollingDrawCandidate {
  code: string;
  name: string;
  /** fiscal years in which it was reviewed before */
  reviewedYears: number[];
}

export interface RollingDrawParams {
  year: number;
  count: number;
  lookbackYears: number;
  seed: string;
  /** How the seed was made (recorded with the draw; not used to draw): e.g. "server-random-128". */
  seedMethod?: string;
  forced: string[];
  excluded: string[];
}

export type RollingDrawReason = "forced" | "never_reviewed" | "not_recently" | "rotation";

export interface RollingDrawPick {
  code: string;
  name: string;
  reason: RollingDrawReason;
  lastReviewed: number | null;
  rank: number;
}

export interface RollingDrawResult {
  algorithm: string;
  params: RollingDrawParams;
  populationSize: number;
  picks: RollingDrawPick[];
  /** Chinese explanations, e.g. when count exceeds the eligible population */
  notes: string[];
}

export const ROLLING_DRAW_REASON_LABELS: Record<RollingDrawReason, string> = {
  forced: "必抽",
  never_reviewed: "从未会审",
  not_recently: "近期未会审",
  rotation: "轮换再次抽中",
};

export const MAX_LOOKBACK_YEARS = 10;

/** A year's draw is made once and kept: never redrawn or overwritten (a unique constraint holds it too). */
export const drawExists = (year: number) =>
  new AppError("conflict", "DRAW_EXISTS", `${year}年度已经抽取过，抽取结果不能重抽覆盖`);

/** The year last reviewed before `year`, or null. */
export function lastReviewedBefore(candidate: RollingDrawCandidate, year: number): number | null {
  let last: number | null = null;
  for (const y of candidate.reviewedYears) if (y < year && (last === null || y > last)) last = y;
  return last;
}

export function drawRolling(population: readonly RollingDrawCandidate[], params: RollingDrawParams): RollingDrawResult {
  const repeated = duplicates(population.map((c) => c.code));
  if (repeated.length > 0) throw new RangeError(`抽取范围中部门编码重复：${repeated.join("、")}`);
  const { year, lookbackYears, seed } = params;
  const count = Number.isFinite(params.count) ? Math.max(0, Math.floor(params.count)) : 0;
  const notes: string[] = [];

  // 1–2
  const sorted = [...population].sort(byCode);
  const known = new Map(sorted.map((c) => [c.code, c]));
  const excluded = new Set(params.excluded);
  const eligible = sorted.filter((c) => !excluded.has(c.code));
  const unknownExcluded = [...excluded].filter((code) => !known.has(code));
  if (unknownExcluded.length > 0) notes.push(`排除名单中的 ${unknownExcluded.join("、")} 不在抽取范围内，已忽略。`);

  // 3
  const forced: RollingDrawCandidate[] = [];
  const forcedCodes = new Set<string>();
  for (const code of params.forced) {
    if (forcedCodes.has(code)) continue;
    forcedCodes.add(code);
    const candidate = known.get(code);
    if (!candidate) notes.push(`必抽部门 ${code} 不在抽取范围内，已忽略。`);
    else if (excluded.has(code)) notes.push(`${label(candidate)} 同时列为必抽和排除，按排除处理。`);
    else forced.push(candidate);
  }
  const forcedSet = new Set(forced);

  // 4–5
  const key = (c: RollingDrawCandidate): number => lastReviewedBefore(c, year) ?? Number.NEGATIVE_INFINITY;
  const remainder = new Rng(seedFromString(`${seed}:${year}`))
    .shuffle(eligible.filter((c) => !forcedSet.has(c)))
    .sort((a, b) => key(a) - key(b) || 0);

  // 6
  const windowStart = year - lookbackYears;
  const picks: RollingDrawPick[] = [...forced, ...remainder].slice(0, count).map((c, i) => {
    const lastReviewed = lastReviewedBefore(c, year);
    const reason: RollingDrawReason = forcedSet.has(c)
      ? "forced"
      : lastReviewed === null
        ? "never_reviewed"
        : lastReviewed < windowStart
          ? "not_recently"
          : "rotation";
    return { code: c.code, name: c.name, reason, lastReviewed, rank: i + 1 };
  });

  const drawnByRule = picks.filter((p) => p.reason !== "forced").length;
  const keptForced = picks.length - drawnByRule;
  notes.unshift(
    `总体 ${sorted.length} 个部门，排除 ${sorted.length - eligible.length} 个，可抽取 ${eligible.length} 个；` +
      `必抽 ${keptForced} 个，按滚动规则抽取 ${drawnByRule} 个，共抽取 ${picks.length} 个。`,
  );
  if (count !== params.count || count < 1) notes.push(`抽取数量 ${params.count} 不是正整数，按 ${count} 处理。`);
  if (count > eligible.length) notes.push(`抽取数量 ${count} 超过可抽取的部门数 ${eligible.length}，已全部抽取。`);
  if (forced.length > count) {
    const dropped = forced.slice(count).map((c) => c.code);
    notes.push(
      `必抽部门 ${forced.length} 个，超过抽取数量 ${count}，按所列顺序保留前 ${count} 个；${dropped.join("、")} 未抽中。`,
    );
  }
  const rotation = picks.filter((p) => p.reason === "rotation").length;
  if (rotation > 0)
    notes.push(
      `${rotation} 个部门近 ${lookbackYears} 年（${windowStart}–${year - 1} 年）内已会审，` +
        "因其余部门均已抽中，按上次会审年份从早到晚再次抽取。",
    );

  // Where the cut fell inside a group of equal priority, the seed decided who is in: say so.
  const lastRulePick = remainder[drawnByRule - 1];
  if (lastRulePick && drawnByRule < remainder.length) {
    const k = key(lastRulePick);
    const tied = remainder.filter((c) => key(c) === k).length;
    const tiedIn = remainder.slice(0, drawnByRule).filter((c) => key(c) === k).length;
    if (tied > tiedIn) {
      const group = k === Number.NEGATIVE_INFINITY ? "从未会审" : `上次会审为 ${k} 年`;
      notes.push(`最后 ${tiedIn} 个名额在 ${tied} 个同等优先（${group}）的部门中按种子“${seed}”随机确定。`);
    }
  }

  const later = sorted.filter((c) => c.reviewedYears.some((y) => y >= year)).map((c) => c.code);
  if (later.length > 0) notes.push(`${later.join("、")} 有 ${year} 年及以后的会审记录，本次抽取不计。`);

  return {
    algorithm: ROLLING_DRAW_ALGORITHM,
    params: { ...params, forced: [...params.forced], excluded: [...params.excluded] },
    populationSize: population.length,
    picks,
    notes,
  };
}

/** Problems with a draw's parameters, in Chinese, one per field and cause; empty when the draw may run. */
export function validateDrawParams(
  population: readonly RollingDrawCandidate[],
  params: RollingDrawParams,
): DrawParamIssue[] {
  const issues: DrawParamIssue[] = [];
  const add = (field: string, message: string) => issues.push({ field, message });
  const known = new Map(population.map((c) => [c.code, c]));
  const name = (code: string) => {
    const c = known.get(code);
    return c ? label(c) : code;
  };

  const repeated = duplicates(population.map((c) => c.code));
  if (repeated.length > 0) add("population", `抽取范围中部门编码重复：${repeated.join("、")}`);

  if (!Number.isInteger(params.year) || params.year < 1000 || params.year > 9999) add("year", "年度须为四位数的年份");
  if (params.seed.trim() === "")
    add("seed", "请填写抽取种子（任意文字，如“2024-goal-review”），凭它可重新抽取得到同样的结果");
  if (!Number.isInteger(params.lookbackYears) || params.lookbackYears < 1 || params.lookbackYears > MAX_LOOKBACK_YEARS)
    add("lookbackYears", `回溯年限须为 1 至 ${MAX_LOOKBACK_YEARS} 之间的整数`);

  for (const code of new Set(params.excluded))
    if (!known.has(code)) add("excluded", `排除的部门 ${code} 不在抽取范围内`);
  for (const code of duplicates(params.excluded)) add("excluded", `排除的部门 ${name(code)} 重复列出`);
  for (const code of new Set(params.forced)) if (!known.has(code)) add("forced", `必抽的部门 ${code} 不在抽取范围内`);
  for (const code of duplicates(params.forced)) add("forced", `必抽的部门 ${name(code)} 重复列出`);
  const excluded = new Set(params.excluded.filter((code) => known.has(code)));
  for (const code of new Set(params.forced))
    if (excluded.has(code)) add("forced", `部门 ${name(code)} 不能既列为必抽又列为排除`);

  const eligible = population.length - excluded.size;
  if (!Number.isInteger(params.count) || params.count < 1) add("count", "抽取数量须为不小于 1 的整数");
  else {
    if (params.count > eligible)
      add(
        "count",
        `抽取数量 ${params.count} 超过可抽取的部门数 ${eligible}（共 ${population.length} 个，排除 ${excluded.size} 个）`,
      );
    const forced = new Set(params.forced).size;
    if (forced > params.count) add("forced", `必抽部门 ${forced} 个，超过抽取数量 ${params.count}`);
  }
  return issues;
}

const describePick = (p: RollingDrawPick | undefined): string =>
  p
    ? `${p.code}（${p.name}，${ROLLING_DRAW_REASON_LABELS[p.reason] ?? p.reason}，上次会审 ${p.lastReviewed ?? "无"}，第 ${p.rank} 名）`
    : "无";

/**
 * Re-runs a recorded draw from its population and parameters and compares the outcome with the record:
 * the "anyone can re-run the draw" check. Differences are in Chinese, one per mismatch.
 */
export function replayDraw(recorded: { population: RollingDrawCandidate[]; result: RollingDrawResult }): {
  matches: boolean;
  differences: string[];
} {
  const { population, result } = recorded;
  const differences: string[] = [];
  let again: RollingDrawResult;
  try {
    again = drawRolling(population, result.params);
  } catch (error) {
    return { matches: false, differences: [cannotReplay(error)] };
  }
  differences.push(...algorithmDifference(result.algorithm, again.algorithm));
  if (result.populationSize !== again.populationSize)
    differences.push(`总体数量不同：记录为 ${result.populationSize} 个，记录的名单实有 ${again.populationSize} 个`);
  if (result.picks.length !== again.picks.length)
    differences.push(`抽中数量不同：记录为 ${result.picks.length} 个，重新抽取为 ${again.picks.length} 个`);
  for (let i = 0; i < Math.max(result.picks.length, again.picks.length); i++) {
    const a = result.picks[i];
    const b = again.picks[i];
    const same =
      a &&
      b &&
      a.code === b.code &&
      a.name === b.name &&
      a.reason === b.reason &&
      a.lastReviewed === b.lastReviewed &&
      a.rank === b.rank;
    if (!same) differences.push(`第 ${i + 1} 个抽中：记录为 ${describePick(a)}，重新抽取为 ${describePick(b)}`);
  }
  differences.push(...noteDifferences(result.notes, again.notes));
  return { matches: differences.length === 0, differences };
}
