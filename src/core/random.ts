/**
 * A small seeded PRNG (mulberry32), so that everything drawn from a seed is the same on every machine and
 * every run: the demo district, and the recorded samples of §7 (goal review, spot checks …), which anyone
 * must be able to re-run from their record. Nothing here may call Math.random or read the clock.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1): the next mulberry32 output divided by 2^32. */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform in [min, max). */
  between(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Uniform integer in [min, max], both inclusive: min + floor(next() × (max − min + 1)). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("pick from an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Standard normal (Box–Muller); 1 − u keeps the logarithm away from 0. */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /**
   * A shuffled copy (Fisher–Yates, from the end): for i = n − 1 down to 1, j = int(0, i), swap items i
   * and j. Draws exactly n − 1 numbers; the input is not changed.
   */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      const a = out[i] as T;
      out[i] = out[j] as T;
      out[j] = a;
    }
    return out;
  }
}

/**
 * An independent stream per concern (orgs, projects, execution …), derived from the seed and a label,
 * so that drawing one more number in one concern does not reshuffle all the others.
 */
export function forkRng(seed: number, label: string): Rng {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  return new Rng(h >>> 0);
}

/**
 * A stable unsigned 32-bit seed from any recorded text (e.g. "2024-goal-review"): 32-bit FNV-1a over the
 * text's UTF-8 bytes (offset basis 0x811c9dc5, prime 0x01000193), so any FNV-1a tool gives the same number.
 */
export function seedFromString(text: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) h = Math.imul(h ^ byte, 0x01000193);
  return h >>> 0;
}
