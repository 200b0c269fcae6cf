import { getProject } from "../../../app/projects/get-project";
import { getProject as op } from "../../../contracts/projects";
import { type Api, actorOf, type ServerContext } from "../../context";

export default function getProjectRoute(app: Api, ctx: ServerContext) {
  app.get("/api/v1/projects/:id", { config: { access: op.access }, schema: op.schema }, async (req) =>
    getProject(ctx.deps, actorOf(req), req.params.id),
  );
}
