import { describe, expect, it } from "vitest";
import { EMPTY_ANSWERS, type ItemAnswers, type SelfEvalItem } from "./form";
import { compareFormSheet, type FormForSheet, formSheetOf, mergeSheetAnswers, targetTextOf } from "./form-sheet";
import { DEFAULT_SELFEVAL_RULES } from "./rules";
import { scoreForm } from "./score-form";

const item = (uid: string, name: string, kind: string, target: string, weight: number, extra = {}): SelfEvalItem => ({
  uid,
  level1: "产出指标",
  level2: "数量指标",
  name,
  kind,
  operator: kind === "quantitative" ? ">=" : null,
  target,
  unit: kind === "quantitative" ? "人" : null,
  weight,
  formula: null,
  explanation: null,
  ...extra,
});

function form(answers: Record<string, Partial<ItemAnswers>> = {}): FormForSheet {
  const items = [
    item("a", "覆盖学生数", "quantitative", "300", 40),
    item("b", "管理制度", "qualitative", "建立并执行", 50),
  ];
  return {
    id: 7,
    version: 3,
    fiscalYear: 2025,
    code: "P1",
    name: "课后服务",
    departmentName: "教育局",
    unitCode: "301001",
    unitName: "一小",
    overallGoal: "服务300名学生",
    figures: { startBudget: 100_000_000, adjustedBudget: 100_000_000, executed: 90_000_000 },
    executionWeight: 10,
    missingWeight: 0,
    items,
    answers: {
      overallActual: "",
      items: items.map((i) => ({ uid: i.uid, answers: { ...EMPTY_ANSWERS, ...answers[i.uid] } })),
    },
  };
}
const sheetOf = (f: FormForSheet) =>
  formSheetOf(f, scoreForm({ ...f, subjectKind: "project" }, DEFAULT_SELFEVAL_RULES));
const tiers = DEFAULT_SELFEVAL_RULES.project.tiers;

describe("a form as a sheet and back", () => {
  it("prints targets as the paper form does and marks the assessor's rows", () => {
    expect(targetTextOf({ operator: "<=", target: "400", unit: "元/平方米" })).toBe("≤400元/平方米");
    expect(targetTextOf({ operator: null, target: "按期完成", unit: null })).toBe("按期完成");
    const s = sheetOf(form({ a: { actual: "270" } }));
    expect(s.rows.map((r) => [r.target, r.qualitative, r.points])).toEqual([
      ["≥300人", false, 36],
      ["建立并执行", true, null],
    ]);
    expect(s.funds).toMatchObject({ weight: 10, rate: { percent: 90, decimals: 2 }, points: 9 });
    expect(s.identity).toEqual({ formId: 7, version: 3, fiscalYear: 2025, unitCode: "301001", subjectCode: "P1" });
    expect(s.rescaled).toBe(false);
  });

  it("an unchanged sheet is no change; the assessor's points bring their tier, a computed row's points are never taken", () => {
    const f = form({ a: { actual: "270" } });
    expect(mergeSheetAnswers(sheetOf(f), f, tiers).changes).toEqual([]);

    const filled = sheetOf(f);
    filled.rows[0]!.points = 40;
    filled.rows[0]!.actual = " 270 ";
    filled.rows[1]!.points = 35;
    filled.rows[1]!.deviationNote = "制度执行不到位\r\n\r\n\r\n下半年整改";
    const { answers, changes } = mergeSheetAnswers(filled, f, tiers);
    expect(changes.map((c) => [c.label, c.before, c.after])).toEqual([
      ["指标“管理制度”的得分", "", "35.00"],
      ["指标“管理制度”的偏差原因分析及改进措施", "", "制度执行不到位\n\n下半年整改"],
    ]);
    // 35 of 50 is 70%: 部分达成.
    expect(answers.items[1]!.answers).toMatchObject({ points: 35, tier: "partly" });
    expect(answers.items[0]!.answers).toMatchObject({ actual: "270", points: null });

    filled.rows[1]!.points = 60;
    expect(mergeSheetAnswers(filled, f, tiers).answers.items[1]!.answers).toMatchObject({ points: 60, tier: null });
  });

  it("a row marked 不适用 keeps what the form holds besides", () => {
    const f = form({ a: { actual: "270" } });
    const s = sheetOf(f);
    s.rows[0] = { ...s.rows[0]!, notApplicable: true, actual: null };
    const { answers, changes } = mergeSheetAnswers(s, f, tiers);
    expect(changes.map((c) => c.label)).toEqual(["指标“覆盖学生数”是否适用"]);
    expect(answers.items[0]!.answers).toMatchObject({ notApplicable: true, actual: "270" });
  });

  it("names every locked value that differs, and rows added or removed", () => {
    const f = form();
    const s = sheetOf(f);
    s.subjectName = "课后服务（改）";
    s.funds.total.executed = 1;
    s.rows[0]!.weight = 45;
    s.rows[1]!.target = "建立";
    expect(compareFormSheet(s, sheetOf(f)).map((i) => i.message)).toEqual([
      "工作表“P1”：项目名称是预填内容，不可修改：应为“课后服务”，文件中为“课后服务（改）”；如系统中的数据已更新，请重新下载自评表",
      "工作表“P1”：全年执行数（万元）是预填内容，不可修改：应为“90.00”，文件中为“0.000001”；如系统中的数据已更新，请重新下载自评表",
      "工作表“P1”：指标“覆盖学生数”的分值是预填内容，不可修改：应为“40.00”，文件中为“45.00”；如系统中的数据已更新，请重新下载自评表",
      "工作表“P1”：指标“管理制度”的年度指标值是预填内容，不可修改：应为“建立并执行”，文件中为“建立”；如系统中的数据已更新，请重新下载自评表",
    ]);
    s.rows.pop();
    expect(compareFormSheet(s, sheetOf(f)).map((i) => i.code)).toContain("SELFEVAL_SHEET_ROWS_CHANGED");
  });
});
