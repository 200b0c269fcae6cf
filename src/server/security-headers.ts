import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/**
 * Headers every response carries. The web app loads its scripts and styles from its own origin only;
 * antd writes its styles into <style> elements, hence 'unsafe-inline' for styles (never for scripts).
 * No page may be framed (clickjacking); content types are not sniffed; the referrer never leaves the
 * site; over https (directly or through a trusted proxy) browsers are told to stay on https.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook("onSend", async (req, reply) => setSecurityHeaders(req, reply));
}

/** Also called directly where fastify answers before any hook runs (a URL that does not decode). */
export function setSecurityHeaders(req: FastifyRequest, reply: FastifyReply): void {
  if (!reply.hasHeader("content-security-policy")) reply.header("content-security-policy", CONTENT_SECURITY_POLICY);
  reply.header("x-content-type-options", "nosniff");
  reply.header("x-frame-options", "DENY");
  reply.header("referrer-policy", "same-origin");
  reply.header("cross-origin-opener-policy", "same-origin");
  if (req.protocol === "https") reply.header("strict-transport-security", "max-age=15552000");
}
