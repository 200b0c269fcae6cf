import { describe, expect, it } from "vitest";
import type { EvaluationDetail, EvaluationMember } from "../../api/evaluations/evaluations";
import { reportAccess, submittedSheets } from "./reportAccess";

const member = (id: number, isLead: boolean, submitted: boolean): EvaluationMember => ({
  id,
  expert: { id, name: `专家${id}`, fields: [] },
  isLead,
  submitted,
  submittedAt: submitted ? "2024-06-01T00:00:00.000Z" : null,
  version: 1,
  visible: submitted,
  total: null,
  scores: submitted ? [{ uid: "A", points: 2, comment: "扣分" }] : [],
});
const key = (status: EvaluationDetail["status"], myMemberId: number | null) => ({
  kind: "key" as const,
  status,
  myMemberId,
  members: [member(1, true, status === "final"), member(2, false, true)],
});

describe("who may read and upload the evaluation report, as the server decides", () => {
  it("lets finance upload at any time and the auditor only read", () => {
    expect(reportAccess(key("final", null), "finance_staff")).toEqual({ read: true, upload: true });
    expect(reportAccess(key("scoring", null), "auditor")).toEqual({ read: true, upload: false });
  });

  it("lets the lead expert upload until final, and read once their own sheet is in", () => {
    expect(reportAccess(key("scoring", 1), "expert")).toEqual({ read: false, upload: true });
    expect(reportAccess(key("final", 1), "expert")).toEqual({ read: true, upload: false });
    expect(reportAccess(key("scoring", 2), "expert")).toEqual({ read: true, upload: false });
  });

  it("lets the department upload its own department evaluation until final; the unit reads once final", () => {
    const own = { kind: "department" as const, myMemberId: 9, members: [{ ...member(9, false, false), expert: null }] };
    expect(reportAccess({ ...own, status: "returned" }, "department")).toEqual({ read: true, upload: true });
    expect(reportAccess({ ...own, status: "final" }, "department")).toEqual({ read: true, upload: false });
    expect(reportAccess({ ...own, myMemberId: null, status: "submitted" }, "unit")).toEqual({
      read: false,
      upload: false,
    });
    expect(reportAccess({ ...own, myMemberId: null, status: "final" }, "unit")).toEqual({ read: true, upload: false });
  });

  it("takes only the submitted sheets the viewer sees, for the report's figures", () => {
    expect(submittedSheets(key("scoring", null))).toEqual([
      { member: "专家2", points: { A: 2 }, comments: { A: "扣分" } },
    ]);
  });
});
