import { benefitExpected, multiYear, overallFigure } from "./quality-rules-goal";
import {
  duplicateIndicator,
  inputAsOutput,
  nameMissing,
  operatorMissing,
  percentOver100,
  satisfactionMisplaced,
  targetMissing,
  targetNotNumber,
  unitMissing,
  unknownLevel,
  vague,
  weightInvalid,
} from "./quality-rules-indicator";
import { amountUnitSlip, costNotAmount, costOverFunds, processAsOutput, quantityIsRate } from "./quality-rules-measure";
import { level1Empty, overallMissing, tooFew, tooQualitative, weightsNot100 } from "./quality-rules-table";
import type { GoalRule } from "./quality-types";

/** Every goal-table rule, in the order findings are listed for one row. */
export const GOAL_RULES: readonly GoalRule[] = [
  overallMissing,
  overallFigure,
  unknownLevel,
  level1Empty,
  benefitExpected,
  tooFew,
  weightsNot100,
  weightInvalid,
  operatorMissing,
  targetNotNumber,
  unitMissing,
  targetMissing,
  nameMissing,
  duplicateIndicator,
  inputAsOutput,
  processAsOutput,
  quantityIsRate,
  costNotAmount,
  costOverFunds,
  amountUnitSlip,
  satisfactionMisplaced,
  vague,
  multiYear,
  tooQualitative,
  percentOver100,
];

export const GOAL_RULES_BY_CODE: ReadonlyMap<string, GoalRule> = new Map(GOAL_RULES.map((r) => [r.code, r]));
