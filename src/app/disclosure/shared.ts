import { dateInChina } from "../../core/calendar";
import { checkDraftTexts, type DraftTexts } from "../../core/disclosure/validate";
import { AppError, notFound, staleVersion } from "../../core/errors";
import type { Actor, Clock, Repos } from "../context";
import { addDays } from "../goals/request-revision";
import type { LockedVersion } from "./ports";

export const WHAT = "该公开稿";

/** China's date `days` from now: a task's due day. */
export const dueIn = (clock: Clock, days: number) => addDays(dateInChina(clock.now()), days);

/** Refuses texts a drafter may not save, naming every field (400 PUBLICATION_INVALID, nothing written). */
export function refuseBadTexts(t: DraftTexts): void {
  const issues = checkDraftTexts(t);
  if (issues.length > 0)
    throw new AppError("validation", "PUBLICATION_INVALID", issues.map((i) => i.message).join("；"), {
      field: issues[0]!.field,
      issues,
    });
}

/**
 * Locks the publication and its newest version for a write and checks the version the client read: the
 * newest version is the one every step acts on (a published one only for a correction).
 */
export async function lockForWrite(
  repos: Repos,
  actor: Actor,
  publicationId: number,
  sentVersion: number,
): Promise<{
  publication: { version: number; latestVersion: number; publishedVersion: number | null };
  latest: LockedVersion;
}> {
  const locked = await repos.disclosure.lockLatest(actor.regionCode, publicationId);
  if (!locked) throw notFound("公开事项", publicationId);
  if (locked.latest.version !== sentVersion) throw staleVersion(WHAT);
  return locked;
}

/** Only the version's drafter edits, refreshes and submits it. */
export function requireDrafter(actor: Actor, v: LockedVersion): void {
  if (v.draftedBy !== actor.userId)
    throw new AppError("forbidden", "PUBLICATION_NOT_DRAFTER", "只有起草该版本的信息员可以修改、更新数据或提交审核");
}
