import { z } from "zod";
import { getHome } from "../../../app/home/get-home";
import { type Api, actorOf, type ServerContext } from "../../context";
import { yearQuery } from "../query";

export default function getHomeRoute(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/home",
    {
      config: { access: "home.read" },
      schema: {
        operationId: "getHome",
        tags: ["home"],
        summary: "首页数据（按角色与数据范围）",
        querystring: z.object({ year: yearQuery }),
      },
    },
    async (req) => getHome(ctx.deps, actorOf(req), req.query.year),
  );
}
