import { actOnEvaluation } from "../../../app/evaluations/act-on-evaluation";
import { createKeyEvaluation } from "../../../app/evaluations/create-key-evaluation";
import { evaluationFiles, evaluationHistory } from "../../../app/evaluations/evaluation-trail";
import { openScoring } from "../../../app/evaluations/open-scoring";
import { overrideScore } from "../../../app/evaluations/override-score";
import { getEvaluation, listEvaluations } from "../../../app/evaluations/read-evaluation";
import { evaluationReport } from "../../../app/evaluations/report-data";
import { saveSheet, submitSheet } from "../../../app/evaluations/score-sheet";
import { setEvaluationTeam } from "../../../app/evaluations/set-team";
import { DOCX } from "../../../contracts/common";
import * as e from "../../../contracts/evaluations";
import { evaluationReportDocx } from "../../../io/evaluation-report-docx";
import { type Api, actorOf, type ServerContext } from "../../context";
import { sendDownload } from "../../download";

/** Evaluations: the list and a record, key evaluations with their teams, scoring, override and finance's review. */
export default function evaluationRoutes(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/evaluations",
    { config: { access: e.listEvaluations.access }, schema: e.listEvaluations.schema },
    async (req) => listEvaluations(ctx.deps, actorOf(req), req.query),
  );
  app.get(
    "/api/v1/evaluations/:id",
    { config: { access: e.getEvaluation.access }, schema: e.getEvaluation.schema },
    async (req) => getEvaluation(ctx.deps, actorOf(req), req.params.id),
  );
  app.get(
    "/api/v1/evaluations/:id/report.docx",
    { config: { access: e.getEvaluationReport.access }, schema: e.getEvaluationReport.schema },
    async (req, reply) => {
      const found = await evaluationReport(ctx.deps, actorOf(req), req.params.id);
      const body = await evaluationReportDocx(found.report);
      return sendDownload(reply, { mediaType: DOCX, asciiName: found.asciiName, name: found.fileName, body });
    },
  );
  app.post(
    "/api/v1/evaluations/key",
    { config: { access: e.createKeyEvaluation.access }, schema: e.createKeyEvaluation.schema },
    async (req, reply) => reply.status(201).send(await createKeyEvaluation(ctx.deps, actorOf(req), req.body)),
  );
  app.put(
    "/api/v1/evaluations/:id/team",
    { config: { access: e.setEvaluationTeam.access }, schema: e.setEvaluationTeam.schema },
    async (req) => setEvaluationTeam(ctx.deps, actorOf(req), req.params.id, req.body),
  );
  app.post(
    "/api/v1/evaluations/:id/scoring",
    { config: { access: e.openScoring.access }, schema: e.openScoring.schema },
    async (req) => openScoring(ctx.deps, actorOf(req), req.params.id, req.body),
  );
  app.put(
    "/api/v1/evaluations/:id/sheet",
    { config: { access: e.saveSheet.access }, schema: e.saveSheet.schema },
    async (req) => saveSheet(ctx.deps, actorOf(req), req.params.id, req.body),
  );
  app.post(
    "/api/v1/evaluations/:id/sheet/submit",
    { config: { access: e.submitSheet.access }, schema: e.submitSheet.schema },
    async (req) => submitSheet(ctx.deps, actorOf(req), req.params.id, req.body),
  );
  app.put(
    "/api/v1/evaluations/:id/override",
    { config: { access: e.overrideScore.access }, schema: e.overrideScore.schema },
    async (req) => overrideScore(ctx.deps, actorOf(req), req.params.id, req.body),
  );
  app.post(
    "/api/v1/evaluations/:id/actions",
    { config: { access: e.reviewEvaluation.access }, schema: e.reviewEvaluation.schema },
    async (req) => actOnEvaluation(ctx.deps, actorOf(req), req.params.id, req.body),
  );
  app.get(
    "/api/v1/evaluations/:id/files",
    { config: { access: e.getEvaluationFiles.access }, schema: e.getEvaluationFiles.schema },
    async (req) => evaluationFiles(ctx.deps, actorOf(req), req.params.id),
  );
  app.get(
    "/api/v1/evaluations/:id/history",
    { config: { access: e.getEvaluationHistory.access }, schema: e.getEvaluationHistory.schema },
    async (req) => evaluationHistory(ctx.deps, actorOf(req), req.params.id),
  );
}
