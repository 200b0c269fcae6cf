import { actOnEvaluation } from "../../../app/evaluations/act-on-evaluation";
import { evaluationCoverage } from "../../../app/evaluations/coverage";
import {
  createDepartmentEvaluation,
  openDepartmentEvaluation,
  saveEvaluationReport,
} from "../../../app/evaluations/department-evaluations";
import { firmLedger, recordFirmWork } from "../../../app/evaluations/firm-ledger";
import * as e from "../../../contracts/evaluations";
import { type Api, actorOf, type ServerContext } from "../../context";

/** Department evaluations (opening the year, creating, the report, submitting), coverage and the firm's ledger. */
export default function departmentEvaluationRoutes(app: Api, ctx: ServerContext) {
  app.post(
    "/api/v1/evaluations/department/rounds",
    { config: { access: e.openDepartmentEvaluation.access }, schema: e.openDepartmentEvaluation.schema },
    async (req) => openDepartmentEvaluation(ctx.deps, actorOf(req), req.body),
  );
  app.post(
    "/api/v1/evaluations/department",
    { config: { access: e.createDepartmentEvaluation.access }, schema: e.createDepartmentEvaluation.schema },
    async (req, reply) => reply.status(201).send(await createDepartmentEvaluation(ctx.deps, actorOf(req), req.body)),
  );
  app.put(
    "/api/v1/evaluations/:id/report",
    { config: { access: e.saveEvaluationReport.access }, schema: e.saveEvaluationReport.schema },
    async (req) => saveEvaluationReport(ctx.deps, actorOf(req), req.params.id, req.body),
  );
  app.post(
    "/api/v1/evaluations/:id/submit",
    { config: { access: e.submitEvaluation.access }, schema: e.submitEvaluation.schema },
    async (req) => actOnEvaluation(ctx.deps, actorOf(req), req.params.id, { ...req.body, action: "submit" }),
  );
  app.get(
    "/api/v1/evaluations/coverage",
    { config: { access: e.getEvaluationCoverage.access }, schema: e.getEvaluationCoverage.schema },
    async (req) => evaluationCoverage(ctx.deps, actorOf(req), req.query.year),
  );
  app.put(
    "/api/v1/evaluations/:id/ledger",
    { config: { access: e.recordFirmWork.access }, schema: e.recordFirmWork.schema },
    async (req) => recordFirmWork(ctx.deps, actorOf(req), req.params.id, req.body),
  );
  app.get(
    "/api/v1/evaluations/ledger",
    { config: { access: e.getFirmLedger.access }, schema: e.getFirmLedger.schema },
    async (req) => firmLedger(ctx.deps, actorOf(req), { fiscalYear: req.query.year, firmId: req.query.firmId }),
  );
}
