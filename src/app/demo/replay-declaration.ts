import { DEFAULT_GOAL_RULES } from "../../core/goals/goal-rules";
import { checkGoalTable } from "../../core/goals/quality";
import type { GoalTable } from "../../core/goals/types";
import type { GoalAction } from "../../core/goals/workflow";
import { actorOf } from "../auth/actor";
import type { Actor, Deps } from "../context";
import { actOnGoalTable } from "../goals/act-on-goal-table";
import { answerGoalComment } from "../goals/answer-goal-comment";
import { saveGoalTable } from "../goals/save-goal-table";

type ActExtra = { comment?: string; indicatorComments?: Record<string, string> };

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
 * the department approves, finance returns it with a reason and a comment on one indicator, the unit
 * answers the comment, fixes the indicator and resubmits after the due date with a 修改说明, and both
 * approve. Every step is the use case users call, stamped on its day, so the tasks, notifications
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
    const region = { kind: "region", regionCode: finance.regionCode } as const;
    const step = async (day: string, actor: Actor, action: GoalAction, extra: ActExtra = {}) => {
      setDay(day);
      const before = await deps.uow.read.goals.get(region, record.id);
      await actOnGoalTable(deps, actor, record.id, { version: before?.version ?? saved.version, action, ...extra });
    };
    // Finance's comment lands on the table's first cost (成本) indicator, else its first one.
    const filled = (await deps.uow.read.goals.get(region, record.id))!;
    const commented =
      filled.table.indicators.find((x) => x.level1.includes("成本") || x.level2.includes("成本")) ??
      filled.table.indicators[0]!;
    await step(`${y}-10-${20 + i}`, unit, "submit");
    await step(`${y}-10-${24 + i}`, department, "approve", { comment: "经审核，同意报送财政" });
    await step(`${y}-11-0${3 + i}`, finance, "return", {
      comment: "成本指标与项目预算不一致，效益指标未量化，请修改后重新报送",
      indicatorComments: { [commented.uid!]: "请写明测算依据，与项目预算核对一致" },
    });
    // The unit answers the comment, writes the basis into the indicator's explanation and resubmits.
    setDay(`${y}-11-${String(8 + i).padStart(2, "0")}`);
    const ref = { regionCode: finance.regionCode, entity: "goal_table", recordId: record.id } as const;
    const comment = (await deps.uow.read.reviewThreads.comments(ref)).find((c) => c.itemKey === commented.uid);
    if (comment)
      await answerGoalComment(deps, unit, record.id, comment.id, {
        version: comment.version,
        answer: "已按项目预算逐项核对，并在指标解释中写明测算依据",
      });
    const back = (await deps.uow.read.goals.get(region, record.id))!;
    await saveGoalTable(deps, unit, record.id, {
      version: back.version,
      overallGoal: back.table.overallGoal,
      indicators: back.table.indicators.map((x) =>
        x.uid === commented.uid ? { ...x, explanation: `${x.explanation ?? ""}（按项目预算测算）`.slice(0, 500) } : x,
      ),
    });
    await step(`${y}-11-${10 + i}`, unit, "submit", { comment: "已按财政意见核对成本指标，补充测算依据" });
    await step(`${y}-11-${13 + i}`, department, "approve", { comment: "已按财政意见修改，同意报送" });
    await step(`${y}-11-${20 + i}`, finance, "approve");
  }
  return stored.length;
}
