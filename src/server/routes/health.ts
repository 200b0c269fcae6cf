import { sql } from "drizzle-orm";
import { health as op } from "../../contracts/system";
import type { Api, ServerContext } from "../context";

export default function health(app: Api, ctx: ServerContext) {
  app.get("/api/health", { config: { access: op.access }, schema: op.schema }, async () => {
    await ctx.db.orm.execute(sql`select 1`);
    return { status: "ok" as const, database: ctx.db.kind };
  });
}
