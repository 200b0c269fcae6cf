import { dateInChina } from "../../core/calendar";
import { countRectification, type RectificationCounts } from "../../core/evaluations/rectification";
import { authorize } from "../authorize";
import type { Actor, Deps, Repos } from "../context";

/** The items of notices of a year by status, and how many are overdue as of `today` (China), region-wide. */
export async function rectificationCounts(
  repos: Repos,
  regionCode: string,
  fiscalYear: number,
  today: string,
): Promise<RectificationCounts> {
  return countRectification(await repos.rectification.statuses({ kind: "region", regionCode }, fiscalYear), today);
}

/** An overdue item as result application (结果应用) lists it. */
export interface OverdueItem {
  itemId: number;
  noticeId: number;
  seq: number;
  unit: { id: number; code: string; name: string };
  department: { id: number; code: string; name: string };
  /** The project evaluated, when the source concerns one. */
  project: { id: number; code: string; name: string } | null;
  problem: string;
  requirement: string;
  deadline: string;
}

/** The overdue items of a year's notices, region-wide, earliest deadline first. */
export async function overdueItems(
  repos: Repos,
  regionCode: string,
  fiscalYear: number,
  today: string,
): Promise<OverdueItem[]> {
  const found = await repos.rectification.listItems(
    { kind: "region", regionCode },
    { fiscalYear, overdue: true },
    today,
    { sort: "deadline", order: "asc", page: 1, pageSize: 5000 },
  );
  return found.rows.map((i) => ({
    itemId: i.id,
    noticeId: i.noticeId,
    seq: i.seq,
    unit: i.unit,
    department: i.department,
    project: i.project,
    problem: i.problem,
    requirement: i.requirement,
    deadline: i.deadline,
  }));
}

/** The counts of a year in the actor's scope. */
export async function getRectificationCounts(deps: Deps, actor: Actor, fiscalYear: number) {
  const scope = authorize(actor, "rectification.read");
  const today = dateInChina(deps.clock.now());
  const counts = countRectification(await deps.uow.read.rectification.statuses(scope, fiscalYear), today);
  return { fiscalYear, today, ...counts };
}
