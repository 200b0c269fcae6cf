import { getProject } from "../../../app/projects/get-project";
import { type Api, actorOf, type ServerContext } from "../../context";
import { idParam } from "../query";

export default function getProjectRoute(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/projects/:id",
    {
      config: { access: "project.read" },
      schema: {
        operationId: "getProject",
        tags: ["projects"],
        summary: "项目详情、月度执行与变更记录",
        params: idParam,
      },
    },
    async (req) => getProject(ctx.deps, actorOf(req), req.params.id),
  );
}
