import { describe, expect, it } from "vitest";
import { DEFAULT_MONITORING_RULES, type ItemAnswers, type ReportAnswers } from "./types";
import { checkReport, isSavable, isSubmittable, type ReportContext, type ReportIssue } from "./validate-report";

const ctx: ReportContext = {
  items: [
    { uid: "u1", name: "受益学生人数", kind: "quantitative", unit: "人" },
    { uid: "u2", name: "资助覆盖率", kind: "quantitative", unit: "%" },
    { uid: "u3", name: "资金发放及时性", kind: "qualitative", unit: null },
  ],
  execution: { budget: 100_000_000, executed: 40_000_000 }, // 100万元, 40万元
  cutoffMonth: 7,
  rules: DEFAULT_MONITORING_RULES,
};

const certain = (progress: string, expected: string): ItemAnswers => ({
  progress,
  expected,
  likelihood: "certain",
  cause: null,
  causeNote: null,
  measures: null,
});

const complete = (): ReportAnswers => ({
  overallStatus: "按计划推进",
  expectedYearEnd: 95_000_000,
  executionNote: null,
  items: [
    { uid: "u1", answers: certain("1,200", "2000") },
    { uid: "u2", answers: certain("85%", "１００") },
    { uid: "u3", answers: certain("按月发放", "按期完成") },
  ],
});

const withItem = (uid: string, patch: Partial<ItemAnswers>): ReportAnswers => {
  const r = complete();
  return { ...r, items: r.items.map((i) => (i.uid === uid ? { uid, answers: { ...i.answers, ...patch } } : i)) };
};

const only = (issues: ReportIssue[]): ReportIssue => {
  expect(issues).toHaveLength(1);
  const [issue] = issues;
  if (!issue) throw new Error("no issue");
  return issue;
};

describe("checkReport", () => {
  it("passes a complete report in both modes", () => {
    expect(checkReport(complete(), ctx, "submit")).toEqual([]);
    expect(checkReport(complete(), ctx, "draft")).toEqual([]);
    expect(isSubmittable([])).toBe(true);
  });

  it("refuses answers for an indicator the report does not have, and repeated answers", () => {
    const r = complete();
    r.items.push({ uid: "zz", answers: certain("1", "1") }, { uid: "u1", answers: certain("1", "1") });
    const issues = checkReport(r, ctx, "draft");
    expect(issues).toEqual([
      { field: "items.zz", itemUid: "zz", message: "第4条指标答复对应的指标（标识“zz”）不在本报告中", blocks: "save" },
      { field: "items.u1", itemUid: "u1", message: "指标“受益学生人数”的答复重复", blocks: "save" },
    ]);
    expect(isSavable(issues)).toBe(false);
  });

  it("wants numbers for a quantitative indicator, a percent sign only when the unit is %", () => {
    expect(only(checkReport(withItem("u1", { progress: "约1200" }), ctx, "draft"))).toEqual({
      field: "items.u1.progress",
      itemUid: "u1",
      message: "指标“受益学生人数”的截至7月完成值“约1200”不是数字，请填写数字（计量单位：人）",
      blocks: "save",
    });
    expect(only(checkReport(withItem("u1", { expected: "85%" }), ctx, "draft"))).toMatchObject({
      field: "items.u1.expected",
      message: "指标“受益学生人数”的预计全年完成值“85%”带有百分号，但计量单位不是%，请只填写数字（计量单位：人）",
      blocks: "save",
    });
    expect(checkReport(withItem("u2", { progress: "８５．５％", expected: "90" }), ctx, "submit")).toEqual([]);
    // A qualitative indicator takes any text.
    expect(checkReport(withItem("u3", { progress: "约完成一半" }), ctx, "submit")).toEqual([]);
  });

  describe("the likelihood validation", () => {
    it("refuses a value outside the list before saving, naming the indicator", () => {
      const bad = withItem("u1", { likelihood: "maybe" as never });
      expect(only(checkReport(bad, ctx, "draft"))).toEqual({
        field: "items.u1.likelihood",
        itemUid: "u1",
        message: "指标“受益学生人数”的完成目标可能性“maybe”不是可选值，请选择确定能、有可能、完全不可能",
        blocks: "save",
      });
      expect(only(checkReport(withItem("u1", { likelihood: "" as never }), ctx, "draft")).blocks).toBe("save");
    });

    it("wants a cause and measures for 有可能 and 完全不可能, shown while typing but blocking only the submission", () => {
      for (const likelihood of ["possible", "impossible"] as const) {
        const r = withItem("u3", { likelihood });
        const label = likelihood === "possible" ? "有可能" : "完全不可能";
        for (const mode of ["draft", "submit"] as const)
          expect(checkReport(r, ctx, mode)).toEqual([
            {
              field: "items.u3.cause",
              itemUid: "u3",
              message: `指标“资金发放及时性”预计“${label}”完成目标，须选择偏差原因`,
              blocks: "submit",
            },
            {
              field: "items.u3.measures",
              itemUid: "u3",
              message: `指标“资金发放及时性”预计“${label}”完成目标，须填写改进措施`,
              blocks: "submit",
            },
          ]);
        expect(isSavable(checkReport(r, ctx, "draft"))).toBe(true);
        expect(isSubmittable(checkReport(r, ctx, "submit"))).toBe(false);
      }
      const blankMeasures = withItem("u3", { likelihood: "possible", cause: "经费保障", measures: " \u200b " });
      expect(only(checkReport(blankMeasures, ctx, "submit")).field).toBe("items.u3.measures");
      const answered = withItem("u3", { likelihood: "impossible", cause: "其他", measures: "申请调整目标" });
      expect(checkReport(answered, ctx, "submit")).toEqual([]);
    });

    it("asks for progress, expected value and likelihood of every indicator only at submission", () => {
      const r = complete();
      r.items = r.items.filter((i) => i.uid !== "u2");
      r.items.push({
        uid: "u2",
        answers: { progress: " ", expected: null, likelihood: null, cause: null, causeNote: null, measures: null },
      });
      expect(checkReport(r, ctx, "draft")).toEqual([]);
      expect(checkReport(r, ctx, "submit").map((i) => [i.field, i.message, i.blocks])).toEqual([
        ["items.u2.progress", "请填写指标“资助覆盖率”的截至7月完成值", "submit"],
        ["items.u2.expected", "请填写指标“资助覆盖率”的预计全年完成值", "submit"],
        ["items.u2.likelihood", "请选择指标“资助覆盖率”的完成目标可能性", "submit"],
      ]);
    });

    it("treats an indicator without any answer as unanswered", () => {
      const r = complete();
      r.items = r.items.filter((i) => i.uid !== "u1");
      expect(checkReport(r, ctx, "draft")).toEqual([]);
      expect(checkReport(r, ctx, "submit").map((i) => i.field)).toEqual([
        "items.u1.progress",
        "items.u1.expected",
        "items.u1.likelihood",
      ]);
    });
  });

  it("refuses a cause outside the year's categories", () => {
    const r = withItem("u1", { likelihood: "possible", cause: "天气原因", measures: "加快进度" });
    expect(only(checkReport(r, ctx, "draft"))).toEqual({
      field: "items.u1.cause",
      itemUid: "u1",
      message:
        "指标“受益学生人数”的偏差原因“天气原因”不在偏差原因分类中，请选择经费保障、制度保障、人员保障、硬件条件保障、其他",
      blocks: "save",
    });
  });

  it("wants the overall status and the year-end figure at submission", () => {
    const r = { ...complete(), overallStatus: "  ", expectedYearEnd: null };
    expect(checkReport(r, ctx, "draft")).toEqual([]);
    expect(checkReport(r, ctx, "submit")).toEqual([
      { field: "overallStatus", itemUid: null, message: "请填写总体目标完成情况", blocks: "submit" },
      { field: "expectedYearEnd", itemUid: null, message: "请填写预计全年执行数", blocks: "submit" },
    ]);
  });

  it("refuses a year-end figure that is negative or not whole fen", () => {
    for (const v of [-1, 1.5, Number.NaN, 2 ** 53])
      expect(only(checkReport({ ...complete(), expectedYearEnd: v }, ctx, "draft"))).toMatchObject({
        field: "expectedYearEnd",
        blocks: "save",
      });
  });

  it("wants the year-end figure at least what is executed already", () => {
    const issue = only(checkReport({ ...complete(), expectedYearEnd: 31_234_567 }, ctx, "draft"));
    expect(issue).toEqual({
      field: "expectedYearEnd",
      itemUid: null,
      message: "预计全年执行数不能小于截至7月已执行数 40.00万元（现填 31.23万元）",
      blocks: "submit",
    });
    expect(checkReport({ ...complete(), expectedYearEnd: 40_000_000 }, ctx, "submit")).toEqual([]);
  });

  it("wants an over-budget note when executed or expected is above the budget, naming both amounts", () => {
    const over = { ...ctx, execution: { budget: 100_000_000, executed: 123_456_789 } };
    const r = { ...complete(), expectedYearEnd: 150_000_000 };
    expect(checkReport(r, over, "draft")).toEqual([
      {
        field: "executionNote",
        itemUid: null,
        message: "截至7月已执行数 123.46万元超过全年预算数 100.00万元，请填写超预算说明",
        blocks: "submit",
      },
      {
        field: "executionNote",
        itemUid: null,
        message: "预计全年执行数 150.00万元超过全年预算数 100.00万元，请填写超预算说明",
        blocks: "submit",
      },
    ]);
    expect(checkReport({ ...r, executionNote: "追加预算已批复" }, over, "submit")).toEqual([]);
    const expectOnly = checkReport({ ...complete(), expectedYearEnd: 100_000_001 }, ctx, "submit");
    expect(only(expectOnly).message).toBe("预计全年执行数 100.00万元超过全年预算数 100.00万元，请填写超预算说明");
    expect(checkReport({ ...complete(), expectedYearEnd: 100_000_000 }, ctx, "submit")).toEqual([]);
  });

  it("groups large amounts by thousands", () => {
    const big = { ...ctx, execution: { budget: 0, executed: 123_456_789_000 } };
    const r = { ...complete(), expectedYearEnd: 123_456_789_000 };
    expect(checkReport(r, big, "draft").map((i) => i.message)).toEqual([
      "截至7月已执行数 123,456.79万元超过全年预算数 0.00万元，请填写超预算说明",
      "预计全年执行数 123,456.79万元超过全年预算数 0.00万元，请填写超预算说明",
    ]);
  });

  it("refuses text over 500 characters, markup and control characters, naming the field", () => {
    const long = "字".repeat(501);
    expect(only(checkReport(withItem("u3", { causeNote: long }), ctx, "draft"))).toEqual({
      field: "items.u3.causeNote",
      itemUid: "u3",
      message: "指标“资金发放及时性”的偏差原因说明不能超过500个字（现为501个字）",
      blocks: "save",
    });
    expect(checkReport(withItem("u3", { causeNote: "字".repeat(500) }), ctx, "draft")).toEqual([]);
    expect(only(checkReport(withItem("u3", { progress: "<script>" }), ctx, "draft"))).toMatchObject({
      field: "items.u3.progress",
      message: "指标“资金发放及时性”的截至7月完成值含有尖括号“＜＞”，请删除后再保存",
      blocks: "save",
    });
    // A markup issue on a quantitative value is reported once, not also as "not a number".
    expect(only(checkReport(withItem("u1", { expected: "12>3" }), ctx, "draft")).field).toBe("items.u1.expected");
    expect(only(checkReport({ ...complete(), overallStatus: "完成\u0007" }, ctx, "draft"))).toMatchObject({
      field: "overallStatus",
      message: "总体目标完成情况含有控制字符，请删除后再保存",
      blocks: "save",
    });
    expect(only(checkReport({ ...complete(), executionNote: "a>b" }, ctx, "draft"))).toMatchObject({
      field: "executionNote",
      message: "超预算说明含有尖括号“＜＞”，请删除后再保存",
    });
    // Line breaks and tabs are how multi-line text is typed.
    expect(checkReport({ ...complete(), overallStatus: "一、按期\r\n二、\t达标" }, ctx, "submit")).toEqual([]);
  });
});
