import { divRoundHalfUp } from "../money";
import { clampH, type Grade, gradeOf, hundredthsOf as H, hundredthsToNumber as num, pointsText } from "./grade";
import type { ItemScore } from "./score-project";

/**
 * The total of a self-evaluation from its scored items, domain.md §5: the sum of the rounded items;
 * not-applicable items (and points of parts the table lacks) drop out and the rest is rescaled to the
 * full weight; while any item cannot be scored there is no total, never a guessed one.
 */
export interface ScoreTotal {
  /** Sum of the points scored (before rescaling). */
  sum: number;
  /** Points of the items that count (scored ones); the total is rescaled from it to the full weight. */
  applicableWeight: number;
  /** Null while any item cannot be scored: never guessed as 0 or as full marks. */
  total: number | null;
  grade: Grade | null;
  unscorable: number;
  how: string;
}

export function totalOf(items: readonly ItemScore[], missingWeight = 0): ScoreTotal {
  let sumH = 0n;
  let applicableH = 0n;
  let droppedH = H(missingWeight);
  let unscorable = 0;
  for (const x of items) {
    if (x.status === "scored") {
      sumH += H(x.points ?? 0);
      applicableH += H(x.weight);
    } else if (x.status === "unscorable") unscorable++;
    else droppedH += H(x.weight);
  }
  const base = { sum: num(sumH), applicableWeight: num(applicableH), unscorable };
  if (unscorable > 0)
    return {
      ...base,
      total: null,
      grade: null,
      how: `${unscorable} 项无法计分，暂不能得出总分（已计分合计 ${pointsText(sumH)}）`,
    };
  if (applicableH === 0n) return { ...base, total: null, grade: null, how: "没有可计分的项目" };
  if (droppedH === 0n) {
    return { ...base, total: num(sumH), grade: gradeOf(sumH), how: `各项得分合计 ${pointsText(sumH)}` };
  }
  const fullH = applicableH + droppedH;
  const totalH = clampH(divRoundHalfUp(sumH * fullH, applicableH), fullH);
  return {
    ...base,
    total: num(totalH),
    grade: gradeOf(totalH),
    how: `不适用分值 ${pointsText(droppedH)} 剔除：${pointsText(sumH)} ÷ ${pointsText(applicableH)} × ${pointsText(fullH)} = ${pointsText(totalH)}`,
  };
}
