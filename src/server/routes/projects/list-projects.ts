import { z } from "zod";
import { listProjects } from "../../../app/projects/list-projects";
import { type Api, actorOf, type ServerContext } from "../../context";
import { paging, projectFilterQuery, toProjectFilter } from "../query";

export default function listProjectsRoute(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/projects",
    {
      config: { access: "project.read" },
      schema: {
        operationId: "listProjects",
        tags: ["projects"],
        summary: "项目库：检索、筛选、排序、分页（金额单位：分）",
        querystring: projectFilterQuery.extend(z.object(paging).shape),
      },
    },
    async (req) => {
      const q = req.query;
      const result = await listProjects(ctx.deps, actorOf(req), toProjectFilter(q), {
        sort: q.sort,
        order: q.order,
        page: q.page,
        pageSize: q.pageSize,
      });
      return { ...result, page: q.page, pageSize: q.pageSize };
    },
  );
}
