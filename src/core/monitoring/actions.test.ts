import { describe, expect, it } from "vitest";
import { actionOverdue, actOnAction, needsAction } from "./actions";

const ctx = {
  role: "unit" as const,
  ownerRole: "unit" as const,
  kind: "speed_up" as const,
  text: "已支付",
  evidenceCount: 1,
  goalRevised: false,
};

describe("follow-up actions", () => {
  it("are given to red and yellow reports only", () => {
    expect([needsAction("red"), needsAction("yellow"), needsAction("green"), needsAction("none")]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it("are answered by the owner with evidence, and closed by finance; adjust_goal after the revision", () => {
    expect(actOnAction("open", "submit", ctx)).toEqual({ ok: true, next: "submitted" });
    expect(actOnAction("open", "submit", { ...ctx, evidenceCount: 0 })).toMatchObject({
      ok: false,
      code: "MONITORING_ACTION_NEEDS_EVIDENCE",
    });
    expect(actOnAction("open", "submit", { ...ctx, role: "department" })).toMatchObject({ ok: false });
    const finance = { ...ctx, role: "finance_staff" as const };
    expect(actOnAction("submitted", "close", finance)).toEqual({ ok: true, next: "closed" });
    expect(actOnAction("submitted", "close", { ...finance, kind: "adjust_goal" })).toMatchObject({
      code: "MONITORING_GOAL_NOT_REVISED",
    });
    expect(actOnAction("submitted", "return", { ...finance, text: " " })).toMatchObject({
      code: "MONITORING_RETURN_NEEDS_COMMENT",
    });
    expect(actOnAction("closed", "close", finance)).toMatchObject({ code: "MONITORING_ACTION_INVALID" });
  });
});

describe("overdue actions", () => {
  it("counts only what the unit still has to do, from the day after the due day", () => {
    expect(actionOverdue({ status: "open", dueOn: "2025-08-20" }, "2025-08-20")).toBe(false);
    expect(actionOverdue({ status: "open", dueOn: "2025-08-20" }, "2025-08-21")).toBe(true);
    expect(actionOverdue({ status: "returned", dueOn: "2025-08-20" }, "2025-08-21")).toBe(true);
    // Waiting for finance, or closed: not the unit's delay.
    expect(actionOverdue({ status: "submitted", dueOn: "2025-08-20" }, "2025-08-21")).toBe(false);
    expect(actionOverdue({ status: "closed", dueOn: "2025-08-20" }, "2025-08-21")).toBe(false);
  });
});
