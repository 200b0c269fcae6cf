import { dateInChina, isCalendarDate } from "../../core/calendar";
import { AppError, notFound, staleVersion } from "../../core/errors";
import { markupReason } from "../../core/imports/cells";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { expectVersion } from "../expect-state";

/** The picked departments of a draw with the on-site review's findings, guidance and linked tables. */
export async function listReviewVisits(deps: Deps, actor: Actor, drawId: number) {
  authorize(actor, "goal.lint");
  if (!(await deps.uow.read.reviews.draw(actor.regionCode, drawId))) throw notFound("抽取记录", drawId);
  return deps.uow.read.reviews.visits(actor.regionCode, drawId);
}

const text = (field: string, label: string, value: string, max: number) => {
  const v = value.trim();
  if (v.length > max) throw new AppError("validation", "VISIT_TOO_LONG", `${label}不能超过 ${max} 字`, { field });
  const reason = markupReason(v.replace(/\n/g, " "));
  if (reason) throw new AppError("validation", "VISIT_MARKUP", `${label}含有${reason}`, { field });
  return v;
};

/**
 * A review date exists, is not in the future, and falls in the years the review of year Y's goal tables
 * can happen: from the declaration in the autumn of Y − 1 to the end of Y.
 */
function checkReviewDate(date: string, fiscalYear: number, today: string): void {
  const bad = (message: string) =>
    new AppError("validation", "VISIT_DATE_INVALID", message, { field: "reviewedOn", value: date });
  if (!isCalendarDate(date)) throw bad(`会审日期“${date}”不是有效的日期，应为 YYYY-MM-DD，如 ${fiscalYear}-03-11`);
  if (date > today) throw bad(`会审日期 ${date} 晚于今天（${today}），请填写实际会审的日期`);
  const [from, to] = [`${fiscalYear - 1}-01-01`, `${fiscalYear}-12-31`];
  if (date < from || date > to)
    throw bad(`${fiscalYear}年度目标表的现场会审日期应在 ${from} 至 ${to} 之间，实际填写 ${date}`);
}

/** Finance records what the on-site review found and the guidance it gave the department. */
export async function recordReviewVisit(
  deps: Deps,
  actor: Actor,
  id: number,
  input: { version: number; reviewedOn: string | null; findings: string; guidance: string },
) {
  authorize(actor, "goal.review");
  const before = await deps.uow.read.reviews.visit(actor.regionCode, id);
  if (!before) throw notFound("会审记录", id);
  expectVersion(before, input.version, "该会审记录");
  if (input.reviewedOn !== null) checkReviewDate(input.reviewedOn, before.fiscalYear, dateInChina(deps.clock.now()));
  const patch = {
    reviewedOn: input.reviewedOn,
    findings: text("findings", "发现的问题", input.findings, 5000),
    guidance: text("guidance", "指导建议", input.guidance, 5000),
  };
  return deps.uow.transaction(async (repos) => {
    const version = await repos.reviews.updateVisit(id, input.version, patch);
    if (version === null) throw staleVersion("该会审记录");
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "update",
        entity: "review_visit",
        entityId: id,
        before: { reviewedOn: before.reviewedOn, findings: before.findings, guidance: before.guidance },
        after: patch,
      }),
    ]);
    return { id, version };
  });
}

/** Links one of the department's goal tables to the guidance, saying whether the guidance was acted on. */
export async function linkReviewTable(
  deps: Deps,
  actor: Actor,
  visitId: number,
  input: { goalTableId: number; actedOn: boolean; note: string | null },
) {
  const scope = authorize(actor, "goal.review");
  const visit = await deps.uow.read.reviews.visit(actor.regionCode, visitId);
  if (!visit) throw notFound("会审记录", visitId);
  const table = await deps.uow.read.goals.get(scope, input.goalTableId);
  if (!table || table.departmentCode !== visit.department.code) {
    throw new AppError("validation", "VISIT_TABLE_OTHER_DEPARTMENT", "只能关联被会审部门自己的目标表", {
      field: "goalTableId",
    });
  }
  if (table.table.fiscalYear !== visit.fiscalYear)
    throw new AppError(
      "validation",
      "VISIT_TABLE_OTHER_YEAR",
      `这是${table.table.fiscalYear}年度的目标表，只能关联${visit.fiscalYear}年度会审对应年度的目标表`,
      { field: "goalTableId" },
    );
  const note = input.note === null ? null : text("note", "说明", input.note, 500);
  await deps.uow.transaction(async (repos) => {
    await repos.reviews.linkTable(visitId, input.goalTableId, input.actedOn, note);
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "link",
        entity: "review_visit",
        entityId: visitId,
        after: { goalTableId: input.goalTableId, actedOn: input.actedOn, note },
      }),
    ]);
  });
  const linked = await deps.uow.read.reviews.visit(actor.regionCode, visitId);
  if (!linked) throw notFound("会审记录", visitId);
  return linked;
}

/** Removes a table linked by mistake; the audit keeps what the link said. */
export async function unlinkReviewTable(deps: Deps, actor: Actor, visitId: number, goalTableId: number) {
  authorize(actor, "goal.review");
  if (!(await deps.uow.read.reviews.visit(actor.regionCode, visitId))) throw notFound("会审记录", visitId);
  await deps.uow.transaction(async (repos) => {
    const removed = await repos.reviews.unlinkTable(actor.regionCode, visitId, goalTableId);
    if (!removed)
      throw new AppError("not_found", "NOT_FOUND", "该目标表未关联到这条会审记录（可能已被他人取消关联）", {
        field: "goalTableId",
      });
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "unlink",
        entity: "review_visit",
        entityId: visitId,
        before: { goalTableId, ...removed },
      }),
    ]);
  });
  const visit = await deps.uow.read.reviews.visit(actor.regionCode, visitId);
  if (!visit) throw notFound("会审记录", visitId);
  return visit;
}
