import { percent } from "../../core/percent";
import type { MonitoringRound } from "./ports";

/** A round as the API shows it, with its time progress N/12. */
export const presentRound = (r: MonitoringRound) => ({ ...r, timeProgress: percent(r.cutoffMonth, 12) });
