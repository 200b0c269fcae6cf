/** Small helpers shared by the benchmarks: timing, percentiles, result rows. */

export interface BenchRow {
  benchmark: string;
  metric: string;
  value: string;
  /** The target from design.md §5, or "" when the row is informational. */
  target: string;
  /** "ok", "MISSED" or "" (no target). */
  status: "" | "ok" | "MISSED";
}

export const now = (): number => performance.now();

/** Linear-interpolated percentile (p in 0–100) of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (rank - lo);
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);
export const min = (samples: readonly number[]): number => Math.min(...samples);

export const ms = (v: number): string => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v.toFixed(1)) : "n/a");
export const ratio = (v: number): string => (Number.isFinite(v) ? `${v.toFixed(2)}×` : "n/a");

export const verdict = (met: boolean): "ok" | "MISSED" => (met ? "ok" : "MISSED");

export function log(message: string): void {
  const t = new Date().toISOString().slice(11, 19);
  console.log(`[${t}] ${message}`);
}

export function markdownTable(rows: readonly BenchRow[]): string {
  const head = "| benchmark | metric | value | target | status |\n|---|---|---:|---|---|";
  const body = rows.map((r) => `| ${r.benchmark} | ${r.metric} | ${r.value} | ${r.target} | ${r.status} |`);
  return [head, ...body].join("\n");
}
