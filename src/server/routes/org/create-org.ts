import { z } from "zod";
import { createOrg } from "../../../app/org/create-org";
import { type Api, actorOf, type ServerContext } from "../../context";

export default function createOrgRoute(app: Api, ctx: ServerContext) {
  app.post(
    "/api/v1/org/orgs",
    {
      config: { access: "org.write" },
      schema: {
        tags: ["org"],
        summary: "新增主管部门或预算单位",
        body: z.object({
          code: z.string().max(32),
          name: z.string().max(100),
          kind: z.enum(["department", "unit"]),
          parentId: z.number().int().positive().nullish(),
          sector: z.string().max(40).nullish(),
          contactName: z.string().max(40).nullish(),
          contactPhone: z.string().max(40).nullish(),
        }),
      },
    },
    async (req, reply) => reply.status(201).send({ org: await createOrg(ctx.deps, actorOf(req), req.body) }),
  );
}
