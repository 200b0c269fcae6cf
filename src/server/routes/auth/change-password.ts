import { changePassword } from "../../../app/auth/change-password";
import { changePassword as op } from "../../../contracts/auth";
import { type Api, actorOf, type ServerContext } from "../../context";

export default function changePasswordRoute(app: Api, ctx: ServerContext) {
  app.post("/api/v1/auth/password", { config: { access: op.access }, schema: op.schema }, async (req, reply) => {
    await changePassword(ctx.deps, actorOf(req), { ...req.body, sessionToken: req.sessionToken });
    return reply.status(204).send();
  });
}
