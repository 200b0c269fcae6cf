import { describe, expect, it } from "vitest";
import { DEFAULT_EVALUATION_FRAMEWORK } from "./framework";
import { evaluationProblems } from "./problems";
import { MAX_RECTIFICATION_ITEMS, MAX_RECTIFICATION_TEXT } from "./rectification-notice";
import { SHEETS_OF_TWO } from "./report-fixture";

const rows = DEFAULT_EVALUATION_FRAMEWORK.rows;

describe("the problems of an evaluation, as rectification items", () => {
  it("takes the report's 存在的问题 line by line, without the numbering people typed", () => {
    const text =
      "1. 绩效目标未量化\n\n2、资金拨付滞后\n（三）档案不全\n一、验收不及时\n(5) 满意度调查样本偏少\n② 公示不及时\n  ";
    expect(evaluationProblems(rows, SHEETS_OF_TWO, text)).toEqual([
      "绩效目标未量化",
      "资金拨付滞后",
      "档案不全",
      "验收不及时",
      "满意度调查样本偏少",
      "公示不及时",
    ]);
  });

  it("without written problems, lists the indicators below 80 % of their weight as the drafted report does", () => {
    expect(evaluationProblems(rows, SHEETS_OF_TWO, " \n ")).toEqual([
      "“绩效指标明确性”（决策—绩效目标，分值3分）得分2.25分，得分率75.00%。评价意见：部分指标未量化。",
      "“完成及时性”（产出—产出时效，分值8分）得分5.50分，得分率68.75%。评价意见：进度滞后两个月；未按计划完工。",
      "“服务对象满意度”（效益—满意度，分值10分）得分7.75分，得分率77.50%。评价意见：满意度调查样本偏少。",
    ]);
  });

  it("finds none without sheets or weak indicators, and never more than a notice holds", () => {
    expect(evaluationProblems(rows, [], "")).toEqual([]);
    const full = Object.fromEntries(rows.map((r) => [r.uid, r.points]));
    expect(evaluationProblems(rows, [{ member: "甲", points: full, comments: {} }], "")).toEqual([]);
    const many = Array.from({ length: 60 }, (_, i) => `问题${i + 1}`).join("\n");
    expect(evaluationProblems(rows, [], many)).toHaveLength(MAX_RECTIFICATION_ITEMS);
    const [long] = evaluationProblems(rows, [], "长".repeat(MAX_RECTIFICATION_TEXT + 10));
    expect(long).toHaveLength(MAX_RECTIFICATION_TEXT);
  });
});
