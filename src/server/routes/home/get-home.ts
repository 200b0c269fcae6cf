import { getHome } from "../../../app/home/get-home";
import { getHome as op } from "../../../contracts/projects";
import { type Api, actorOf, type ServerContext } from "../../context";

export default function getHomeRoute(app: Api, ctx: ServerContext) {
  app.get("/api/v1/home", { config: { access: op.access }, schema: op.schema }, async (req) =>
    getHome(ctx.deps, actorOf(req), req.query.year),
  );
}
