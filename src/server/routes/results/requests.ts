import { deleteBudgetRequest } from "../../../app/results/delete-request";
import { exportBudgetRequests, listBudgetRequests } from "../../../app/results/list-requests";
import { createBudgetRequest, updateBudgetRequest } from "../../../app/results/save-request";
import * as r from "../../../contracts/results-requests";
import { budgetRequestsWorkbook } from "../../../io/budget-requests-export";
import { type Api, actorOf, type ServerContext } from "../../context";
import { sendXlsx } from "../../download";

/** 下年度预算申请: the list and its export, and finance's hand entries (the import is the imports route's). */
export default function budgetRequestRoutes(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/results/requests",
    { config: { access: r.listBudgetRequests.access }, schema: r.listBudgetRequests.schema },
    async (req) => {
      const { sort, order, page, pageSize, ...filter } = req.query;
      const found = await listBudgetRequests(ctx.deps, actorOf(req), filter, { sort, order, page, pageSize });
      return { ...found, page, pageSize };
    },
  );
  app.get(
    "/api/v1/results/requests/export.xlsx",
    { config: { access: r.exportBudgetRequests.access }, schema: r.exportBudgetRequests.schema },
    async (req, reply) => {
      const { sort, order, ...filter } = req.query;
      const found = await exportBudgetRequests(ctx.deps, actorOf(req), filter, { sort, order });
      const buffer = await budgetRequestsWorkbook(found, `${filter.budgetYear}年度预算申请`);
      return sendXlsx(
        reply,
        `budget-requests-${filter.budgetYear}.xlsx`,
        `${filter.budgetYear}年度预算申请.xlsx`,
        buffer,
      );
    },
  );
  app.post(
    "/api/v1/results/requests",
    { config: { access: r.createBudgetRequest.access }, schema: r.createBudgetRequest.schema },
    async (req, reply) => reply.status(201).send(await createBudgetRequest(ctx.deps, actorOf(req), req.body)),
  );
  app.put(
    "/api/v1/results/requests/:id",
    { config: { access: r.updateBudgetRequest.access }, schema: r.updateBudgetRequest.schema },
    async (req) => updateBudgetRequest(ctx.deps, actorOf(req), req.params.id, req.body),
  );
  app.delete(
    "/api/v1/results/requests/:id",
    { config: { access: r.deleteBudgetRequest.access }, schema: r.deleteBudgetRequest.schema },
    async (req, reply) => {
      await deleteBudgetRequest(ctx.deps, actorOf(req), req.params.id, req.query.version);
      return reply.status(204).send();
    },
  );
}
