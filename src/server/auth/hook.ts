import type { FastifyInstance } from "fastify";
import { actorOf } from "../../app/auth/actor";
import { resolveApiToken, resolveSession } from "../../app/auth/resolve-session";
import { can } from "../../core/permissions";
import type { ServerContext } from "../context";

export const SESSION_COOKIE = "jixiao_session";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const deny = (status: number, code: string, message: string) => ({ status, body: { error: { code, message } } });

/**
 * Resolves the caller (session cookie or bearer token) and enforces each route's `access` config
 * before the request is validated, so a caller without access learns nothing from validation errors.
 * Cookie-authenticated writes must carry `X-Requested-With`: with SameSite=Lax this closes CSRF.
 */
export function registerAuthHook(app: FastifyInstance, ctx: ServerContext) {
  app.decorateRequest("user", null);
  app.decorateRequest("actor", null);
  app.decorateRequest("sessionToken", null);
  app.addHook("preValidation", async (req, reply) => {
    const access = req.routeOptions.config.access;
    if (access === undefined) return; // static files and the docs UI
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
    if (bearer) {
      req.user = await resolveApiToken(ctx.deps, bearer);
    } else {
      const token = req.cookies[SESSION_COOKIE];
      if (token) {
        req.user = await resolveSession(ctx.deps, token);
        if (req.user) req.sessionToken = token;
      }
      if (req.user && !SAFE_METHODS.has(req.method) && !req.headers["x-requested-with"]) {
        const d = deny(403, "CSRF_HEADER_MISSING", "请求缺少 X-Requested-With 头");
        return reply.status(d.status).send(d.body);
      }
    }
    if (req.user) req.actor = actorOf(req.user);
    if (access === "public") return;
    if (!req.user) {
      const d = deny(401, "AUTH_REQUIRED", "请先登录");
      return reply.status(d.status).send(d.body);
    }
    if (req.user.mustChangePassword && !req.url.startsWith("/api/v1/auth/")) {
      const d = deny(403, "PASSWORD_CHANGE_REQUIRED", "首次登录或密码被重置后须先修改密码");
      return reply.status(d.status).send(d.body);
    }
    if (access !== "signed-in" && !can(req.user.role, access)) {
      const d = deny(403, "FORBIDDEN", "无权执行此操作");
      return reply.status(d.status).send(d.body);
    }
  });
}
