import { describe, expect, it } from "vitest";
import type { GradeDistribution } from "../../api/review/review";
import { distributionSentence } from "./statsText";

const grades = (counts: number[], percents: string[]): GradeDistribution["grades"] =>
  (["excellent", "good", "fair", "poor"] as const).map((grade, i) => ({
    grade,
    label: ["一等", "二等", "三等", "四等"][i]!,
    band: ["90分（含）以上", "80（含）—90分", "60（含）—80分", "60分以下"][i]!,
    count: counts[i]!,
    percent: percents[i]!,
  }));

describe("distributionSentence", () => {
  it("reads like the district's report, every grade with its count and share", () => {
    const d = {
      total: 54,
      sampled: 54,
      grades: grades([5, 30, 17, 2], ["9.26", "55.56", "31.48", "3.70"]),
      sumOfPercents: "100.00",
      roundingNote: "",
    };
    expect(distributionSentence(d, "部门")).toBe(
      "复核评分一等等级90分（含）以上的部门有5个，占本次抽查比例9.26%；" +
        "复核评分二等等级80（含）—90分的部门有30个，占本次抽查比例55.56%；" +
        "复核评分三等等级60（含）—80分的部门有17个，占本次抽查比例31.48%；" +
        "复核评分四等等级60分以下的部门有2个，占本次抽查比例3.70%。",
    );
  });

  it("says so when nothing is confirmed yet", () => {
    const d = {
      total: 0,
      sampled: 3,
      grades: grades([0, 0, 0, 0], ["0.00", "0.00", "0.00", "0.00"]),
      sumOfPercents: "0.00",
      roundingNote: "",
    };
    expect(distributionSentence(d, "项目")).toBe("尚无经财政确认的项目复核结果。");
  });
});
