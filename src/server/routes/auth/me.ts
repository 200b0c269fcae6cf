import { me as op } from "../../../contracts/auth";
import type { Api } from "../../context";
import { presentMe } from "../../presenters/me";

export default function meRoute(app: Api) {
  app.get("/api/v1/auth/me", { config: { access: op.access }, schema: op.schema }, async (req) => ({
    user: presentMe(req.user!),
  }));
}
