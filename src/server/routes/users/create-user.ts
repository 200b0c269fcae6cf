import { createUser, publicUser } from "../../../app/users/create-user";
import { createUser as op } from "../../../contracts/users";
import { type Api, actorOf, type ServerContext } from "../../context";

export default function createUserRoute(app: Api, ctx: ServerContext) {
  app.post("/api/v1/users", { config: { access: op.access }, schema: op.schema }, async (req, reply) =>
    reply.status(201).send({ user: publicUser(await createUser(ctx.deps, actorOf(req), req.body)) }),
  );
}
