import { dateInChina } from "../../core/calendar";
import { notFound } from "../../core/errors";
import { ACTION_STATUS_LABELS, type ActionVerb, actionOverdue } from "../../core/monitoring/actions";
import { ACTION_KIND_LABELS } from "../../core/monitoring/types";
import type { Role } from "../../core/roles";
import { TASK_STATUS_LABELS } from "../../core/tasks/tasks";
import type { AttachmentMeta } from "../attachments/ports";
import { authorize } from "../authorize";
import type { Actor, Deps, Repos } from "../context";
import type { ActionRecord } from "./action-ports";

const FINANCE: readonly Role[] = ["finance_admin", "finance_staff"];

/** The role of the organisation that carries the action out: the department for its own reports. */
export const ownerRoleOf = (a: ActionRecord): Role => (a.org.id === a.department.id ? "department" : "unit");

/** Whether this account answers for the action's owner. */
export const isOwner = (actor: Actor, a: ActionRecord) => actor.role === ownerRoleOf(a) && actor.orgId === a.org.id;

/** What this account may do with the action now. */
export function allowedVerbs(actor: Actor, a: ActionRecord): ActionVerb[] {
  if ((a.status === "open" || a.status === "returned") && isOwner(actor, a)) return ["submit"];
  if (a.status === "submitted" && FINANCE.includes(actor.role)) return ["close", "return"];
  return [];
}

/** An action as lists show it. */
export function presentAction(a: ActionRecord, actor: Actor, today: string) {
  return {
    ...a,
    kindText: ACTION_KIND_LABELS[a.kind],
    statusText: ACTION_STATUS_LABELS[a.status],
    overdue: actionOverdue(a, today),
    allowedActions: allowedVerbs(actor, a),
    canUpload: allowedVerbs(actor, a).includes("submit"),
  };
}

/** The goal revision an 调整绩效目标 action asked for, and whether it is approved. */
export async function revisionOf(repos: Repos, regionCode: string, a: ActionRecord) {
  if (a.kind !== "adjust_goal" || a.goalTableId === null) return null;
  const tasks = await repos.tasks.revisionsOf(regionCode, [a.goalTableId]);
  const task = tasks.find((t) => t.status === "done") ?? tasks[0];
  if (!task) return { goalTableId: a.goalTableId, taskId: null, status: null, statusText: "未发起", approved: false };
  return {
    goalTableId: a.goalTableId,
    taskId: task.id,
    status: task.status,
    statusText: TASK_STATUS_LABELS[task.status],
    approved: task.status === "done",
  };
}

const presentFile = (f: AttachmentMeta) => ({
  id: f.id,
  name: f.name,
  mediaType: f.mediaType,
  size: f.size,
  sha256: f.sha256,
  uploaderName: f.uploaderName,
  createdAt: f.createdAt,
  url: `/api/v1/attachments/${f.id}`,
});

const fileNameOf = (v: unknown): string | null =>
  typeof v === "object" && v !== null && "name" in v && typeof v.name === "string" ? v.name : null;

/** Reads an action in the actor's scope (404 outside it). */
export async function readAction(repos: Repos, actor: Actor, id: number) {
  const scope = authorize(actor, "monitoring.read");
  const record = await repos.monitoringActions.get(scope, id);
  if (!record) throw notFound("跟进措施", id);
  return record;
}

/** 跟进措施: the requirement, the unit's response with its evidence, finance's note, the revision and the history. */
export async function getMonitoringAction(deps: Deps, actor: Actor, id: number) {
  const repos = deps.uow.read;
  const record = await readAction(repos, actor, id);
  const files = await repos.attachments.list(actor.regionCode, "monitoring_action", [id]);
  const upTo = await repos.audit.lastId();
  const history = await repos.audit.page(
    { regionCode: actor.regionCode, entity: "monitoring_action", entityId: String(id) },
    upTo,
    1,
    200,
  );
  return {
    ...presentAction(record, actor, dateInChina(deps.clock.now())),
    revision: await revisionOf(repos, actor.regionCode, record),
    files: files.map(presentFile),
    history: history.map((h) => ({
      at: h.at,
      actorName: h.actorName,
      action: h.action,
      // A file's name for the uploads and removals, else the entry's reason.
      reason: h.reason ?? fileNameOf(h.after) ?? fileNameOf(h.before),
      after: h.after,
    })),
  };
}
