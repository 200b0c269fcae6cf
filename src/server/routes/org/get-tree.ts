import { getOrgTree } from "../../../app/org/get-org-tree";
import { type Api, actorOf, type ServerContext } from "../../context";

export default function getTreeRoute(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/org/tree",
    { config: { access: "org.read" }, schema: { tags: ["org"], summary: "单位树（仅本人可见范围）" } },
    async (req) => ({ nodes: await getOrgTree(ctx.deps, actorOf(req)) }),
  );
}
