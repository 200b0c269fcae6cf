import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestApp, testApp } from "../support/app";

/** Versions, rounds, comparisons and comment threads of a goal table through a revision's whole loop. */

let t: TestApp;
let unit: string;
let dept: string;
let finance: string;
beforeAll(async () => {
  t = await testApp();
  [unit, dept, finance] = [await t.login("unit"), await t.login("dept"), await t.login("staff")];
});
afterAll(() => t.close());

interface Indicator {
  uid: string;
  name: string;
  target: string;
  weight: number;
  [k: string]: unknown;
}
const get = async (cookie: string, id: number) => (await t.as(cookie, "GET", `/api/v1/goals/tables/${id}`)).json();
const review = async (cookie: string, id: number) =>
  (await t.as(cookie, "GET", `/api/v1/goals/tables/${id}/review`)).json();
const act = async (cookie: string, id: number, body: Record<string, unknown>) => {
  const res = await t.as(cookie, "POST", `/api/v1/goals/tables/${id}/actions`, {
    version: (await get(cookie, id)).version,
    ...body,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const answer = (cookie: string, id: number, commentId: number, body: Record<string, unknown>) =>
  t.as(cookie, "PUT", `/api/v1/goals/tables/${id}/comments/${commentId}/answer`, body);

describe("a goal table's review record", () => {
  it("keeps every round, the comments on their indicators with answers, and what changed", async () => {
    const mine = (await t.as(unit, "GET", "/api/v1/goals/tables?year=2024&pageSize=5&status=approved")).json();
    const approved = await get(unit, mine.rows[0].id);
    const revised = await act(unit, approved.id, { action: "revise", comment: "预算调减，调整受益人数" });
    const id = revised.id as number;

    // While revision 2 is in progress, revision 1 is the one in force.
    let r = await review(unit, id);
    expect(r.revisions.map((v: { revision: number; inForce: boolean }) => [v.revision, v.inForce])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(r.previous).toMatchObject({ id: approved.id, revision: 1, diff: { items: [], fields: [] } });
    expect(r.rounds).toEqual([]);

    // The unit changes one target and submits with a note.
    const draft = await get(unit, id);
    const [first, second] = draft.table.indicators as Indicator[];
    const edited = draft.table.indicators.map((i: Indicator) => (i.uid === first!.uid ? { ...i, target: "1" } : i));
    await t.as(unit, "PUT", `/api/v1/goals/tables/${id}`, {
      version: draft.version,
      overallGoal: draft.table.overallGoal,
      indicators: edited,
    });
    await act(unit, id, { action: "submit", comment: "按调减后的预算修改了目标" });
    r = await review(dept, id);
    expect(r.rounds).toMatchObject([{ seq: 1, outcome: "pending", note: "按调减后的预算修改了目标" }]);
    expect(r.previous.diff.items).toEqual([
      expect.objectContaining({
        status: "changed",
        key: first!.uid,
        changes: [{ field: "target", before: first!.target, after: "1" }],
      }),
    ]);

    // The department returns with a general comment and one on the second indicator.
    await act(dept, id, {
      action: "return",
      comment: "请核实目标值",
      indicatorComments: { [second!.uid]: "指标值与预算不匹配，\n请按实际测算" },
    });
    r = await review(unit, id);
    expect(r.rounds).toMatchObject([{ seq: 1, outcome: "returned" }]);
    expect(r.comments).toMatchObject([
      { itemKey: null, body: "请核实目标值", stage: "return", reviewer: "department", roundSeq: 1, answerable: true },
      {
        itemKey: second!.uid,
        itemLabel: second!.name,
        body: "指标值与预算不匹配，\n请按实际测算",
        answer: null,
        answerable: true,
      },
    ]);
    expect(r.returned).toMatchObject({ seq: 1, diff: { items: [], fields: [] } });
    // Only the declarer answers, and only what is on its own table.
    expect((await review(dept, id)).comments[1].answerable).toBe(false);
    const itemComment = r.comments[1];
    expect((await answer(dept, id, itemComment.id, { version: 1, answer: "x" })).statusCode).toBe(403);
    const tooLong = await answer(unit, id, itemComment.id, { version: 1, answer: "长".repeat(1001) });
    expect(tooLong.statusCode).toBe(400);
    const markup = await answer(unit, id, itemComment.id, { version: 1, answer: "<b>已改</b>" });
    expect(markup.json().error.code).toBe("REVIEW_ANSWER_MARKUP");
    const elsewhere = await answer(unit, approved.id, itemComment.id, { version: 1, answer: "已改" });
    expect(elsewhere.statusCode).toBe(404);
    const ok = await answer(unit, id, itemComment.id, { version: 1, answer: " 已按测算改为 2 " });
    expect(ok.json()).toEqual({ id: itemComment.id, version: 2, answer: "已按测算改为 2" });
    expect((await answer(unit, id, itemComment.id, { version: 1, answer: "again" })).statusCode).toBe(409);

    // The unit changes the commented indicator, removes another and resubmits with its note.
    const back = await get(unit, id);
    const third = back.table.indicators[2] as Indicator;
    const fixed = (back.table.indicators as Indicator[])
      .filter((i) => i.uid !== third.uid)
      .map((i) =>
        i.uid === second!.uid
          ? { ...i, target: "2" }
          : i.uid === first!.uid
            ? { ...i, weight: i.weight + third.weight }
            : i,
      );
    const saved = await t.as(unit, "PUT", `/api/v1/goals/tables/${id}`, {
      version: back.version,
      overallGoal: back.table.overallGoal,
      indicators: fixed,
    });
    expect(saved.json().quality.errors).toBe(0);
    r = await review(unit, id);
    const changedKeys = r.returned.diff.items.map((i: { status: string; key: string }) => `${i.status}:${i.key}`);
    expect(changedKeys).toEqual(expect.arrayContaining([`changed:${second!.uid}`, `removed:${third.uid}`]));
    await act(unit, id, { action: "submit", comment: "已按意见修改第二项目标值" });

    // The second review sees the previous round's comments with the answer, frozen now.
    r = await review(dept, id);
    expect(r.rounds.map((x: { seq: number; outcome: string }) => `${x.seq}:${x.outcome}`)).toEqual([
      "1:returned",
      "2:pending",
    ]);
    expect(r.comments[1]).toMatchObject({ answer: "已按测算改为 2", answeredByName: expect.any(String) });
    expect((await review(unit, id)).comments.every((c: { answerable: boolean }) => !c.answerable)).toBe(true);
    expect((await answer(unit, id, itemComment.id, { version: 2, answer: "再改" })).json().error.code).toBe(
      "REVIEW_COMMENT_NOT_ANSWERABLE",
    );

    // The department approves with a note on one indicator; finance approves: the round closes.
    await act(dept, id, { action: "approve", indicatorComments: { [first!.uid]: "目标值偏低，明年注意" } });
    await act(finance, id, { action: "approve" });
    r = await review(finance, id);
    expect(r.rounds.at(-1)).toMatchObject({ seq: 2, outcome: "approved" });
    expect(r.comments.at(-1)).toMatchObject({ stage: "approve", itemKey: first!.uid, roundSeq: 2, answerable: false });
    expect(r.revisions.map((v: { revision: number; inForce: boolean }) => [v.revision, v.inForce])).toEqual([
      [1, false],
      [2, true],
    ]);
    // The answer is audited.
    const audit = (await t.as(await t.login("finance"), "GET", `/api/v1/audit?entity=review_comment`)).json();
    expect(audit.rows[0]).toMatchObject({ action: "answer", entityId: String(itemComment.id) });
  });

  it("shows a table's review record only within scope", async () => {
    const all = (await t.as(finance, "GET", "/api/v1/goals/tables?year=2024&pageSize=200")).json();
    const mine = (await t.as(unit, "GET", "/api/v1/goals/tables?year=2024&pageSize=200")).json();
    const foreign = all.rows.find((x: { id: number }) => !mine.rows.some((m: { id: number }) => m.id === x.id));
    expect((await t.as(unit, "GET", `/api/v1/goals/tables/${foreign.id}/review`)).statusCode).toBe(404);
    expect(
      (await t.as(unit, "PUT", `/api/v1/goals/tables/${foreign.id}/comments/1/answer`, { version: 1, answer: "x" }))
        .statusCode,
    ).toBe(404);
  });
});
