import { exportProjects } from "../../../app/projects/list-projects";
import { exportProjects as op } from "../../../contracts/projects";
import { projectsWorkbook } from "../../../io/project-export";
import { type Api, actorOf, type ServerContext } from "../../context";
import { toProjectFilter } from "../query";

export default function exportProjectsRoute(app: Api, ctx: ServerContext) {
  app.get("/api/v1/projects/export.xlsx", { config: { access: op.access }, schema: op.schema }, async (req, reply) => {
    const q = req.query;
    const rows = await exportProjects(ctx.deps, actorOf(req), toProjectFilter(q), q.sort, q.order);
    const buffer = await projectsWorkbook(rows, q.year);
    const name = encodeURIComponent(`项目库_${q.year}.xlsx`);
    return reply
      .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
      .header("content-disposition", `attachment; filename="projects_${q.year}.xlsx"; filename*=UTF-8''${name}`)
      .send(buffer);
  });
}
