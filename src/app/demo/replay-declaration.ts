import { DEFAULT_GOAL_RULES } from "../../core/goals/goal-rules";
import { checkGoalTable } from "../../core/goals/quality";
import type { GoalTable } from "../../core/goals/types";
import type { GoalAction } from "../../core/goals/workflow";
import { actorOf } from "../auth/actor";
import type { Actor, Deps } from "../context";
import { actOnGoalTable } from "../goals/act-on-goal-table";
import { saveGoalTable } from "../goals/save-goal-table";

/** Sets the time the next steps are stamped with (the demo loader's stepped clock). */
export type SetDay = (day: string) => void;

/** How many tables of a year went back and forth: returned by finance, resubmitted after the due date. */
const REPLAYED = 4;

/**
 * The project tables of a year that the demo declares through the workflow itself, because their story
 * is worth showing: sound tables (no blocking finding, so they could be submitted) of units (not of a
 * department's own office), one per department, spread over the departments. The rest of the year's
 * tables are loaded approved.
 */
export function replayedTables(
  tables: readonly GoalTable[],
  projects: readonly { code: string; departmentCode: string; unitCode: string }[],
  count = REPLAYED,
): GoalTable[] {
  const ownerOf = new Map(projects.map((p) => [p.code, p]));
  const sound = tables
    .filter((t) => {
      const owner = ownerOf.get(t.subjectCode);
      return (
        t.subjectKind === "project" &&
        owner !== undefined &&
        owner.unitCode !== owner.departmentCode &&
        checkGoalTable(t, DEFAULT_GOAL_RULES).errors === 0
      );
    })
    .sort((a, b) => a.subjectCode.localeCompare(b.subjectCode));
  const picked: GoalTable[] = [];
  const departments = new Set<string>();
  const step = Math.max(1, Math.floor(sound.length / (count * 4)));
  for (let i = 0; i < sound.length && picked.length < count; i += step) {
    const t = sound[i]!;
    const department = ownerOf.get(t.subjectCode)!.departmentCode;
    if (departments.has(department)) continue;
    departments.add(department);
    picked.push(t);
  }
  return picked;
}

/** The demo account of that name, as it acts when signed in. */
export async function demoActor(deps: Deps, username: string): Promise<Actor> {
  const user = await deps.uow.read.users.byUsername(username);
  const withOrg = user ? await deps.uow.read.users.withOrg(user.id) : null;
  if (!withOrg) throw new Error(`演示账号不存在：${username}`);
  return actorOf(withOrg);
}

/**
 * Replays the declaration of the given tables as it went, on the drafts the opening created: the unit
 * fills its draft and submits it before the due date,
 * the department approves, finance returns it with a reason, the unit resubmits after the due date, and
 * both approve. Every step is the use case users call, stamped on its day, so the tasks, notifications
 * and the tables' histories show it.
 */
export async function replayDeclaration(
  deps: Deps,
  setDay: SetDay,
  finance: Actor,
  fiscalYear: number,
  tables: readonly GoalTable[],
) {
  const y = fiscalYear - 1;
  const stored = await deps.uow.read.goalImport.tables(
    { kind: "region", regionCode: finance.regionCode },
    { fiscalYear, subjects: tables.map((t) => ({ subjectKind: t.subjectKind, subjectCode: t.subjectCode })) },
  );
  const content = new Map(tables.map((t) => [`${t.subjectKind}:${t.subjectCode}`, t]));
  for (const [i, record] of stored.entries()) {
    const unit = await demoActor(deps, `unit${record.unitCode}`);
    const department = await demoActor(deps, `dept${record.departmentCode}`);
    const table = content.get(`${record.table.subjectKind}:${record.table.subjectCode}`)!;
    setDay(`${y}-10-${12 + i}`);
    const saved = await saveGoalTable(deps, unit, record.id, {
      version: record.version,
      overallGoal: table.overallGoal,
      indicators: table.indicators,
    });
    const steps: [string, Actor, GoalAction, string?][] = [
      [`${y}-10-${20 + i}`, unit, "submit"],
      [`${y}-10-${24 + i}`, department, "approve", "经审核，同意报送财政"],
      [`${y}-11-0${3 + i}`, finance, "return", "成本指标与项目预算不一致，效益指标未量化，请修改后重新报送"],
      [`${y}-11-${10 + i}`, unit, "submit"],
      [`${y}-11-${13 + i}`, department, "approve", "已按财政意见修改，同意报送"],
      [`${y}-11-${20 + i}`, finance, "approve"],
    ];
    let version = saved.version;
    for (const [day, actor, action, comment] of steps) {
      setDay(day);
      await actOnGoalTable(deps, actor, record.id, { version, action, comment });
      const after = await deps.uow.read.goals.get({ kind: "region", regionCode: finance.regionCode }, record.id);
      version = after?.version ?? version;
    }
  }
  return stored.length;
}
