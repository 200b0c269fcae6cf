import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyCookie from "@fastify/cookie";
import fastifyMultipart from "@fastify/multipart";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyReply, type RouteOptions } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { purgeExpired } from "../app/auth/purge-expired";
import { type Deps, systemClock } from "../app/context";
import { dispatchOutbox } from "../app/tasks/dispatch";
import { noticeDueSoon } from "../app/tasks/due-soon";
import { MAX_UPLOAD_BYTES } from "../core/imports/spec";
import type { Database } from "../db/client";
import { createUnitOfWork } from "../db/repos";
import { registerAuthHook, SESSION_COOKIE } from "./auth/hook";
import { argon2Hasher } from "./auth/password";
import type { TrustProxy } from "./config";
import type { Api, ServerContext } from "./context";
import { registerErrorHandling } from "./errors";
import { documentTransform, operationTransform } from "./openapi";
import { NOT_FOUND_PAGE } from "./public/pages";
import { registerNulRefusal } from "./refuse-nul";
import { ROUTES } from "./routes";
import { registerSecurityHeaders, setSecurityHeaders } from "./security-headers";

z.config(z.locales.zhCN());

export interface ServerOptions {
  db: Database;
  deps?: Partial<Deps>;
  logLevel?: string;
  webDir?: string | undefined;
  trustProxy?: TrustProxy;
}

export interface RouteInfo {
  method: string;
  url: string;
  access: string | undefined;
}

/** Expired sessions and closed login counters are purged when the server starts and every hour. */
function scheduleHousekeeping(app: Api, deps: Deps) {
  const hourly = async () => {
    await purgeExpired(deps).catch((err: unknown) => app.log.warn({ err }, "清理过期会话失败，将在一小时后重试"));
    await noticeDueSoon(deps).catch((err: unknown) => app.log.warn({ err }, "到期提醒失败，将在一小时后重试"));
  };
  // What a use case could not deliver right after its commit (a crash, a busy database) goes out here.
  const minutely = () =>
    dispatchOutbox(deps).catch((err: unknown) => app.log.warn({ err }, "通知投递失败，将在一分钟后重试"));
  const timers: NodeJS.Timeout[] = [];
  app.addHook("onReady", async () => {
    void hourly();
    timers.push(setInterval(hourly, 60 * 60 * 1000), setInterval(minutely, 60 * 1000));
    for (const t of timers) t.unref();
  });
  app.addHook("onClose", async () => {
    for (const t of timers) clearInterval(t);
  });
}

/** A hop count as proxy-addr's trust function: the n hops nearest the server speak for the client. */
const trustFunction = (t: TrustProxy) => (typeof t === "number" ? (_address: string, hop: number) => hop < t : t);

/** Builds the HTTP server: API under /api, OpenAPI at /api/openapi.json, docs at /api/docs, the web app at /. */
export async function buildServer(options: ServerOptions) {
  const clock = options.deps?.clock;
  const uow = createUnitOfWork(options.db);
  const deps: Deps = {
    // A clock other than the system's (tests) also dates the rows the transactions write.
    uow: clock && clock !== systemClock ? uow.dated(clock) : uow,
    clock: systemClock,
    hasher: argon2Hasher,
    ...options.deps,
  };
  const ctx: ServerContext = { db: options.db, deps, webDir: options.webDir };
  const app = Fastify({
    logger: { level: options.logLevel ?? "info" },
    bodyLimit: 1024 * 1024,
    // A request (headers and body) must arrive within 5 minutes: enough for a 10 MB upload on a slow
    // county line, not for holding a connection open indefinitely.
    requestTimeout: 300_000,
    // Only the configured proxy hops may name the client in X-Forwarded-For; otherwise anyone could pick
    // the address its login attempts are counted under.
    trustProxy: trustFunction(options.trustProxy ?? false),
    // The router's own refusals (a path that does not percent-decode, an overlong parameter) would
    // otherwise answer in fastify's shape, before any hook: give them the API's one error shape.
    frameworkErrors: (err, req, reply) => {
      setSecurityHeaders(req, reply);
      // The public portal answers every address that leads nowhere with its one 404 page.
      if (req.url.startsWith("/public/"))
        return (reply as FastifyReply)
          .status(404)
          .header("cache-control", "no-store")
          .header("content-type", "text/html; charset=utf-8")
          .send(NOT_FOUND_PAGE);
      const status = err.code === "FST_ERR_MAX_PARAM_LENGTH" ? 414 : 400;
      return (reply as FastifyReply)
        .status(status)
        .send({ error: { code: "REQUEST_INVALID", message: "请求地址无效（无法解码或过长）" } });
    },
  }).withTypeProvider<ZodTypeProvider>() as unknown as Api;
  if (!options.trustProxy) {
    // Behind a proxy nobody configured, every client shares the proxy's address: say so once.
    let warned = false;
    app.addHook("onRequest", async (req) => {
      if (warned || !req.headers["x-forwarded-for"]) return;
      warned = true;
      req.log.warn(
        "收到 X-Forwarded-For 头，但未设置 JIXIAO_TRUST_PROXY：所有请求按代理服务器的地址计算登录尝试。请设置代理层数（如 1）或代理地址",
      );
    });
  }
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const routes: RouteInfo[] = [];
  app.addHook("onRoute", (r: RouteOptions) => {
    // The API's documentation (the UI, its copies of the document and its assets) is for signed-in
    // accounts and integrators with a token: it names every permission, role and error of the API.
    if (r.url.startsWith("/api/docs")) r.config = { ...(r.config as object), access: "signed-in" };
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const method of methods) {
      if (method === "HEAD") continue;
      routes.push({ method, url: r.url, access: (r.config as { access?: string } | undefined)?.access });
    }
  });

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: "jixiao 预算绩效管理平台 API",
        version: "0.1.0",
        description:
          "REST API。人员使用登录后的会话 Cookie（写操作须带 X-Requested-With 头）；系统对接使用 Bearer 令牌。金额一律为整数“分”。错误格式：{ error: { code, message, details } }。",
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE, description: "登录后的会话" },
          bearer: { type: "http", scheme: "bearer", description: "系统对接的 API 令牌" },
        },
      },
    },
    transform: operationTransform,
    transformObject: documentTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: "/api/docs" });
  registerErrorHandling(app);
  registerSecurityHeaders(app);
  registerAuthHook(app, ctx);
  registerNulRefusal(app);
  app.get("/api/openapi.json", { schema: { hide: true }, config: { access: "signed-in" } }, async () => app.swagger());
  for (const register of ROUTES) register(app, ctx);

  if (options.webDir && existsSync(join(options.webDir, "index.html"))) {
    await app.register(fastifyStatic, { root: options.webDir, wildcard: false, maxAge: "1h" });
    // Client-side routes (/projects/12 …) all load the single-page app.
    app.get("/*", { schema: { hide: true } }, (req, reply) => {
      if (req.url.startsWith("/api/")) {
        return reply.status(404).send({ error: { code: "NOT_FOUND", message: `接口不存在：${req.url}` } });
      }
      return reply.header("cache-control", "no-cache").sendFile("index.html");
    });
  }
  scheduleHousekeeping(app, deps);
  await app.ready();
  return { app, ctx, routes };
}
