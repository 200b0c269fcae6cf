import { describe, expect, it } from "vitest";
import { checkText } from "./check-text";
import type { FigureValues } from "./figures";
import { chineseNumber, exact, parseChineseNumber } from "./numbers";
import { recognise } from "./recognise";

// The review paragraph of a district's published 2024 report, as printed (half-width punctuation and all).
const SEED =
  "2024年城中区财政局组织全区预算部门(单位)完成54个部门整体支出及1713个项目的绩效自评,涉及预算金额9.41亿元。" +
  "全区54个部门整体支出复核评分结果是:复核评分一等等级90分以上(含90分)的部门有5个,占本次抽查比例9.26%;" +
  "二等等级80分以上(含80分)的部门44个,占本次抽查比例81.48%;60分以上(含60分)5个,占本次抽查比例9.26%。" +
  "抽查的97个项目复核评分结果是:复核评分一等等级90分以上(含90分)的项目7个,占本次抽查比例7.21%;" +
  "二等等级80分以上(含80分)的项目57个,占本次抽查比例58.77%;三等等级60分以上(含60分)33个,占本次抽查比例34.02%;" +
  "四等等级60分以下的项目有0个,占本次抽查比例0.00%。" +
  "2024年,完成54个项目部门评价,全区参评部门覆盖率100%。" +
  "对“政府一般债务限额支持农村公办学校校舍安全保障长效机制项目建设”、“自治区补助市县电影资金”等四个预算重点项目开展财政绩效评价,涉及金额1336.64万元。" +
  "经评定,四个项目绩效平均得分80.34分。" +
  "区财政局在一体化系统下发了117个部门监控及9个财政重点监控任务。" +
  "累计调整61个项目的2025年预算申报数,压减申报金额4366万元。";

const errors = (text: string, data?: FigureValues) => checkText(text, data).filter((f) => f.severity === "error");

describe("the consistency check on a report's own text", () => {
  it("finds the seed's two slips, 7.21% and 58.77%, and nothing else", () => {
    const found = errors(SEED);
    expect(found.map((f) => [f.kind, f.printed, f.computed])).toEqual([
      ["share", "7.21%", "7.22%"],
      ["share", "58.77%", "58.76%"],
    ]);
    expect(found[0]!.sentence).toContain("抽查的97个项目复核评分结果是");
    expect(found[0]!.message).toContain("7个占97个的比例应为 7.22%");
  });

  it("reads a distribution over nothing (a year before any review) as shares of 0.00%", () => {
    const empty =
      "全区0个部门整体支出复核评分结果是：一等的部门有0个，占本次抽查比例0.00%；二等的部门0个，占本次抽查比例0.00%。";
    expect(errors(empty)).toEqual([]);
    expect(errors(empty.replace("二等的部门0个", "二等的部门2个")).map((f) => [f.kind, f.computed])).toEqual([
      ["count-sum", "2，应为 0个"],
    ]);
  });

  it("catches a changed count: the share no longer matches and the counts no longer add up", () => {
    const found = errors(SEED.replace("部门44个", "部门45个"));
    expect(found.map((f) => [f.kind, f.printed, f.computed])).toEqual([
      ["count-sum", "5个 + 45个 + 5个", "55，应为 54个"],
      ["share", "81.48%", "83.33%"],
      ["share", "7.21%", "7.22%"],
      ["share", "58.77%", "58.76%"],
    ]);
  });

  it("reports shares forced to total 100% as a note, not an error", () => {
    // 1/3 each: half up gives 33.33% × 3 = 99.99%; the largest remainder prints 33.34 once.
    const text = "抽查的3个项目中,一等1个,占33.34%;二等1个,占33.33%;三等1个,占33.33%。";
    const all = checkText(text);
    expect(all.map((f) => [f.kind, f.severity])).toEqual([["forced", "note"]]);
    expect(all[0]!.message).toContain("最大余数法");
    // The same shares with one not forced but wrong are errors.
    expect(errors("抽查的3个项目中,一等1个,占33.35%;二等1个,占33.33%;三等1个,占33.33%。")).toHaveLength(1);
  });

  it("checks amounts against their stated sum, and parts against their total", () => {
    const sum = "重点评价甲项目800.00万元、乙项目536.64万元,合计1336.64万元。";
    expect(errors(sum)).toEqual([]);
    const wrong = errors(sum.replace("536.64", "536.46"));
    expect(wrong.map((f) => [f.kind, f.printed, f.computed])).toEqual([["amount-sum", "1336.64万元", "1336.46万元"]]);
    expect(errors("涉及资金1.2亿元,其中本级资金8000万元、上级补助5000万元。")[0]).toMatchObject({
      kind: "amount-sum",
      printed: "1.2亿元",
    });
  });

  it("flags a figure quoted twice with two values", () => {
    const found = errors(SEED.replace("经评定,四个项目", "经评定,五个项目"));
    expect(found.map((f) => [f.kind, f.figure, f.printed, f.computed])).toContainEqual([
      "twice",
      "keyEval.count",
      "五个",
      "四个",
    ]);
  });

  it("checks each recognised figure against the data at the precision it is printed with", () => {
    const data: FigureValues = {
      "selfeval.deptWide": { exact: exact(54) },
      "selfeval.projects": { exact: exact(1713) },
      "selfeval.budgetYi": { exact: exact(94_135_123_456n, 10_000_000_000n) },
      "review.project.excellentShare": { exact: exact(700, 97) },
      "deptEval.coverage": { exact: exact(100) },
      "keyEval.count": { exact: exact(4) },
      "keyEval.amountWan": { exact: exact(13_366_400_00n, 1_000_000n) },
      "keyEval.meanScore": { exact: exact(8034, 100) },
      "monitoring.departmentTasks": { exact: exact(117) },
      "results.totalCut": { exact: exact(4_366_000_000n, 1_000_000n) },
    };
    expect(errors(SEED, data).map((f) => f.printed)).toEqual(["7.21%", "58.77%"]);
    const found = errors(SEED.replace("1713个项目", "1731个项目").replace("117个部门监控", "171个部门监控"), data);
    expect(found.map((f) => [f.kind, f.figure, f.printed, f.computed])).toEqual([
      ["data", "selfeval.projects", "1731个", "1713个"],
      ["share", undefined, "7.21%", "7.22%"],
      ["share", undefined, "58.77%", "58.76%"],
      ["data", "monitoring.departmentTasks", "171个", "117个"],
    ]);
  });

  it("recognises the seed's figures, grades included", () => {
    const keys = recognise(SEED).map((q) => `${q.key}=${q.printed}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        "selfeval.deptWide=54个",
        "selfeval.projects=1713个",
        "selfeval.budgetYi=9.41亿元",
        "review.deptWide.total=54个",
        "review.deptWide.excellent=5个",
        "review.deptWide.fairShare=9.26%",
        "review.project.total=97个",
        "review.project.poor=0个",
        "deptEval.count=54个",
        "deptEval.coverage=100%",
        "keyEval.count=四个",
        "keyEval.amountWan=1336.64万元",
        "keyEval.meanScore=80.34分",
        "monitoring.departmentTasks=117个",
        "monitoring.keyTasks=9个",
        "results.projectsAdjusted=61个",
        "results.totalCut=4366万元",
      ]),
    );
  });

  it("reads and writes counts in Chinese numerals", () => {
    expect([4, 10, 12, 20, 103, 1010].map(chineseNumber)).toEqual([
      "四",
      "十",
      "十二",
      "二十",
      "一百零三",
      "一千零一十",
    ]);
    expect(["四", "十", "十二", "二十", "一百零三", "两"].map(parseChineseNumber)).toEqual([4, 10, 12, 20, 103, 2]);
  });
});
