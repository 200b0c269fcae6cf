import { AppError } from "../../core/errors";
import { conflictMessage, conflictsFor } from "../../core/evaluations/conflicts";
import type { Repos } from "../context";
import type { EvaluationRecord } from "./ports";

export interface TeamCandidate {
  firm: { id: number; name: string } | null;
  experts: { id: number; name: string }[];
}

/**
 * 回避: refuses a team where an expert or the firm is tied to the project's unit (own employer organisation,
 * a declared tie, a past evaluation within the framework's years), naming each member and tie.
 */
export async function checkTeamConflicts(
  repos: Repos,
  regionCode: string,
  e: Pick<EvaluationRecord, "fiscalYear" | "unitPath" | "framework" | "project">,
  team: TeamCandidate,
): Promise<void> {
  const ties = await repos.evaluations.candidateTies(
    regionCode,
    e.fiscalYear,
    team.experts.map((x) => x.id),
    team.firm?.id ?? null,
  );
  const years = e.framework.conflictYears;
  const conflicts: { member: string; expertId: number | null; message: string }[] = [];
  for (const x of team.experts) {
    const mine = ties.filter((t) => t.expertId === x.id);
    for (const t of conflictsFor(mine, e.unitPath, e.fiscalYear, years))
      conflicts.push({ member: x.name, expertId: x.id, message: conflictMessage(`专家${x.name}`, t) });
  }
  if (team.firm) {
    const firmTies = ties.filter((t) => t.expertId === null);
    for (const t of conflictsFor(firmTies, e.unitPath, e.fiscalYear, years))
      conflicts.push({ member: team.firm.name, expertId: null, message: conflictMessage(team.firm.name, t) });
  }
  if (conflicts.length > 0)
    throw new AppError(
      "conflict",
      "EVALUATION_CONFLICT",
      `${conflicts.map((c) => c.message).join("；")}：不能参加“${e.project.name}”的评价`,
      { conflicts },
    );
}
