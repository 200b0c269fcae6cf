import type { ConfigChange } from "../../../../src/core/config/changes";

export type { ConfigChange };

/** One figure of a configuration's impact: now and under the proposed configuration. */
export interface ImpactFigure {
  label: string;
  before: number;
  after: number;
  /** True when a larger number is worse (more findings); colours the change. */
  moreIsWorse?: boolean;
}

/**
 * What saving a configuration would do, as the save dialog shows it: one sentence, a few figures
 * before → after, and optionally the detail (per rule, per kind …) behind them.
 */
export interface ConfigImpact {
  headline: string;
  tone: "success" | "info" | "warning";
  /** What was counted: "本年度现行目标表 1,767 张". */
  scope: string;
  figures: ImpactFigure[];
  detail?: { title: string; rows: (ImpactFigure & { key: string; tag?: string })[] };
}
