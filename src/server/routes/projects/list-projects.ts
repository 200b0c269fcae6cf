import { listProjects } from "../../../app/projects/list-projects";
import { listProjects as op } from "../../../contracts/projects";
import { type Api, actorOf, type ServerContext } from "../../context";
import { toProjectFilter } from "../query";

export default function listProjectsRoute(app: Api, ctx: ServerContext) {
  app.get("/api/v1/projects", { config: { access: op.access }, schema: op.schema }, async (req) => {
    const q = req.query;
    const result = await listProjects(ctx.deps, actorOf(req), toProjectFilter(q), {
      sort: q.sort,
      order: q.order,
      page: q.page,
      pageSize: q.pageSize,
    });
    return { ...result, page: q.page, pageSize: q.pageSize };
  });
}
