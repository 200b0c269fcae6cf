import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { buildServer } from "../../server/app";
import { openRuntime } from "../runtime";
import { loadDemoIfEmpty } from "./demo";

const ROOT = resolve(import.meta.dirname, "../../..");
const WEB_DIST = join(ROOT, "dist/web");

/** Builds the web app when its bundle is missing or older than its sources (first `npm start`). */
export function ensureWebBuilt(): void {
  const index = join(WEB_DIST, "index.html");
  const newest = (dir: string): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((m, e) => {
      const p = join(dir, e.name);
      return Math.max(m, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
    }, 0);
  const srcTime = Math.max(newest(join(ROOT, "web")), newest(join(ROOT, "src/core")));
  if (existsSync(index) && statSync(index).mtimeMs >= srcTime) return;
  console.log("正在构建网页前端（首次启动约需半分钟）…");
  execFileSync(join(ROOT, "node_modules/.bin/vite"), ["build", "--logLevel", "warn"], { cwd: ROOT, stdio: "inherit" });
}

export async function serve(options: { buildWeb?: boolean }) {
  if (options.buildWeb) ensureWebBuilt();
  const rt = await openRuntime();
  const where = rt.config.databaseUrl ? "PostgreSQL" : `内嵌数据库 ${resolve(rt.config.dataDir)}`;
  if (rt.db.kind === "pglite" && rt.config.demo) await loadDemoIfEmpty(rt);
  const { app } = await buildServer({
    db: rt.db,
    logLevel: rt.config.logLevel === "info" ? "warn" : rt.config.logLevel,
    webDir: existsSync(WEB_DIST) ? WEB_DIST : undefined,
    trustProxy: rt.config.trustProxy,
  });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`收到 ${signal}，正在停止…`);
    await app.close();
    await rt.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  const address = await app.listen({ port: rt.config.port, host: rt.config.host });
  console.log(`jixiao 已启动：${address.replace("127.0.0.1", "localhost")}（${where}）`);
  console.log(`API 文档：${address}/api/docs`);
}
