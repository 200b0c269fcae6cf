import type { BlockType } from "../../core/disclosure/types";
import { nextVersionStatus } from "../../core/disclosure/workflow";
import { AppError, staleVersion } from "../../core/errors";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { getPublication } from "./get";
import { lockForWrite, refuseBadTexts, requireDrafter, WHAT } from "./shared";

export interface EditInput {
  version: number;
  title?: string | undefined;
  intro?: string | undefined;
  blocks?: { type: BlockType; text: string }[] | undefined;
  changeNote?: string | undefined;
}

/**
 * 修改公开稿: the drafter edits the title, the introduction, the text blocks and (for a correction) the 更正说明 of
 * the open version. The tables are never typed: they come from the data (`refresh`). A returned version edited
 * becomes a draft again. The version read must be the version stored (409 STALE_VERSION otherwise).
 */
export async function editPublicationDraft(deps: Deps, actor: Actor, id: number, input: EditInput) {
  authorize(actor, "disclosure.draft");
  const title = input.title?.trim();
  refuseBadTexts({ title, intro: input.intro, blocks: input.blocks, changeNote: input.changeNote });
  await deps.uow.transaction(async (repos) => {
    const { latest } = await lockForWrite(repos, actor, id, input.version);
    const next = nextVersionStatus(latest.status, "edit");
    if (!next)
      throw new AppError(
        "conflict",
        "PUBLICATION_INVALID_TRANSITION",
        `第${latest.number}版已提交审核或已发布，不能修改`,
      );
    requireDrafter(actor, latest);
    const [current] = await repos.disclosure.versions(actor.regionCode, id);
    const body = {
      ...current!.body,
      ...(input.intro !== undefined ? { intro: input.intro } : {}),
      ...(input.blocks !== undefined ? { blocks: input.blocks } : {}),
    };
    const changeNote = input.changeNote?.trim();
    const written = await repos.disclosure.updateVersion(
      actor.regionCode,
      latest.id,
      { version: latest.version, status: latest.status },
      {
        status: next,
        body,
        ...(title !== undefined ? { title } : {}),
        ...(changeNote !== undefined ? { changeNote } : {}),
      },
    );
    if (written === null) throw staleVersion(WHAT);
    if (title !== undefined) await repos.disclosure.touch(actor.regionCode, id, { title });
    await repos.disclosure.setTaskStatus(actor.regionCode, "publication_draft", latest.id, "in_progress");
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "update",
        entity: "publication",
        entityId: id,
        before: {
          versionNumber: latest.number,
          status: latest.status,
          title: current!.title,
          changeNote: current!.changeNote,
        },
        after: {
          versionNumber: latest.number,
          status: next,
          title: title ?? current!.title,
          changeNote: changeNote ?? current!.changeNote,
          fields: Object.keys(input).filter((k) => k !== "version"),
        },
      }),
    ]);
  });
  return getPublication(deps, actor, id);
}
