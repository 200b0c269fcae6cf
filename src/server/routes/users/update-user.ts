import { publicUser } from "../../../app/users/create-user";
import { updateUser } from "../../../app/users/update-user";
import { updateUser as op } from "../../../contracts/users";
import { type Api, actorOf, type ServerContext } from "../../context";

export default function updateUserRoute(app: Api, ctx: ServerContext) {
  app.patch("/api/v1/users/:id", { config: { access: op.access }, schema: op.schema }, async (req) => ({
    user: publicUser(await updateUser(ctx.deps, actorOf(req), req.params.id, req.body)),
  }));
}
