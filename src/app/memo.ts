/**
 * Results that are costly to compute and read much more often than their data changes (the region's
 * goal checks, past targets, counts of the audit log), kept per database while a stamp of the data they
 * read is unchanged. The stamp comes from one cheap query over exactly that data (row counts, sums of
 * versions, the last id), so any committed change, by this process or another, makes the next read
 * compute afresh: nothing stale is ever served.
 */
export interface Memo {
  /**
   * The value kept for `key` under `stamp`, else `compute`d; compute gets the value kept under an older
   * stamp, if any, so data that only grows (an append-only log) can be brought up to date incrementally.
   */
  remember<T>(key: string, stamp: string, compute: (previous?: { stamp: string; value: T }) => Promise<T>): Promise<T>;
}

/** Computes every time: the behaviour without a memo, for tests and benchmarks. */
export const noMemo: Memo = { remember: (_key, _stamp, compute) => compute() };

export class StampedMemo implements Memo {
  private readonly entries = new Map<string, { stamp: string; value: Promise<unknown>; settled?: unknown }>();

  constructor(private readonly capacity = 64) {}

  remember<T>(key: string, stamp: string, compute: (previous?: { stamp: string; value: T }) => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.stamp === stamp) {
      // Most recently used last, so the oldest entry goes first when the memo is full.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value as Promise<T>;
    }
    const previous = hit && "settled" in hit ? { stamp: hit.stamp, value: hit.settled as T } : undefined;
    const value = compute(previous);
    const entry: { stamp: string; value: Promise<unknown>; settled?: unknown } = { stamp, value };
    this.entries.delete(key);
    this.entries.set(key, entry);
    value.then(
      (v) => {
        entry.settled = v;
      },
      // A failed computation is not kept: the next read tries again.
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}
