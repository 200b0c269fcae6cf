import { describe, expect, it } from "vitest";
import { EMPTY_ANSWERS } from "../../../../src/core/selfeval/form";
import { deptWideFormItems, projectFormItems } from "../../../../src/core/selfeval/issue";
import { DEFAULT_SELFEVAL_RULES } from "../../../../src/core/selfeval/rules";
import type { SelfEvalFormDetail } from "../../api/selfeval/forms";
import {
  answersOf,
  byField,
  checkOf,
  editorOf,
  fingerprint,
  formOf,
  issuesOfError,
  payloadOf,
  scoreOf,
  tierRange,
} from "./selfEvalForm";

const rules = DEFAULT_SELFEVAL_RULES;

/** A form as the API sends it: only what the screen's logic reads is filled with care. */
function detail(subjectKind: "project" | "deptWide"): SelfEvalFormDetail {
  const built =
    subjectKind === "project"
      ? projectFormItems(
          [
            ["产出指标", "维修面积", "quantitative", ">=", "1200", "平方米"],
            ["效益指标", "群众反映", "qualitative", null, "明显改善", null],
          ].map(([level1, name, kind, operator, target, unit], n) => ({
            uid: `u${n}`,
            level1: level1!,
            level2: "",
            name: name!,
            kind: kind!,
            operator: operator as ">=" | null,
            target: target!,
            unit: unit ?? null,
            explanation: null,
            goalWeight: 10,
          })),
          rules.project,
        )
      : deptWideFormItems(rules.deptWide);
  return {
    subjectKind,
    figures: { startBudget: 100, adjustedBudget: 100, executed: 90, rate: "90.00", live: true },
    executionWeight: built.executionWeight,
    missingWeight: built.missingWeight,
    overallActual: "",
    items: built.items.map((i) => ({
      ...i,
      operator: i.operator,
      answers: { ...EMPTY_ANSWERS },
      score: { status: "unscorable", weight: i.weight, points: null, full: false, how: "" },
    })),
  } as unknown as SelfEvalFormDetail;
}

describe("the self-evaluation form in the browser", () => {
  it("scores what the unit types with the core's engine, as the server will", () => {
    const d = detail("project");
    const f = formOf(d);
    expect(scoreOf(d, f, rules).total).toBeNull();
    f.items.u0!.actual = "1000";
    f.items.u1 = { ...f.items.u1!, tier: "achieved", points: 33 };
    const s = scoreOf(d, f, rules);
    // No satisfaction indicator: its 10 go to output and benefit (55 and 35); execution 90% of 10.
    expect(s.items.map((i) => i.points)).toEqual([45.83, 33]);
    expect(s.execution?.points).toBe(9);
    expect(s.total).toBe(87.83);
    expect(s.grade).toBe("good");
  });

  it("sends empty texts as null and keeps the rest as typed", () => {
    const d = detail("project");
    const f = formOf(d);
    f.items.u0!.actual = " ";
    f.items.u0!.note = "雨季顺延";
    const body = payloadOf(d, f, 7);
    expect(body.version).toBe(7);
    expect(body.items[0]).toMatchObject({ uid: "u0", actual: null, note: "雨季顺延", failed: null });
    expect(fingerprint(d, f)).not.toBe(fingerprint(d, formOf(d)));
    expect(answersOf(d, formOf(d)).items.every((i) => i.answers.actual === null)).toBe(true);
  });

  it("names what blocks saving and what blocks submitting on the item's fields", () => {
    const d = detail("project");
    const f = formOf(d);
    f.items.u0!.actual = "约1200";
    const draft = checkOf(d, f, scoreOf(d, f, rules), rules, "draft");
    expect(byField(draft).get("items.u0.actual")).toContain("不是数值");
    f.items.u0!.actual = "1000";
    const submit = byField(checkOf(d, f, scoreOf(d, f, rules), rules, "submit"));
    expect(submit.get("overallActual")).toContain("实际完成情况");
    expect(submit.get("items.u0.note")).toContain("偏差原因");
    expect(submit.get("items.u1")).toContain("定性指标未选择达成档次");
  });

  it("answers department-wide rows by their formula: prefilled execution rate, checklists, tiers, values", () => {
    const d = detail("deptWide");
    const kinds = Object.fromEntries(d.items.map((i) => [i.uid, editorOf(d, i)]));
    expect(kinds).toMatchObject({
      executionRate: "prefilled",
      systems: "checklist",
      goalReasonable: "tiers",
      staffControl: "value",
      carryover: "value",
    });
    const f = formOf(d);
    const rate = () => scoreOf(d, f, rules).items.find((i) => i.uid === "executionRate")!;
    expect(rate().points).toBe(9);
    // A checklist is unanswered until checked; all met is full points, a failed item costs its deduction.
    const systems = () => scoreOf(d, f, rules).items.find((i) => i.uid === "systems")!;
    expect(systems().status).toBe("unscorable");
    f.items.systems!.failed = [];
    expect(systems().points).toBe(3);
    f.items.systems!.failed = ["hasRules"];
    expect(systems().points).toBe(2);
  });

  it("reads the issues of a refused request, and the points range of a tier", () => {
    expect(
      issuesOfError({ field: "x", issues: [{ field: "items.a.actual", message: "错", blocks: "save" }, { bad: 1 }] }),
    ).toEqual([{ field: "items.a.actual", message: "错" }]);
    expect(issuesOfError(undefined)).toEqual([]);
    expect(tierRange(16.67, { minPercent: 80, maxPercent: 100 })).toEqual([13.34, 16.67]);
  });
});
