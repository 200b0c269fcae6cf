import { dateInChina } from "../../core/calendar";
import type { Deps } from "../context";
import { dispatchOutbox } from "./dispatch";

/** How many days ahead an owner is told that a task falls due. */
export const DUE_SOON_DAYS = 3;

/**
 * Tells the owners of open tasks due within three days (Beijing time), once per task, then delivers.
 * Run by the server's housekeeping; idempotent, so any number of servers may run it.
 */
export async function noticeDueSoon(deps: Deps): Promise<number> {
  const today = dateInChina(deps.clock.now());
  const written = await deps.uow.transaction((repos) => repos.tasks.noticeDueSoon(today, DUE_SOON_DAYS));
  await dispatchOutbox(deps);
  return written;
}
