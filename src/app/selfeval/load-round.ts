import { AppError } from "../../core/errors";
import type { SelfEvalRound } from "./ports";

/** Forms are filled and reviewed only while the year's self-evaluation is open. */
export function expectRoundOpen(round: SelfEvalRound) {
  if (round.status !== "open")
    throw new AppError("conflict", "SELFEVAL_ROUND_CLOSED", `${round.fiscalYear}年度单位自评已结束`);
}
