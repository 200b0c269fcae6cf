/**
 * 财政重点监控 · 项目抽取: which projects finance monitors itself this year (domain.md §4, §7). The draw is
 * recorded with its population and parameters, and anyone can re-run it (replayKeyDraw) and must get the
 * same picks.
 *
 * Algorithm "key-monitoring-v1", step by step (enough to re-run it by hand from a record):
 *
 *  1. Sort the population by project code, comparing UTF-16 code units ("A01" < "A02" < "B"; no locale
 *     rules), so the order in which the population was listed does not matter.
 *  2. Remove the excluded codes.
 *  3. If `onlyWithReasons` is not empty, keep only the projects having at least one of those reasons
 *     (执行滞后, 预算规模大, 以往绩效较差, 重点项目). What is left is the eligible list.
 *  4. Forced picks come first, in the order given. A forced code that is not in the population, or that is
 *     also excluded, is skipped (and noted); a repeated forced code counts once. A forced project without
 *     any of `onlyWithReasons` is still picked (finance named it; noted). If there are more forced picks
 *     than `count`, the first `count` are kept (noted).
 *  5. The remainder (eligible minus forced, still in code order) is shuffled with the seed:
 *     rng = mulberry32 seeded with seedFromString(`${seed}:${year}`) (32-bit FNV-1a over the UTF-8 bytes of,
 *     e.g., "2024-key-monitoring:2024"; see core/random.ts); Fisher–Yates from the end: for i = n − 1 down
 *     to 1, j = floor(rng.next() × (i + 1)), swap positions i and j.
 *  6. R = count − forced picks kept. From the shuffled remainder take R projects, by `stratify`:
 *     - "none": the first R in shuffled order.
 *     - "department": departments are ordered by where their first project stands in the shuffled order;
 *       pass 1 takes each department's first project (in shuffled order) in that department order, pass 2
 *       each department's second, and so on, departments that have run out being skipped; the first R so
 *       listed are taken, in that order.
 *     - "budget": `budgetBands` are the lower edges of the bands in fen, ascending (default 0, 100万元,
 *       500万元); a project is in the last band whose edge is ≤ its budget (below the first edge: the first
 *       band). With s_i the remainder's projects in band i and S = Σ s_i, band i gets floor(R·s_i / S); the
 *       seats still free go one each to the bands with the largest remainders R·s_i mod S (equal
 *       remainders: lower band first). A band given more than s_i keeps s_i and the excess goes to the
 *       other bands in band order, each up to its size (only when R > S, where all are taken). Then walk
 *       the shuffled remainder and take each project whose band has not yet used its seats.
 *  7. Picks = forced picks followed by those taken in step 6; rank = position (1-based). If fewer
 *     projects are eligible than `count`, all are picked (and noted).
 *
 * Any change to these steps must get a new algorithm name, so that records made under "key-monitoring-v1"
 * still replay.
 */
import { AppError } from "../errors";
import type { Fen } from "../money";
import { KEY_REASON_LABELS, KEY_REASONS, type KeyReason } from "../monitoring/key-candidates";
import { Rng, seedFromString } from "../random";
import {
  algorithmDifference,
  bandLabel,
  bandOf,
  bandsAscending,
  byCode,
  cannotReplay,
  codeAndName,
  DEFAULT_BUDGET_BANDS,
  type DrawParamIssue,
  duplicates,
  largestRemainder,
  noteDifferences,
  noteUnknownExcluded,
  resolveForced,
} from "./common";

export { bandLabel, bandOf, DEFAULT_BUDGET_BANDS };

export const KEY_DRAW_ALGORITHM = "key-monitoring-v1";
export const KEY_DRAW_MAX_COUNT = 1000;

export const KEY_DRAW_STRATIFY = ["none", "department", "budget"] as const;
export type KeyDrawStratify = (typeof KEY_DRAW_STRATIFY)[number];
export const KEY_DRAW_STRATIFY_LABELS: Record<KeyDrawStratify, string> = {
  none: "不分层",
  department: "按主管部门分层",
  budget: "按预算规模分层",
};

export interface KeyDrawCandidate {
  code: string;
  name: string;
  departmentCode: string;
  budget: Fen;
  reasons: KeyReason[];
}

export interface KeyDrawParams {
  year: number;
  count: number;
  seed: string;
  /** How the seed was made (recorded with the draw; not used to draw): e.g. "server-random-128". */
  seedMethod?: string;
  forced: string[];
  excluded: string[];
  /** Only projects with at least one of these reasons are drawn at random; empty = all. */
  onlyWithReasons: KeyReason[];
  stratify: KeyDrawStratify;
  /** Lower edges of the bands for "budget", fen, ascending; DEFAULT_BUDGET_BANDS when omitted. */
  budgetBands?: Fen[];
}

export type KeyDrawPickReason = "forced" | "sampled";
export const KEY_DRAW_PICK_REASON_LABELS: Record<KeyDrawPickReason, string> = { forced: "必抽", sampled: "随机抽取" };

export interface KeyDrawPick {
  code: string;
  name: string;
  departmentCode: string;
  budget: Fen;
  reasons: KeyReason[];
  reason: KeyDrawPickReason;
  /** The stratum it was drawn in: the department code, or the budget band's label; null for forced or "none". */
  stratum: string | null;
  rank: number;
}

export interface KeyDrawResult {
  algorithm: string;
  /** As given, with budgetBands filled in when omitted, so that a replay does not depend on today's default. */
  params: KeyDrawParams;
  /** The population as drawn from (sorted by code): the record a replay re-runs. */
  population: KeyDrawCandidate[];
  /** After exclusions and the reason filter (step 3). */
  eligibleSize: number;
  picks: KeyDrawPick[];
  /** Chinese explanations: counts, skipped codes, strata. */
  notes: string[];
}

const isReason = (r: unknown): r is KeyReason => (KEY_REASONS as readonly unknown[]).includes(r);

/** Problems that stop a draw, in Chinese, one per field and cause; empty when the draw may run. */
export function validateKeyDrawParams(
  population: readonly KeyDrawCandidate[],
  params: KeyDrawParams,
): DrawParamIssue[] {
  const issues: DrawParamIssue[] = [];
  const add = (field: string, message: string) => issues.push({ field, message });
  const repeated = duplicates(population.map((c) => c.code));
  if (repeated.length > 0) add("population", `抽取范围中项目编码重复：${repeated.join("、")}`);
  for (const c of population) {
    if (!Number.isSafeInteger(c.budget)) add("population", `项目 ${c.code} 的预算数须为整数（分）`);
    const bad = c.reasons.filter((r) => !isReason(r));
    if (bad.length > 0) add("population", `项目 ${c.code} 的重点监控理由无法识别：${bad.join("、")}`);
  }
  if (!Number.isInteger(params.year) || params.year < 1000 || params.year > 9999) add("year", "年度须为四位数的年份");
  if (!Number.isInteger(params.count) || params.count < 1 || params.count > KEY_DRAW_MAX_COUNT)
    add("count", `抽取数量须为 1 至 ${KEY_DRAW_MAX_COUNT} 之间的整数`);
  if (params.seed.trim() === "")
    add("seed", "请填写抽取种子（任意文字，如“2024-key-monitoring”），凭它可重新抽取得到同样的结果");
  const badReasons = params.onlyWithReasons.filter((r) => !isReason(r));
  if (badReasons.length > 0) add("onlyWithReasons", `限定理由无法识别：${badReasons.join("、")}`);
  if (!(KEY_DRAW_STRATIFY as readonly string[]).includes(params.stratify))
    add(
      "stratify",
      `分层方式须为 ${KEY_DRAW_STRATIFY.map((s) => `${s}（${KEY_DRAW_STRATIFY_LABELS[s]}）`).join("、")} 之一`,
    );
  else if (params.stratify === "budget") {
    if (!bandsAscending(params.budgetBands ?? DEFAULT_BUDGET_BANDS))
      add("budgetBands", "预算规模分层的下限须为至少一个、从小到大排列且互不相同的整数（分）");
  }
  return issues;
}

/**
 * Seats per band for `total` seats (step 6, "budget"): proportional to the sizes, largest remainder (ties:
 * lower band first), then capped at each size with the excess given to the other bands in band order.
 */
export function allocateToBands(total: number, sizes: readonly number[]): number[] {
  const seats = largestRemainder(total, sizes);
  let excess = 0;
  for (let i = 0; i < seats.length; i++) {
    const over = (seats[i] as number) - (sizes[i] as number);
    if (over > 0) {
      excess += over;
      seats[i] = sizes[i] as number;
    }
  }
  for (let i = 0; i < seats.length && excess > 0; i++) {
    const room = Math.min((sizes[i] as number) - (seats[i] as number), excess);
    seats[i] = (seats[i] as number) + room;
    excess -= room;
  }
  return seats;
}

interface Taken {
  candidate: KeyDrawCandidate;
  stratum: string | null;
}

function byDepartment(shuffled: readonly KeyDrawCandidate[], seats: number): Taken[] {
  const groups = new Map<string, KeyDrawCandidate[]>();
  for (const c of shuffled) {
    const group = groups.get(c.departmentCode);
    if (group) group.push(c);
    else groups.set(c.departmentCode, [c]);
  }
  const taken: Taken[] = [];
  for (let pass = 0; taken.length < seats && taken.length < shuffled.length; pass++)
    for (const [department, group] of groups) {
      const c = group[pass];
      if (c && taken.length < seats) taken.push({ candidate: c, stratum: department });
    }
  return taken;
}

function byBudget(
  shuffled: readonly KeyDrawCandidate[],
  seats: number,
  bands: readonly Fen[],
): { taken: Taken[]; sizes: number[]; allocated: number[] } {
  const sizes = bands.map(() => 0);
  for (const c of shuffled) {
    const band = bandOf(bands, c.budget);
    sizes[band] = (sizes[band] as number) + 1;
  }
  const allocated = allocateToBands(seats, sizes);
  const left = [...allocated];
  const taken: Taken[] = [];
  for (const c of shuffled) {
    const band = bandOf(bands, c.budget);
    if ((left[band] as number) > 0) {
      left[band] = (left[band] as number) - 1;
      taken.push({ candidate: c, stratum: bandLabel(bands, band) });
    }
  }
  return { taken, sizes, allocated };
}

const copyCandidate = (c: KeyDrawCandidate): KeyDrawCandidate => ({
  code: c.code,
  name: c.name,
  departmentCode: c.departmentCode,
  budget: c.budget,
  reasons: [...c.reasons],
});

/** Draws the year's key-monitoring projects; throws AppError KEY_DRAW_INVALID (details.issues) on bad input. */
export function drawKeyProjects(population: readonly KeyDrawCandidate[], params: KeyDrawParams): KeyDrawResult {
  const issues = validateKeyDrawParams(population, params);
  if (issues.length > 0)
    throw new AppError("validation", "KEY_DRAW_INVALID", issues.map((i) => i.message).join("；"), { issues });
  const { year, count, seed, stratify } = params;
  const budgetBands = [...(params.budgetBands ?? DEFAULT_BUDGET_BANDS)];
  const notes: string[] = [];

  // 1–3
  const sorted = population.map(copyCandidate).sort(byCode);
  const known = new Map(sorted.map((c) => [c.code, c]));
  const excluded = new Set(params.excluded);
  const kept = sorted.filter((c) => !excluded.has(c.code));
  const only = new Set(params.onlyWithReasons);
  const hasReason = (c: KeyDrawCandidate) => only.size === 0 || c.reasons.some((r) => only.has(r));
  const eligible = kept.filter(hasReason);
  notes.push(...noteUnknownExcluded(excluded, known));

  // 4
  const { all: forcedAll, kept: forced } = resolveForced(params.forced, known, excluded, count, notes, (c) => {
    if (!hasReason(c)) notes.push(`${codeAndName(c)} 不具有限定的重点监控理由，因列为必抽仍予抽取。`);
  });

  // 5
  const forcedSet = new Set(forcedAll);
  const shuffled = new Rng(seedFromString(`${seed}:${year}`)).shuffle(eligible.filter((c) => !forcedSet.has(c)));

  // 6
  const seats = count - forced.length;
  let taken: Taken[];
  if (stratify === "department") {
    taken = byDepartment(shuffled, seats);
    const departments = new Set(shuffled.map((c) => c.departmentCode)).size;
    if (taken.length > 0)
      notes.push(
        `按主管部门分层：${departments} 个部门按随机顺序轮流抽取，每轮每个部门 1 个，共抽取 ${taken.length} 个。`,
      );
  } else if (stratify === "budget") {
    const split = byBudget(shuffled, seats, budgetBands);
    taken = split.taken;
    if (taken.length > 0)
      notes.push(
        `按预算规模分层（按各层项目数比例分配，最大余数法）：${budgetBands
          .map((_, i) => `${bandLabel(budgetBands, i)} ${split.sizes[i]} 个中抽 ${split.allocated[i]} 个`)
          .join("；")}。`,
      );
  } else taken = shuffled.slice(0, seats).map((candidate) => ({ candidate, stratum: null }));

  // 7
  const picks: KeyDrawPick[] = [...forced.map((candidate): Taken => ({ candidate, stratum: null })), ...taken].map(
    ({ candidate: c, stratum }, i) => ({
      code: c.code,
      name: c.name,
      departmentCode: c.departmentCode,
      budget: c.budget,
      reasons: [...c.reasons],
      reason: forcedSet.has(c) ? "forced" : "sampled",
      stratum,
      rank: i + 1,
    }),
  );

  const filterText =
    only.size > 0
      ? `，不具有限定理由（${params.onlyWithReasons.map((r) => KEY_REASON_LABELS[r]).join("、")}）的 ${kept.length - eligible.length} 个`
      : "";
  notes.unshift(
    `总体 ${sorted.length} 个项目，排除 ${sorted.length - kept.length} 个${filterText}，可抽取 ${eligible.length} 个；` +
      `必抽 ${forced.length} 个，随机抽取 ${picks.length - forced.length} 个，共抽取 ${picks.length} 个。`,
  );
  const available = new Set([...eligible, ...forced]).size;
  if (count > available) notes.push(`抽取数量 ${count} 超过可抽取的项目数 ${available}，已全部抽取。`);
  if (picks.length > forced.length) notes.push(`随机顺序由种子“${seed}”与年度 ${year} 确定。`);

  return {
    algorithm: KEY_DRAW_ALGORITHM,
    params: {
      ...params,
      forced: [...params.forced],
      excluded: [...params.excluded],
      onlyWithReasons: [...params.onlyWithReasons],
      budgetBands,
    },
    population: sorted,
    eligibleSize: eligible.length,
    picks,
    notes,
  };
}

const describePick = (p: KeyDrawPick | undefined): string =>
  p
    ? `${p.code}（${p.name}，${KEY_DRAW_PICK_REASON_LABELS[p.reason] ?? p.reason}` +
      `${p.stratum === null ? "" : `，分层 ${p.stratum}`}，第 ${p.rank} 名）`
    : "无";

/**
 * Re-runs a recorded draw from its own population and parameters and compares the outcome with the record:
 * the "anyone can re-run the draw" check. Differences are in Chinese, one per mismatch.
 */
export function replayKeyDraw(record: KeyDrawResult): { matches: boolean; differences: string[] } {
  let again: KeyDrawResult;
  try {
    again = drawKeyProjects(record.population, record.params);
  } catch (error) {
    return { matches: false, differences: [cannotReplay(error)] };
  }
  const differences = algorithmDifference(record.algorithm, again.algorithm);
  if (record.eligibleSize !== again.eligibleSize)
    differences.push(`可抽取数量不同：记录为 ${record.eligibleSize} 个，重新抽取为 ${again.eligibleSize} 个`);
  if (record.picks.length !== again.picks.length)
    differences.push(`抽中数量不同：记录为 ${record.picks.length} 个，重新抽取为 ${again.picks.length} 个`);
  for (let i = 0; i < Math.max(record.picks.length, again.picks.length); i++) {
    const a = record.picks[i];
    const b = again.picks[i];
    const same =
      a &&
      b &&
      a.code === b.code &&
      a.name === b.name &&
      a.departmentCode === b.departmentCode &&
      a.budget === b.budget &&
      a.reasons.join() === b.reasons.join() &&
      a.reason === b.reason &&
      a.stratum === b.stratum &&
      a.rank === b.rank;
    if (!same) differences.push(`第 ${i + 1} 个抽中：记录为 ${describePick(a)}，重新抽取为 ${describePick(b)}`);
  }
  differences.push(...noteDifferences(record.notes, again.notes));
  return { matches: differences.length === 0, differences };
}
