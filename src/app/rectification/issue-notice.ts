import { dateInChina } from "../../core/calendar";
import { AppError } from "../../core/errors";
import { RECTIFICATION_SOURCE_LABELS, type RectificationSource } from "../../core/evaluations/rectification";
import { checkNotice } from "../../core/evaluations/rectification-notice";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { dispatchSoon } from "../tasks/dispatch";
import { getRectificationNotice } from "./get-notice";

export interface IssueNoticeInput {
  source: RectificationSource;
  sourceId: number;
  unitId: number;
  title: string;
  items: { problem: string; requirement: string; deadline: string }[];
}

/**
 * 下达整改通知: finance sends a unit (or a department) the problems found by an evaluation, a spot-check review
 * or monitoring, each with the action it requires and its deadline. The source must exist in the region and
 * concern the organisation addressed (for an evaluation, the project's unit). Everything is checked before
 * anything is written. Each item becomes a 整改落实 task of the organisation, due on its deadline; the
 * organisation is notified. One notice per source and organisation (a unique index: of two at once one wins).
 */
export async function issueRectificationNotice(deps: Deps, actor: Actor, input: IssueNoticeInput) {
  authorize(actor, "rectification.issue");
  const source = await deps.uow.read.rectification.source(actor.regionCode, input.source, input.sourceId);
  const sourceText = RECTIFICATION_SOURCE_LABELS[input.source];
  if (!source)
    throw new AppError(
      "validation",
      "RECTIFICATION_SOURCE_INVALID",
      `整改来源（${sourceText}）不存在：${input.sourceId}`,
      {
        field: "sourceId",
      },
    );
  if (!source.settled)
    throw new AppError(
      "validation",
      "RECTIFICATION_SOURCE_INVALID",
      `${sourceText}“${source.label}”尚未定稿：定稿后才能据其发现的问题下达整改通知`,
      { field: "sourceId" },
    );
  const org = await deps.uow.read.orgs.byId(input.unitId);
  if (!org || org.regionCode !== actor.regionCode || (org.kind !== "unit" && org.kind !== "department"))
    throw new AppError(
      "validation",
      "RECTIFICATION_INVALID",
      `整改单位（unitId）不是本区的预算单位或主管部门：${input.unitId}`,
      {
        field: "unitId",
      },
    );
  if (!source.orgIds.includes(org.id))
    throw new AppError(
      "validation",
      "RECTIFICATION_SOURCE_INVALID",
      `${sourceText}“${source.label}”不涉及“${org.name}”，不能向其下达整改通知`,
      { field: "unitId" },
    );
  const today = dateInChina(deps.clock.now());
  const issues = checkNotice(input, source.fiscalYear, today);
  if (issues.length > 0)
    throw new AppError("validation", "RECTIFICATION_INVALID", issues.map((i) => i.message).join("；"), {
      field: issues[0]!.field,
      issues,
    });
  const title = input.title.trim();
  const items = input.items.map((it, i) => ({
    problem: it.problem.trim(),
    requirement: it.requirement.trim(),
    deadline: it.deadline.trim(),
    taskTitle: `${source.fiscalYear}年度整改落实：${title}——第${i + 1}项`,
  }));

  const id = await deps.uow.transaction(async (repos) => {
    const created = await repos.rectification.insert(actor.regionCode, {
      fiscalYear: source.fiscalYear,
      source: input.source,
      sourceId: input.sourceId,
      unitId: org.id,
      title,
      issuedBy: actor.userId,
      items,
    });
    if (!created)
      throw new AppError(
        "conflict",
        "RECTIFICATION_NOTICE_EXISTS",
        `已就${sourceText}“${source.label}”向“${org.name}”下达过整改通知，请在原通知中办理`,
      );
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "issue",
        entity: "rectification_notice",
        entityId: created.id,
        after: {
          source: input.source,
          sourceId: input.sourceId,
          unitId: org.id,
          items: items.map((it, i) => ({ id: created.items[i]!.id, deadline: it.deadline })),
        },
        reason: title,
      }),
    ]);
    await repos.outbox.add(
      actor.regionCode,
      created.items.map((it, i) => ({
        kind: "assigned" as const,
        taskId: it.taskId,
        orgIds: [org.id],
        title: `新任务：整改落实（${title} 第${i + 1}项）`,
        body: `${items[i]!.requirement}。请于 ${items[i]!.deadline} 前整改并上传佐证材料`,
        link: `/rectification/items/${it.id}`,
      })),
    );
    return created.id;
  });
  await dispatchSoon(deps);
  return getRectificationNotice(deps, actor, id);
}
