import type { GoalWorkbookCheck } from "../app/goals/check-goal-workbook";
import { fenToWan } from "../core/money";
import { writeXlsx } from "./write-xlsx";

const SEVERITY = { error: "错误", warning: "提示" } as const;

/**
 * The check of an outside workbook as Excel: 问题清单 (one row per finding and per cell that could not be
 * read, with its sheet and cell) and 目标表 (one row per table read: name, funds in 万元, counts).
 */
export function outsideFindingsWorkbook(check: GoalWorkbookCheck): Promise<Buffer> {
  const findings: Record<string, unknown>[] = [];
  const tables: Record<string, unknown>[] = [];
  for (const sheet of check.sheets) {
    for (const t of sheet.tables) {
      const name = t.part ? `${sheet.sheet} · ${t.part}` : sheet.sheet;
      tables.push({
        sheet: name,
        subjectName: t.table.subjectName,
        year: t.fiscalYear,
        departmentName: t.departmentName,
        unitName: t.unitName,
        total: t.table.funds ? fenToWan(t.table.funds.total) : "",
        indicators: t.table.indicators.length,
        errors: t.errors,
        warnings: t.warnings,
      });
      for (const f of t.findings)
        findings.push({
          sheet: name,
          cell: f.cell ?? "",
          severity: SEVERITY[f.severity],
          rule: f.title,
          message: f.message,
          suggestion: f.suggestion ?? "",
        });
    }
    for (const i of sheet.issues)
      findings.push({
        sheet: sheet.sheet,
        cell: i.cell ?? "",
        severity: "未能读取",
        rule: "",
        message: i.message,
        suggestion: "",
      });
  }
  const c = check.counts;
  return writeXlsx([
    {
      name: "问题清单",
      title: `${check.fileName} 检查结果：${c.tables} 张表，错误 ${c.errors} 处，提示 ${c.warnings} 处，无法读取之处 ${c.issues} 处`,
      columns: [
        { header: "工作表", key: "sheet", kind: "text", width: 20 },
        { header: "单元格", key: "cell", kind: "text", width: 8 },
        { header: "级别", key: "severity", kind: "text", width: 10 },
        { header: "规则", key: "rule", kind: "text", width: 24 },
        { header: "问题", key: "message", kind: "text", width: 70 },
        { header: "修改建议", key: "suggestion", kind: "text", width: 50 },
      ],
      rows: findings,
    },
    {
      name: "目标表",
      columns: [
        { header: "工作表", key: "sheet", kind: "text", width: 20 },
        { header: "项目名称", key: "subjectName", kind: "text", width: 36 },
        { header: "规则年度", key: "year", kind: "int", width: 10 },
        { header: "主管部门", key: "departmentName", kind: "text", width: 20 },
        { header: "实施单位", key: "unitName", kind: "text", width: 24 },
        { header: "年度资金总额（万元）", key: "total", kind: "text", width: 16 },
        { header: "指标数", key: "indicators", kind: "int", width: 8 },
        { header: "错误", key: "errors", kind: "int", width: 8 },
        { header: "提示", key: "warnings", kind: "int", width: 8 },
      ],
      rows: tables,
    },
  ]);
}
