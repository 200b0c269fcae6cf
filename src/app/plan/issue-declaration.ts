import type { Repos } from "../context";
import { goalRulesFor } from "../goals/goal-rules";
import type { DeclarationOpened } from "../tasks/ports";

/**
 * Creates what the goal declaration of a year still lacks (draft tables, tasks) in the caller's
 * transaction, and tells each organisation with new tables. Used when finance opens the declaration and
 * when an import brings projects into a year whose declaration is open.
 */
export async function issueGoalDeclaration(
  repos: Repos,
  regionCode: string,
  fiscalYear: number,
  dueOn: string,
): Promise<DeclarationOpened> {
  const rules = await goalRulesFor(repos, regionCode, fiscalYear);
  const result = await repos.tasks.openGoalDeclaration(regionCode, fiscalYear, dueOn, rules.template.version);
  await repos.outbox.add(
    regionCode,
    result.newTablesByOrg.map(({ orgId, count }) => ({
      kind: "assigned" as const,
      taskId: null,
      orgIds: [orgId],
      title: "新任务：绩效目标申报",
      body:
        count > 0
          ? `${fiscalYear}年度绩效目标申报：您有 ${count} 张新的目标表待填报，请于 ${dueOn} 前提交`
          : `${fiscalYear}年度绩效目标申报已下达：本单位已自行编制的目标表请于 ${dueOn} 前提交`,
      link: "/goal-tables",
    })),
  );
  return result;
}

/** After an import into `fiscalYear`: if its declaration is open, the new projects get their tables and tasks. */
export async function declareImported(repos: Repos, regionCode: string, fiscalYear: number) {
  const plan = await repos.plans.get(regionCode, fiscalYear);
  const phase = plan?.phases.find((p) => p.phase === "goal_declaration");
  if (!phase?.openedAt || !phase.dueOn) return null;
  return issueGoalDeclaration(repos, regionCode, fiscalYear, phase.dueOn);
}
