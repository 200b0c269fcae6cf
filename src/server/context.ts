import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Actor, Deps } from "../app/context";
import type { UserWithOrg } from "../app/users/ports";
import type { Access } from "../contracts/common";
import type { Database } from "../db/client";

export type { Access } from "../contracts/common";

export interface ServerContext {
  db: Database;
  deps: Deps;
  /** Where the built web app lives; absent in API-only tests. */
  webDir?: string | undefined;
}

export type Api = FastifyInstance<
  import("node:http").Server,
  import("node:http").IncomingMessage,
  import("node:http").ServerResponse,
  import("fastify").FastifyBaseLogger,
  ZodTypeProvider
>;

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    user: UserWithOrg | null;
    actor: Actor | null;
    sessionToken: string | null;
  }
}

/** The actor of a request that passed the access hook (routes other than "public" always have one). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new Error("route without access control reached a handler");
  return req.actor;
}

export type Reply = FastifyReply;
