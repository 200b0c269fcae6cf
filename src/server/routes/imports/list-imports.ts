import { listImports } from "../../../app/imports/list-imports";
import { listImports as op } from "../../../contracts/imports";
import { type Api, actorOf, type ServerContext } from "../../context";

export default function listImportsRoute(app: Api, ctx: ServerContext) {
  app.get("/api/v1/imports", { config: { access: op.access }, schema: op.schema }, async (req) => {
    const { page, pageSize, kind, order } = req.query;
    return { ...(await listImports(ctx.deps, actorOf(req), { kind, order, page, pageSize })), page, pageSize };
  });
}
