import { actOnMonitoringAction } from "../../../app/monitoring/act-on-action";
import { assignMonitoringAction } from "../../../app/monitoring/assign-action";
import { getMonitoringAction } from "../../../app/monitoring/get-action";
import { listMonitoringActions } from "../../../app/monitoring/list-actions";
import * as m from "../../../contracts/monitoring-actions";
import { monitoringActionsWorkbook } from "../../../io/monitoring-actions-export";
import { type Api, actorOf, type ServerContext } from "../../context";
import { sendXlsx } from "../../download";

/** 跟进措施: finance assigns them to a report, the owner answers with evidence, finance closes or returns. */
export default function monitoringActionRoutes(app: Api, ctx: ServerContext) {
  app.post(
    "/api/v1/monitoring/reports/:id/follow-ups",
    { config: { access: m.assignMonitoringAction.access }, schema: m.assignMonitoringAction.schema },
    async (req, reply) =>
      reply.status(201).send(await assignMonitoringAction(ctx.deps, actorOf(req), req.params.id, req.body)),
  );
  app.get(
    "/api/v1/monitoring/follow-ups",
    { config: { access: m.listMonitoringActions.access }, schema: m.listMonitoringActions.schema },
    async (req) => {
      const { sort, order, page, pageSize, year, q, ...filter } = req.query;
      const found = await listMonitoringActions(
        ctx.deps,
        actorOf(req),
        { ...filter, fiscalYear: year, q: q || undefined },
        { sort, order, page, pageSize },
      );
      return { ...found, page, pageSize };
    },
  );
  app.get(
    "/api/v1/monitoring/follow-ups/export.xlsx",
    { config: { access: m.exportMonitoringActions.access }, schema: m.exportMonitoringActions.schema },
    async (req, reply) => {
      const { sort, order, year, q, ...filter } = req.query;
      const found = await listMonitoringActions(
        ctx.deps,
        actorOf(req),
        { ...filter, fiscalYear: year, q: q || undefined },
        { sort, order, page: 1, pageSize: 5000 },
      );
      const buffer = await monitoringActionsWorkbook(found.rows, "绩效运行监控跟进措施");
      return sendXlsx(reply, "follow-ups.xlsx", "跟进措施.xlsx", buffer);
    },
  );
  app.get(
    "/api/v1/monitoring/follow-ups/:id",
    { config: { access: m.getMonitoringAction.access }, schema: m.getMonitoringAction.schema },
    async (req) => getMonitoringAction(ctx.deps, actorOf(req), req.params.id),
  );
  app.post(
    "/api/v1/monitoring/follow-ups/:id/actions",
    { config: { access: m.actOnMonitoringAction.access }, schema: m.actOnMonitoringAction.schema },
    async (req) => actOnMonitoringAction(ctx.deps, actorOf(req), req.params.id, req.body),
  );
}
