import { describe, expect, it } from "vitest";
import { componentHow } from "./component-how";

describe("componentHow", () => {
  it("says what each component is computed from", () => {
    expect(componentHow("selfEvalQuality", { count: 2, part: null, pending: 0 })).toBe(
      "财政已确认复核的自评表 2 张，复核得分的平均值",
    );
    expect(componentHow("keyEval", { count: 0, part: null, pending: 0 })).toBe("无已定稿的重点评价，不参与计分");
    expect(componentHow("rectification", { count: 4, part: 3, pending: 1 })).toBe(
      "已验收 3 项 ÷ 应计 4 项（已验收或已过整改期限）× 100；另有 1 项未到整改期限，暂不计入",
    );
    expect(componentHow("taskTimeliness", { count: 0, part: 0, pending: 2 })).toBe(
      "无应计任务，不参与计分；另有 2 项任务未到期，暂不计入",
    );
  });
});
