import { PUBLICATION_KIND_LABELS, type PublicationKind } from "../../core/disclosure/types";
import { DRAFT_DAYS } from "../../core/disclosure/workflow";
import { AppError, forbidden } from "../../core/errors";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { getPublication } from "./get";
import { kindDef } from "./kinds";
import { dueIn, refuseBadTexts } from "./shared";

export interface PrepareInput {
  kind: PublicationKind;
  fiscalYear: number;
  departmentId?: number | undefined;
  title?: string | undefined;
}

/** A department of the region, or a 400 naming the field. */
export async function departmentFor(deps: Deps, actor: Actor, id: number | undefined) {
  if (id === undefined) return null;
  const org = await deps.uow.read.orgs.byId(id);
  if (!org || org.regionCode !== actor.regionCode || org.kind !== "department")
    throw new AppError("validation", "PUBLICATION_INVALID", `主管部门（departmentId）不是本区的主管部门：${id}`, {
      field: "departmentId",
    });
  return org;
}

/**
 * 生成公开稿: a 信息员 creates the year's publication of a kind (optionally one department's) and its version 1,
 * a draft built from the data now by the kind's `prepare`. One publication per kind, year and department (a
 * later change is a correction): a second is refused, also when two are made at once (the unique index). The
 * drafting is a task in the drafter's inbox.
 */
export async function preparePublication(deps: Deps, actor: Actor, input: PrepareInput) {
  authorize(actor, "disclosure.draft");
  if (actor.userId === null) throw forbidden("公开稿须由信息员以本人账号起草");
  const def = kindDef(input.kind);
  const department = await departmentFor(deps, actor, input.departmentId);
  const title = (input.title ?? `${input.fiscalYear}年度${department?.name ?? ""}${def.label}`).trim();
  refuseBadTexts({ title });
  const body = await def.prepare(deps, actor, { fiscalYear: input.fiscalYear, departmentId: department?.id });
  const id = await deps.uow.transaction(async (repos) => {
    const created = await repos.disclosure.insert(actor.regionCode, {
      fiscalYear: input.fiscalYear,
      kind: input.kind,
      title,
      departmentId: department?.id ?? null,
      createdBy: actor.userId!,
      body,
    });
    if (!created)
      throw new AppError(
        "conflict",
        "PUBLICATION_EXISTS",
        `${input.fiscalYear}年度${department ? `“${department.name}”的` : ""}“${PUBLICATION_KIND_LABELS[input.kind]}”已有公开事项，请在原事项中修改或更正`,
      );
    await repos.disclosure.upsertTask(actor.regionCode, {
      fiscalYear: input.fiscalYear,
      kind: "publication_draft",
      orgId: actor.orgId,
      ownerUserId: actor.userId!,
      versionId: created.versionId,
      title: `信息公开拟稿：${title}（第1版）`,
      dueOn: dueIn(deps.clock, DRAFT_DAYS),
      status: "in_progress",
    });
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "create",
        entity: "publication",
        entityId: created.id,
        after: {
          kind: input.kind,
          fiscalYear: input.fiscalYear,
          departmentId: department?.id ?? null,
          title,
          versionNumber: 1,
          tables: body.tables.map((t) => ({ key: t.key, rows: t.rows.length })),
        },
      }),
    ]);
    return created.id;
  });
  return getPublication(deps, actor, id);
}
