import type { ProjectListItem } from "../app/projects/ports";
import { PROJECT_CATEGORY_LABELS } from "../core/project";
import { writeXlsx } from "./write-xlsx";

const yuan = (fen: number) => fen / 100;

/** The project library as an Excel sheet (amounts in 元), for the web app's and the CLI's export. */
export function projectsWorkbook(rows: readonly ProjectListItem[], year: number): Promise<Buffer> {
  return writeXlsx([
    {
      name: "项目库",
      title: `${year}年度项目库（共 ${rows.length} 个项目，金额单位：元）`,
      columns: [
        { header: "项目编码", key: "code", kind: "text", width: 18 },
        { header: "项目名称", key: "name", kind: "text", width: 44 },
        { header: "主管部门编码", key: "departmentCode", kind: "text", width: 12 },
        { header: "主管部门", key: "department", kind: "text", width: 22 },
        { header: "实施单位编码", key: "unitCode", kind: "text", width: 12 },
        { header: "实施单位", key: "unit", kind: "text", width: 26 },
        { header: "项目类别", key: "category", kind: "text", width: 10 },
        { header: "重点项目", key: "isKey", kind: "text", width: 10 },
        { header: "年初预算数", key: "initialBudget", kind: "money", width: 16 },
        { header: "全年预算数", key: "adjustedBudget", kind: "money", width: 16 },
        { header: "财政拨款", key: "fiscalFunds", kind: "money", width: 16 },
        { header: "其他资金", key: "otherFunds", kind: "money", width: 14 },
        { header: "执行数", key: "executed", kind: "money", width: 16 },
        { header: "执行率", key: "executionRate", kind: "percent", width: 10 },
      ],
      rows: rows.map((r) => ({
        code: r.code,
        name: r.name,
        departmentCode: r.department.code,
        department: r.department.name,
        unitCode: r.unit.code,
        unit: r.unit.name,
        category: PROJECT_CATEGORY_LABELS[r.category],
        isKey: r.isKey ? "是" : "否",
        initialBudget: yuan(r.initialBudget),
        adjustedBudget: yuan(r.adjustedBudget),
        fiscalFunds: yuan(r.fiscalFunds),
        otherFunds: yuan(r.otherFunds),
        executed: yuan(r.executed),
        executionRate: r.executionRate,
      })),
    },
  ]);
}
