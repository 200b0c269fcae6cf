import type { MonitoringListExport } from "../app/monitoring/export-list";
import { LIGHT_LABELS, MONITORING_KIND_LABELS } from "../core/monitoring/types";
import { writeXlsx } from "./write-xlsx";

const yuan = (fen: number | null) => (fen === null ? null : fen / 100);
/** "28.00" (percent points as the API gives them) → 0.28 for a percent cell. */
const fraction = (points: string | null) => (points === null ? null : Number(points) / 100);

/** The round's report list as an Excel sheet (amounts in 元), for the web app's and the CLI's export. */
export function monitoringListWorkbook(e: MonitoringListExport): Promise<Buffer> {
  const { round, rows } = e;
  const n = round.cutoffMonth;
  return writeXlsx([
    {
      name: "监控表列表",
      title: `${round.fiscalYear}年度绩效运行监控（截至${n}月）监控表列表（共 ${rows.length} 份，金额单位：元）`,
      columns: [
        { header: "主管部门", key: "department", kind: "text", width: 22 },
        { header: "实施单位", key: "unit", kind: "text", width: 24 },
        { header: "编码", key: "code", kind: "text", width: 16 },
        { header: "监控对象", key: "name", kind: "text", width: 36 },
        { header: "监控类型", key: "kind", kind: "text", width: 13 },
        { header: "状态", key: "status", kind: "text", width: 14 },
        { header: "全年预算数", key: "budget", kind: "money", width: 16 },
        { header: `截至${n}月执行数`, key: "executed", kind: "money", width: 16 },
        { header: "执行率", key: "rate", kind: "percent", width: 10 },
        { header: "时间进度", key: "timeProgress", kind: "percent", width: 10 },
        { header: "预计全年执行数", key: "expectedYearEnd", kind: "money", width: 16 },
        { header: "预警", key: "light", kind: "text", width: 8 },
        { header: "预警原因", key: "reasons", kind: "text", width: 60 },
        { header: "已填指标", key: "answered", kind: "text", width: 10 },
        { header: "是否逾期", key: "overdue", kind: "text", width: 10 },
        { header: "未办结整改措施", key: "openActions", kind: "int", width: 14 },
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
        department: r.department.name,
        unit: r.unit.name,
        code: r.code,
        name: r.name,
        kind: MONITORING_KIND_LABELS[r.kind],
        status: r.statusText,
        budget: yuan(r.budget),
        executed: yuan(r.executed),
        rate: fraction(r.rate),
        timeProgress: fraction(r.timeProgress),
        expectedYearEnd: yuan(r.expectedYearEnd),
        light: LIGHT_LABELS[r.light],
        reasons: r.reasons.join("；"),
        answered: `${r.answered}/${r.indicators}`,
        overdue: r.overdue ? "逾期" : "",
        openActions: r.openActions,
      })),
    },
  ]);
}
