import { openRuntime } from "../runtime";

export async function migrate() {
  const rt = await openRuntime();
  await rt.close();
  console.log(`数据库已是最新结构（${rt.db.kind === "postgres" ? "PostgreSQL" : "内嵌数据库"}）。`);
}
