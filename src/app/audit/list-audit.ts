import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import type { Page } from "../ports";
import type { AuditEntry, AuditFilter } from "./ports";

/**
 * A page of the audit log with the number of entries that match. The log only grows, and entries are
 * appended in id order (one chain, under a lock), so the count of a filter is kept with the last id it
 * covered and brought up to date by counting only the newer entries: paging a log of millions of entries
 * no longer counts them all on every page.
 */
export async function searchAudit(
  deps: Deps,
  filter: AuditFilter,
  page: number,
  pageSize: number,
): Promise<Page<AuditEntry>> {
  const audit = deps.uow.read.audit;
  const upTo = await audit.lastId();
  const total = await deps.uow.memo.remember<{ upTo: number; count: number }>(
    `audit.count:${JSON.stringify(filter)}`,
    String(upTo),
    async (previous) => {
      const from = previous && previous.value.upTo <= upTo ? previous.value : { upTo: 0, count: 0 };
      return { upTo, count: from.count + (await audit.count(filter, from.upTo, upTo)) };
    },
  );
  return { total: total.count, rows: await audit.page(filter, upTo, page, pageSize) };
}

export async function listAudit(deps: Deps, actor: Actor, filter: AuditFilter, page: number, pageSize: number) {
  authorize(actor, "audit.read");
  return searchAudit(deps, { ...filter, regionCode: actor.regionCode }, page, pageSize);
}
