import { describe, expect, it } from "vitest";
import { defaultPlan, PHASES, type PlanPhase } from "./phases";
import { validatePlan } from "./validate-plan";

const withPhase = (plan: PlanPhase[], phase: PlanPhase["phase"], change: Partial<PlanPhase>) =>
  plan.map((p) => (p.phase === phase ? { ...p, ...change } : p));

describe("the year's work plan", () => {
  it("has a sound default for every year, each phase once, dated around the year", () => {
    for (const year of [2024, 2025, 2030]) {
      const plan = defaultPlan(year);
      expect(plan.map((p) => p.phase)).toEqual([...PHASES]);
      expect(validatePlan(year, plan)).toEqual([]);
    }
    const d = defaultPlan(2025);
    expect(d[0]).toEqual({ phase: "goal_declaration", startsOn: "2024-09-01", endsOn: "2024-10-31" });
    expect(d.find((p) => p.phase === "monitoring")?.startsOn).toBe("2025-07-01");
    expect(d.find((p) => p.phase === "self_evaluation")?.startsOn).toBe("2026-01-01");
  });

  it("names a phase that ends before it starts, and a date that does not exist", () => {
    const plan = withPhase(defaultPlan(2025), "goal_review", { startsOn: "2024-12-01", endsOn: "2024-11-30" });
    expect(validatePlan(2025, plan)).toEqual([
      { phase: "goal_review", field: "endsOn", message: "「目标审核」的结束日期 2024-11-30 早于开始日期 2024-12-01" },
    ]);
    const bad = withPhase(defaultPlan(2025), "monitoring", { startsOn: "2025-02-30" });
    expect(validatePlan(2025, bad)[0]?.message).toBe(
      "「运行监控」的开始日期不是有效日期（应为 YYYY-MM-DD）：2025-02-30",
    );
  });

  it("refuses phases in an order that cannot work, naming both", () => {
    const plan = withPhase(defaultPlan(2025), "self_evaluation", { startsOn: "2025-06-01" });
    expect(validatePlan(2025, plan)).toEqual([
      {
        phase: "self_evaluation",
        field: "startsOn",
        message: "「单位自评」的开始日期 2025-06-01 早于「运行监控」的结束日期 2025-08-31",
      },
    ]);
    const early = withPhase(defaultPlan(2025), "goal_review", { startsOn: "2024-08-01" });
    expect(validatePlan(2025, early).map((i) => i.phase)).toEqual(["goal_review"]);
  });

  it("allows the overlaps real years have (review while late units still declare)", () => {
    const plan = withPhase(defaultPlan(2025), "goal_review", { startsOn: "2024-09-15" });
    expect(validatePlan(2025, plan)).toEqual([]);
  });

  it("refuses a missing or repeated phase, and dates far from the year", () => {
    const plan = defaultPlan(2025);
    expect(validatePlan(2025, plan.slice(1))[0]?.message).toBe("缺少阶段「目标申报」");
    expect(validatePlan(2025, [...plan, plan[3]!]).map((i) => i.message)).toContain("「运行监控」重复出现");
    const far = withPhase(plan, "disclosure", { endsOn: "2030-01-01" });
    expect(validatePlan(2025, far)[0]?.message).toContain("超出 2025 年度工作的范围（2023-01-01 至 2027-12-31）");
  });
});
