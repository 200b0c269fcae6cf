import { jsonSchemaTransform, jsonSchemaTransformObject } from "fastify-type-provider-zod";
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

const RESPONSE_DESCRIPTIONS: Record<string, string> = {
  "200": "成功",
  "201": "已创建",
  "204": "成功，无响应体",
  "4XX": "请求未被执行：参数有误、未登录、无权限、数据已被他人修改或超出限制（统一错误格式，code 说明原因）",
  "5XX": "服务器内部错误（统一错误格式）",
};
const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * The whole document, after the components are collected: responses get a description instead of
 * "Default Response", and the ±2^53 bounds zod gives every integer are dropped (they are implied by
 * `integer`, and the docs would show 9007199254740991 as every example).
 */
export function documentTransform(input: Parameters<typeof jsonSchemaTransformObject>[0]) {
  const doc = jsonSchemaTransformObject(input) as { paths?: Record<string, Record<string, unknown>> };
  for (const methods of Object.values(doc.paths ?? {})) {
    for (const op of Object.values(methods)) {
      const responses = (op as { responses?: Record<string, { description?: string }> }).responses ?? {};
      for (const [status, r] of Object.entries(responses)) {
        if (!r.description || r.description === "Default Response")
          r.description = RESPONSE_DESCRIPTIONS[status] ?? "成功";
      }
    }
  }
  dropSafeBounds(doc, 0);
  return doc;
}

function dropSafeBounds(node: unknown, depth: number): void {
  if (depth > 64 || node === null || typeof node !== "object") return;
  const o = node as Record<string, unknown>;
  if (o.type === "integer") {
    if (o.maximum === SAFE) delete o.maximum;
    if (o.minimum === -SAFE) delete o.minimum;
  }
  for (const child of Object.values(o)) dropSafeBounds(child, depth + 1);
}
