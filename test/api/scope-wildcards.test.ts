import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../support/app";

/**
 * Organisation codes may contain "_", a LIKE wildcard: department "12_" must not see department 120's
 * data through a path-prefix match. Reproduces the review's scenario on the demo district.
 */
let t: TestApp;
let wild: string;
let submittedId: number;
let submittedVersion: number;

beforeAll(async () => {
  t = await testApp();
  const finance = await t.login("finance");
  const org = await t.as(finance, "POST", "/api/v1/org/orgs", { code: "12_", name: "通配部门", kind: "department" });
  expect(org.statusCode).toBe(201);
  const user = await t.as(finance, "POST", "/api/v1/users", {
    username: "wild.dept",
    displayName: "通配",
    role: "department",
    orgId: org.json().org.id,
    password: "Start-2024x",
  });
  expect(user.statusCode).toBe(201);
  wild = await t.login("wild.dept", "Start-2024x");
  const changed = await t.as(wild, "POST", "/api/v1/auth/password", {
    currentPassword: "Start-2024x",
    newPassword: "Wild-2024xyz",
  });
  expect(changed.statusCode).toBe(204);

  // A unit of department 120 revises and submits one of its tables, so there is something to approve.
  const tree = (await t.as(finance, "GET", "/api/v1/org/tree")).json().nodes as {
    code: string;
    id: number;
    children: { code: string; id: number }[];
  }[];
  const dept120 = tree.find((n) => n.code === "120")!;
  const unitCode = dept120.children[0]!.code;
  const unit = await t.login(`unit${unitCode}`);
  const own = (await t.as(unit, "GET", "/api/v1/goals/tables?year=2024&pageSize=1")).json().rows[0];
  const approved = (await t.as(unit, "GET", `/api/v1/goals/tables/${own.id}`)).json();
  const revised = await t.as(unit, "POST", `/api/v1/goals/tables/${own.id}/actions`, {
    version: approved.version,
    action: "revise",
    comment: "调整",
  });
  expect(revised.statusCode).toBe(200);
  const draft = (await t.as(unit, "GET", `/api/v1/goals/tables/${revised.json().id}`)).json();
  const submitted = await t.as(unit, "POST", `/api/v1/goals/tables/${draft.id}/actions`, {
    version: draft.version,
    action: "submit",
  });
  expect(submitted.statusCode).toBe(200);
  submittedId = draft.id;
  submittedVersion = (await t.as(unit, "GET", `/api/v1/goals/tables/${draft.id}`)).json().version;
});
afterAll(() => t.close());

describe("a department whose code holds a LIKE wildcard", () => {
  it("sees no goal table, project or organisation of department 120", async () => {
    const goals = (await t.as(wild, "GET", "/api/v1/goals/tables?year=2024&pageSize=5")).json();
    expect(goals.total).toBe(0);
    const projects = (await t.as(wild, "GET", "/api/v1/projects?year=2024&pageSize=5")).json();
    expect(projects.total).toBe(0);
    const tree = (await t.as(wild, "GET", "/api/v1/org/tree")).json().nodes;
    expect(tree.map((n: { code: string; children: unknown[] }) => [n.code, n.children.length])).toEqual([["12_", 0]]);
  });

  it("cannot download, open or approve department 120's tables", async () => {
    const workbook = await t.as(wild, "GET", "/api/v1/goals/tables/xlsx?year=2024");
    expect(workbook.statusCode).toBe(404);
    expect((await t.as(wild, "GET", `/api/v1/goals/tables/${submittedId}`)).statusCode).toBe(404);
    const approve = await t.as(wild, "POST", `/api/v1/goals/tables/${submittedId}/actions`, {
      version: submittedVersion,
      action: "approve",
    });
    expect(approve.statusCode).toBe(404);
    const finance = await t.login("finance");
    expect((await t.as(finance, "GET", `/api/v1/goals/tables/${submittedId}`)).json().status).toBe("submitted");
  });
});
