import { DRAFT_DAYS, isOpenVersion } from "../../core/disclosure/workflow";
import { AppError, forbidden, notFound, staleVersion } from "../../core/errors";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { getPublication } from "./get";
import { dueIn, WHAT } from "./shared";

/**
 * 更正: a 信息员 starts the next version of a published publication, a draft copying the newest published body
 * (its tables can then be refreshed, its text edited); it must say what it changes (更正说明) before it is
 * submitted. The published versions stay as they are and stay readable. One open version at a time: with the
 * publication's row locked, a second click finds the draft the first made (409), and the partial unique index
 * holds it for any other writer.
 */
export async function startCorrection(deps: Deps, actor: Actor, id: number, input: { version: number }) {
  authorize(actor, "disclosure.draft");
  if (actor.userId === null) throw forbidden("公开稿须由信息员以本人账号起草");
  await deps.uow.transaction(async (repos) => {
    // The open version first: of two clicks at once, the later one is told there is a draft already.
    const locked = await repos.disclosure.lockLatest(actor.regionCode, id);
    if (!locked) throw notFound("公开事项", id);
    const { latest, publication } = locked;
    if (isOpenVersion(latest.status))
      throw new AppError(
        "conflict",
        publication.publishedVersion === null ? "PUBLICATION_NOT_PUBLISHED" : "PUBLICATION_OPEN_VERSION_EXISTS",
        publication.publishedVersion === null
          ? "该公开事项尚无已发布的版本，请直接修改第1版"
          : `第${latest.number}版尚未发布（正在起草或审核），请在该版中修改`,
      );
    if (latest.version !== input.version) throw staleVersion(WHAT);
    const p = (await repos.disclosure.get(actor.regionCode, id))!;
    const [published] = await repos.disclosure.versions(actor.regionCode, id);
    const number = latest.number + 1;
    const versionId = await repos.disclosure.insertVersion(actor.regionCode, id, number, {
      title: published!.title,
      body: published!.body,
      draftedBy: actor.userId!,
    });
    if (versionId === null)
      throw new AppError(
        "conflict",
        "PUBLICATION_OPEN_VERSION_EXISTS",
        "该公开事项刚由他人开始更正，请刷新后在该版中修改",
      );
    await repos.disclosure.touch(actor.regionCode, id, { latestVersion: number });
    await repos.disclosure.upsertTask(actor.regionCode, {
      fiscalYear: p.fiscalYear,
      kind: "publication_draft",
      orgId: actor.orgId,
      ownerUserId: actor.userId!,
      versionId,
      title: `信息公开更正：${published!.title}（第${number}版）`,
      dueOn: dueIn(deps.clock, DRAFT_DAYS),
      status: "in_progress",
    });
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "correct",
        entity: "publication",
        entityId: id,
        before: { versionNumber: latest.number, status: latest.status },
        after: { versionNumber: number, status: "draft", from: latest.number },
      }),
    ]);
  });
  return getPublication(deps, actor, id);
}
