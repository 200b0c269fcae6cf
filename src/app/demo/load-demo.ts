import type { AuditFields } from "../../core/audit-chain";
import { AppError } from "../../core/errors";
import { DEFAULT_GOAL_RULES, GOAL_RULES_MODULE } from "../../core/goals/goal-rules";
import { GOAL_RULES } from "../../core/goals/quality";
import { DEFAULT_TEMPLATE, type GoalTable } from "../../core/goals/types";
import type {
  DeptBudgetRow,
  DeptExecutionRow,
  ExecutionRow,
  OrgRow,
  ProjectRow,
  RequestRow,
} from "../../core/imports/rows";
import { defaultPlan } from "../../core/plan/phases";
import type { Role } from "../../core/roles";
import { auditEntry } from "../audit/entry";
import { systemActor } from "../auth/actor";
import type { Actor, Clock, Deps, Repos } from "../context";
import { drawReview } from "../goals/draw-review";
import { rebuildIndicatorLibrary } from "../goals/library-rebuild";
import { lintGoals } from "../goals/lint-goals";
import { recordReviewVisit } from "../goals/review-visits";
import { commitRows } from "../imports/run-import";
import { openGoalDeclaration } from "../plan/open-goal-declaration";
import { savePlan } from "../plan/save-plan";
import { readNotifications } from "../tasks/notifications";
import { publicUser } from "../users/create-user";
import { demoActor, replayDeclaration, replayedTables, type SetDay } from "./replay-declaration";
import { publishDemoGoalTables, replayDisclosure } from "./replay-disclosure";
import { type DemoEvaluations, replayEvaluations } from "./replay-evaluations";
import { DEMO_MONITORING, replayMonitoring } from "./replay-monitoring";
import { replayResults } from "./replay-results";
import { replaySelfEval } from "./replay-selfeval";

/** The demo district as src/demo generates it (structural, so app does not depend on demo). */
export interface DemoData {
  region: { code: string; name: string };
  fiscalYear: number;
  bureau: { code: string; name: string };
  firms: { code: string; name: string }[];
  orgs: OrgRow[];
  projects: ProjectRow[];
  execution: ExecutionRow[];
  deptBudgets: DeptBudgetRow[];
  deptExecution: DeptExecutionRow[];
  goalTables: GoalTable[];
  users: { username: string; displayName: string; role: Role; orgCode: string }[];
  /** The year before (continuing projects, departments, approved goal tables), loaded after the demo year. */
  history?: {
    fiscalYear: number;
    projects: ProjectRow[];
    execution: ExecutionRow[];
    deptBudgets: DeptBudgetRow[];
    deptExecution: DeptExecutionRow[];
    goalTables: GoalTable[];
  };
  /** The demo year's evaluations (expert pool, key and department evaluations, rectification), replayed after its review. */
  evaluations?: DemoEvaluations;
  /** The next year's budget requests of the demo year's projects, on which the year's results are applied. */
  requests?: RequestRow[];
}

export const DEMO_PASSWORD = "jixiao-demo";

/**
 * Loads the demo district in one transaction through the same writes as a budget-system import,
 * so every figure shown afterwards is computed from these rows. All demo accounts share one
 * password, so one argon2 hash serves them all.
 */
export async function loadDemo(deps: Deps, data: DemoData, onStep?: (step: string) => void) {
  const existing = await deps.uow.read.users.byUsername("finance");
  if (existing) throw new AppError("conflict", "DEMO_PRESENT", "数据库中已有演示数据；如需重新载入请使用 --reset");
  // The demo replays past years: every step is stamped on the day it happened (rows, audit, tasks).
  let at = new Date();
  const clock: Clock = { now: () => at };
  const setDay: SetDay = (day) => {
    at = new Date(`${day}T09:30:00+08:00`);
  };
  const dated: Deps = { ...deps, clock, uow: deps.uow.dated(clock) };
  const h = data.history;
  const first = h?.fiscalYear ?? data.fiscalYear;
  setDay(`${first - 1}-01-10`);
  const actor = await loadOrganisation(dated, data, onStep);
  const meta = { fileName: "demo", sha256: "demo" };
  const load = async (day: string, step: string, work: (repos: Repos) => Promise<unknown>) => {
    onStep?.(step);
    setDay(day);
    await dated.uow.transaction(work);
  };
  const y = data.fiscalYear;
  // The budget system's projects of each year, imported when the declaration opened (the demo year's
  // first, so that its rows keep the ids they always had).
  await load(
    `${y - 1}-09-01`,
    `项目 ${data.projects.length} 个、部门整体预算 ${data.deptBudgets.length} 个`,
    async (repos) => {
      await commitRows(dated, repos, actor, "projects", data.projects, y, meta);
      await commitRows(dated, repos, actor, "dept-budgets", data.deptBudgets, y, meta);
      // The year's indicator template and check policy, as finance set them: the defaults of domain.md §3.
      await repos.ruleSets.insert(
        data.region.code,
        y,
        GOAL_RULES_MODULE,
        DEFAULT_GOAL_RULES.version,
        { template: DEFAULT_GOAL_RULES.template, policy: DEFAULT_GOAL_RULES.policy },
        null,
      );
    },
  );
  if (h)
    await load(
      `${h.fiscalYear - 1}-09-01`,
      `${h.fiscalYear}年度：项目 ${h.projects.length} 个、部门整体预算`,
      async (repos) => {
        await commitRows(dated, repos, actor, "projects", h.projects, h.fiscalYear, meta);
        await commitRows(dated, repos, actor, "dept-budgets", h.deptBudgets, h.fiscalYear, meta);
      },
    );
  // The goal tables approved before the system: loaded as they were approved. A few of each year are
  // declared through the workflow instead (replayDeclaration), so they are left for the opening to create.
  const replayed = replayedTables(data.goalTables, data.projects);
  const previousTables = h?.goalTables ?? [];
  const replayedBefore = replayedTables(previousTables, h?.projects ?? []);
  await loadApproved(dated, setDay, actor, `${y - 1}-12-20`, data.goalTables, replayed, onStep);
  if (h) {
    await loadApproved(dated, setDay, actor, `${h.fiscalYear - 1}-12-20`, previousTables, replayedBefore, onStep);
    await dated.uow.transaction((repos) => repos.goalHistory.linkCarriedFrom(data.region.code, y));
  }
  // Each year's plan and declaration, in the order they ran, by the bureau's administrator.
  const finance = await demoActor(dated, "finance");
  for (const [year, tables] of [...(h ? [[h.fiscalYear, replayedBefore] as const] : []), [y, replayed] as const]) {
    onStep?.(`${year}年度工作安排，目标申报（${tables.length} 张目标表经退回后逾期重报）`);
    setDay(`${year - 1}-08-25`);
    const phases = defaultPlan(year);
    await savePlan(dated, finance, year, { version: 0, phases });
    setDay(`${year - 1}-09-01`);
    await openGoalDeclaration(dated, finance, year, {
      dueOn: phases.find((p) => p.phase === "goal_declaration")?.endsOn,
    });
    await replayDeclaration(dated, setDay, finance, year, tables);
  }
  // Everyone read what the system told them during those years.
  setDay(`${y - 1}-12-01`);
  for (const u of data.users) await readNotifications(dated, await demoActor(dated, u.username), { all: true });
  const loadExecution = (day: string, year: number, execution: ExecutionRow[], deptExecution: DeptExecutionRow[]) =>
    load(day, `${year}年度月度执行 ${execution.length + deptExecution.length} 行`, async (repos) => {
      await commitRows(dated, repos, actor, "execution", execution, year, meta);
      await commitRows(dated, repos, actor, "dept-execution", deptExecution, year, meta);
    });
  if (h) await loadExecution(`${h.fiscalYear + 1}-01-10`, h.fiscalYear, h.execution, h.deptExecution);
  onStep?.("指标库（由已批复的目标表汇集）");
  setDay(`${y}-01-05`);
  await rebuildIndicatorLibrary(dated, actor);
  // The rolling on-site review of goal tables: two years of history, then the demo year's draw.
  for (const [year, count] of DEMO_REVIEW_DRAWS) {
    onStep?.(`${year}年度目标现场会审抽取 ${count} 个部门`);
    setDay(`${year}-03-01`);
    // The demo's draws use fixed seeds, recorded as such, so every demo district is the same.
    const fixed = { drawSeed: () => ({ seed: `城中区目标现场会审-${year}`, method: "demo-fixed" }) };
    await drawReview({ ...dated, entropy: fixed }, actor, {
      year,
      count,
      lookbackYears: 3,
      forced: [],
      excluded: [],
    });
  }
  await recordDemoGuidance(dated, setDay, actor, data.fiscalYear);
  onStep?.(`${y}年度重点项目绩效目标公开`);
  await publishDemoGoalTables(dated, setDay, y);
  // Monitoring as of July: the budget system's execution to July arrives in August, the rest after the year.
  const m = DEMO_MONITORING.cutoffMonth;
  const upTo = <R extends { month: number }>(rows: R[], early: boolean) => rows.filter((r) => r.month <= m === early);
  await loadExecution(`${y}-08-01`, y, upTo(data.execution, true), upTo(data.deptExecution, true));
  onStep?.(
    `${y}年度运行监控（截至${m}月）：部门监控 ${DEMO_MONITORING.departmentTasks} 个、财政重点监控 ${DEMO_MONITORING.keyTasks} 个`,
  );
  await replayMonitoring(dated, setDay, finance, y);
  await loadExecution(`${y + 1}-01-10`, y, upTo(data.execution, false), upTo(data.deptExecution, false));
  // The year's self-evaluation and its spot-check review, once the whole year's execution is in.
  await replaySelfEval(dated, setDay, finance, y, onStep);
  // By the summer everyone had read what the self-evaluation and the review told them.
  setDay(`${y + 1}-06-30`);
  for (const u of data.users) await readNotifications(dated, await demoActor(dated, u.username), { all: true });
  // Then the year's evaluations: the departments' own, finance's key evaluations and their rectification.
  if (data.evaluations) await replayEvaluations(dated, setDay, finance, y, data.evaluations, onStep);
  // Then the results are applied to the next year's requests: the seed's rule adopted, a rule by grade compared.
  if (data.requests) {
    onStep?.(`${y}年度评价结果应用：${y + 1}年度预算申请 ${data.requests.length} 个项目`);
    await replayResults(dated, setDay, finance, y, data.requests, meta);
    onStep?.(`${y}年度信息公开：重点评价结果、年度工作报告及其更正`);
    await replayDisclosure(dated, setDay, y);
  }
}

/** The region, the finance bureau, the firms, the budget system's organisations and the demo accounts. */
async function loadOrganisation(deps: Deps, data: DemoData, onStep?: (step: string) => void) {
  const passwordHash = await deps.hasher.hash(DEMO_PASSWORD);
  const meta = { fileName: "demo", sha256: "demo" };
  return deps.uow.transaction(async (repos) => {
    onStep?.("区划与财政局");
    await repos.orgs.ensureRegion(data.region.code, data.region.name);
    const bureau = await repos.orgs.insert({
      regionCode: data.region.code,
      code: data.bureau.code,
      name: data.bureau.name,
      kind: "bureau",
      parentId: null,
      path: data.bureau.code,
      sector: "财政",
      contactName: null,
      contactPhone: null,
      sortOrder: -1,
    });
    const firms = [];
    for (const [i, firm] of data.firms.entries()) {
      const inserted = await repos.orgs.insert({
        regionCode: data.region.code,
        code: firm.code,
        name: firm.name,
        kind: "firm",
        parentId: null,
        path: firm.code,
        sector: null,
        contactName: null,
        contactPhone: null,
        sortOrder: 100_000 + i,
      });
      firms.push(inserted);
    }
    const actor = systemActor(data.region.code, bureau.id, bureau.path);
    onStep?.(`单位 ${data.orgs.length} 个`);
    await commitRows(deps, repos, actor, "orgs", data.orgs, data.fiscalYear, meta);
    onStep?.(`账号 ${data.users.length} 个`);
    const orgIds = new Map((await repos.orgs.allInRegion(data.region.code)).map((o) => [o.code, o.id]));
    const created: AuditFields[] = [
      auditEntry(actor, deps.clock, {
        action: "create",
        entity: "region",
        entityId: data.region.code,
        after: data.region,
      }),
      ...[bureau, ...firms].map((org) =>
        auditEntry(actor, deps.clock, { action: "create", entity: "org", entityId: org.id, after: org }),
      ),
    ];
    for (const u of data.users) {
      const orgId = orgIds.get(u.orgCode);
      if (orgId === undefined)
        throw new AppError("validation", "DEMO_ORG_MISSING", `演示账号 ${u.username} 的单位不存在：${u.orgCode}`);
      const user = await repos.users.insert({
        username: u.username,
        displayName: u.displayName,
        passwordHash,
        role: u.role,
        regionCode: data.region.code,
        orgId,
        active: true,
        mustChangePassword: false,
      });
      created.push(
        auditEntry(actor, deps.clock, { action: "create", entity: "user", entityId: user.id, after: publicUser(user) }),
      );
    }
    await repos.audit.append(created);
    return actor;
  });
}

/**
 * A year's goal tables as the district approved them before it used the system (known debt: loaded
 * approved, not replayed, because many carry faults the system's checks would block at submission and
 * the on-site review is meant to find). `except` are declared through the workflow instead.
 */
async function loadApproved(
  deps: Deps,
  setDay: SetDay,
  actor: Actor,
  day: string,
  tables: readonly GoalTable[],
  except: readonly GoalTable[],
  onStep?: (step: string) => void,
) {
  const skip = new Set(except.map((t) => `${t.subjectKind}:${t.subjectCode}`));
  const approved = tables.filter((t) => !skip.has(`${t.subjectKind}:${t.subjectCode}`));
  const year = tables[0]?.fiscalYear;
  onStep?.(`${year}年度已批复的绩效目标表 ${approved.length} 张`);
  setDay(day);
  await deps.uow.transaction(async (repos) => {
    await repos.goals.insertMany(
      actor.regionCode,
      approved.map((table) => ({ table, status: "approved", templateVersion: DEFAULT_TEMPLATE.version })),
      actor.displayName,
    );
    await repos.audit.append(
      approved.map((t) =>
        auditEntry(actor, deps.clock, {
          action: "create",
          entity: "goal_table",
          entityId: `${t.subjectKind}:${t.subjectCode}`,
          after: { fiscalYear: t.fiscalYear, status: "approved", indicators: t.indicators.length },
          reason: "载入演示数据",
        }),
      ),
    );
  });
}

/**
 * The demo year's on-site reviews: what each picked department's tables showed (from the system's own
 * quality checks) and the guidance given for it.
 */
async function recordDemoGuidance(deps: Deps, setDay: SetDay, actor: Actor, year: number) {
  const [draw] = await deps.uow.read.reviews.draws(actor.regionCode, year);
  if (!draw) return;
  const { tables } = await lintGoals(deps, actor, year);
  const rules = new Map(GOAL_RULES.map((r) => [r.code, r]));
  for (const [i, visit] of (await deps.uow.read.reviews.visits(actor.regionCode, draw.id)).entries()) {
    const own = tables.filter((t) => t.departmentCode === visit.department.code);
    const byRule = new Map<string, number>();
    for (const t of own)
      for (const code of new Set(t.findings.map((f) => f.code))) byRule.set(code, (byRule.get(code) ?? 0) + 1);
    const ranked = [...byRule].sort((a, b) => b[1] - a[1]);
    const findings = ranked.length
      ? `会审目标表 ${own.length} 张，发现：${ranked.map(([code, n]) => `${rules.get(code)?.title ?? code}（${n} 张）`).join("、")}。`
      : `会审目标表 ${own.length} 张，未发现明显问题。`;
    const guidance = ranked.length
      ? ranked.map(([code]) => rules.get(code)?.explanation ?? "").join(" ")
      : "保持现有编制质量，继续细化可衡量的产出和效益指标。";
    const reviewedOn = `${year}-03-${String(11 + i).padStart(2, "0")}`;
    setDay(reviewedOn);
    await recordReviewVisit(deps, actor, visit.id, {
      version: visit.version,
      reviewedOn,
      findings,
      guidance,
    });
  }
}

/** Departments drawn for the on-site review each year (the seed's 以滚动方式每年抽取不等数量的部门). */
export const DEMO_REVIEW_DRAWS: readonly (readonly [number, number])[] = [
  [2022, 8],
  [2023, 9],
  [2024, 10],
];
