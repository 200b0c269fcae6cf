import { compareTables } from "../../core/disclosure/compare";
import { nextVersionStatus } from "../../core/disclosure/workflow";
import { AppError, notFound, staleVersion } from "../../core/errors";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { getPublication } from "./get";
import { kindDef } from "./kinds";
import { lockForWrite, requireDrafter, WHAT } from "./shared";

/**
 * 更新数据: the drafter rebuilds the open version's tables from the data now (the kind's `prepare`), keeping the
 * title, the introduction and the text blocks as written. The audit entry lists what changed (the same
 * comparison the approver's check makes).
 */
export async function refreshPublicationData(deps: Deps, actor: Actor, id: number, input: { version: number }) {
  authorize(actor, "disclosure.draft");
  const p = await deps.uow.read.disclosure.get(actor.regionCode, id);
  if (!p) throw notFound("公开事项", id);
  if (p.latest.draftedBy.id !== actor.userId)
    throw new AppError("forbidden", "PUBLICATION_NOT_DRAFTER", "只有起草该版本的信息员可以更新数据");
  const def = kindDef(p.kind);
  const [open] = await deps.uow.read.disclosure.versions(actor.regionCode, id);
  const fresh = await def.prepare(deps, actor, {
    fiscalYear: p.fiscalYear,
    departmentId: p.department?.id,
    // A drafted text keeps finance's template; only the data is new.
    ...(def.derivesText ? { template: open?.body.template } : {}),
  });
  await deps.uow.transaction(async (repos) => {
    const { latest } = await lockForWrite(repos, actor, id, input.version);
    const next = nextVersionStatus(latest.status, "refresh");
    if (!next)
      throw new AppError(
        "conflict",
        "PUBLICATION_INVALID_TRANSITION",
        `第${latest.number}版已提交审核或已发布，不能更新数据`,
      );
    requireDrafter(actor, latest);
    const [current] = await repos.disclosure.versions(actor.regionCode, id);
    const changes = compareTables(current!.body.tables, fresh.tables);
    const body = {
      ...current!.body,
      tables: fresh.tables,
      ...(fresh.template !== undefined ? { template: fresh.template } : {}),
      ...(def.derivesText ? { blocks: fresh.blocks ?? [] } : {}),
    };
    const written = await repos.disclosure.updateVersion(
      actor.regionCode,
      latest.id,
      { version: latest.version, status: latest.status },
      { status: next, body },
    );
    if (written === null) throw staleVersion(WHAT);
    await repos.disclosure.touch(actor.regionCode, id, {});
    await repos.disclosure.setTaskStatus(actor.regionCode, "publication_draft", latest.id, "in_progress");
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "refresh",
        entity: "publication",
        entityId: id,
        before: { versionNumber: latest.number, status: latest.status },
        after: { versionNumber: latest.number, status: next, changes: changes.map((c) => c.message) },
      }),
    ]);
  });
  return getPublication(deps, actor, id);
}
