import type { SubmittedSheet } from "../../../../src/core/evaluations/report-figures";
import { canSeeOthersScores } from "../../../../src/core/evaluations/workflow";
import type { Role } from "../../../../src/core/roles";
import type { EvaluationDetail } from "../../api/evaluations/evaluations";

type Evaluation = Pick<EvaluationDetail, "kind" | "status" | "members" | "myMemberId">;

const isFinance = (role: Role) => role === "finance_admin" || role === "finance_staff";

/**
 * Who may read the report and upload its final version, as the server decides (app/evaluations/present.ts
 * `mayReadReport`, app/attachments/upload.ts): the page only hides what the server would refuse. Reading
 * follows blind scoring: finance and the auditor always, the department on its own evaluation, an expert of the
 * team once their sheet is in, everyone else once final. Uploading: finance any time; the lead expert of a key
 * evaluation or the department of its own until final.
 */
export function reportAccess(d: Evaluation, role: Role): { read: boolean; upload: boolean } {
  const own = d.members.find((m) => m.id === d.myMemberId) ?? null;
  const read =
    isFinance(role) ||
    role === "auditor" ||
    (d.kind === "department" && own !== null) ||
    (role === "expert"
      ? own !== null && canSeeOthersScores({ isFinance: false, ownSubmitted: own.submitted }, d.status)
      : d.status === "final");
  const team = d.kind === "key" ? own?.isLead === true : own !== null;
  return { read, upload: isFinance(role) || (team && d.status !== "final") };
}

/** The submitted sheets the viewer sees, as the report's figures take them. */
export const submittedSheets = (d: Pick<EvaluationDetail, "members">): SubmittedSheet[] =>
  d.members
    .filter((m) => m.submitted && m.visible)
    .map((m) => ({
      member: m.expert?.name ?? "部门",
      points: Object.fromEntries(m.scores.map((s) => [s.uid, s.points])),
      comments: Object.fromEntries(m.scores.map((s) => [s.uid, s.comment])),
    }));
