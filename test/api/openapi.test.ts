import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ERROR_CODE_LIST } from "../../src/core/error-codes";
import { buildServer, type RouteInfo } from "../../src/server/app";
import { SESSION_COOKIE } from "../../src/server/auth/hook";
import { freshDb, type TestDb } from "../support/db";

/**
 * The API's contract as an integrator reads it: /api/openapi.json must be valid OpenAPI 3 and state, for
 * every operation, what it returns, how it fails and who may call it.
 */
let db: TestDb;
let app: Awaited<ReturnType<typeof buildServer>>["app"];
let routes: RouteInfo[];
let doc: OpenApiDoc;
beforeAll(async () => {
  db = await freshDb("demo");
  ({ app, routes } = await buildServer({ db, logLevel: "silent" }));
  const login = await app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { username: "staff", password: "jixiao-demo" },
  });
  const session = login.cookies.find((c) => c.name === SESSION_COOKIE)!;
  doc = (
    await app.inject({ method: "GET", url: "/api/openapi.json", cookies: { [session.name]: session.value } })
  ).json();
});
afterAll(async () => {
  await app.close();
  await db.dispose();
});

interface Operation {
  operationId?: string;
  summary?: string;
  tags?: string[];
  security?: unknown[];
  "x-access"?: string;
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
interface OpenApiDoc {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
}

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })),
  );

const hasSchema = (r: Operation["responses"] extends Record<string, infer R> | undefined ? R : never) =>
  r.content !== undefined && Object.values(r.content).every((c) => c.schema !== undefined);

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3", async () => {
    const result = await new Validator().validate(doc as unknown as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 1)?.slice(0, 2000)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toMatch(/^3\./);
  });

  it("lists every route of the API once, with a unique operationId, a summary and a tag", () => {
    const documented = operations().map((o) => o.key);
    const api = routes
      .filter((r) => r.url.startsWith("/api/") && r.url !== "/api/openapi.json" && !r.url.startsWith("/api/docs"))
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, "{$1}")}`);
    expect([...documented].sort()).toEqual([...new Set(api)].sort());
    const ids = operations().map((o) => o.op.operationId);
    for (const { key, op } of operations()) {
      expect(op.operationId, key).toMatch(/^[a-z][A-Za-z0-9]+$/);
      expect(op.summary, key).toBeTruthy();
      expect(op.tags?.length, key).toBeGreaterThan(0);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("states who may call each operation, as the server enforces it", () => {
    for (const r of routes) {
      if (!r.url.startsWith("/api/") || r.url === "/api/openapi.json" || r.url.startsWith("/api/docs")) continue;
      const op = doc.paths[r.url.replace(/:(\w+)/g, "{$1}")]?.[r.method.toLowerCase()];
      const key = `${r.method} ${r.url}`;
      expect(r.access, key).toBeDefined();
      expect(op?.["x-access"], key).toBe(r.access);
      expect(op?.security, key).toEqual(r.access === "public" ? [] : [{ session: [] }, { bearer: [] }]);
    }
  });

  it("gives every operation a 2xx response with its schema and the one error shape for 4xx and 5xx", () => {
    const missing: string[] = [];
    for (const { key, op } of operations()) {
      const responses = op.responses ?? {};
      const ok = Object.entries(responses).filter(([status]) => /^2\d\d$/.test(status));
      const complete =
        ok.length > 0 &&
        ok.every(([status, r]) => status === "204" || hasSchema(r)) &&
        ["4XX", "5XX"].every(
          (s) =>
            (responses[s]?.content?.["application/json"]?.schema as { $ref?: string })?.$ref ===
            "#/components/schemas/Error",
        );
      if (!complete) missing.push(key);
    }
    expect(missing).toEqual([]);
  });

  it("describes every response and shows no ±2^53 bounds as examples", () => {
    const text = JSON.stringify(doc);
    expect(text).not.toContain("Default Response");
    expect(text).not.toContain(String(Number.MAX_SAFE_INTEGER));
    const get = doc.paths["/api/v1/goals/tables/{id}"]?.get?.responses as Record<string, { description: string }>;
    expect(get["4XX"]?.description).toMatch(/统一错误格式/);
  });

  it("documents the error shape with its closed set of codes", () => {
    const error = doc.components.schemas.Error as {
      properties: { error: { properties: { code: { enum: string[] } } } };
    };
    expect(error.properties.error.properties.code.enum).toEqual(ERROR_CODE_LIST);
  });
});
