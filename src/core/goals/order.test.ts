import { describe, expect, it } from "vitest";
import { inTemplateOrder } from "./order";
import { DEFAULT_TEMPLATE } from "./types";

const row = (level1: string, level2: string, name: string) => ({ level1, level2, name });

describe("indicators in the template's order", () => {
  it("groups a table entered out of order by level 1 and level 2, keeping the order within each group", () => {
    const entered = [
      row("产出指标", "质量指标", "验收合格率"),
      row("效益指标", "社会效益指标", "改善办学条件"),
      row("满意度指标", "服务对象满意度指标", "师生满意度"),
      row("产出指标", "数量指标", "维修面积"),
      row("产出指标", "数量指标", "维修学校数"),
      row("产出指标", "时效指标", "完工时间"),
    ];
    expect(inTemplateOrder(entered, DEFAULT_TEMPLATE).map((r) => r.name)).toEqual([
      "维修面积",
      "维修学校数",
      "验收合格率",
      "完工时间",
      "改善办学条件",
      "师生满意度",
    ]);
  });

  it("puts levels the template does not know last, each kept together in the order it first appears", () => {
    const entered = [
      row("其他指标", "甲", "x1"),
      row("产出指标", "自定义", "c1"),
      row("产出指标", "数量指标", "q1"),
      row("另一指标", "乙", "y1"),
      row("其他指标", "甲", "x2"),
      row(" 产出指标 ", " 数量指标", "q2"),
    ];
    expect(inTemplateOrder(entered, DEFAULT_TEMPLATE).map((r) => r.name)).toEqual(["q1", "q2", "c1", "x1", "x2", "y1"]);
  });

  it("leaves a table already in order as it is", () => {
    const ordered = [row("产出指标", "数量指标", "a"), row("效益指标", "社会效益指标", "b")];
    expect(inTemplateOrder(ordered, DEFAULT_TEMPLATE)).toEqual(ordered);
  });
});
