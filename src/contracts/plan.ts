import { z } from "zod";
import { PHASES } from "../core/plan/phases";
import { CalendarDate, Instant, operation, responses, YearQuery } from "./common";

/** 年度工作安排: the phases of a fiscal year with their dates, and opening a phase (issuing its tasks). */

const Progress = z
  .object({
    total: z.number().int(),
    submitted: z.number().int(),
    done: z.number().int(),
    returned: z.number().int(),
    overdue: z.number().int(),
  })
  .describe("本阶段任务的进度（按调用者的数据范围）");

export const PlanPhaseView = z
  .object({
    phase: z.enum(PHASES),
    label: z.string(),
    startsOn: CalendarDate,
    endsOn: CalendarDate,
    dueOn: CalendarDate.nullable().describe("下达时确定的截止日期"),
    openedAt: Instant.nullable().describe("下达时刻；未下达为 null"),
    state: z.enum(["upcoming", "current", "past"]).describe("按今天（北京时间）：未开始、进行中、已结束"),
    progress: Progress.nullable(),
  })
  .meta({ id: "PlanPhase" });

export const WorkPlan = z
  .object({
    fiscalYear: z.number().int(),
    stored: z.boolean().describe("false：尚未保存，显示的是默认安排"),
    version: z.number().int().describe("乐观锁版本号；默认安排为 0"),
    updatedAt: Instant.nullable(),
    today: CalendarDate,
    phases: z.array(PlanPhaseView),
  })
  .meta({ id: "WorkPlan" });

export const getPlan = operation("plan.read", {
  operationId: "getPlan",
  tags: ["plan"],
  summary: "年度工作安排：各阶段日期、状态与任务进度",
  querystring: z.object({ year: YearQuery }),
  response: responses({ 200: WorkPlan }),
});

export const savePlan = operation("plan.manage", {
  operationId: "savePlan",
  tags: ["plan"],
  summary: "修改年度工作安排（整体保存，须带 version）",
  description:
    "各阶段须齐全、日期有效、结束不早于开始，并符合先后顺序（如单位自评不能早于运行监控结束）。不符合时返回 400 PLAN_INVALID，details.issues 逐项列出。",
  querystring: z.object({ year: YearQuery }),
  body: z.object({
    version: z.number().int().min(0).max(2_147_483_647),
    phases: z
      .array(z.object({ phase: z.enum(PHASES), startsOn: z.string().max(10), endsOn: z.string().max(10) }))
      .max(PHASES.length * 2),
  }),
  response: responses({ 200: z.object({ version: z.number().int() }) }),
});

export const openGoalDeclaration = operation("plan.manage", {
  operationId: "openGoalDeclaration",
  tags: ["plan"],
  summary: "下达目标申报：为每个项目和部门整体预算生成目标表草稿和申报任务",
  description:
    "可重复执行：只补建缺少的目标表和任务（如之后导入的项目）；截止日期改变时，未完成任务的截止日期随之改变（延期）。年度没有预算数据时返回 400 PLAN_NO_BUDGET。",
  querystring: z.object({ year: YearQuery }),
  body: z.object({ dueOn: z.string().max(10).optional().describe("截止日期，默认为本阶段的结束日期") }),
  response: responses({
    200: z.object({
      dueOn: CalendarDate,
      tablesCreated: z.number().int(),
      tablesExisting: z.number().int(),
      tasksCreated: z.number().int(),
      tasksExisting: z.number().int(),
    }),
  }),
});
