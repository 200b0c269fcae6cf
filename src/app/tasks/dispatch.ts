import type { Deps } from "../context";

const BATCH = 500;

/**
 * Delivers what the modules wrote to the outbox. In-app notifications are the one channel today; an
 * e-mail, SMS or 企业微信 sender is added here, reading the same entries, without touching any module.
 * Each batch is one transaction: entries are locked (others skip them), delivered and marked together, so
 * an entry is delivered once even with several servers; a crash redelivers nothing twice (the
 * notifications' unique index).
 */
export async function dispatchOutbox(deps: Deps): Promise<number> {
  let delivered = 0;
  for (;;) {
    const taken = await deps.uow.transaction(async (repos) => {
      const pending = await repos.outbox.takePending(BATCH);
      const ids = pending.map((e) => e.id);
      delivered += await repos.notifications.deliver(ids);
      await repos.outbox.markDispatched(ids, deps.clock.now());
      return pending.length;
    });
    if (taken < BATCH) return delivered;
  }
}

/**
 * Delivery right after a use case committed, so its notifications show at once. Best effort: the
 * change itself is committed, and anything left undelivered is picked up by the periodic dispatch.
 */
export async function dispatchSoon(deps: Deps): Promise<void> {
  try {
    await dispatchOutbox(deps);
  } catch {
    // Left in the outbox for the periodic run (server/housekeeping.ts), which logs its failures.
  }
}
