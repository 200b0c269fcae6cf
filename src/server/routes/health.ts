import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Api, ServerContext } from "../context";

export default function health(app: Api, ctx: ServerContext) {
  app.get(
    "/api/health",
    {
      config: { access: "public" },
      schema: {
        tags: ["system"],
        summary: "健康检查",
        response: { 200: z.object({ status: z.literal("ok"), database: z.enum(["pglite", "postgres"]) }) },
      },
    },
    async () => {
      await ctx.db.orm.execute(sql`select 1`);
      return { status: "ok" as const, database: ctx.db.kind };
    },
  );
}
