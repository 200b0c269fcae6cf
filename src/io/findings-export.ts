import type { FindingRow } from "../app/goals/list-findings";
import { GOAL_RULES_BY_CODE } from "../core/goals/quality";
import { GOAL_STATUS_LABELS } from "../core/goals/workflow";
import { writeXlsx } from "./write-xlsx";

const SEVERITY = { error: "错误", warning: "提示" } as const;
const KIND = { project: "项目", deptWide: "部门整体" } as const;

/** 问题明细 of the region-wide goal check as an Excel sheet, one row per finding, as filtered on screen. */
export function findingsWorkbook(rows: readonly FindingRow[], year: number, rulesVersion: string): Promise<Buffer> {
  return writeXlsx([
    {
      name: "问题明细",
      title: `${year}年度绩效目标表智能审核问题明细（共 ${rows.length} 处，指标体系版本 ${rulesVersion}）`,
      columns: [
        { header: "主管部门编码", key: "departmentCode", kind: "text", width: 12 },
        { header: "主管部门", key: "departmentName", kind: "text", width: 24 },
        { header: "类型", key: "kind", kind: "text", width: 10 },
        { header: "项目编码", key: "subjectCode", kind: "text", width: 18 },
        { header: "目标表", key: "subjectName", kind: "text", width: 40 },
        { header: "状态", key: "status", kind: "text", width: 14 },
        { header: "级别", key: "severity", kind: "text", width: 8 },
        { header: "规则", key: "rule", kind: "text", width: 26 },
        { header: "指标行", key: "row", kind: "int", width: 8 },
        { header: "问题", key: "message", kind: "text", width: 60 },
        { header: "修改建议", key: "suggestion", kind: "text", width: 50 },
      ],
      rows: rows.map(({ table, finding }) => ({
        departmentCode: table.departmentCode,
        departmentName: table.departmentName,
        kind: KIND[table.subjectKind as keyof typeof KIND] ?? table.subjectKind,
        subjectCode: table.subjectCode,
        subjectName: table.subjectName,
        status: GOAL_STATUS_LABELS[table.status],
        severity: SEVERITY[finding.severity],
        rule: GOAL_RULES_BY_CODE.get(finding.code)?.title ?? finding.code,
        row: finding.indicatorIndex === null ? null : finding.indicatorIndex + 1,
        message: finding.message,
        suggestion: finding.suggestion ?? "",
      })),
    },
  ]);
}
