import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  compareLocked,
  GRID_FIELDS,
  gridHeaders,
  type MonitoringSheetData,
  type MonitoringSheetRead,
  targetText,
} from "./sheet";
import { fenToWanValue, parseLikelihood, wanText, wanToFen } from "./sheet-values";
import { sampleSheetData } from "./test-sheets";

const col = (letter: string, header: string) => ({ letter, header });

/** What a reader would return for an untouched sheet of `d` (cells as the writer places them). */
function readOf(d: MonitoringSheetData): MonitoringSheetRead {
  const n = d.cutoffMonth;
  const headers = gridHeaders(n);
  const columns = Object.fromEntries(
    GRID_FIELDS.map((f, i) => [f, col(String.fromCharCode(65 + i), headers[f])]),
  ) as MonitoringSheetRead["layout"]["columns"];
  return {
    sheetName: d.subjectCode,
    meta: {
      reportId: d.reportId,
      roundId: d.roundId,
      version: d.version,
      unitCode: d.unitCode,
      subjectCode: d.subjectCode,
    },
    locked: {
      fiscalYear: d.fiscalYear,
      cutoffMonth: n,
      subjectCode: d.subjectCode,
      unitCode: d.unitCode,
      budget: d.execution.budget,
      executed: d.execution.executed,
      byMonth: d.execution.byMonth.map((f, i) => (i < n ? f : null)),
      shown: {
        budget: wanText(d.execution.budget),
        executed: wanText(d.execution.executed),
        byMonth: d.execution.byMonth.map((f, i) => (i < n ? wanText(f) : "")),
      },
      items: d.items.map((it, i) => ({
        uid: it.uid,
        row: 18 + i,
        level1: it.level1,
        level2: it.level2,
        name: it.name,
        target: targetText(it),
      })),
    },
    answers: {
      overallStatus: "",
      expectedYearEnd: null,
      executionNote: null,
      items: d.items.map((it) => ({
        uid: it.uid,
        answers: { progress: null, expected: null, likelihood: null, cause: null, causeNote: null, measures: null },
      })),
    },
    layout: {
      title: { row: 3, column: col("A", "年度及截至月份") },
      subjectCode: { row: 5, column: col("H", "项目编码") },
      unitCode: { row: 6, column: col("I", "单位编码") },
      budget: { row: 13, column: col("A", "全年预算数") },
      executed: { row: 13, column: col("B", `截至${n}月执行数`) },
      months: Array.from({ length: 12 }, (_, i) => ({
        row: i < 6 ? 9 : 11,
        column: col(String.fromCharCode(66 + (i % 6)), `${i + 1}月执行数`),
      })),
      expectedYearEnd: { row: 13, column: col("E", "预计全年执行数") },
      executionNote: { row: 13, column: col("F", "超预算说明") },
      overallStatus: { row: 15, column: col("B", "年度总体目标完成情况") },
      headerRow: 17,
      columns,
    },
    issues: [],
  };
}

describe("amounts in 万元", () => {
  it("converts numbers and text to exact fen", () => {
    expect(wanToFen(12.345678)).toEqual({ ok: true, fen: 12_345_678 });
    expect(wanToFen("12.345678")).toEqual({ ok: true, fen: 12_345_678 });
    expect(wanToFen("１２．５")).toEqual({ ok: true, fen: 12_500_000 });
    expect(wanToFen(" 1,234.5 万元")).toEqual({ ok: true, fen: 1_234_500_000 });
    expect(wanToFen("1，234")).toEqual({ ok: true, fen: 1_234_000_000 });
    expect(wanToFen(".5")).toEqual({ ok: true, fen: 500_000 });
    expect(wanToFen("0")).toEqual({ ok: true, fen: 0 });
    expect(wanToFen(0)).toEqual({ ok: true, fen: 0 });
    expect(wanToFen(-3.2)).toEqual({ ok: true, fen: -3_200_000 });
    // A formula's float noise is not precision the clerk typed.
    expect(wanToFen(110.00000000000001)).toEqual({ ok: true, fen: 110_000_000 });
    expect(wanToFen(0.1 + 0.2)).toEqual({ ok: true, fen: 300_000 });
  });

  it("refuses more precision than a fen, 元 and what is no amount", () => {
    for (const v of [12.3456789, "12.3456789", 1 / 3, 1e-7]) {
      const r = wanToFen(v);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.reason).toContain("最多保留6位小数");
    }
    const yuan = wanToFen("12500元");
    expect(yuan.ok === false && yuan.reason).toContain("不要填写元");
    for (const v of ["约12", "12.5.1", "", "1e3", Number.NaN]) expect(wanToFen(v).ok).toBe(false);
    const huge = wanToFen(2_000_000);
    expect(huge.ok === false && huge.reason).toContain("100亿元");
  });

  it("writes any amount as a cell value and as text that read back to the same fen", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }), (fen) => {
        expect(wanToFen(fenToWanValue(fen))).toEqual({ ok: true, fen });
        expect(wanToFen(wanText(fen))).toEqual({ ok: true, fen });
      }),
    );
  });

  it("shows 万元 with two to six decimals", () => {
    expect(wanText(500_000_000)).toBe("500.00");
    expect(wanText(12_345_678)).toBe("12.345678");
    expect(wanText(1_230_000)).toBe("1.23");
    expect(wanText(1_234_500)).toBe("1.2345");
    expect(wanText(-5)).toBe("-0.000005");
  });
});

describe("parseLikelihood", () => {
  it("takes the official labels and the usual short forms", () => {
    expect(parseLikelihood("确定能")).toBe("certain");
    expect(parseLikelihood("能")).toBe("certain");
    expect(parseLikelihood(" 有 可能 ")).toBe("possible");
    expect(parseLikelihood("可能")).toBe("possible");
    expect(parseLikelihood("完全不可能")).toBe("impossible");
    expect(parseLikelihood("不可能")).toBe("impossible");
    expect(parseLikelihood("完全不能")).toBe("impossible");
    expect(parseLikelihood("")).toBeNull();
    expect(parseLikelihood("大概能")).toBeUndefined();
  });
});

describe("compareLocked", () => {
  const data = sampleSheetData();

  it("finds nothing in an untouched sheet", () => {
    expect(targetText(data.items[0]!)).toBe("≥5000平方米");
    expect(targetText(data.items[2]!)).toBe("2024年11月底前完工");
    expect(compareLocked(readOf(data), data)).toEqual([]);
  });

  it("names the cell of a changed budget, month, code or indicator", () => {
    const read = readOf(data);
    read.locked.budget = 600_000_000;
    read.locked.shown.budget = "600";
    read.locked.byMonth[1] = 0;
    read.locked.shown.byMonth[1] = "0";
    read.locked.subjectCode = "120001-2024-002";
    read.locked.items[0]!.name = "改造面积";
    read.locked.items[1]!.target = "=95%";
    const issues = compareLocked(read, data);
    expect(issues.map((i) => [i.cell, i.code])).toEqual([
      ["H5", "MONITORING_SHEET_LOCKED_CHANGED"],
      ["A13", "MONITORING_SHEET_LOCKED_CHANGED"],
      ["C9", "MONITORING_SHEET_LOCKED_CHANGED"],
      ["C18", "MONITORING_SHEET_LOCKED_CHANGED"],
      ["D19", "MONITORING_SHEET_LOCKED_CHANGED"],
    ]);
    expect(issues[1]!.message).toBe(
      "工作表“120001-2024-001”A13（全年预算数）：预填内容不可修改：应为“500.00”，文件中为“600”；如系统中的数据已更新，请重新下载监控表",
    );
    expect(issues[4]!.message).toContain("应为“=100%”，文件中为“=95%”");
  });

  it("treats a blank month as no spending but text there as a change", () => {
    const read = readOf(data);
    read.locked.byMonth[0] = null;
    read.locked.shown.byMonth[0] = "";
    expect(compareLocked(read, data)).toEqual([]);
    read.locked.shown.byMonth[0] = "无";
    expect(compareLocked(read, data).map((i) => i.cell)).toEqual(["B9"]);
  });

  it("refuses an amount in a month after N", () => {
    const read = readOf(data);
    read.locked.byMonth[7] = 5_000_000;
    read.locked.shown.byMonth[7] = "5";
    const issues = compareLocked(read, data);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ cell: "C11", code: "MONITORING_SHEET_MONTH_AFTER_CUTOFF" });
    expect(issues[0]!.message).toContain("第7月之后不应填写执行数（8月填了“5”）");
  });

  it("reports rows added, repeated or removed, and a cause outside the categories", () => {
    const read = readOf(data);
    const [first, , third] = read.locked.items;
    read.locked.items = [first!, { ...first!, row: 19 }, third!, { ...third!, uid: "", row: 30, name: "新增指标" }];
    read.answers.items[0]!.answers.cause = " 经费保障 ";
    read.answers.items[2]!.answers.cause = "天气原因";
    const issues = compareLocked(read, data);
    const byCode = (code: string) => issues.filter((i) => i.code === code);
    expect(byCode("MONITORING_SHEET_ITEM_UNKNOWN").map((i) => i.cell)).toEqual(["C19", "C30"]);
    expect(byCode("MONITORING_SHEET_ITEM_UNKNOWN")[0]!.message).toContain("重复出现");
    expect(byCode("MONITORING_SHEET_ITEM_MISSING").map((i) => i.message.match(/“(.+?)”/g)?.[1])).toEqual([
      "“工程验收合格率”",
      "“单位面积改造成本”",
      "“新增学位数”",
      "“校舍设计使用年限”",
      "“师生满意度”",
    ]);
    expect(byCode("MONITORING_SHEET_BAD_CAUSE")).toHaveLength(1);
    expect(byCode("MONITORING_SHEET_BAD_CAUSE")[0]).toMatchObject({ cell: "H20" });
    expect(byCode("MONITORING_SHEET_BAD_CAUSE")[0]!.message).toContain(
      "应为：经费保障、制度保障、人员保障、硬件条件保障、其他",
    );
  });

  it("reports a sheet of another round or report, or a different cut-off", () => {
    const read = readOf(data);
    read.meta = { ...read.meta!, roundId: 6 };
    expect(compareLocked(read, data).map((i) => i.code)).toEqual(["MONITORING_SHEET_OTHER_ROUND"]);
    read.meta = { ...read.meta, reportId: 40 };
    expect(compareLocked(read, data).map((i) => i.code)).toEqual(["MONITORING_SHEET_OTHER_REPORT"]);
    const other = readOf(data);
    other.locked.cutoffMonth = 6;
    expect(compareLocked(other, data).map((i) => [i.cell, i.message.includes("截至7月")])).toEqual([["A3", true]]);
  });
});
