import { AppError } from "../../core/errors";
import { nextRulesVersion, validateMonitoringRules } from "../../core/monitoring/rules";
import {
  DEFAULT_MONITORING_RULES,
  LIGHTS,
  type Light,
  MONITORING_RULES_MODULE,
  type MonitoringRules,
} from "../../core/monitoring/types";
import { reportLight } from "../../core/monitoring/warning";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import type { Repos } from "../ports";

/** The monitoring rules in effect for a region's year: the year's latest version, an earlier year's, or the defaults. */
export async function monitoringRulesFor(
  repos: Repos,
  regionCode: string,
  fiscalYear: number,
): Promise<MonitoringRules> {
  const stored = await repos.ruleSets.inEffect(regionCode, fiscalYear, MONITORING_RULES_MODULE);
  if (!stored) return DEFAULT_MONITORING_RULES;
  const body = stored.body as Omit<MonitoringRules, "version">;
  return {
    version: stored.version,
    redGapPoints: body.redGapPoints,
    possibleMakesYellow: body.possibleMakesYellow,
    causeCategories: body.causeCategories,
  };
}

/** The 修改说明 is kept in the version's body (rule_sets has no column for it), as for the goal rules. */
const noteOf = (body: unknown): string | null => {
  const note = (body as { note?: unknown } | null)?.note;
  return typeof note === "string" && note !== "" ? note : null;
};

/** A year's monitoring rules as the rules page shows them, with the year's versions. */
export async function getMonitoringRules(deps: Deps, actor: Actor, fiscalYear: number) {
  authorize(actor, "monitoring.read");
  const [stored, history] = await Promise.all([
    deps.uow.read.ruleSets.inEffect(actor.regionCode, fiscalYear, MONITORING_RULES_MODULE),
    deps.uow.read.ruleSets.history(actor.regionCode, fiscalYear, MONITORING_RULES_MODULE),
  ]);
  const rules = await monitoringRulesFor(deps.uow.read, actor.regionCode, fiscalYear);
  return {
    fiscalYear,
    ...rules,
    setForYear: stored?.fiscalYear ?? null,
    history: history.map(({ body, module: _m, ...h }) => ({ ...h, note: noteOf(body) })),
  };
}

function checked(version: string, input: Omit<MonitoringRules, "version">) {
  const result = validateMonitoringRules(version, input);
  if (!result.ok) {
    const first = result.issues[0]!;
    throw new AppError("validation", "MONITORING_RULES_INVALID", first.message, {
      field: first.field,
      issues: result.issues,
    });
  }
  return result.rules;
}

/** Finance saves a new version of the year's rules; lights follow from then on (they are never stored). */
export async function saveMonitoringRules(
  deps: Deps,
  actor: Actor,
  fiscalYear: number,
  input: Omit<MonitoringRules, "version"> & { reason: string },
) {
  authorize(actor, "monitoring.manage");
  const note = input.reason.trim();
  if (note === "") throw new AppError("validation", "MONITORING_RULES_INVALID", "请填写修改说明", { field: "reason" });
  await deps.uow.transaction(async (repos) => {
    const history = await repos.ruleSets.history(actor.regionCode, fiscalYear, MONITORING_RULES_MODULE);
    const version = nextRulesVersion(fiscalYear, history.length);
    const { version: _v, ...rules } = checked(version, input);
    const before = await monitoringRulesFor(repos, actor.regionCode, fiscalYear);
    const id = await repos.ruleSets.insert(
      actor.regionCode,
      fiscalYear,
      MONITORING_RULES_MODULE,
      version,
      { ...rules, note },
      actor.userId,
    );
    if (id === null) throw new AppError("conflict", "STALE_VERSION", "预警规则刚被他人修改，请刷新后再试");
    await repos.audit.append([
      auditEntry(actor, deps.clock, {
        action: "update",
        entity: "monitoring_rules",
        entityId: `${fiscalYear}:${version}`,
        before,
        after: { version, ...rules },
        reason: note,
      }),
    ]);
  });
  return getMonitoringRules(deps, actor, fiscalYear);
}

/** 试算: the lights of the year's reports under the rules in effect and under the proposed ones; writes nothing. */
export async function previewMonitoringRules(
  deps: Deps,
  actor: Actor,
  fiscalYear: number,
  input: Omit<MonitoringRules, "version">,
) {
  const scope = authorize(actor, "monitoring.manage");
  const proposed = checked("试算", input);
  const current = await monitoringRulesFor(deps.uow.read, actor.regionCode, fiscalYear);
  const rounds = await deps.uow.read.monitoring.rounds(actor.regionCode, fiscalYear);
  const zero = () => Object.fromEntries(LIGHTS.map((l) => [l, 0])) as Record<Light, number>;
  const before = zero();
  const after = zero();
  const changed: { id: number; code: string; name: string; before: Light; after: Light }[] = [];
  for (const round of rounds) {
    const figures = await deps.uow.read.monitoring.figures(scope, { roundId: round.id });
    for (const f of figures) {
      const input = { budget: f.budget, executed: f.executed, cutoffMonth: round.cutoffMonth, items: f.items };
      const was = reportLight(input, current).light;
      const will = reportLight(input, proposed).light;
      before[was] += 1;
      after[will] += 1;
      if (was !== will && changed.length < 200)
        changed.push({ id: f.id, code: f.code, name: f.name, before: was, after: will });
    }
  }
  return {
    fiscalYear,
    rulesVersion: current.version,
    reports: before.red + before.yellow + before.green + before.none,
    before,
    after,
    changed,
  };
}
