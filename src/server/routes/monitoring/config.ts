import { drawKeyMonitoring, getKeyDraw, listKeyCandidates } from "../../../app/monitoring/key-monitoring";
import {
  getMonitoringRules,
  previewMonitoringRules,
  saveMonitoringRules,
} from "../../../app/monitoring/monitoring-rules";
import * as m from "../../../contracts/monitoring-config";
import { type Api, actorOf, type ServerContext } from "../../context";

/** Key-monitoring candidates and the draw; the year's warning rules. */
export default function monitoringConfigRoutes(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/monitoring/rounds/:id/key-candidates",
    { config: { access: m.listKeyCandidates.access }, schema: m.listKeyCandidates.schema },
    async (req) => listKeyCandidates(ctx.deps, actorOf(req), req.params.id, req.query),
  );
  app.post(
    "/api/v1/monitoring/rounds/:id/key-draw",
    { config: { access: m.drawKeyMonitoring.access }, schema: m.drawKeyMonitoring.schema },
    async (req, reply) =>
      reply.status(201).send(await drawKeyMonitoring(ctx.deps, actorOf(req), req.params.id, req.body)),
  );
  app.get(
    "/api/v1/monitoring/rounds/:id/key-draw",
    { config: { access: m.getKeyDraw.access }, schema: m.getKeyDraw.schema },
    async (req) => getKeyDraw(ctx.deps, actorOf(req), req.params.id),
  );
  app.get(
    "/api/v1/monitoring/rules",
    { config: { access: m.getMonitoringRules.access }, schema: m.getMonitoringRules.schema },
    async (req) => getMonitoringRules(ctx.deps, actorOf(req), req.query.year),
  );
  app.put(
    "/api/v1/monitoring/rules",
    { config: { access: m.saveMonitoringRules.access }, schema: m.saveMonitoringRules.schema },
    async (req) => saveMonitoringRules(ctx.deps, actorOf(req), req.query.year, req.body),
  );
  app.post(
    "/api/v1/monitoring/rules/preview",
    { config: { access: m.previewMonitoringRules.access }, schema: m.previewMonitoringRules.schema },
    async (req) => previewMonitoringRules(ctx.deps, actorOf(req), req.query.year, req.body),
  );
}
