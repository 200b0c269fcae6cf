import { resetPassword } from "../../../app/users/update-user";
import { resetPassword as op } from "../../../contracts/users";
import { type Api, actorOf, type ServerContext } from "../../context";

export default function resetPasswordRoute(app: Api, ctx: ServerContext) {
  app.post("/api/v1/users/:id/password", { config: { access: op.access }, schema: op.schema }, async (req, reply) => {
    await resetPassword(ctx.deps, actorOf(req), req.params.id, req.body.password);
    return reply.status(204).send();
  });
}
