import { describe, expect, it } from "vitest";
import { DRAFT_MARK, draftReport, type EvaluationReport, SCORE_TABLE_HEADER } from "./report";
import { KEY_EVALUATION as D, SHEETS_OF_TWO } from "./report-fixture";

const texts = (r: EvaluationReport, heading: string) =>
  r.sections.find((s) => s.heading === heading)!.blocks.flatMap((b) => (b.kind === "table" ? [] : [b.text]));
const table = (r: EvaluationReport) => {
  for (const s of r.sections) for (const b of s.blocks) if (b.kind === "table") return b;
  throw new Error("no table");
};

describe("evaluation report draft", () => {
  it("has the usual outline, title and header", () => {
    const r = draftReport(D);
    expect(r.sections.map((s) => s.heading)).toEqual([
      "一、项目基本情况",
      "二、评价工作开展情况",
      "三、评价结论",
      "四、绩效分析",
      "五、存在的问题",
      "六、有关建议",
    ]);
    expect(r.title).toBe("农村学校校舍安全工程项目绩效评价报告");
    expect(r.subtitle).toBe("（草稿）");
    expect(r.header).toBe("青山区 2024年度财政重点评价");
    expect(r.signer).toBe("明信绩效评价有限公司");
    expect(r.date).toBeNull();
    expect(draftReport({ ...D, finalisedOn: "2025-06-30" })).toMatchObject({ subtitle: null, date: "2025年6月30日" });
  });

  it("concludes with the two experts' mean rounded half up and its grade", () => {
    const r = draftReport(D);
    // 95.33 and 90.84: 93.085 → 93.09.
    expect(r).toMatchObject({ score: 9309n, mean: 9309n, grade: "优" });
    expect(texts(r, "三、评价结论").slice(0, 3)).toEqual([
      "经评价，该项目综合评价得分为93.09分（2位专家评分的平均值），评价等级为“优”。",
      "其中，决策类指标得分14.25分（分值15分，得分率95.00%）；过程类指标得分19.34分（分值20分，得分率96.70%）；" +
        "产出类指标得分32.50分（分值35分，得分率92.86%）；效益类指标得分27.00分（分值30分，得分率90.00%）。",
      "评价等级：90分（含）以上为“优”，80（含）—90分为“良”，60（含）—80分为“中”，60分以下为“差”。评价得分表如下：",
    ]);
  });

  it("tabulates each indicator's mean and rate, then each level's subtotal and the total", () => {
    const t = table(draftReport(D));
    expect(t.header).toEqual(SCORE_TABLE_HEADER);
    expect(t.rows).toHaveLength(19 + 4 + 1);
    expect(t.rows.slice(0, 7).map((r) => r.cells)).toEqual([
      ["决策", "项目立项", "立项依据充分性", "3", "3.00", "100.00%"],
      ["决策", "项目立项", "立项程序规范性", "3", "3.00", "100.00%"],
      ["决策", "绩效目标", "绩效目标合理性", "3", "3.00", "100.00%"],
      ["决策", "绩效目标", "绩效指标明确性", "3", "2.25", "75.00%"],
      ["决策", "资金投入", "预算编制科学性", "2", "2.00", "100.00%"],
      ["决策", "资金投入", "资金分配合理性", "1", "1.00", "100.00%"],
      ["决策", "小计", "", "15", "14.25", "95.00%"],
    ]);
    // 4.33 and 4.34: 4.335 → 4.34.
    expect(t.rows.find((r) => r.cells[2] === "预算执行率")!.cells).toEqual([
      "过程",
      "资金管理",
      "预算执行率",
      "5",
      "4.34",
      "86.80%",
    ]);
    expect(t.rows.filter((r) => r.kind === "level1").map((r) => r.cells[4])).toEqual([
      "14.25",
      "19.34",
      "32.50",
      "27.00",
    ]);
    expect(t.rows.at(-1)).toEqual({ kind: "total", cells: ["合计", "", "", "100", "93.09", "93.09%"] });
  });

  it("keeps the mean beside finance's override and grades the override", () => {
    const r = draftReport({ ...D, override: 8950n, overrideReason: "现场核查发现部分资金未及时拨付。" });
    expect(r).toMatchObject({ score: 8950n, mean: 9309n, grade: "良" });
    expect(texts(r, "三、评价结论").slice(0, 2)).toEqual([
      "经评价，2位专家评分的平均值为93.09分；财政部门将评价得分调整为89.50分，理由：现场核查发现部分资金未及时拨付。" +
        "专家评分平均值93.09分同时保留。",
      "该项目综合评价得分为89.50分，评价等级为“良”。",
    ]);
    expect(table(r).rows.slice(-2)).toEqual([
      { kind: "total", cells: ["专家评分平均", "", "", "100", "93.09", "93.09%"] },
      { kind: "override", cells: ["财政调整后得分", "", "", "100", "89.50", "89.50%"] },
    ]);
    // 90.00 exactly is 优, and the region's labels are used.
    const labels = { excellent: "一等", good: "二等", fair: "三等", poor: "四等" };
    expect(draftReport({ ...D, override: 9000n, overrideReason: "理由充分说明", gradeLabels: labels }).grade).toBe(
      "一等",
    );
  });

  it("analyses where points were lost, with the experts' comments each once", () => {
    expect(texts(draftReport(D), "四、绩效分析")).toEqual([
      "（一）决策指标",
      "决策类指标分值15分，得分14.25分，得分率95.00%。1项指标扣分：",
      "“绩效指标明确性”（绩效目标，分值3分）得2.25分，扣0.75分。评价意见：部分指标未量化。",
      "（二）过程指标",
      "过程类指标分值20分，得分19.34分，得分率96.70%。1项指标扣分：",
      "“预算执行率”（资金管理，分值5分）得4.34分，扣0.66分。",
      "（三）产出指标",
      "产出类指标分值35分，得分32.50分，得分率92.86%。1项指标扣分：",
      "“完成及时性”（产出时效，分值8分）得5.50分，扣2.50分。评价意见：进度滞后两个月；未按计划完工。",
      "（四）效益指标",
      "效益类指标分值30分，得分27.00分，得分率90.00%。2项指标扣分：",
      "“经济效益”（项目效益，分值5分）得4.25分，扣0.75分。评价意见：带动效应不明显。",
      "“服务对象满意度”（满意度，分值10分）得7.75分，扣2.25分。评价意见：满意度调查样本偏少。",
    ]);
  });

  it("drafts the empty parts from the data, marked, and lists indicators below 80 % as problems", () => {
    const r = draftReport(D);
    expect(texts(r, "一、项目基本情况")).toEqual([
      DRAFT_MARK,
      "农村学校校舍安全工程（项目编码P2024001）为2024年度项目，项目类别为专项项目，主管部门为区教育局，" +
        "实施单位为区教育局基建中心，评价涉及资金1,336.64万元。",
      "【待补充：项目立项背景、主要内容、资金安排与使用情况、绩效目标】",
    ]);
    expect(texts(r, "二、评价工作开展情况").slice(1, 4)).toEqual([
      "本次评价为2024年度财政重点评价，由明信绩效评价有限公司具体实施。",
      "评价组由2名专家组成，组长：王建国（省建筑设计研究院，高级工程师，工程管理领域）；" +
        "成员李芳（市财经大学，教授，财政、教育领域）。",
      "评价采用决策、过程、产出、效益四类一级指标，下设11项二级指标、19项三级指标，满分100分，其中决策15分、过程20分、产出35分、效益30分。",
    ]);
    expect(texts(r, "五、存在的问题")).toEqual([
      DRAFT_MARK,
      "以下3项指标得分率低于80%：",
      "1. “绩效指标明确性”（决策—绩效目标，分值3分）得分2.25分，得分率75.00%。评价意见：部分指标未量化。",
      "2. “完成及时性”（产出—产出时效，分值8分）得分5.50分，得分率68.75%。评价意见：进度滞后两个月；未按计划完工。",
      "3. “服务对象满意度”（效益—满意度，分值10分）得分7.75分，得分率77.50%。评价意见：满意度调查样本偏少。",
      "【待补充：对上述问题的具体说明及其他问题】",
    ]);
    expect(texts(r, "六、有关建议")).toEqual([DRAFT_MARK, "【待补充：针对上述问题的改进建议】"]);
    const drafted = r.sections[0]!.blocks.every((b) => b.kind === "paragraph" && b.draft);
    expect(drafted).toBe(true);
  });

  it("uses the team's own text, one paragraph a line, without a draft mark", () => {
    const r = draftReport({
      ...D,
      parts: {
        basics: "该项目于2022年立项。\r\n\n  总投资1,336.64万元。 ",
        work: "",
        problems: "一是进度滞后。",
        recommendations: "加快进度。",
      },
    });
    expect(r.sections[0]!.blocks).toEqual([
      { kind: "paragraph", text: "该项目于2022年立项。", draft: false },
      { kind: "paragraph", text: "总投资1,336.64万元。", draft: false },
    ]);
    expect(texts(r, "五、存在的问题")).toEqual(["一是进度滞后。"]);
    expect(texts(r, "六、有关建议")).toEqual(["加快进度。"]);
    expect(texts(r, "二、评价工作开展情况")[0]).toBe(DRAFT_MARK);
  });

  it("says so when no sheet is submitted yet, and notes level scores that do not add up to the mean", () => {
    const none = draftReport({ ...D, sheets: [] });
    expect(none).toMatchObject({ score: null, mean: null, grade: null });
    expect(texts(none, "三、评价结论")).toEqual(["尚无提交的评分，暂不能形成评价结论。"]);
    const set = draftReport({ ...D, sheets: [], override: 7000n, overrideReason: "专家未能到场。" });
    expect(set).toMatchObject({ score: 7000n, mean: null, grade: "中" });
    expect(texts(set, "三、评价结论")).toEqual([
      "尚无提交的评分；财政部门确定评价得分为70.00分，理由：专家未能到场。评价等级为“中”。",
    ]);
    // Three sheets whose level means each round up: 0.01 + 0.01 + 0.01 … against one rounding of the total.
    const rows = D.framework;
    const base = SHEETS_OF_TWO[0]!;
    const sheets = [
      { ...base, points: { ...base.points, D1: 2.99, P1: 3.99 } },
      { ...base, points: { ...base.points } },
      { ...base, points: { ...base.points } },
    ];
    const r = draftReport({ ...D, framework: rows, sheets, kind: "department", firmName: null, team: [] });
    // Totals 95.31, 95.33, 95.33: mean 95.3233 → 95.32; 决策 14.4967 → 14.50, 过程 19.3267 → 19.33, 33 + 28.5.
    expect(r.mean).toBe(9532n);
    expect(
      table(r)
        .rows.filter((x) => x.kind === "level1")
        .map((x) => x.cells[4]),
    ).toEqual(["14.50", "19.33", "33.00", "28.50"]);
    expect(texts(r, "三、评价结论").at(-1)).toBe(
      "注：各项得分为评分的平均值，分别四舍五入保留两位小数，其合计与总分可能存在尾差。",
    );
    expect(texts(r, "三、评价结论")[0]).toBe(
      "经评价，该项目综合评价得分为95.32分（3份评分表得分的平均值），评价等级为“优”。",
    );
    expect(texts(r, "二、评价工作开展情况").slice(1, 3)).toEqual([
      "本次评价为2024年度部门评价。",
      "【待补充：评价组成员】",
    ]);
  });

  it("words a single sheet as what it is, not as a mean", () => {
    const one = { ...D, sheets: [SHEETS_OF_TWO[0]!] };
    expect(texts(draftReport(one), "三、评价结论")[0]).toBe(
      "经评价，该项目综合评价得分为95.33分（1位专家的评分），评价等级为“优”。",
    );
    const dept = draftReport({ ...one, kind: "department", override: 9000n, overrideReason: "复核调整得分" });
    expect(texts(dept, "三、评价结论")[0]).toBe(
      "经评价，评分表得分为95.33分；财政部门将评价得分调整为90.00分，理由：复核调整得分。评分表得分95.33分同时保留。",
    );
    expect(table(dept).rows.at(-2)!.cells[0]).toBe("评分表得分");
    expect(texts(dept, "二、评价工作开展情况")).toContain("评分方法：依据评分标准逐项评分，以评分表总分作为评价得分。");
  });
});
