import { dateInChina } from "../../core/calendar";
import { notFound } from "../../core/errors";
import {
  isOverdue,
  RECTIFICATION_SOURCE_LABELS,
  RECTIFICATION_STATUS_LABELS,
  type RectificationAction,
} from "../../core/evaluations/rectification";
import type { Role } from "../../core/roles";
import type { AttachmentMeta } from "../attachments/ports";
import { authorize } from "../authorize";
import type { Actor, Deps, Repos } from "../context";
import type { ItemRecord } from "./ports";

const FINANCE: readonly Role[] = ["finance_admin", "finance_staff"];

/** Whether this account answers for the organisation the item's notice is addressed to. */
export const isAddressee = (actor: Actor, it: Pick<ItemRecord, "unit">) =>
  (actor.role === "unit" || actor.role === "department") && actor.orgId === it.unit.id;

/** What this account may do with the item now. */
export function allowedVerbs(actor: Actor, it: ItemRecord): RectificationAction[] {
  if ((it.status === "issued" || it.status === "returned") && isAddressee(actor, it)) return ["answer"];
  if (it.status === "answered" && FINANCE.includes(actor.role)) return ["accept", "return"];
  return [];
}

/** An item as lists show it, with its overdue flag as of `today` (China). */
export function presentItem(it: ItemRecord, actor: Actor, today: string) {
  const allowed = allowedVerbs(actor, it);
  return {
    ...it,
    sourceText: RECTIFICATION_SOURCE_LABELS[it.notice.source],
    statusText: RECTIFICATION_STATUS_LABELS[it.status],
    overdue: isOverdue(it, today),
    allowedActions: allowed,
    canUpload: allowed.includes("answer"),
  };
}

export const presentFile = (f: AttachmentMeta) => ({
  id: f.id,
  name: f.name,
  mediaType: f.mediaType,
  size: f.size,
  sha256: f.sha256,
  uploaderName: f.uploaderName,
  createdAt: f.createdAt,
  url: `/api/v1/attachments/${f.id}`,
});

/** Reads an item in the actor's scope (404 outside it). */
export async function readItem(repos: Repos, actor: Actor, id: number) {
  const scope = authorize(actor, "rectification.read");
  const record = await repos.rectification.getItem(scope, id);
  if (!record) throw notFound("整改事项", id);
  return record;
}

/** 整改事项: the problem, the requirement and deadline, the unit's measures with the evidence, finance's verdict. */
export async function getRectificationItem(deps: Deps, actor: Actor, id: number) {
  const repos = deps.uow.read;
  const record = await readItem(repos, actor, id);
  const files = await repos.attachments.list(actor.regionCode, "rectification_item", [id]);
  const upTo = await repos.audit.lastId();
  const history = await repos.audit.page(
    { regionCode: actor.regionCode, entity: "rectification_item", entityId: String(id) },
    upTo,
    1,
    200,
  );
  return {
    ...presentItem(record, actor, dateInChina(deps.clock.now())),
    files: files.map(presentFile),
    history: history.map((h) => ({ at: h.at, actorName: h.actorName, action: h.action, reason: h.reason })),
  };
}
