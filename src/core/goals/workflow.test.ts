import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../roles";
import type { GoalSubjectKind } from "./types";
import {
  allowedActions,
  GOAL_ACTIONS,
  GOAL_STATUS_LABELS,
  GOAL_STATUSES,
  type GoalAction,
  type GoalDeclarer,
  type GoalTableState,
  type GoalTransitionContext,
  goalStatusText,
  INITIAL_GOAL_STATE,
  isEditable,
  transition,
} from "./workflow";

const draft = INITIAL_GOAL_STATE;
const state = (status: GoalTableState["status"], extra: Partial<GoalTableState> = {}): GoalTableState => ({
  status,
  version: 1,
  returnedBy: null,
  ...extra,
});

/** A project table declared by its unit unless the context says otherwise; a department-wide one by its department. */
const withDeclarer = (ctx: Partial<GoalTransitionContext> & { role: Role }): GoalTransitionContext => {
  const subjectKind = ctx.subjectKind ?? "project";
  return {
    subjectKind,
    declarer: ctx.declarer ?? (subjectKind === "deptWide" ? "department" : "unit"),
    blockingFindings: 0,
    ...ctx,
  };
};

/** Applies an action and expects it to succeed. */
function step(from: GoalTableState, action: GoalAction, ctx: Partial<GoalTransitionContext> & { role: Role }) {
  const result = transition(from, action, withDeclarer(ctx));
  if (!result.ok) throw new Error(`${action} by ${ctx.role} from ${from.status}: ${result.code} ${result.message}`);
  return result.next;
}

function refusal(from: GoalTableState, action: GoalAction, ctx: Partial<GoalTransitionContext> & { role: Role }) {
  const result = transition(from, action, withDeclarer(ctx));
  if (result.ok) throw new Error(`${action} by ${ctx.role} from ${from.status} should be refused`);
  return result;
}

describe("goal table workflow: project tables", () => {
  it("goes unit → department → finance", () => {
    const submitted = step(draft, "submit", { role: "unit" });
    expect(submitted).toEqual(state("submitted"));
    const deptApproved = step(submitted, "approve", { role: "department", comment: "同意" });
    expect(deptApproved).toEqual(state("dept_approved"));
    const approved = step(deptApproved, "approve", { role: "finance_staff" });
    expect(approved).toEqual(state("approved"));
    expect(GOAL_STATUS_LABELS[approved.status]).toBe("已批复");
    expect(allowedActions(approved, "unit", "unit")).toEqual(["revise"]);
    expect(isEditable(approved, "unit", "unit")).toBe(false);
  });

  it("refuses to submit while the table has errors", () => {
    const r = refusal(draft, "submit", { role: "unit", blockingFindings: 2 });
    expect(r.code).toBe("GOAL_HAS_ERRORS");
    expect(r.message).toContain("2 项错误");
    expect(
      refusal(state("returned", { returnedBy: "finance" }), "submit", { role: "unit", blockingFindings: 1 }).code,
    ).toBe("GOAL_HAS_ERRORS");
  });

  it("department returns with a comment, and the unit edits and submits again", () => {
    const submitted = step(draft, "submit", { role: "unit" });
    expect(refusal(submitted, "return", { role: "department" }).code).toBe("GOAL_RETURN_NEEDS_COMMENT");
    expect(refusal(submitted, "return", { role: "department", comment: "  " }).code).toBe("GOAL_RETURN_NEEDS_COMMENT");
    const returned = step(submitted, "return", { role: "department", comment: "满意度指标缺失" });
    expect(returned).toEqual(state("returned", { returnedBy: "department" }));
    expect(goalStatusText(returned)).toBe("已退回（主管部门）");
    expect(isEditable(returned, "unit", "unit")).toBe(true);
    expect(isEditable(returned, "department", "unit")).toBe(false);
    expect(step(returned, "submit", { role: "unit" })).toEqual(state("submitted"));
  });

  it("finance returns with a comment, and the table goes back through the department", () => {
    const atFinance = state("dept_approved");
    expect(refusal(atFinance, "return", { role: "finance_admin" }).code).toBe("GOAL_RETURN_NEEDS_COMMENT");
    const returned = step(atFinance, "return", { role: "finance_admin", comment: "产出指标以投入代替产出" });
    expect(returned).toEqual(state("returned", { returnedBy: "finance" }));
    expect(goalStatusText(returned)).toBe("已退回（财政）");
    expect(allowedActions(returned, "unit", "unit")).toEqual(["submit"]);
    expect(step(returned, "submit", { role: "unit" })).toEqual(state("submitted"));
  });

  it("the unit withdraws a submitted table before the department reviews it, not after", () => {
    expect(step(state("submitted"), "withdraw", { role: "unit" })).toEqual(draft);
    expect(refusal(state("dept_approved"), "withdraw", { role: "unit" }).code).toBe("GOAL_INVALID_TRANSITION");
  });

  it("revises an approved table as a new version with a reason", () => {
    const approved = state("approved", { version: 3 });
    expect(refusal(approved, "revise", { role: "unit" }).code).toBe("GOAL_REVISE_NEEDS_REASON");
    expect(step(approved, "revise", { role: "unit", comment: "预算调减，指标相应调整" })).toEqual(
      state("draft", { version: 4 }),
    );
    for (const from of [
      draft,
      state("submitted"),
      state("dept_approved"),
      state("returned", { returnedBy: "department" }),
    ]) {
      expect(refusal(from, "revise", { role: "unit", comment: "调整" }).code).toBe("GOAL_INVALID_TRANSITION");
    }
  });

  it("refuses actions the state does not allow, naming the state", () => {
    const r = refusal(state("approved"), "approve", { role: "finance_staff" });
    expect(r.code).toBe("GOAL_INVALID_TRANSITION");
    expect(r.message).toContain("已批复");
    expect(refusal(draft, "return", { role: "department", comment: "x" }).code).toBe("GOAL_INVALID_TRANSITION");
  });
});

describe("goal table workflow: department-wide tables", () => {
  const dw = { subjectKind: "deptWide" as const };

  it("the department submits straight to finance, which approves", () => {
    const atFinance = step(draft, "submit", { ...dw, role: "department" });
    expect(atFinance).toEqual(state("dept_approved"));
    expect(GOAL_STATUS_LABELS[atFinance.status]).toBe("待财政审核");
    expect(step(atFinance, "approve", { ...dw, role: "finance_staff" })).toEqual(state("approved"));
  });

  it("finance returns it to the department, which withdraws, edits and revises its own table", () => {
    const atFinance = state("dept_approved");
    expect(refusal(atFinance, "return", { ...dw, role: "finance_staff" }).code).toBe("GOAL_RETURN_NEEDS_COMMENT");
    const returned = step(atFinance, "return", { ...dw, role: "finance_staff", comment: "职责与目标不对应" });
    expect(returned).toEqual(state("returned", { returnedBy: "finance" }));
    expect(isEditable(returned, "department", "department")).toBe(true);
    expect(isEditable(returned, "unit", "department")).toBe(false);
    expect(step(returned, "submit", { ...dw, role: "department" })).toEqual(state("dept_approved"));
    expect(step(atFinance, "withdraw", { ...dw, role: "department" })).toEqual(draft);
    expect(step(state("approved"), "revise", { ...dw, role: "department", comment: "机构改革" })).toEqual(
      state("draft", { version: 2 }),
    );
  });

  it("never uses the department-review state", () => {
    for (const role of ROLES) expect(allowedActions(state("submitted"), role, "department")).toEqual([]);
  });
});

describe("who may take each step", () => {
  const steps: { kind: GoalSubjectKind | "ownProject"; from: GoalTableState; action: GoalAction; roles: Role[] }[] = [
    { kind: "project", from: draft, action: "submit", roles: ["unit"] },
    { kind: "project", from: state("returned", { returnedBy: "finance" }), action: "submit", roles: ["unit"] },
    { kind: "project", from: state("submitted"), action: "withdraw", roles: ["unit"] },
    { kind: "project", from: state("submitted"), action: "approve", roles: ["department"] },
    { kind: "project", from: state("submitted"), action: "return", roles: ["department"] },
    { kind: "project", from: state("dept_approved"), action: "approve", roles: ["finance_admin", "finance_staff"] },
    { kind: "project", from: state("dept_approved"), action: "return", roles: ["finance_admin", "finance_staff"] },
    { kind: "project", from: state("approved"), action: "revise", roles: ["unit"] },
    { kind: "deptWide", from: draft, action: "submit", roles: ["department"] },
    { kind: "deptWide", from: state("returned", { returnedBy: "finance" }), action: "submit", roles: ["department"] },
    { kind: "deptWide", from: state("dept_approved"), action: "withdraw", roles: ["department"] },
    { kind: "deptWide", from: state("dept_approved"), action: "approve", roles: ["finance_admin", "finance_staff"] },
    { kind: "deptWide", from: state("dept_approved"), action: "return", roles: ["finance_admin", "finance_staff"] },
    { kind: "deptWide", from: state("approved"), action: "revise", roles: ["department"] },
    // A project the department implements itself: declared by the department, straight to finance.
    { kind: "ownProject", from: draft, action: "submit", roles: ["department"] },
    { kind: "ownProject", from: state("dept_approved"), action: "withdraw", roles: ["department"] },
    { kind: "ownProject", from: state("dept_approved"), action: "approve", roles: ["finance_admin", "finance_staff"] },
    { kind: "ownProject", from: state("approved"), action: "revise", roles: ["department"] },
  ];
  const declarerOfKind = (k: (typeof steps)[number]["kind"]) => (k === "project" ? "unit" : "department");

  for (const s of steps) {
    for (const role of ROLES) {
      const may = s.roles.includes(role);
      it(`${s.kind}: ${role} ${may ? "may" : "may not"} ${s.action} from ${s.from.status}`, () => {
        const result = transition(s.from, s.action, {
          role,
          subjectKind: s.kind === "deptWide" ? "deptWide" : "project",
          declarer: declarerOfKind(s.kind),
          comment: "意见",
          blockingFindings: 0,
        });
        expect(result.ok).toBe(may);
        if (!result.ok) {
          expect(result.code).toBe("GOAL_ROLE_NOT_ALLOWED");
          expect(result.message).toContain("应由");
        }
        expect(allowedActions(s.from, role, declarerOfKind(s.kind)).includes(s.action)).toBe(may);
      });
    }
  }

  it("firms, experts and auditors can do nothing and edit nothing", () => {
    for (const role of ["firm", "expert", "auditor"] as const)
      for (const status of GOAL_STATUSES)
        for (const kind of ["unit", "department"] as const) {
          expect(allowedActions(state(status), role, kind)).toEqual([]);
          expect(isEditable(state(status), role, kind)).toBe(false);
        }
  });
});

describe("workflow properties", () => {
  // A unit's project, a department's own project, a department-wide table.
  const kind = fc.constantFrom<{ subjectKind: GoalSubjectKind; declarer: GoalDeclarer }>(
    { subjectKind: "project", declarer: "unit" },
    { subjectKind: "project", declarer: "department" },
    { subjectKind: "deptWide", declarer: "department" },
  );
  const move = fc.record({
    action: fc.constantFrom(...GOAL_ACTIONS),
    role: fc.constantFrom(...ROLES),
    comment: fc.option(fc.constantFrom("", " ", "请补充满意度指标"), { nil: undefined }),
    blockingFindings: fc.constantFrom(0, 0, 1, 3),
  });

  it("any sequence of actions by any roles stays in the defined states and never lowers the version", () => {
    fc.assert(
      fc.property(kind, fc.array(move, { maxLength: 60 }), (table, moves) => {
        let current = INITIAL_GOAL_STATE;
        for (const m of moves) {
          const result = transition(current, m.action, { ...m, ...table });
          if (!result.ok) {
            expect(result.code).toMatch(/^GOAL_[A-Z_]+$/);
            expect(result.message).not.toBe("");
            continue;
          }
          const next = result.next;
          expect(GOAL_STATUSES).toContain(next.status);
          expect(next.version).toBeGreaterThanOrEqual(current.version);
          expect(next.version - current.version).toBe(m.action === "revise" ? 1 : 0);
          expect(next.returnedBy === null).toBe(next.status !== "returned");
          if (table.declarer === "department") expect(next.status).not.toBe("submitted");
          if (m.action === "submit") expect(m.blockingFindings).toBe(0);
          current = next;
        }
      }),
    );
  });

  it("allowedActions lists exactly the actions that succeed with a comment and no errors", () => {
    fc.assert(
      fc.property(kind, fc.array(move, { maxLength: 30 }), fc.constantFrom(...ROLES), (table, moves, role) => {
        let current = INITIAL_GOAL_STATE;
        for (const m of moves) {
          const r = transition(current, m.action, { ...m, ...table });
          if (r.ok) current = r.next;
        }
        const allowed = allowedActions(current, role, table.declarer);
        for (const action of GOAL_ACTIONS) {
          const r = transition(current, action, { role, ...table, comment: "意见", blockingFindings: 0 });
          expect(r.ok).toBe(allowed.includes(action));
        }
      }),
    );
  });
});
