import { z } from "zod";
import { updateOrg } from "../../../app/org/update-org";
import { type Api, actorOf, type ServerContext } from "../../context";
import { idParam } from "../query";

export default function updateOrgRoute(app: Api, ctx: ServerContext) {
  app.patch(
    "/api/v1/org/orgs/:id",
    {
      config: { access: "org.write" },
      schema: {
        tags: ["org"],
        summary: "修改单位名称、行业、联系人（乐观锁：须带 version）",
        params: idParam,
        body: z.object({
          version: z.number().int().positive(),
          name: z.string().max(100).optional(),
          sector: z.string().max(40).nullish(),
          contactName: z.string().max(40).nullish(),
          contactPhone: z.string().max(40).nullish(),
        }),
      },
    },
    async (req) => ({ org: await updateOrg(ctx.deps, actorOf(req), req.params.id, req.body) }),
  );
}
