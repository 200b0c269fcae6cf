import { describe, expect, it } from "vitest";
import { taskLink } from "./present";

describe("taskLink", () => {
  it("opens a 预算调整告知 on its line of the adjustment list", () => {
    expect(
      taskLink({ kind: "result_adjustment", objectKind: "result_adjustment", objectId: 41, currentObjectId: null }),
    ).toBe("/results/adjustments/41");
  });

  it("opens an expert's scoring on the evaluation", () => {
    expect(
      taskLink({ kind: "evaluation_scoring", objectKind: "evaluation_member", objectId: 3, currentObjectId: 7 }),
    ).toBe("/evaluations/7");
  });
});
