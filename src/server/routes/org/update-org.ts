import { updateOrg } from "../../../app/org/update-org";
import { updateOrg as op } from "../../../contracts/org";
import { type Api, actorOf, type ServerContext } from "../../context";

export default function updateOrgRoute(app: Api, ctx: ServerContext) {
  app.patch("/api/v1/org/orgs/:id", { config: { access: op.access }, schema: op.schema }, async (req) => ({
    org: await updateOrg(ctx.deps, actorOf(req), req.params.id, req.body),
  }));
}
