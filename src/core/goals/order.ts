import type { IndicatorTemplate } from "./types";

interface Levelled {
  level1: string;
  level2: string;
}

/**
 * Indicators grouped by level 1 and level 2 in the template's order, as the paper form prints them, whatever
 * order they were entered in; the order within a group is kept. A level the template does not know comes
 * after the known ones, in the order it first appears, so its rows still stay together.
 */
export function inTemplateOrder<T extends Levelled>(
  rows: readonly T[],
  template: Pick<IndicatorTemplate, "levels">,
): T[] {
  const level1Rank = new Map(template.levels.map((l, i) => [l.level1.trim(), i]));
  const level2Rank = new Map(
    template.levels.flatMap((l) => l.level2.map((l2, j) => [`${l.level1.trim()}\u0000${l2.trim()}`, j])),
  );
  const unknown1 = new Map<string, number>();
  const unknown2 = new Map<string, number>();
  const ranked = rows.map((row, i) => {
    const l1 = row.level1.trim();
    const key = `${l1}\u0000${row.level2.trim()}`;
    let r1 = level1Rank.get(l1);
    if (r1 === undefined) {
      if (!unknown1.has(l1)) unknown1.set(l1, template.levels.length + unknown1.size);
      r1 = unknown1.get(l1)!;
    }
    let r2 = level2Rank.get(key);
    if (r2 === undefined) {
      if (!unknown2.has(key)) unknown2.set(key, 1_000 + unknown2.size);
      r2 = unknown2.get(key)!;
    }
    return { row, i, r1, r2 };
  });
  return ranked.sort((a, b) => a.r1 - b.r1 || a.r2 - b.r2 || a.i - b.i).map((x) => x.row);
}
