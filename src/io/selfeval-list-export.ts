import type { SelfEvalListExport } from "../app/selfeval/export-list";
import { writeXlsx } from "./write-xlsx";

const yuan = (fen: number) => fen / 100;
/** "28.00" (percent points as the API gives them) → 0.28 for a percent cell. */
const fraction = (points: string | null) => (points === null ? null : Number(points) / 100);
const KIND_LABELS = { project: "项目支出", deptWide: "部门整体支出" } as const;

/** The year's self-evaluation list as an Excel sheet (amounts in 元), for the web app's export. */
export function selfEvalListWorkbook(e: SelfEvalListExport): Promise<Buffer> {
  const { rows, gradeLabels } = e;
  return writeXlsx([
    {
      name: "自评表列表",
      title: `${e.fiscalYear}年度单位自评表列表（共 ${rows.length} 张，金额单位：元，评分规则 ${e.rulesVersion} 版）`,
      columns: [
        { header: "编码", key: "code", kind: "text", width: 16 },
        { header: "名称", key: "name", kind: "text", width: 36 },
        { header: "类型", key: "kind", kind: "text", width: 13 },
        { header: "主管部门", key: "department", kind: "text", width: 22 },
        { header: "实施单位", key: "unit", kind: "text", width: 24 },
        { header: "年初预算数", key: "startBudget", kind: "money", width: 16 },
        { header: "全年预算数", key: "adjustedBudget", kind: "money", width: 16 },
        { header: "全年执行数", key: "executed", kind: "money", width: 16 },
        { header: "执行率", key: "rate", kind: "percent", width: 10 },
        // Points show with two decimals like amounts ("89.50"); a number, so the column sorts and sums.
        { header: "自评得分", key: "total", kind: "money", width: 10 },
        { header: "等级", key: "grade", kind: "text", width: 8 },
        { header: "无法计分项", key: "unscorable", kind: "int", width: 11 },
        { header: "状态", key: "status", kind: "text", width: 16 },
        { header: "是否逾期", key: "overdue", kind: "text", width: 10 },
      ],
      // Printed on A4 landscape, all columns on one page's width, the header repeated on every page.
      pageSetup: {
        paperSize: 9,
        orientation: "landscape",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: "2:2",
        margins: { left: 0.3, right: 0.3, top: 0.4, bottom: 0.4, header: 0.2, footer: 0.2 },
      },
      rows: rows.map((r) => ({
        code: r.code,
        name: r.name,
        kind: KIND_LABELS[r.subjectKind],
        department: r.department.name,
        unit: r.unit.name,
        startBudget: yuan(r.startBudget),
        adjustedBudget: yuan(r.adjustedBudget),
        executed: yuan(r.executed),
        rate: fraction(r.rate),
        // Blank while an item cannot be scored, as in the list.
        total: r.total,
        grade: r.grade === null ? "" : gradeLabels[r.grade],
        unscorable: r.unscorable,
        status: r.statusText,
        overdue: r.overdue ? "逾期" : "",
      })),
    },
  ]);
}
