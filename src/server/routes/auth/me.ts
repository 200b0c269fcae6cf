import type { Api } from "../../context";
import { presentMe } from "../../presenters/me";

export default function meRoute(app: Api) {
  app.get(
    "/api/v1/auth/me",
    { config: { access: "signed-in" }, schema: { tags: ["auth"], summary: "当前用户" } },
    async (req) => ({ user: presentMe(req.user!) }),
  );
}
