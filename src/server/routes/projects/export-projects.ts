import { exportProjects } from "../../../app/projects/list-projects";
import { exportProjects as op } from "../../../contracts/projects";
import { projectsWorkbook } from "../../../io/project-export";
import { type Api, actorOf, type ServerContext } from "../../context";
import { sendXlsx } from "../../download";
import { toProjectFilter } from "../query";

export default function exportProjectsRoute(app: Api, ctx: ServerContext) {
  app.get("/api/v1/projects/export.xlsx", { config: { access: op.access }, schema: op.schema }, async (req, reply) => {
    const q = req.query;
    const rows = await exportProjects(ctx.deps, actorOf(req), toProjectFilter(q), q.sort, q.order);
    const buffer = await projectsWorkbook(rows, q.year);
    return sendXlsx(reply, `projects_${q.year}.xlsx`, `项目库_${q.year}.xlsx`, buffer);
  });
}
