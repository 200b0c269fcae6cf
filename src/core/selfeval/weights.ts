import { hundredthsOf as H, pointsText } from "./grade";
import type { ProjectScoring } from "./rules";

/**
 * The points (分值) of each indicator in a project's self-evaluation, from the year's rules: each level
 * 1 gets its points (产出 50, 效益 30, 满意度 10), shared among its indicators in proportion to their
 * goal-table weights (equally when they carry none), in hundredths that add up exactly (largest
 * remainder). A table without a satisfaction indicator moves those points as the rules say.
 */
export interface WeightedIndicator {
  level1: string;
  /** The weight declared in the goal table. */
  goalWeight: number;
}

export interface ScoringWeights {
  /** Points per indicator, in the input's order (0 for an indicator of a level the rules do not score). */
  weights: number[];
  /** Level 1 names of the table that the rules give no points. */
  unknownLevels: string[];
  /** Points of scored levels the table has no indicator for (they drop out, and the total is rescaled). */
  missingWeight: number;
  /** One line per level: how its points were set. */
  how: string[];
}

/** Splits `totalH` hundredths over shares, exactly, by largest remainder (ties to the earlier one). */
export function splitHundredths(totalH: bigint, shares: readonly bigint[]): bigint[] {
  const sum = shares.reduce((a, b) => a + b, 0n);
  const parts = sum === 0n ? shares.map(() => 1n) : shares;
  const whole = parts.reduce((a, b) => a + b, 0n);
  if (whole === 0n) return [];
  const exact = parts.map((p) => p * totalH);
  const floors = exact.map((e) => e / whole);
  let left = totalH - floors.reduce((a, b) => a + b, 0n);
  const order = exact
    .map((e, i) => ({ i, rem: e % whole }))
    .sort((a, b) => (b.rem === a.rem ? a.i - b.i : b.rem > a.rem ? 1 : -1));
  const out = [...floors];
  for (const { i } of order) {
    if (left <= 0n) break;
    out[i] = (out[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return out;
}

export function scoringWeights(indicators: readonly WeightedIndicator[], rules: ProjectScoring): ScoringWeights {
  const present = new Set(indicators.map((i) => i.level1));
  const levelPoints = new Map<string, bigint>(rules.levels.map((l) => [l.level1, H(l.weight)]));
  const how: string[] = [];
  const sat = rules.satisfactionLevel1;
  if (levelPoints.has(sat) && !present.has(sat)) {
    const moved = levelPoints.get(sat) ?? 0n;
    levelPoints.delete(sat);
    for (const extra of rules.withoutSatisfaction) {
      if (!levelPoints.has(extra.level1)) continue;
      levelPoints.set(extra.level1, (levelPoints.get(extra.level1) ?? 0n) + H(extra.weight));
    }
    how.push(
      `没有${sat}，其 ${pointsText(moved)} 分调入${rules.withoutSatisfaction.map((e) => `${e.level1} ${e.weight} 分`).join("、")}`,
    );
  }
  const weights = indicators.map(() => 0);
  let missingH = 0n;
  for (const [level1, pointsH] of levelPoints) {
    const idx = indicators.flatMap((i, n) => (i.level1 === level1 ? [n] : []));
    if (idx.length === 0) {
      missingH += pointsH;
      how.push(`${level1}没有指标，其 ${pointsText(pointsH)} 分不计，总分按比例折算`);
      continue;
    }
    const parts = splitHundredths(
      pointsH,
      idx.map((n) => {
        const w = H(indicators[n]?.goalWeight ?? 0);
        return w > 0n ? w : 0n;
      }),
    );
    idx.forEach((n, k) => {
      weights[n] = Number(parts[k] ?? 0n) / 100;
    });
    how.push(`${level1} ${pointsText(pointsH)} 分，按目标表权重分配到 ${idx.length} 个指标`);
  }
  const unknownLevels = [...present].filter((l) => !rules.levels.some((r) => r.level1 === l));
  return { weights, unknownLevels, missingWeight: Number(missingH) / 100, how };
}
