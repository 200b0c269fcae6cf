import type ExcelJS from "exceljs";
import { EXAMPLE_COLUMN, EXAMPLE_MARK } from "../core/imports/examples";
import { type CellType, type FieldSpec, IMPORT_KIND_LABELS, IMPORT_SPECS, type ImportKind } from "../core/imports/spec";
import { SONG_FONT, writeXlsx, type XlsxColumnKind } from "./write-xlsx";

/**
 * Example rows of each template (money in 元). They reference one another (教育局 101 → 第一实验小学
 * 101001 → its projects), so a clerk sees how the kinds fit and the tests can validate them.
 */
export const TEMPLATE_EXAMPLES: Record<ImportKind, Record<string, string | number | null>[]> = {
  orgs: [
    {
      code: "101",
      name: "城中区教育局",
      kind: "主管部门",
      parentCode: null,
      sector: "教育",
      contactName: "李明",
      contactPhone: "0772-2801234",
    },
    {
      code: "101001",
      name: "城中区第一实验小学",
      kind: "预算单位",
      parentCode: "101",
      sector: "教育",
      contactName: "王芳",
      contactPhone: "0772-2805678",
    },
  ],
  projects: [
    {
      fiscalYear: 2024,
      code: "450202240001",
      name: "2024年城中区义务教育学生营养改善计划",
      departmentCode: "101",
      unitCode: "101001",
      category: "常年性",
      isKey: "是",
      sector: "教育",
      initialBudget: 3_200_000,
      adjustedBudget: 3_450_000,
      fiscalFunds: 3_450_000,
      otherFunds: 0,
    },
    {
      fiscalYear: 2024,
      code: "450202240002",
      name: "2024年城中区中小学校舍维修改造项目",
      departmentCode: "101",
      unitCode: "101",
      category: "一次性",
      isKey: "否",
      sector: "教育",
      initialBudget: 1_800_000,
      adjustedBudget: 1_650_000,
      fiscalFunds: 1_500_000,
      otherFunds: 150_000,
    },
  ],
  execution: [
    { fiscalYear: 2024, projectCode: "450202240001", month: 1, executed: 268_500 },
    { fiscalYear: 2024, projectCode: "450202240001", month: 2, executed: 287_300.5 },
  ],
  "dept-execution": [
    { fiscalYear: 2024, departmentCode: "101", month: 1, executed: 3_912_000 },
    { fiscalYear: 2024, departmentCode: "101", month: 2, executed: 4_105_600.5 },
  ],
  "dept-budgets": [
    {
      fiscalYear: 2024,
      departmentCode: "101",
      initialBudget: 56_800_000,
      adjustedBudget: 59_230_000,
      fiscalFunds: 57_000_000,
      otherFunds: 2_230_000,
    },
    {
      fiscalYear: 2024,
      departmentCode: "102",
      initialBudget: 31_500_000,
      adjustedBudget: 32_764_300.25,
      fiscalFunds: 32_764_300.25,
      otherFunds: 0,
    },
  ],
  requests: [
    {
      budgetYear: 2025,
      projectCode: "450202240001",
      projectName: "2024年城中区义务教育学生营养改善计划",
      amount: 3_600_000,
      rigid: "是",
    },
    {
      budgetYear: 2025,
      projectCode: "450202240002",
      projectName: "2024年城中区中小学校舍维修改造项目",
      amount: 1_280_000.5,
      rigid: "否",
    },
  ],
};

const TYPE_LABELS: Record<CellType, string> = {
  code: "编码",
  text: "文本",
  money: "金额（元）",
  year: "年份",
  month: "月份",
  bool: "是/否",
  category: "项目类别",
  orgKind: "单位类型",
};

/** Choices offered as a drop-down in the template. */
const CHOICES: Partial<Record<CellType, string[]>> = {
  bool: ["是", "否"],
  category: ["常年性", "延续性", "一次性"],
  orgKind: ["主管部门", "预算单位"],
};

function rule(f: FieldSpec): string {
  if (f.informative) return "选填，仅供核对，不导入";
  switch (f.type) {
    case "code":
      return `只能包含字母、数字、“-”和“_”${f.maxLength ? `，最长${f.maxLength}位` : ""}；请按文本填写，保留开头的0`;
    case "text":
      return `${f.maxLength ? `最长${f.maxLength}个字；` : ""}不能包含“<”“>”、公式或数据库语句`;
    case "money":
      return "单位为元，最多两位小数，不能为负数，单笔不超过100亿元";
    case "year":
      return "四位年份，如 2024；一个文件只能有一个年度";
    case "month":
      return "1–12 的整数";
    case "bool":
      return f.required ? "填写“是”或“否”" : "填写“是”或“否”，留空视为否";
    case "category":
      return "常年性、延续性或一次性";
    case "orgKind":
      return "主管部门或预算单位";
  }
}

const GENERAL_NOTES: Record<ImportKind, string[]> = {
  orgs: ["预算单位须填写上级编码（所属主管部门的编码），主管部门留空", "按单位编码更新：编码已存在的单位将被更新"],
  projects: [
    "财政拨款 + 其他资金 须等于全年预算数",
    "主管部门和实施单位须已在系统中；实施单位填主管部门本身或其下属预算单位的编码",
  ],
  execution: [
    "支付数为当月支付数（不是累计数）；同一项目、同一月份只填一行",
    "项目须已在系统中；同一项目各月支付数之和不得超过全年预算数",
  ],
  "dept-budgets": ["财政拨款 + 其他资金 须等于全年预算数", "主管部门须已在系统中"],
  "dept-execution": [
    "支付数为部门整体（基本支出和项目支出合计）当月支付数，不是累计数；同一部门、同一月份只填一行",
    "须先导入该部门的部门整体预算；各月支付数之和不得超过部门整体全年预算数",
  ],
  requests: [
    "预算年度为申请安排预算的年度（如 2025）；项目编码须为上一年度（如 2024 年度）系统中已有的项目，申请数据按编码对应到该项目",
    "没有绩效结果的新增项目请不要列入本文件；同一项目只填一行；一个文件只能有一个预算年度",
    "按项目编码更新：已有申请的项目将更新申请金额和刚性支出标记",
  ],
};

const columnKind = (f: FieldSpec): XlsxColumnKind | undefined =>
  f.type === "money" ? "money" : f.type === "code" || f.type === "text" ? "text" : undefined;

/** Example rows stand apart: grey italics on a pale yellow ground, 示例 in the first column. */
const EXAMPLE_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
const EXAMPLE_FONT: Partial<ExcelJS.Font> = { ...SONG_FONT, italic: true, color: { argb: "FF7F7F7F" } };
const EXAMPLE_KEY = "__example";
const EXAMPLE_NOTE = `标有“${EXAMPLE_MARK}”的行是示例，导入时自动跳过；填写数据时本列留空（也可删除示例行）`;

/**
 * The downloadable import template of a kind: a first column 示例标记, the header (required columns red
 * and marked "*", each with its rule as a cell note), two example rows marked 示例 and set apart in grey
 * on yellow (the import skips them: core/imports/examples.ts), drop-downs for fixed choices, and a 填写说明
 * sheet. readTable recognises the "*" headers, so a filled-in template imports as is.
 */
export async function importTemplate(kind: ImportKind): Promise<Buffer> {
  const spec = IMPORT_SPECS[kind];
  const label = IMPORT_KIND_LABELS[kind];
  return writeXlsx([
    {
      name: label,
      columns: [
        { header: EXAMPLE_COLUMN, key: EXAMPLE_KEY, width: 10, kind: "text" as const },
        ...spec.map((f) => ({ header: f.required ? `*${f.header}` : f.header, key: f.key, kind: columnKind(f) })),
      ],
      rows: TEMPLATE_EXAMPLES[kind].map((r) => ({ [EXAMPLE_KEY]: EXAMPLE_MARK, ...r })),
      decorate: (ws, header) => decorateHeader(ws, header, spec),
      styleRow: (row) => {
        for (let c = 1; c <= spec.length + 1; c++) {
          const cell = row.getCell(c);
          cell.font = EXAMPLE_FONT;
          cell.fill = EXAMPLE_FILL;
        }
      },
    },
    {
      name: "填写说明",
      title: `${label}导入模板 填写说明`,
      columns: [
        { header: "列名", key: "header", width: 22 },
        { header: "是否必填", key: "required", width: 10 },
        { header: "类型", key: "type", width: 12 },
        { header: "填写规则", key: "rule", width: 70 },
      ],
      rows: [
        ...spec.map((f) => ({
          header: f.header,
          required: f.required ? "必填" : "选填",
          type: TYPE_LABELS[f.type],
          rule: [f.hint, rule(f)].filter(Boolean).join("；"),
        })),
        ...[
          "表头不要修改；带“*”的列为必填",
          `第一列“${EXAMPLE_COLUMN}”为“${EXAMPLE_MARK}”的行（灰色斜体、黄色底）是示例，导入时自动跳过并提示“已跳过 n 行示例”；填写数据时本列留空，示例行也可删除`,
          ...GENERAL_NOTES[kind],
          "支持 Excel（.xlsx）、CSV（UTF-8 或 GBK 编码）和 JSON 文件，文件不超过10MB；有任何错误时整个文件都不会导入",
        ].map((text) => ({ header: "通用说明", rule: text })),
      ],
    },
  ]);
}

/** Rows that get drop-downs: generous for a district's file, small enough to keep the template light. */
const VALIDATED_ROWS = 5000;

function decorateHeader(ws: ExcelJS.Worksheet, header: ExcelJS.Row, spec: readonly FieldSpec[]): void {
  // exceljs types omit the sheet's dataValidations collection; it takes a range address.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  const mark = header.getCell(1);
  mark.note = EXAMPLE_NOTE;
  mark.font = { ...SONG_FONT, bold: true, color: { argb: "FF7F7F7F" } };
  // The data columns start after the example column.
  spec.forEach((f, i) => {
    const cell = header.getCell(i + 2);
    cell.note = [f.required ? "必填" : "选填", f.hint, rule(f)].filter(Boolean).join("\n");
    if (f.required) cell.font = { ...SONG_FONT, bold: true, color: { argb: "FFC00000" } };
    const choices = CHOICES[f.type];
    if (choices) {
      const col = ws.getColumn(i + 2).letter;
      validations.add(`${col}2:${col}${VALIDATED_ROWS}`, {
        type: "list",
        allowBlank: !f.required,
        formulae: [`"${choices.join(",")}"`],
        showErrorMessage: true,
        errorTitle: f.header,
        error: `请从下拉列表中选择：${choices.join("、")}`,
      });
    }
  });
}

/** The download name of a template, e.g. 项目及预算导入模板.xlsx. */
export const templateFileName = (kind: ImportKind): string => `${IMPORT_KIND_LABELS[kind]}导入模板.xlsx`;
