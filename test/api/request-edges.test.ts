import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../support/app";

/**
 * Requests at the edges of what the contracts take: a URL that does not decode, ids past the database's
 * integer range, a NUL character in text. Each is refused in the one error shape, never a 500.
 */
let t: TestApp;
let admin: string;
let unit: string;
beforeAll(async () => {
  t = await testApp();
  admin = await t.login("finance");
  unit = await t.login("unit");
});
afterAll(() => t.close());

describe("a URL that does not percent-decode", () => {
  for (const url of ["/api/v1/%ZZ", "/api/v1/projects/%E0%A4%A"]) {
    it(`${url} is answered in the one error shape with the security headers`, async () => {
      const res = await t.app.inject({ method: "GET", url });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code, res.body).toBe("REQUEST_INVALID");
      expect(res.body).not.toContain("%ZZ");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["content-security-policy"]).toBeDefined();
      expect(res.headers["x-frame-options"]).toBe("DENY");
    });
  }
});

const BIG = 2 ** 31; // one past PostgreSQL's integer

describe("an id or version past the database's integer range", () => {
  const cases: [() => string, string, string, unknown?][] = [
    [() => unit, "GET", `/api/v1/projects/${BIG}`],
    [() => unit, "GET", `/api/v1/projects?year=2024&departmentId=${BIG}`],
    [() => unit, "GET", `/api/v1/goals/tables/${BIG}`],
    [() => unit, "GET", `/api/v1/goals/tables/${BIG}/previous`],
    [() => admin, "PATCH", `/api/v1/users/${BIG}`, { version: 1 }],
    [() => admin, "PATCH", "/api/v1/users/1", { version: BIG }],
    [() => admin, "PATCH", `/api/v1/org/orgs/${BIG}`, { version: 1 }],
    [() => admin, "POST", "/api/v1/goals/review-visits/1/tables", { goalTableId: BIG, actedOn: true }],
  ];
  for (const [who, method, url, body] of cases) {
    it(`${method} ${url} ${body ? JSON.stringify(body) : ""} is refused with the field named`, async () => {
      const res = await t.as(who(), method, url, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe("REQUEST_INVALID");
      expect(res.json().error.message).toMatch(/超出范围/);
    });
  }
});

describe("a NUL character in text", () => {
  const cases: [() => string, string, string, unknown?][] = [
    [() => unit, "GET", "/api/v1/goals/tables?year=2024&q=%00"],
    [() => unit, "GET", "/api/v1/goals/library?q=a%00b"],
    [() => unit, "GET", "/api/v1/goals/library/suggestions?q=%00"],
    [() => admin, "GET", "/api/v1/users?q=%00"],
    [() => admin, "GET", "/api/v1/audit?entityId=%00"],
    [() => admin, "POST", "/api/v1/users", { username: "x\u0000y", displayName: "某", role: "unit", orgId: 1 }],
  ];
  for (const [who, method, url, body] of cases) {
    it(`${method} ${url} is refused, naming the field`, async () => {
      const res = await t.as(who(), method, url, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.message).toContain("空字符");
      expect(res.json().error.details.issues[0].field).toMatch(/^(querystring\.(q|entityId)|body\.username)$/);
    });
  }
});

describe("an audit date filter outside what the database stores", () => {
  for (const q of ["from=0000-01-01", "from=10000-01-01", "to=-000001-01-01", "from=%2B275760-09-13T00:00:00Z"]) {
    it(`GET /api/v1/audit?${q} is refused, naming the field`, async () => {
      const res = await t.as(admin, "GET", `/api/v1/audit?${q}`);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe("REQUEST_INVALID");
      expect(res.json().error.details.issues[0].field).toMatch(/^querystring\.(from|to)$/);
    });
  }
});

describe("the file name of a multipart upload", () => {
  const CSV = "预算年度,主管部门编码,月份,支付数（元）\n2024,120,1,1234.56\n";
  it("with U+0000 is refused, naming the field", async () => {
    const staff = await t.login("staff");
    const res = await t.upload(staff, "/api/v1/imports/dept-execution?mode=commit", CSV, "a\u0000b.csv");
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.details.issues[0]).toEqual({ field: "file.filename", message: "含有空字符（U+0000）" });
  });

  it("is bounded like the fileName query parameter (200 characters)", async () => {
    const staff = await t.login("staff");
    const res = await t.upload(staff, "/api/v1/imports/dept-execution?mode=commit", CSV, `${"名".repeat(5000)}.csv`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(400);
    expect(res.json().error.message).toContain("过长（最多 200 个字符）");
  });
});

describe("a lone UTF-16 surrogate in text (valid JSON, not storable)", () => {
  for (const text of ["\ud800", "目标\udfff", "\udc00\ud800"]) {
    it(`${JSON.stringify(text)} in a JSON body is refused, naming the field`, async () => {
      const res = await t.as(admin, "POST", "/api/v1/users", {
        username: "ok",
        displayName: text,
        role: "unit",
        orgId: 1,
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details.issues[0].field).toBe("body.displayName");
    });
  }
  it("a well-formed pair (an emoji) is text like any other", async () => {
    const res = await t.as(admin, "GET", `/api/v1/users?q=${encodeURIComponent("😀")}`);
    expect(res.statusCode).toBe(200);
  });
});
