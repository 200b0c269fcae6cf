import type { MonitoringRepo } from "../../../app/monitoring/ports";
import type { Executor } from "../../client";
import { monitoringDrawsRepo } from "./draws";
import { monitoringReportsRepo } from "./reports";
import { monitoringRoundsRepo } from "./rounds";

export const monitoringRepo = (ex: Executor): MonitoringRepo => ({
  ...monitoringRoundsRepo(ex),
  ...monitoringReportsRepo(ex),
  ...monitoringDrawsRepo(ex),
});
