import { getOrgTree } from "../../../app/org/get-org-tree";
import { getOrgTree as op } from "../../../contracts/org";
import { type Api, actorOf, type ServerContext } from "../../context";

export default function getTreeRoute(app: Api, ctx: ServerContext) {
  app.get("/api/v1/org/tree", { config: { access: op.access }, schema: op.schema }, async (req) => ({
    nodes: await getOrgTree(ctx.deps, actorOf(req)),
  }));
}
