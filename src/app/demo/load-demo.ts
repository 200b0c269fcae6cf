import type { AuditFields } from "../../core/audit-chain";
import { AppError } from "../../core/errors";
import { DEFAULT_GOAL_RULES, GOAL_RULES_MODULE } from "../../core/goals/goal-rules";
import { GOAL_RULES } from "../../core/goals/quality";
import { DEFAULT_TEMPLATE, type GoalTable } from "../../core/goals/types";
import type { DeptBudgetRow, DeptExecutionRow, ExecutionRow, OrgRow, ProjectRow } from "../../core/imports/rows";
import type { Role } from "../../core/roles";
import { auditEntry } from "../audit/entry";
import { systemActor } from "../auth/actor";
import type { Actor, Deps } from "../context";
import { drawReview } from "../goals/draw-review";
import { rebuildIndicatorLibrary } from "../goals/library-rebuild";
import { lintGoals } from "../goals/lint-goals";
import { recordReviewVisit } from "../goals/review-visits";
import { commitRows } from "../imports/run-import";
import { publicUser } from "../users/create-user";

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
  const passwordHash = await deps.hasher.hash(DEMO_PASSWORD);
  const meta = { fileName: "demo", sha256: "demo" };
  const bureauActor = await deps.uow.transaction(async (repos) => {
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
    onStep?.(`项目 ${data.projects.length} 个`);
    await commitRows(deps, repos, actor, "projects", data.projects, data.fiscalYear, meta);
    onStep?.(`部门整体预算 ${data.deptBudgets.length} 个`);
    await commitRows(deps, repos, actor, "dept-budgets", data.deptBudgets, data.fiscalYear, meta);
    onStep?.(`项目月度执行 ${data.execution.length} 行`);
    await commitRows(deps, repos, actor, "execution", data.execution, data.fiscalYear, meta);
    onStep?.(`部门整体月度执行 ${data.deptExecution.length} 行`);
    await commitRows(deps, repos, actor, "dept-execution", data.deptExecution, data.fiscalYear, meta);
    // After the demo year, so that the demo year's rows keep the ids they always had.
    const h = data.history;
    if (h) {
      onStep?.(`${h.fiscalYear}年度：项目 ${h.projects.length} 个及其月度执行、部门整体预算`);
      await commitRows(deps, repos, actor, "projects", h.projects, h.fiscalYear, meta);
      await commitRows(deps, repos, actor, "dept-budgets", h.deptBudgets, h.fiscalYear, meta);
      await commitRows(deps, repos, actor, "execution", h.execution, h.fiscalYear, meta);
      await commitRows(deps, repos, actor, "dept-execution", h.deptExecution, h.fiscalYear, meta);
    }
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
    // The year's indicator template and check policy, as finance set them: the defaults of domain.md §3.
    const rulesYear = data.goalTables[0]?.fiscalYear ?? 2024;
    await repos.ruleSets.insert(
      data.region.code,
      rulesYear,
      GOAL_RULES_MODULE,
      DEFAULT_GOAL_RULES.version,
      { template: DEFAULT_GOAL_RULES.template, policy: DEFAULT_GOAL_RULES.policy },
      null,
    );
    onStep?.(`绩效目标表 ${data.goalTables.length} 张`);
    // The demo year is over: its goal tables were approved; the quality checks still find their faults.
    await repos.goals.insertMany(
      data.region.code,
      data.goalTables.map((table) => ({ table, status: "approved", templateVersion: DEFAULT_TEMPLATE.version })),
      actor.displayName,
    );
    const previousTables = data.history?.goalTables ?? [];
    if (previousTables.length > 0) {
      onStep?.(`上年（${data.history?.fiscalYear}年度）绩效目标表 ${previousTables.length} 张，本年目标表由其结转`);
      await repos.goals.insertMany(
        data.region.code,
        previousTables.map((table) => ({ table, status: "approved", templateVersion: DEFAULT_TEMPLATE.version })),
        actor.displayName,
      );
      await repos.goalHistory.linkCarriedFrom(data.region.code, data.fiscalYear);
    }
    for (const t of [...data.goalTables, ...previousTables]) {
      created.push(
        auditEntry(actor, deps.clock, {
          action: "create",
          entity: "goal_table",
          entityId: `${t.subjectKind}:${t.subjectCode}`,
          after: { fiscalYear: t.fiscalYear, status: "approved", indicators: t.indicators.length },
          reason: "载入演示数据",
        }),
      );
    }
    await repos.audit.append(created);
    return actor;
  });
  onStep?.("指标库（由已批复的目标表汇集）");
  await rebuildIndicatorLibrary(deps, bureauActor);
  // The rolling on-site review of goal tables: two years of history, then the demo year's draw.
  for (const [year, count] of DEMO_REVIEW_DRAWS) {
    onStep?.(`${year}年度目标现场会审抽取 ${count} 个部门`);
    // The demo's draws use fixed seeds, recorded as such, so every demo district is the same.
    const fixed = { drawSeed: () => ({ seed: `城中区目标现场会审-${year}`, method: "demo-fixed" }) };
    await drawReview({ ...deps, entropy: fixed }, bureauActor, {
      year,
      count,
      lookbackYears: 3,
      forced: [],
      excluded: [],
    });
  }
  await recordDemoGuidance(deps, bureauActor, data.fiscalYear);
}

/**
 * The demo year's on-site reviews: what each picked department's tables showed (from the system's own
 * quality checks) and the guidance given for it.
 */
async function recordDemoGuidance(deps: Deps, actor: Actor, year: number) {
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
    await recordReviewVisit(deps, actor, visit.id, {
      version: visit.version,
      reviewedOn: `${year}-03-${String(11 + i).padStart(2, "0")}`,
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
