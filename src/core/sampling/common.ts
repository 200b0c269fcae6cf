/**
 * What the recorded draws of §7 share (goal review, key monitoring, spot-check review): code order, budget
 * bands, largest-remainder seats, forced picks and the notes a replay compares. Changing any of these
 * changes every algorithm that uses it, and so needs new algorithm names.
 */
import type { Fen } from "../money";
import { wanText } from "../monitoring/key-candidates";

export interface DrawParamIssue {
  field: string;
  message: string;
}

/** By code, comparing UTF-16 code units ("A01" < "A02" < "B"; no locale rules). */
export const byCode = (a: { code: string }, b: { code: string }): number =>
  a.code < b.code ? -1 : a.code > b.code ? 1 : 0;

/** The codes listed more than once, each once, in order of their second appearance. */
export function duplicates(codes: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const code of codes) (seen.has(code) ? twice : seen).add(code);
  return [...twice];
}

export const codeAndName = (c: { code: string; name: string }): string => `${c.code}（${c.name}）`;

/** Lower edges of the budget bands, fen: under 100万元, 100万元 to under 500万元, 500万元 and more. */
export const DEFAULT_BUDGET_BANDS: Fen[] = [0, 100_000_000, 500_000_000];

/** At least one edge, safe integers, strictly ascending. */
export const bandsAscending = (bands: readonly Fen[]): boolean =>
  bands.length > 0 && bands.every((b, i) => Number.isSafeInteger(b) && (i === 0 || b > (bands[i - 1] as Fen)));

export function bandLabel(bands: readonly Fen[], i: number): string {
  const lower = bands[i] as Fen;
  const upper = bands[i + 1];
  if (bands.length === 1) return "全部";
  if (i === 0) return `不足${wanText(upper as Fen)}`;
  if (upper === undefined) return `${wanText(lower)}及以上`;
  return `${wanText(lower)}至不足${wanText(upper)}`;
}

/** The band of a budget: the last band whose lower edge is ≤ the budget; below the first edge, the first. */
export function bandOf(bands: readonly Fen[], budget: Fen): number {
  let band = 0;
  for (let i = 1; i < bands.length; i++) if ((bands[i] as Fen) <= budget) band = i;
  return band;
}

/**
 * `total` seats in proportion to `sizes` by the largest remainder (Hamilton): group i gets
 * floor(total·size_i / Σsize), and the seats still free go one each to the groups with the largest
 * remainders total·size_i mod Σsize, in exact integers. Equal remainders: the group that comes first in
 * `tieOrder` (a list of group indexes; default 0, 1, 2 …). No cap: when total > Σsize a group may get more
 * than its size.
 */
export function largestRemainder(total: number, sizes: readonly number[], tieOrder?: readonly number[]): number[] {
  const all = sizes.reduce((a, b) => a + b, 0);
  if (all === 0 || total <= 0) return sizes.map(() => 0);
  const place = new Map((tieOrder ?? sizes.map((_, i) => i)).map((group, position) => [group, position]));
  const seats = sizes.map((s) => Math.floor((total * s) / all));
  let free = total - seats.reduce((a, b) => a + b, 0);
  const order = sizes
    .map((s, i) => ({ i, rem: (total * s) % all }))
    .sort((a, b) => b.rem - a.rem || (place.get(a.i) ?? a.i) - (place.get(b.i) ?? b.i));
  for (const { i } of order) {
    if (free <= 0) break;
    seats[i] = (seats[i] as number) + 1;
    free--;
  }
  return seats;
}

/**
 * The forced picks: in the order given, a repeated code once; a code not in the population, or also
 * excluded, is skipped with a note; beyond `count`, the first `count` are kept (noted). `onKept` may add a
 * note of its own for each project kept, in turn.
 */
export function resolveForced<C extends { code: string; name: string }>(
  codes: readonly string[],
  known: ReadonlyMap<string, C>,
  excluded: ReadonlySet<string>,
  count: number,
  notes: string[],
  onKept?: (candidate: C) => void,
): { all: C[]; kept: C[] } {
  const all: C[] = [];
  const seen = new Set<string>();
  for (const code of codes) {
    if (seen.has(code)) continue;
    seen.add(code);
    const candidate = known.get(code);
    if (!candidate) notes.push(`必抽项目 ${code} 不在抽取范围内，已忽略。`);
    else if (excluded.has(code)) notes.push(`${codeAndName(candidate)} 同时列为必抽和排除，按排除处理。`);
    else {
      onKept?.(candidate);
      all.push(candidate);
    }
  }
  if (all.length > count)
    notes.push(
      `必抽项目 ${all.length} 个，超过抽取数量 ${count}，按所列顺序保留前 ${count} 个；` +
        `${all
          .slice(count)
          .map((c) => c.code)
          .join("、")} 未抽中。`,
    );
  return { all, kept: all.slice(0, count) };
}

/** The note on excluded codes that are not in the population, if any. */
export function noteUnknownExcluded(excluded: ReadonlySet<string>, known: ReadonlyMap<string, unknown>): string[] {
  const unknown = [...excluded].filter((code) => !known.has(code));
  return unknown.length > 0 ? [`排除名单中的 ${unknown.join("、")} 不在抽取范围内，已忽略。`] : [];
}

/** For a replay: one Chinese line per note that differs between the record and the re-run. */
export function noteDifferences(recorded: readonly string[], again: readonly string[]): string[] {
  const differences: string[] = [];
  for (let i = 0; i < Math.max(recorded.length, again.length); i++) {
    const a = recorded[i];
    const b = again[i];
    if (a !== b) differences.push(`第 ${i + 1} 条说明不同：记录为“${a ?? "无"}”，重新抽取为“${b ?? "无"}”`);
  }
  return differences;
}

export const algorithmDifference = (recorded: string, current: string): string[] =>
  recorded === current ? [] : [`抽取算法不同：记录为“${recorded}”，本系统为“${current}”`];

/** The message of anything thrown while re-running a record. */
export const cannotReplay = (error: unknown): string =>
  `无法按记录重新抽取：${error instanceof Error ? error.message : error}`;
