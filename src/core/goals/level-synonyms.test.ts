import { describe, expect, it } from "vitest";
import { cleanLevelName, mapLevels } from "./level-synonyms";
import { DEFAULT_TEMPLATE, type IndicatorTemplate } from "./types";

/** A 财政部 2021 style framework: 成本 as a level 1 of its own. */
const COST_FIRST: IndicatorTemplate = {
  version: "2025.1",
  totalWeight: 100,
  levels: [
    { level1: "产出指标", level2: ["数量指标", "质量指标", "时效指标"] },
    { level1: "成本指标", level2: ["经济成本指标", "社会成本指标", "生态环境成本指标"] },
    { level1: "效益指标", level2: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"] },
    { level1: "满意度指标", level2: ["服务对象满意度指标"] },
  ],
};

const map = (l1: string, l2: string, t: IndicatorTemplate = DEFAULT_TEMPLATE) => {
  const m = mapLevels(l1, l2, t);
  return [m.level1, m.level2, m.mapped] as const;
};

describe("mapLevels", () => {
  it("keeps the template's own names", () => {
    expect(map("产出指标", "数量指标")).toEqual(["产出指标", "数量指标", false]);
    expect(map("满意度指标", "服务对象满意度指标")).toEqual(["满意度指标", "服务对象满意度指标", false]);
  });

  it("strips spaces, bracketed notes and points before comparing", () => {
    expect(cleanLevelName("数 量 指 标（或建筑规模指标）")).toBe("数量指标");
    expect(cleanLevelName("产出指标(50分)")).toBe("产出指标");
    expect(map("产 出 指 标", "时效指标（工期指标、形象进度指标）")).toEqual(["产出指标", "时效指标", false]);
  });

  it("maps older names of level 1", () => {
    expect(map("项目完成指标", "数量指标")).toEqual(["产出指标", "数量指标", true]);
    expect(map("预期产出指标", "质量指标")).toEqual(["产出指标", "质量指标", true]);
    expect(map("项目效益指标", "社会效益指标")).toEqual(["效益指标", "社会效益指标", true]);
    expect(map("效果指标", "可持续影响指标")).toEqual(["效益指标", "可持续影响指标", true]);
  });

  it("maps 环境效益指标 to 生态效益指标", () => {
    expect(map("效益指标", "环境效益指标")).toEqual(["效益指标", "生态效益指标", true]);
  });

  it("puts satisfaction in the template's place, whether level 1 or level 2 under 效益指标", () => {
    expect(map("效益指标", "社会公众或服务对象满意度指标")).toEqual(["满意度指标", "服务对象满意度指标", true]);
    expect(map("社会公众或服务对象满意度指标", "")).toEqual(["满意度指标", "服务对象满意度指标", true]);
    expect(map("满意度指标", "满意度指标")).toEqual(["满意度指标", "服务对象满意度指标", true]);
    expect(map("服务对象满意度指标", "服务对象满意度指标")).toEqual(["满意度指标", "服务对象满意度指标", true]);
  });

  it("does not move satisfaction placed under 产出指标: the rules report it", () => {
    expect(map("产出指标", "满意度指标")).toEqual(["产出指标", "满意度指标", false]);
  });

  it("puts cost where the template has it", () => {
    expect(map("成本指标", "经济成本指标")).toEqual(["产出指标", "成本指标", true]);
    expect(map("产出指标", "预算（或投资规模）控制指标")).toEqual(["产出指标", "成本指标", true]);
    expect(map("成本指标", "经济成本指标", COST_FIRST)).toEqual(["成本指标", "经济成本指标", false]);
    expect(map("产出指标", "成本指标", COST_FIRST)).toEqual(["成本指标", "经济成本指标", true]);
  });

  it("keeps names it does not know, so the rules can name them", () => {
    expect(map("社会、经济、生态效益指标", "社会效益指标")).toEqual([
      "社会、经济、生态效益指标",
      "社会效益指标",
      false,
    ]);
    expect(map("效益指标", "数量指标")).toEqual(["效益指标", "数量指标", false]);
  });

  it("returns what the file said", () => {
    const m = mapLevels("项目完成指标", "数量指标（或建筑规模指标）", DEFAULT_TEMPLATE);
    expect(m.written).toEqual({ level1: "项目完成指标", level2: "数量指标" });
  });
});
