import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../support/app";

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

describe("system endpoints", () => {
  it("reports health with the database kind", async () => {
    const res = await t.as(null, "GET", "/api/health");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", database: process.env.TEST_DATABASE_URL ? "postgres" : "pglite" });
  });

  it("shows the OpenAPI document and its docs page to signed-in accounts only", async () => {
    for (const url of ["/api/openapi.json", "/api/docs/json", "/api/docs/yaml", "/api/docs/static/index.html"]) {
      const anonymous = await t.as(null, "GET", url);
      expect(anonymous.statusCode, url).toBe(401);
      expect(anonymous.json().error.code).toBe("AUTH_REQUIRED");
    }
    const browser = await t.as(null, "GET", "/api/docs");
    expect(browser.statusCode).toBe(302);
    expect(browser.headers.location).toBe("/login");

    const cookie = await t.login("staff");
    const spec = (await t.as(cookie, "GET", "/api/openapi.json")).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(["/api/v1/projects", "/api/v1/imports/{kind}", "/api/health"]),
    );
    const docs = await t.as(cookie, "GET", "/api/docs/");
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain("swagger");
  });

  it("answers unknown API paths with the error shape", async () => {
    const res = await t.as(null, "GET", "/api/v1/nothing-here");
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("NOT_FOUND");
  });
});
