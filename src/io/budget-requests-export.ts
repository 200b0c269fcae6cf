import type { BudgetRequestRecord } from "../app/results/requests-ports";
import { writeXlsx } from "./write-xlsx";

/**
 * 下年度预算申请 as an Excel sheet: the filtered list as on screen, without paging. Its first columns carry the
 * import's headers (预算年度, 项目编码, 项目名称, 申请金额（元）, 刚性支出), so the file imports back as is.
 */
export function budgetRequestsWorkbook(rows: readonly BudgetRequestRecord[], title: string): Promise<Buffer> {
  return writeXlsx([
    {
      name: "下年度预算申请",
      title: `${title}（共 ${rows.length} 项）`,
      columns: [
        { header: "预算年度", key: "budgetYear", kind: "int", width: 10 },
        { header: "项目编码", key: "code", kind: "text", width: 16 },
        { header: "项目名称", key: "name", kind: "text", width: 36 },
        { header: "申请金额（元）", key: "amount", kind: "money", width: 18 },
        { header: "刚性支出", key: "rigid", kind: "text", width: 10 },
        { header: "主管部门", key: "department", kind: "text", width: 22 },
        { header: "实施单位", key: "unit", kind: "text", width: 24 },
        { header: "本年度全年预算数（元）", key: "adjustedBudget", kind: "money", width: 20 },
        { header: "来源", key: "source", kind: "text", width: 10 },
      ],
      rows: rows.map((r) => ({
        budgetYear: r.budgetYear,
        code: r.project.code,
        name: r.project.name,
        amount: r.amount / 100,
        rigid: r.rigid ? "是" : "否",
        department: r.department.name,
        unit: r.unit.name,
        adjustedBudget: r.project.adjustedBudget / 100,
        source: r.batchId === null ? "手工录入" : "导入",
      })),
    },
  ]);
}
