import { AppError, notFound } from "../../core/errors";
import type { Repos } from "../ports";
import type { MonitoringRound } from "./ports";

/** A round of the actor's region, or 404. */
export async function loadRound(repos: Repos, regionCode: string, id: number): Promise<MonitoringRound> {
  const round = await repos.monitoring.round(regionCode, id);
  if (!round) throw notFound("监控轮次", id);
  return round;
}

/** Choosing subjects and filling reports happen only while a round is open. */
export function expectOpen(round: MonitoringRound) {
  if (round.status !== "open")
    throw new AppError(
      "conflict",
      "MONITORING_ROUND_CLOSED",
      `${round.fiscalYear}年度截至${round.cutoffMonth}月的监控已结束`,
    );
}
