import { dateInChina } from "../../core/calendar";
import { notFound } from "../../core/errors";
import { RECTIFICATION_SOURCE_LABELS } from "../../core/evaluations/rectification";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { presentFile, presentItem } from "./get-item";
import type { NoticeRecord } from "./ports";

export const presentNotice = (n: NoticeRecord) => ({ ...n, sourceText: RECTIFICATION_SOURCE_LABELS[n.source] });

/** 整改通知: the notice with every item, its evidence files and its overdue flag. */
export async function getRectificationNotice(deps: Deps, actor: Actor, id: number) {
  const scope = authorize(actor, "rectification.read");
  const repos = deps.uow.read;
  const today = dateInChina(deps.clock.now());
  const notice = await repos.rectification.getNotice(scope, id, today);
  if (!notice) throw notFound("整改通知", id);
  const items = await repos.rectification.listItems(scope, { noticeId: id }, today, {
    sort: "deadline",
    order: "asc",
    page: 1,
    pageSize: 100,
  });
  const sorted = [...items.rows].sort((a, b) => a.seq - b.seq);
  const files = await repos.attachments.list(
    actor.regionCode,
    "rectification_item",
    sorted.map((i) => i.id),
  );
  return {
    ...presentNotice(notice),
    items: sorted.map((i) => ({
      ...presentItem(i, actor, today),
      files: files.filter((f) => f.recordId === i.id).map(presentFile),
    })),
  };
}
