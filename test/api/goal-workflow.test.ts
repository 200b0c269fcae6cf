import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../support/app";

let t: TestApp;
let unit: string;
let dept: string;
let finance: string;
beforeAll(async () => {
  t = await testApp();
  [unit, dept, finance] = [await t.login("unit"), await t.login("dept"), await t.login("staff")];
});
afterAll(() => t.close());

const get = async (cookie: string, id: number) => (await t.as(cookie, "GET", `/api/v1/goals/tables/${id}`)).json();
const act = (cookie: string, id: number, body: Record<string, unknown>) =>
  t.as(cookie, "POST", `/api/v1/goals/tables/${id}/actions`, body);

describe("goal table approval, from a revision to finance approval", () => {
  it("runs unit → department (return, fix, resubmit) → finance, recording every step", async () => {
    const mine = (await t.as(unit, "GET", "/api/v1/goals/tables?year=2024&pageSize=5")).json();
    expect(mine.total).toBeGreaterThan(0);
    const approved = await get(unit, mine.rows[0].id);
    expect(approved.status).toBe("approved");
    expect(approved.actions).toEqual(["revise"]);

    const noReason = await act(unit, approved.id, { version: approved.version, action: "revise" });
    expect(noReason.json().error.code).toBe("GOAL_REVISE_NEEDS_REASON");
    const revised = await act(unit, approved.id, {
      version: approved.version,
      action: "revise",
      comment: "调整受益人数",
    });
    expect(revised.statusCode).toBe(200);
    const draftId = revised.json().id;
    expect(draftId).not.toBe(approved.id);
    let draft = await get(unit, draftId);
    expect(draft).toMatchObject({ status: "draft", revision: 2, editable: true, revisionReason: "调整受益人数" });

    // A weight slip is a blocking finding: saving works, submitting does not.
    const broken = draft.table.indicators.map((i: { weight: number }, n: number) =>
      n === 0 ? { ...i, weight: i.weight + 5 } : i,
    );
    const saved = await t.as(unit, "PUT", `/api/v1/goals/tables/${draftId}`, {
      version: draft.version,
      overallGoal: draft.table.overallGoal,
      indicators: broken,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().quality.findings.map((f: { code: string }) => f.code)).toContain("GOAL_WEIGHTS_NOT_100");
    draft = await get(unit, draftId);
    const blocked = await act(unit, draftId, { version: draft.version, action: "submit" });
    expect(blocked.json().error.code).toBe("GOAL_HAS_ERRORS");

    // Indicators keep their uid through the revision; the unit also moves the last one to the top.
    expect(draft.table.indicators.map((i: { uid: string }) => i.uid)).toEqual(
      approved.table.indicators.map((i: { uid: string }) => i.uid),
    );
    const reordered = [approved.table.indicators.at(-1), ...approved.table.indicators.slice(0, -1)];
    const fixed = await t.as(unit, "PUT", `/api/v1/goals/tables/${draftId}`, {
      version: draft.version,
      overallGoal: draft.table.overallGoal,
      indicators: reordered,
    });
    expect(fixed.json().quality.errors).toBe(0);
    draft = await get(unit, draftId);
    expect((await act(unit, draftId, { version: draft.version, action: "submit" })).json().status).toBe("submitted");

    // Finance may not skip the department; the department returns with a comment on one indicator.
    const early = await act(finance, draftId, { version: (await get(finance, draftId)).version, action: "approve" });
    expect(early.json().error.code).toMatch(/GOAL_/);
    let seen = await get(dept, draftId);
    expect(seen.actions).toEqual(expect.arrayContaining(["approve", "return"]));
    const bare = await act(dept, draftId, { version: seen.version, action: "return" });
    expect(bare.json().error.code).toBe("GOAL_RETURN_NEEDS_COMMENT");
    const target = seen.table.indicators[4];
    const unknown = await act(dept, draftId, {
      version: seen.version,
      action: "return",
      comment: "受益人数偏低，请核实",
      indicatorComments: { "no-such-indicator": "？" },
    });
    expect(unknown.json().error.code).toBe("GOAL_COMMENT_UNKNOWN_INDICATOR");
    const returned = await act(dept, draftId, {
      version: seen.version,
      action: "return",
      comment: "受益人数偏低，请核实",
      indicatorComments: { [target.uid]: "与上年相比明显下降" },
    });
    expect(returned.json().status).toBe("returned");

    draft = await get(unit, draftId);
    expect(draft.editable).toBe(true);
    const why = draft.transitions.at(-1);
    expect(why).toMatchObject({
      action: "return",
      comment: "受益人数偏低，请核实",
      indicatorComments: { [target.uid]: "与上年相比明显下降" },
    });
    // The unit moves that indicator down; the comment still names it, not whatever row took its place.
    const moved = [...draft.table.indicators];
    moved.push(...moved.splice(4, 1));
    const resaved = await t.as(unit, "PUT", `/api/v1/goals/tables/${draftId}`, {
      version: draft.version,
      overallGoal: draft.table.overallGoal,
      indicators: moved,
    });
    expect(resaved.statusCode).toBe(200);
    draft = await get(unit, draftId);
    expect(draft.table.indicators.at(-1)).toMatchObject({ uid: target.uid, name: target.name });
    expect((await act(unit, draftId, { version: draft.version, action: "submit" })).json().status).toBe("submitted");
    seen = await get(dept, draftId);
    expect((await act(dept, draftId, { version: seen.version, action: "approve" })).json().status).toBe(
      "dept_approved",
    );
    const f = await get(finance, draftId);
    expect((await act(finance, draftId, { version: f.version, action: "approve" })).json().status).toBe("approved");

    const done = await get(finance, draftId);
    // The history runs through the revisions: revision 1 was loaded and approved, revision 2 is this one.
    expect(done.transitions.map((x: { action: string; revision: number }) => `${x.revision}:${x.action}`)).toEqual([
      "1:load",
      "2:revise",
      "2:submit",
      "2:return",
      "2:submit",
      "2:approve",
      "2:approve",
    ]);
    expect(done.transitions.map((x: { action: string }) => x.action)).toEqual([
      "load",
      "revise",
      "submit",
      "return",
      "submit",
      "approve",
      "approve",
    ]);
    const audit = (
      await t.as(await t.login("finance"), "GET", `/api/v1/audit?entity=goal_table&entityId=${draftId}`)
    ).json();
    expect(audit.total).toBeGreaterThanOrEqual(7);
  });

  it("keeps goal tables within scope and refuses edits by others, stale versions and markup", async () => {
    const mine = (await t.as(unit, "GET", "/api/v1/goals/tables?year=2024&pageSize=200")).json();
    const others = (await t.as(finance, "GET", "/api/v1/goals/tables?year=2024&pageSize=200")).json();
    expect(others.total).toBe(1767);
    const foreign = others.rows.find((r: { id: number }) => !mine.rows.some((m: { id: number }) => m.id === r.id));
    expect((await t.as(unit, "GET", `/api/v1/goals/tables/${foreign.id}`)).statusCode).toBe(404);
    expect((await t.as(await t.login("firm"), "GET", "/api/v1/goals/tables?year=2024")).json().total).toBe(0);

    const revised = await act(unit, mine.rows[1].id, {
      version: mine.rows[1].version,
      action: "revise",
      comment: "测试",
    });
    const draft = await get(unit, revised.json().id);
    const body = { version: draft.version, overallGoal: draft.table.overallGoal, indicators: draft.table.indicators };
    expect((await t.as(dept, "PUT", `/api/v1/goals/tables/${draft.id}`, body)).json().error.code).toBe(
      "GOAL_NOT_EDITABLE",
    );
    expect((await t.as(unit, "PUT", `/api/v1/goals/tables/${draft.id}`, body)).statusCode).toBe(200);
    expect((await t.as(unit, "PUT", `/api/v1/goals/tables/${draft.id}`, body)).statusCode).toBe(409);
    const markup = { ...body, version: draft.version + 1, overallGoal: "<script>alert(1)</script>" };
    const refused = await t.as(unit, "PUT", `/api/v1/goals/tables/${draft.id}`, markup);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain("年度总体目标");
  });
});
