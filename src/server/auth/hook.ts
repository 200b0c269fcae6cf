import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { actorOf } from "../../app/auth/actor";
import { resolveApiToken, resolveSession } from "../../app/auth/resolve-session";
import type { ErrorCode } from "../../core/error-codes";
import { can } from "../../core/permissions";
import type { ServerContext } from "../context";

export const SESSION_COOKIE = "jixiao_session";

/** The session cookie: httpOnly, SameSite=Lax, Secure when the request came over https (directly or via a trusted proxy). */
export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string, expires: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: req.protocol === "https",
    expires,
  });
}
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const deny = (status: number, code: ErrorCode, message: string) => ({ status, body: { error: { code, message } } });

/**
 * Resolves the caller (session cookie or bearer token) and enforces each route's `access` config
 * before the request's body is read or validated, so a caller without access learns nothing from validation
 * errors and cannot make the server buffer a body.
 * Cookie-authenticated writes must carry `X-Requested-With`: with SameSite=Lax this closes CSRF.
 */
export function registerAuthHook(app: FastifyInstance, ctx: ServerContext) {
  app.decorateRequest("user", null);
  app.decorateRequest("actor", null);
  app.decorateRequest("sessionToken", null);
  // onRequest, before the body is read: a caller without access is answered at once and can make the
  // server neither buffer nor hold an upload.
  app.addHook("onRequest", async (req, reply) => {
    const access = req.routeOptions.config.access;
    if (access === undefined) return; // static files and the docs UI
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1];
    if (bearer) {
      req.user = await resolveApiToken(ctx.deps, bearer);
    } else {
      const token = req.cookies[SESSION_COOKIE];
      if (token) {
        const session = await resolveSession(ctx.deps, token);
        if (session) {
          req.user = session.user;
          req.sessionToken = token;
          if (session.renewedUntil) setSessionCookie(req, reply, token, session.renewedUntil);
        }
      }
      if (req.user && !SAFE_METHODS.has(req.method) && !req.headers["x-requested-with"]) {
        const d = deny(403, "CSRF_HEADER_MISSING", "请求缺少 X-Requested-With 头");
        return reply.status(d.status).send(d.body);
      }
    }
    if (req.user) req.actor = actorOf(req.user);
    if (access === "public") return;
    if (!req.user) {
      // Someone opening the API docs in a browser is sent to sign in rather than shown a JSON error.
      if (req.method === "GET" && /^\/api\/docs\/?$/.test(req.url.split("?")[0] ?? "")) return reply.redirect("/login");
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
