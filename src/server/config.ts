/** Configuration by environment (design §4): DATABASE_URL or JIXIAO_DATA_DIR, PORT, HOST. */
export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  demo: boolean;
  logLevel: string;
  /** Behind a reverse proxy: trust X-Forwarded-For/-Proto (client address for login throttling, https). */
  trustProxy: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT 无效：${env.PORT}`);
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.JIXIAO_DATA_DIR || "./data",
    port,
    host: env.HOST || "127.0.0.1",
    demo: env.JIXIAO_DEMO !== "0",
    logLevel: env.LOG_LEVEL || (env.NODE_ENV === "test" ? "silent" : "info"),
    trustProxy: env.JIXIAO_TRUST_PROXY === "1",
  };
}
