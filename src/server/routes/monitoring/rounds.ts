import { confirmMonitoringSelection } from "../../../app/monitoring/confirm-selection";
import {
  listMonitoringCandidates,
  listMonitoringRounds,
  listMonitoringSelections,
} from "../../../app/monitoring/list-selection";
import { openMonitoringRound } from "../../../app/monitoring/open-round";
import { pickKeyMonitoring } from "../../../app/monitoring/pick-key";
import { getMonitoringRound, monitoringYearSummary } from "../../../app/monitoring/round-summary";
import { selectMonitoringSubjects } from "../../../app/monitoring/select-subjects";
import * as m from "../../../contracts/monitoring";
import { type Api, actorOf, type ServerContext } from "../../context";

/** Monitoring rounds, the departments' choice of subjects and finance's key picks. */
export default function monitoringRoundRoutes(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/monitoring/rounds",
    { config: { access: m.listMonitoringRounds.access }, schema: m.listMonitoringRounds.schema },
    async (req) => listMonitoringRounds(ctx.deps, actorOf(req), req.query.year),
  );
  app.post(
    "/api/v1/monitoring/rounds",
    { config: { access: m.openMonitoringRound.access }, schema: m.openMonitoringRound.schema },
    async (req, reply) => reply.status(201).send(await openMonitoringRound(ctx.deps, actorOf(req), req.body)),
  );
  app.get(
    "/api/v1/monitoring/summary",
    { config: { access: m.getMonitoringSummary.access }, schema: m.getMonitoringSummary.schema },
    async (req) => monitoringYearSummary(ctx.deps, actorOf(req), req.query.year),
  );
  app.get(
    "/api/v1/monitoring/rounds/:id",
    { config: { access: m.getMonitoringRound.access }, schema: m.getMonitoringRound.schema },
    async (req) => getMonitoringRound(ctx.deps, actorOf(req), req.params.id),
  );
  app.get(
    "/api/v1/monitoring/rounds/:id/selections",
    { config: { access: m.listMonitoringSelections.access }, schema: m.listMonitoringSelections.schema },
    async (req) => listMonitoringSelections(ctx.deps, actorOf(req), req.params.id),
  );
  app.get(
    "/api/v1/monitoring/rounds/:id/candidates",
    { config: { access: m.listMonitoringCandidates.access }, schema: m.listMonitoringCandidates.schema },
    async (req) => {
      const { q, ...rest } = req.query;
      return listMonitoringCandidates(ctx.deps, actorOf(req), req.params.id, { ...rest, q: q || undefined });
    },
  );
  app.post(
    "/api/v1/monitoring/rounds/:id/selections/:departmentId/subjects",
    { config: { access: m.selectMonitoringSubjects.access }, schema: m.selectMonitoringSubjects.schema },
    async (req) =>
      selectMonitoringSubjects(ctx.deps, actorOf(req), req.params.id, req.params.departmentId, req.body.subjects),
  );
  app.post(
    "/api/v1/monitoring/rounds/:id/selections/:departmentId/confirm",
    { config: { access: m.confirmMonitoringSelection.access }, schema: m.confirmMonitoringSelection.schema },
    async (req) =>
      confirmMonitoringSelection(ctx.deps, actorOf(req), req.params.id, req.params.departmentId, req.body.confirmed),
  );
  app.post(
    "/api/v1/monitoring/rounds/:id/key-picks",
    { config: { access: m.pickKeyMonitoring.access }, schema: m.pickKeyMonitoring.schema },
    async (req) => pickKeyMonitoring(ctx.deps, actorOf(req), req.params.id, req.body.subjects),
  );
}
