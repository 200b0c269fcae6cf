import { createOrg } from "../../../app/org/create-org";
import { createOrg as op } from "../../../contracts/org";
import { type Api, actorOf, type ServerContext } from "../../context";

export default function createOrgRoute(app: Api, ctx: ServerContext) {
  app.post("/api/v1/org/orgs", { config: { access: op.access }, schema: op.schema }, async (req, reply) =>
    reply.status(201).send({ org: await createOrg(ctx.deps, actorOf(req), req.body) }),
  );
}
