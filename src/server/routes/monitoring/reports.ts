import { actOnMonitoringReport } from "../../../app/monitoring/act-on-report";
import { getMonitoringReport } from "../../../app/monitoring/get-report";
import { listMonitoringReports } from "../../../app/monitoring/list-reports";
import { removeMonitoringReport } from "../../../app/monitoring/remove-report";
import { saveMonitoringReport } from "../../../app/monitoring/save-report";
import * as m from "../../../contracts/monitoring";
import { type Api, actorOf, type ServerContext } from "../../context";

/** Monitoring reports: the list with lights, one report, saving, the workflow and taking a choice back. */
export default function monitoringReportRoutes(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/monitoring/reports",
    { config: { access: m.listMonitoringReports.access }, schema: m.listMonitoringReports.schema },
    async (req) => {
      const { q, ...rest } = req.query;
      const found = await listMonitoringReports(ctx.deps, actorOf(req), { ...rest, q: q || undefined });
      return { ...found, page: rest.page, pageSize: rest.pageSize };
    },
  );
  app.get(
    "/api/v1/monitoring/reports/:id",
    { config: { access: m.getMonitoringReport.access }, schema: m.getMonitoringReport.schema },
    async (req) => getMonitoringReport(ctx.deps, actorOf(req), req.params.id),
  );
  app.put(
    "/api/v1/monitoring/reports/:id",
    { config: { access: m.saveMonitoringReport.access }, schema: m.saveMonitoringReport.schema },
    async (req) => saveMonitoringReport(ctx.deps, actorOf(req), req.params.id, req.body),
  );
  app.post(
    "/api/v1/monitoring/reports/:id/actions",
    { config: { access: m.actOnMonitoringReport.access }, schema: m.actOnMonitoringReport.schema },
    async (req) => actOnMonitoringReport(ctx.deps, actorOf(req), req.params.id, req.body),
  );
  app.delete(
    "/api/v1/monitoring/reports/:id",
    { config: { access: m.removeMonitoringReport.access }, schema: m.removeMonitoringReport.schema },
    async (req, reply) => {
      await removeMonitoringReport(ctx.deps, actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  );
}
