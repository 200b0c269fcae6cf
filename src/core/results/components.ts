import { divRoundHalfUp } from "../money";
import { regionAverage } from "./department-score";

/**
 * How each component of the department score is read from the year's work, hundredths 0–100; null
 * when the department has nothing to measure it by (the component then drops out and is rescaled).
 */

/** A share as points out of 100: part / whole × 100, half up to two decimals. */
export function shareScore(part: number, whole: number): bigint | null {
  if (whole <= 0) return null;
  if (part < 0 || part > whole) throw new RangeError(`share ${part}/${whole}`);
  return divRoundHalfUp(BigInt(part) * 10_000n, BigInt(whole));
}

/** 自评质量: the mean of the review scores (抽查复核) of the department's reviewed self-evaluations. */
export const selfEvalQuality = (reviewScores: readonly bigint[]) => regionAverage(reviewScores);

/** 部门评价 / 重点评价: the mean score of the department's final evaluations of that kind. */
export const evaluationMean = (scores: readonly bigint[]) => regionAverage(scores);

/** 整改落实: accepted items out of all the department's items; a department without items has nothing to rectify. */
export const rectificationScore = (accepted: number, items: number) => shareScore(accepted, items);

/** 任务完成及时性: tasks done by their due date out of the department's tasks with a due date. */
export const timelinessScore = (onTime: number, tasks: number) => shareScore(onTime, tasks);
