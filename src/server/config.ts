/** Configuration by environment (design §4): DATABASE_URL or JIXIAO_DATA_DIR, PORT, HOST. */
export interface Config {
  databaseUrl: string | undefined;
  dataDir: string;
  port: number;
  host: string;
  demo: boolean;
  logLevel: string;
  /**
   * Behind a reverse proxy: which hops may speak for the client in X-Forwarded-For/-Proto (the client
   * address counts login attempts; the protocol makes cookies Secure). A hop count (the proxies in front,
   * usually 1) or the proxies' addresses/CIDRs; false trusts nobody. Never "everything": then any client
   * could name its own address.
   */
  trustProxy: TrustProxy;
}

export type TrustProxy = false | number | string[];

/** JIXIAO_TRUST_PROXY: empty/0 → false; "1", "2" → hops; "10.0.0.1,10.1.0.0/16" → those proxies. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = (value ?? "").trim();
  if (v === "" || v === "0") return false;
  if (/^\d+$/.test(v)) return Number(v);
  const list = v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const address = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f:]+)(\/\d{1,3})?$/i;
  const bad = list.find((s) => !address.test(s));
  if (bad !== undefined || list.length === 0)
    throw new Error(
      `JIXIAO_TRUST_PROXY 无效：${value}。请填写反向代理的层数（如 1），或代理服务器的地址/网段（如 10.0.0.5,10.1.0.0/16）`,
    );
  return list;
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
    trustProxy: parseTrustProxy(env.JIXIAO_TRUST_PROXY),
  };
}
