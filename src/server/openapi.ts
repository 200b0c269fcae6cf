import { jsonSchemaTransform } from "fastify-type-provider-zod";
import type { Access } from "./context";

type TransformInput = Parameters<typeof jsonSchemaTransform>[0] & {
  route?: { config?: { access?: Access } };
};

/**
 * Turns a route's zod schemas into its OpenAPI operation (fastify-type-provider-zod), and states who may
 * call it: `x-access` is the route's access ("public", "signed-in" or the action its role must be allowed,
 * see core/permissions.ts), and `security` says which credentials it takes (none, or the session cookie or
 * a bearer token).
 */
export function operationTransform(input: TransformInput) {
  const out = jsonSchemaTransform(input);
  const access = input.route?.config?.access;
  if (out.schema.hide || access === undefined) return out;
  const schema = out.schema as Record<string, unknown>;
  schema["x-access"] = access;
  schema.security = access === "public" ? [] : [{ session: [] }, { bearer: [] }];
  return out;
}
