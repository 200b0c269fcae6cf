import { attachableRecord } from "../attachments/upload";
import type { Actor, Deps } from "../context";
import { presentFile } from "../rectification/get-item";
import { mayReadReport, seesAll, seesScores } from "./present";
import { readEvaluation } from "./read-evaluation";

/**
 * A department evaluation's evidence files (附件, entity `evaluation`), for whoever may read the evaluation,
 * and whether the actor may add or remove files now (the department, while the evaluation is in its hands).
 */
export async function evaluationFiles(deps: Deps, actor: Actor, id: number) {
  const repos = deps.uow.read;
  const record = await attachableRecord(repos, actor, "evaluation", id);
  const files = await repos.attachments.list(actor.regionCode, "evaluation", [id]);
  return { files: files.map(presentFile), canAttach: record.canAttach };
}

/**
 * The evaluation's change history, newest first, with the uploads of its report's versions for those who may
 * read the report. The before/after of an entry holds a member's points, so
 * only those who see every sheet (finance, the auditor) get them; the others see who did what and when, and
 * the reason of finance's override only once they may see the score (blind scoring).
 */
export async function evaluationHistory(deps: Deps, actor: Actor, id: number) {
  const repos = deps.uow.read;
  const e = await readEvaluation(repos, actor, id);
  const upTo = await repos.audit.lastId();
  const rows = await repos.audit.page(
    { regionCode: actor.regionCode, entities: ["evaluation", "evaluation_report"], entityId: String(id) },
    upTo,
    1,
    200,
  );
  const full = seesAll(actor);
  const scores = seesScores(actor, e);
  // The report's uploads only to those who may read the report (an expert before submitting may not).
  const shown = mayReadReport(actor, e) ? rows : rows.filter((r) => r.entity !== "evaluation_report");
  return {
    rows: full
      ? shown
      : shown.map((r) => ({
          ...r,
          before: null,
          after: null,
          reason: r.action === "override" && !scores ? null : r.reason,
        })),
  };
}
