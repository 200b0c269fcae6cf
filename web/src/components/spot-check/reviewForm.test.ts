import { describe, expect, it } from "vitest";
import type { ReviewDetail } from "../../api/review/review";
import {
  differs,
  fillFromSelf,
  issuesByField,
  liveReviewScore,
  type ReviewForm,
  reviewFormOf,
  reviewIssues,
  reviewPayloadOf,
} from "./reviewForm";

const scored = (uid: string, weight: number, points: number) => ({
  uid,
  status: "scored" as const,
  weight,
  points,
  full: points === weight,
  how: "",
});

const item = (uid: string, name: string, weight: number, self: number) => ({
  uid,
  level1: "产出指标",
  level2: "数量指标",
  name,
  kind: "quantitative",
  operator: ">=" as const,
  target: "100",
  unit: "%",
  weight,
  explanation: null,
  formula: null,
  answers: null,
  self: scored(uid, weight, self),
  review: { uid, points: null, notApplicable: false, comment: null },
  reviewScore: null,
});

// Only what the form's logic reads of a review's view.
const detail = {
  version: 3,
  guidance: "",
  form: { missingWeight: 0 },
  execution: { ...scored("execution", 10, 8), rate: "80.00" },
  items: [item("a", "维修面积", 40, 40), item("b", "验收合格率", 50, 45)],
} as unknown as ReviewDetail;

describe("the re-scoring form", () => {
  it("totals as the server does: the execution rate as a fact plus the items as re-scored", () => {
    const empty = reviewFormOf(detail);
    expect(liveReviewScore(detail, empty).total).toBeNull();
    const filled = fillFromSelf(detail, empty);
    expect(liveReviewScore(detail, filled).total).toBe(93);
    const lower = { ...filled, items: { ...filled.items, b: { ...filled.items.b!, points: 30 } } };
    expect(liveReviewScore(detail, lower).total).toBe(78);
    // Not applicable: its weight drops out and the rest is rescaled to 100.
    const na = { ...filled, items: { ...filled.items, b: { points: null, notApplicable: true, comment: "" } } };
    expect(liveReviewScore(detail, na).total).toBe(96);
  });

  it("fills only the items not yet scored with the self score", () => {
    const f = reviewFormOf(detail);
    const started = { ...f, items: { ...f.items, a: { points: 35, notApplicable: false, comment: "" } } };
    const filled = fillFromSelf(detail, started);
    expect(filled.items.a?.points).toBe(35);
    expect(filled.items.b?.points).toBe(45);
  });

  it("names what blocks saving and what submitting still needs, by field, in Chinese", () => {
    const f = fillFromSelf(detail, reviewFormOf(detail));
    const over = { ...f, items: { ...f.items, a: { ...f.items.a!, points: 41 } } };
    const draft = issuesByField(reviewIssues(detail, over, "draft"));
    expect(draft.get("items.a.points")).toBe("指标“维修面积”的复核得分 41 超出分值范围 0—40.00");
    const lower: ReviewForm = { ...f, items: { ...f.items, b: { ...f.items.b!, points: 30 } } };
    expect(differs(detail.items[1]!, lower.items.b)).toBe(true);
    expect(differs(detail.items[0]!, lower.items.a)).toBe(false);
    const submit = issuesByField(reviewIssues(detail, lower, "submit"));
    expect(submit.get("guidance")).toBe("请填写给单位的指导意见");
    expect(submit.get("items.b.comment")).toBe("指标“验收合格率”的复核结果与自评不同，请写明复核意见");
    expect(submit.has("items.a.comment")).toBe(false);
    const done = {
      guidance: "请如实填报",
      items: { ...lower.items, b: { ...lower.items.b!, comment: "抽查两处未达标" } },
    };
    expect(reviewIssues(detail, done, "submit")).toEqual([]);
  });

  it("sends every item, a blank comment as none and a not-applicable item without points", () => {
    const f = reviewFormOf(detail);
    const body = reviewPayloadOf(
      detail,
      { ...f, items: { ...f.items, a: { points: 12, notApplicable: true, comment: "  " } } },
      detail.version,
    );
    expect(body.version).toBe(3);
    expect(body.items[0]).toEqual({ uid: "a", points: null, notApplicable: true, comment: null });
    expect(body.items).toHaveLength(2);
  });
});
