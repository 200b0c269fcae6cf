import type { BlockType } from "../../core/disclosure/types";
import { nextVersionStatus } from "../../core/disclosure/workflow";
import { AppError, staleVersion } from "../../core/errors";
import type { ReportTemplate } from "../../core/report/template";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { getPublication } from "./get";
import { kindDef } from "./kinds";
import { lockForWrite, refuseBadTexts, requireDrafter, WHAT } from "./shared";

export interface EditInput {
  version: number;
  title?: string | undefined;
  intro?: string | undefined;
  blocks?: { type: BlockType; text: string }[] | undefined;
  /** The annual report's template (kinds that draft their text): the blocks are redrafted from it. */
  template?: unknown;
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
  const redrafted = await redraft(deps, actor, id, input);
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
      ...(redrafted ?? {}),
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

/**
 * A kind that drafts its text (the annual report) takes a new template instead of typed blocks: the text and
 * its figures are drafted again from it and the data now. Typed blocks for such a kind, or a template for any
 * other, are refused with the field named.
 */
async function redraft(deps: Deps, actor: Actor, id: number, input: EditInput) {
  const p = await deps.uow.read.disclosure.get(actor.regionCode, id);
  if (!p) return null;
  const def = kindDef(p.kind);
  if (def.derivesText && input.blocks !== undefined)
    throw new AppError(
      "validation",
      "PUBLICATION_INVALID",
      "年度工作报告的正文由模板和数据生成：请修改模板（template）",
      {
        field: "blocks",
      },
    );
  if (input.template === undefined) return null;
  if (!def.derivesText)
    throw new AppError("validation", "PUBLICATION_INVALID", `“${def.label}”没有报告模板`, { field: "template" });
  refuseBadTexts({ template: input.template as ReportTemplate });
  const fresh = await def.prepare(deps, actor, {
    fiscalYear: p.fiscalYear,
    departmentId: p.department?.id,
    template: input.template,
  });
  return { blocks: fresh.blocks ?? [], tables: fresh.tables, template: fresh.template };
}
