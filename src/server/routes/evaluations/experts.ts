import { createExpert, listExpertAccounts, listExperts, updateExpert } from "../../../app/evaluations/experts";
import { addTie, listTies, removeTie } from "../../../app/evaluations/ties";
import * as e from "../../../contracts/evaluations";
import { type Api, actorOf, type ServerContext } from "../../context";

/** The expert pool (专家库) and declared ties (回避). */
export default function expertRoutes(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/evaluations/experts",
    { config: { access: e.listExperts.access }, schema: e.listExperts.schema },
    async (req) => {
      const { active, ...q } = req.query;
      return listExperts(ctx.deps, actorOf(req), {
        ...q,
        active: active === undefined ? undefined : active === "true",
      });
    },
  );
  app.post(
    "/api/v1/evaluations/experts",
    { config: { access: e.createExpert.access }, schema: e.createExpert.schema },
    async (req, reply) => reply.status(201).send(await createExpert(ctx.deps, actorOf(req), req.body)),
  );
  app.put(
    "/api/v1/evaluations/experts/:id",
    { config: { access: e.updateExpert.access }, schema: e.updateExpert.schema },
    async (req) => updateExpert(ctx.deps, actorOf(req), req.params.id, req.body),
  );
  app.get(
    "/api/v1/evaluations/expert-accounts",
    { config: { access: e.listExpertAccounts.access }, schema: e.listExpertAccounts.schema },
    async (req) => listExpertAccounts(ctx.deps, actorOf(req), req.query.q),
  );
  app.get(
    "/api/v1/evaluations/ties",
    { config: { access: e.listTies.access }, schema: e.listTies.schema },
    async (req) => listTies(ctx.deps, actorOf(req), req.query),
  );
  app.post(
    "/api/v1/evaluations/ties",
    { config: { access: e.addTie.access }, schema: e.addTie.schema },
    async (req, reply) => reply.status(201).send(await addTie(ctx.deps, actorOf(req), req.body)),
  );
  app.delete(
    "/api/v1/evaluations/ties/:id",
    { config: { access: e.removeTie.access }, schema: e.removeTie.schema },
    async (req, reply) => {
      await removeTie(ctx.deps, actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  );
}
