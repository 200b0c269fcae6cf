import { isCalendarDate } from "../../core/calendar";
import { AppError, staleVersion } from "../../core/errors";
import { assignReviewers, conflictOf } from "../../core/selfeval/assign-reviewers";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { dispatchSoon } from "../tasks/dispatch";

/** Reviews finance may give (again) to a reviewer: not yet scored, being scored, or returned to be redone. */
const REASSIGNABLE: ReadonlySet<string> = new Set(["unassigned", "assigned", "returned"]);

const invalid = (message: string, details: Record<string, unknown> = {}) =>
  new AppError("validation", "REVIEW_ASSIGN_INVALID", message, details);

/**
 * Finance assigns reviews to a firm's reviewers: the named reviews (or every one still unassigned), to one
 * reviewer it names or balanced over the firm's active reviewers, never to a reviewer who must stand aside
 * (回避, core/selfeval/assign-reviewers.ts). All or nothing: an item nobody can take is named and nothing
 * is assigned; a review assigned, scored or submitted by someone else meanwhile makes the whole assignment
 * 409 STALE_VERSION. Each review becomes a task in its reviewer's inbox.
 */
export async function assignReviews(
  deps: Deps,
  actor: Actor,
  input: {
    fiscalYear: number;
    firmId: number;
    reviewIds?: number[] | undefined;
    reviewerId?: number | undefined;
    dueOn: string;
  },
) {
  authorize(actor, "review.manage");
  if (!isCalendarDate(input.dueOn)) throw invalid(`截止日期不是有效日期：${input.dueOn}`, { field: "dueOn" });
  const repos = deps.uow.read;
  const firm = (await repos.selfevalReviews.firms(actor.regionCode)).find((f) => f.id === input.firmId);
  if (!firm) throw invalid("所选第三方机构不存在", { field: "firmId" });
  const reviewers = firm.reviewers.filter((r) => r.active);
  if (input.reviewerId !== undefined && !reviewers.some((r) => r.id === input.reviewerId))
    throw invalid(`复核人员不属于“${firm.name}”或已停用`, { field: "reviewerId" });
  const region = { scope: { kind: "region" as const, regionCode: actor.regionCode }, userId: actor.userId };
  const all = await repos.selfevalReviews.reviews(region, { fiscalYear: input.fiscalYear });
  const chosen = input.reviewIds
    ? all.filter((r) => input.reviewIds!.includes(r.id))
    : all.filter((r) => r.status === "unassigned");
  if (input.reviewIds) {
    const missing = input.reviewIds.filter((id) => !all.some((r) => r.id === id));
    if (missing.length > 0) throw invalid(`复核任务不存在：${missing.join("、")}`, { field: "reviewIds", missing });
  }
  // A submitted review is first returned (say, when a conflict comes to light after the submission), then moved.
  const locked = chosen.filter((r) => !REASSIGNABLE.has(r.status));
  if (locked.length > 0)
    throw invalid(
      `已提交或已确认的复核任务不能改派：${locked.map((r) => r.code).join("、")}；待确认的须先退回，再改派`,
      { field: "reviewIds" },
    );
  if (chosen.length === 0) throw invalid("没有待分配的复核任务", { field: "reviewIds" });
  const conflicts = (await repos.selfevalReviews.conflicts(actor.regionCode, firm.id)).map((c) => ({
    userId: c.reviewer?.id ?? null,
    orgPath: c.org.path,
    orgName: c.org.name,
  }));
  const items = chosen.map((r) => ({
    reviewId: r.id,
    code: r.code,
    unitPath: r.unitPath,
    departmentPath: r.departmentPath,
  }));
  let assignments: { reviewId: number; reviewerId: number }[];
  if (input.reviewerId !== undefined) {
    const clash = items.flatMap((i) => {
      const c = conflictOf(i, input.reviewerId!, conflicts);
      return c ? [`${i.code}（与“${c.orgName}”须回避）`] : [];
    });
    if (clash.length > 0) throw invalid(`该复核人员须回避：${clash.join("、")}`, { field: "reviewerId", clash });
    assignments = items.map((i) => ({ reviewId: i.reviewId, reviewerId: input.reviewerId! }));
  } else {
    const loads = reviewers.map((r) => ({
      id: r.id,
      name: r.name,
      load: all.filter((x) => x.reviewer?.id === r.id && !chosen.includes(x)).length,
    }));
    const result = assignReviewers(items, loads, conflicts);
    if (result.unassignable.length > 0)
      throw invalid(`以下复核任务无人可派：${result.unassignable.map((u) => `${u.code}（${u.reason}）`).join("、")}`, {
        unassignable: result.unassignable,
      });
    assignments = result.assignments;
  }
  const issued = await deps.uow.transaction(async (tx) => {
    // The choice above was made on this read: a review assigned, scored or submitted since is not taken over.
    const read = new Map(chosen.map((r) => [r.id, r.version]));
    const locked = await tx.selfevalReviews.lockVersions(actor.regionCode, [...read.keys()]);
    if (locked.length !== read.size || locked.some((l) => read.get(l.id) !== l.version))
      throw staleVersion("所选复核任务");
    const tasks = await tx.selfevalReviews.assign(
      actor.regionCode,
      assignments.map((a) => ({ ...a, firmId: firm.id })),
      input.dueOn,
    );
    await tx.selfevalReviews.followReviews(
      actor.regionCode,
      assignments.map((a) => a.reviewId),
      deps.clock.now(),
    );
    // A review given to another reviewer keeps its task (moved, not created): they are told of it as of a new one.
    const moved = assignments.flatMap((a) => {
      const was = chosen.find((r) => r.id === a.reviewId);
      return was?.taskId && was.reviewer?.id !== a.reviewerId
        ? [{ taskId: was.taskId, orgId: firm.id, reviewId: a.reviewId }]
        : [];
    });
    await tx.outbox.add(
      actor.regionCode,
      [...tasks, ...moved].map((t) => ({
        kind: "assigned" as const,
        taskId: t.taskId,
        orgIds: [t.orgId],
        title: `请复核${input.fiscalYear}年度单位自评`,
        body: `请于 ${input.dueOn} 前完成复核评分并提交`,
        link: `/review/items/${t.reviewId}`,
      })),
    );
    await tx.audit.append(
      assignments.map((a) => {
        const was = chosen.find((r) => r.id === a.reviewId);
        return auditEntry(actor, deps.clock, {
          action: "assign",
          entity: "selfeval_review",
          entityId: a.reviewId,
          before: was?.reviewer ? { firmId: was.firm?.id ?? null, reviewerId: was.reviewer.id } : undefined,
          after: { firmId: firm.id, reviewerId: a.reviewerId, dueOn: input.dueOn },
        });
      }),
    );
    return tasks.length;
  });
  await dispatchSoon(deps);
  const perReviewer = reviewers.map((r) => ({
    id: r.id,
    name: r.name,
    assigned: assignments.filter((a) => a.reviewerId === r.id).length,
  }));
  return { assigned: assignments.length, tasks: issued, perReviewer };
}
