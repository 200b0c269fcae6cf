import { notFound } from "../../core/errors";
import type { EvaluationSort } from "../../core/evaluations/list";
import type { EvaluationKind, EvaluationStatus } from "../../core/evaluations/workflow";
import { authorize } from "../authorize";
import type { Actor, Deps, Repos } from "../context";
import type { EvaluationRecord } from "./ports";
import { mayReadReport, presentEvaluation, presentRow, viewerOf } from "./present";

/** The evaluation in the actor's view, or 404 as if it did not exist (an expert off the team, another department). */
export async function readEvaluation(repos: Repos, actor: Actor, id: number): Promise<EvaluationRecord> {
  const scope = authorize(actor, "evaluation.read");
  const e = await repos.evaluations.get(viewerOf(actor, scope), id);
  if (!e) throw notFound("评价", id);
  return e;
}

/** The evaluation as the actor sees it, with the report's final versions (newest first) if they may read it. */
export async function getEvaluation(deps: Deps, actor: Actor, id: number) {
  const e = await readEvaluation(deps.uow.read, actor, id);
  const files = mayReadReport(actor, e)
    ? await deps.uow.read.attachments.list(actor.regionCode, "evaluation_report", [id])
    : [];
  return {
    ...presentEvaluation(actor, e),
    reportVersions: files
      .map((f) => ({ id: f.id, name: f.name, size: f.size, uploaderName: f.uploaderName, createdAt: f.createdAt }))
      .reverse(),
  };
}

export async function listEvaluations(
  deps: Deps,
  actor: Actor,
  q: {
    year: number;
    kind?: EvaluationKind | undefined;
    status?: EvaluationStatus | undefined;
    departmentId?: number | undefined;
    q?: string | undefined;
    sort: EvaluationSort;
    order: "asc" | "desc";
    page: number;
    pageSize: number;
  },
) {
  const scope = authorize(actor, "evaluation.read");
  const result = await deps.uow.read.evaluations.list(
    viewerOf(actor, scope),
    { fiscalYear: q.year, kind: q.kind, status: q.status, departmentId: q.departmentId, q: q.q?.trim() || undefined },
    { sort: q.sort, order: q.order, page: q.page, pageSize: q.pageSize },
  );
  return {
    rows: result.rows.map((r) => presentRow(actor, r)),
    total: result.total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
