import { dateInChina, isCalendarDate } from "../../core/calendar";
import { AppError, notFound } from "../../core/errors";
import { MAX_REPORT_PART, REPORT_PART_LABELS, REPORT_PARTS } from "../../core/evaluations/list";
import { editableStatuses } from "../../core/evaluations/workflow";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { expectVersion } from "../expect-state";
import { dispatchSoon } from "../tasks/dispatch";
import { followDepartmentTasks } from "./act-on-evaluation";
import { frameworkFor } from "./framework-rules";
import type { EvaluationReport } from "./ports";
import { getEvaluation, readEvaluation } from "./read-evaluation";

/**
 * Finance opens the year's department evaluation (部门评价): every department with projects in the year gets a
 * task, whose status follows its evaluations against the year's requirement. Opening again moves the due day.
 */
export async function openDepartmentEvaluation(deps: Deps, actor: Actor, input: { fiscalYear: number; dueOn: string }) {
  authorize(actor, "evaluation.manage");
  const year = Number(input.dueOn.slice(0, 4));
  if (!isCalendarDate(input.dueOn) || year < input.fiscalYear || year > input.fiscalYear + 2)
    throw new AppError(
      "validation",
      "EVALUATION_ROUND_INVALID",
      `截止日期须为${input.fiscalYear}至${input.fiscalYear + 2}年间的有效日期`,
      {
        field: "dueOn",
      },
    );
  const today = dateInChina(deps.clock.now());
  if (input.dueOn < today)
    throw new AppError(
      "validation",
      "EVALUATION_ROUND_INVALID",
      `截止日期（dueOn）${input.dueOn} 早于今天（${today}）`,
      {
        field: "dueOn",
      },
    );
  const result = await deps.uow.transaction(async (repos) => {
    const opened = await repos.evaluations.openDepartmentYear(actor.regionCode, input.fiscalYear, input.dueOn);
    await followDepartmentTasks(repos, deps.clock, actor.regionCode, input.fiscalYear, null);
    await repos.outbox.add(
      actor.regionCode,
      opened.created.map((t) => ({
        kind: "assigned" as const,
        taskId: t.taskId,
        orgIds: [t.orgId],
        title: `新任务：${input.fiscalYear}年度部门评价`,
        body: `请于${input.dueOn}前完成本部门项目的绩效评价并提交财政`,
        link: `/tasks/${t.taskId}`,
      })),
    );
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "open",
        entity: "department_evaluation",
        entityId: input.fiscalYear,
        after: { dueOn: input.dueOn, tasksCreated: opened.created.length, tasksExisting: opened.existing },
      }),
    ]);
    return {
      fiscalYear: input.fiscalYear,
      dueOn: input.dueOn,
      tasksCreated: opened.created.length,
      tasksExisting: opened.existing,
    };
  });
  await dispatchSoon(deps);
  return result;
}

/**
 * A department evaluates a project of its own or of its units: the framework in effect is copied in, the
 * department itself is the one scoring member. Only once finance opened the year's department evaluation.
 */
export async function createDepartmentEvaluation(deps: Deps, actor: Actor, input: { projectId: number }) {
  authorize(actor, "evaluation.departmentWrite");
  if (actor.role !== "department")
    throw new AppError("forbidden", "EVALUATION_NOT_OWNER", "部门评价由主管部门对本部门的项目开展");
  const id = await deps.uow.transaction(async (repos) => {
    const project = await repos.evaluations.project(actor.regionCode, input.projectId);
    if (!project || project.departmentId !== actor.orgId) throw notFound("项目", input.projectId);
    if (!(await repos.evaluations.departmentTask(actor.regionCode, project.fiscalYear, actor.orgId)))
      throw new AppError("conflict", "EVALUATION_NOT_OPEN", `${project.fiscalYear}年度部门评价尚未开启`);
    const { version, ...framework } = await frameworkFor(repos, actor.regionCode, project.fiscalYear);
    const id = await repos.evaluations.insert(
      actor.regionCode,
      {
        fiscalYear: project.fiscalYear,
        kind: "department",
        projectId: project.id,
        ownerOrgId: actor.orgId,
        framework,
        rulesVersion: version,
        amount: project.adjustedBudget,
        dueOn: null,
        createdBy: actor.userId,
      },
      [{ expertId: null, userId: null, isLead: true }],
    );
    if (id === null)
      throw new AppError("conflict", "EVALUATION_EXISTS", `项目“${project.name}”${project.fiscalYear}年度已有部门评价`);
    await followDepartmentTasks(repos, deps.clock, actor.regionCode, project.fiscalYear, [actor.orgId]);
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "create",
        entity: "evaluation",
        entityId: id,
        after: {
          kind: "department",
          projectId: project.id,
          code: project.code,
          amount: project.adjustedBudget,
          rulesVersion: version,
        },
      }),
    ]);
    return id;
  });
  return getEvaluation(deps, actor, id);
}

/** Markup is refused: the report is plain text, printed and exported as written. */
const MARKUP = /<\s*[a-zA-Z!/?]/;

/** The department writes its evaluation report's parts while the evaluation is in its hands. */
export async function saveEvaluationReport(
  deps: Deps,
  actor: Actor,
  id: number,
  input: EvaluationReport & { version: number },
) {
  authorize(actor, "evaluation.departmentWrite");
  const report = Object.fromEntries(REPORT_PARTS.map((p) => [p, input[p].trim()])) as unknown as EvaluationReport;
  for (const p of REPORT_PARTS) {
    if (report[p].length > MAX_REPORT_PART)
      throw new AppError(
        "validation",
        "EVALUATION_REPORT_INVALID",
        `“${REPORT_PART_LABELS[p]}”不能超过${MAX_REPORT_PART}字`,
        {
          field: p,
        },
      );
    if (MARKUP.test(report[p]))
      throw new AppError(
        "validation",
        "EVALUATION_REPORT_INVALID",
        `“${REPORT_PART_LABELS[p]}”含有标记字符，请只填写文字`,
        {
          field: p,
        },
      );
  }
  await deps.uow.transaction(async (repos) => {
    const e = await readEvaluation(repos, actor, id);
    if (e.kind !== "department" || actor.role !== "department" || e.owner.id !== actor.orgId)
      throw new AppError("forbidden", "EVALUATION_NOT_OWNER", "只有负责该评价的部门才能填写评价报告");
    const locked = await repos.evaluations.lock(actor.regionCode, id);
    if (!locked || !editableStatuses(e.kind).includes(locked.status))
      throw new AppError("conflict", "EVALUATION_NOT_EDITABLE", "评价已提交财政审核或已定稿，报告不能修改");
    expectVersion(locked, input.version, "评价");
    const next = await repos.evaluations.saveReport(actor.regionCode, id, input.version, report);
    if (next === null) throw new AppError("conflict", "STALE_VERSION", "评价已被他人修改，请刷新后重试");
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "update_report",
        entity: "evaluation",
        entityId: id,
        before: e.report,
        after: report,
      }),
    ]);
  });
  return getEvaluation(deps, actor, id);
}
