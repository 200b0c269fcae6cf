import { PUBLICATION_KIND_LABELS, VERSION_STATUS_LABELS } from "../../core/disclosure/types";
import { allowedVersionActions } from "../../core/disclosure/workflow";
import { notFound } from "../../core/errors";
import { can } from "../../core/permissions";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { PUBLICATION_KIND_DEFS } from "./kinds";
import type { PublicationRecord } from "./ports";

/** A publication as a list shows it: with the Chinese names of its kind and of its newest version's status. */
export const presentPublication = (p: PublicationRecord) => ({
  ...p,
  kindLabel: PUBLICATION_KIND_LABELS[p.kind],
  latest: { ...p.latest, statusLabel: VERSION_STATUS_LABELS[p.latest.status] },
});

/**
 * A publication with every version (newest first, with bodies), and what the viewer may do now: the steps on
 * the newest version (as its drafter or its chosen approver), and whether a correction may be started.
 */
export async function getPublication(deps: Deps, actor: Actor, id: number) {
  authorize(actor, "disclosure.read");
  const read = deps.uow.read.disclosure;
  const p = await read.get(actor.regionCode, id);
  if (!p) throw notFound("公开事项", id);
  const versions = await read.versions(actor.regionCode, id);
  const latest = versions[0]!;
  const steps = allowedVersionActions(
    { status: latest.status, draftedBy: latest.draftedBy.id, approverId: latest.approver?.id ?? null },
    actor.userId,
  ).filter((a) => can(actor.role, a === "approve" || a === "return" ? "disclosure.approve" : "disclosure.draft"));
  return {
    ...presentPublication(p),
    kindAvailable: PUBLICATION_KIND_DEFS[p.kind] !== undefined,
    versions: versions.map((v) => ({ ...v, statusLabel: VERSION_STATUS_LABELS[v.status] })),
    allowedActions: [
      ...steps,
      ...(latest.status === "published" && can(actor.role, "disclosure.draft") ? (["correct"] as const) : []),
    ],
  };
}
