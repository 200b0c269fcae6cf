import { systemActor } from "../../app/auth/actor";
import { getPlan } from "../../app/plan/get-plan";
import { openGoalDeclaration } from "../../app/plan/open-goal-declaration";
import { getTaskProgress } from "../../app/tasks/list-tasks";
import { TASK_KIND_LABELS, TASK_KINDS, TASK_STATUS_LABELS, TASK_STATUSES, type TaskKind } from "../../core/tasks/tasks";
import { openRuntime, resolveRegion } from "../runtime";

const yearOf = (v: string) => {
  const year = Number(v);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new Error(`年度无效：${v}`);
  return year;
};

/** `jixiao plan show --year 2025 [--json]`: the year's phases with their dates, state and progress. */
export async function planShow(options: { year: string; region?: string; json?: boolean }) {
  const year = yearOf(options.year);
  const rt = await openRuntime();
  try {
    const plan = await getPlan(rt.deps, systemActor(await resolveRegion(rt, options.region)), year);
    if (options.json) {
      console.log(JSON.stringify(plan, null, 2));
      return;
    }
    const state = { upcoming: "未开始", current: "进行中", past: "已结束" } as const;
    console.log(
      `${year}年度工作安排${plan.stored ? `（第 ${plan.version} 版）` : "（默认安排，尚未保存）"}，今天 ${plan.today}`,
    );
    for (const p of plan.phases) {
      const opened = p.openedAt ? `，已下达，截止 ${p.dueOn}` : "";
      const progress = p.progress
        ? `；任务 ${p.progress.total} 项：已提交 ${p.progress.submitted}，已完成 ${p.progress.done}，被退回 ${p.progress.returned}，逾期 ${p.progress.overdue}`
        : "";
      console.log(`  ${p.label.padEnd(6, "　")} ${p.startsOn} 至 ${p.endsOn}  ${state[p.state]}${opened}${progress}`);
    }
  } finally {
    await rt.close();
  }
}

/** `jixiao plan open goals --year 2025 [--due 2024-10-31]`: issues the goal declaration. */
export async function planOpen(phase: string, options: { year: string; due?: string; region?: string }) {
  if (phase !== "goals") throw new Error(`目前只能下达目标申报（goals），不能下达：${phase}`);
  const year = yearOf(options.year);
  const rt = await openRuntime();
  try {
    const opened = await openGoalDeclaration(rt.deps, systemActor(await resolveRegion(rt, options.region)), year, {
      dueOn: options.due,
    });
    console.log(`${year}年度目标申报已下达，截止 ${opened.dueOn}`);
    console.log(`  目标表：新建 ${opened.tablesCreated} 张，已有 ${opened.tablesExisting} 张`);
    console.log(`  申报任务：新建 ${opened.tasksCreated} 项，已有 ${opened.tasksExisting} 项`);
  } finally {
    await rt.close();
  }
}

/** `jixiao tasks --year 2025 [--kind goal_declaration] [--json]`: counts by kind and status, overdue included. */
export async function tasksSummary(options: { year: string; kind?: string; region?: string; json?: boolean }) {
  const year = yearOf(options.year);
  const kinds = options.kind ? [options.kind.replaceAll("-", "_")] : [...TASK_KINDS];
  for (const k of kinds) if (!TASK_KINDS.includes(k as TaskKind)) throw new Error(`任务类型无效：${options.kind}`);
  const rt = await openRuntime();
  try {
    const actor = systemActor(await resolveRegion(rt, options.region));
    const out = [];
    for (const kind of kinds as TaskKind[]) {
      const { total, rows } = await getTaskProgress(rt.deps, actor, year, kind);
      out.push({ kind, label: TASK_KIND_LABELS[kind], ...total, departments: rows.length });
    }
    if (options.json) {
      console.log(JSON.stringify({ fiscalYear: year, kinds: out }, null, 2));
      return;
    }
    console.log(`${year}年度任务`);
    for (const k of out) {
      const byStatus = TASK_STATUSES.map((s) => {
        const key = s === "in_progress" ? "inProgress" : s;
        return `${TASK_STATUS_LABELS[s]} ${k[key as keyof typeof k]}`;
      }).join("，");
      console.log(`  ${k.label}：共 ${k.total} 项（${k.departments} 个主管部门）：${byStatus}；逾期 ${k.overdue}`);
    }
  } finally {
    await rt.close();
  }
}
