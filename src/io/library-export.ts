import type { LibraryRow } from "../app/goals/library-list";
import type { PastTargets } from "../app/goals/ports";
import { INDICATOR_KIND_LABELS, OPERATOR_LABELS } from "../core/goals/types";
import { writeXlsx } from "./write-xlsx";

const num = (n: number) => String(Math.round(n * 100) / 100);

/** "2024年：常用 95（90～100），232 张表" per year, newest first. */
export function pastTargetsText(targets: readonly PastTargets[], unit: string | null): string {
  return targets
    .map((t) => {
      const range =
        t.minTarget !== null && t.maxTarget !== null && t.minTarget !== t.maxTarget
          ? `（${num(t.minTarget)}～${num(t.maxTarget)}${unit ?? ""}）`
          : "";
      return `${t.fiscalYear}年：常用 ${t.commonTarget}${range}，${t.tables} 张表`;
    })
    .join("；");
}

/** 指标库 as filtered on screen, one row per entry, with the targets approved tables set for it. */
export function libraryWorkbook(rows: readonly LibraryRow[], truncated: boolean): Promise<Buffer> {
  return writeXlsx([
    {
      name: "指标库",
      title: `绩效指标库（共 ${rows.length} 条${truncated ? "，已达导出上限，其余未导出" : ""}）`,
      columns: [
        { header: "编号", key: "id", kind: "int", width: 8 },
        { header: "所属行业", key: "sector", kind: "text", width: 14 },
        { header: "一级指标", key: "level1", kind: "text", width: 12 },
        { header: "二级指标", key: "level2", kind: "text", width: 18 },
        { header: "三级指标名称", key: "name", kind: "text", width: 30 },
        { header: "指标类型", key: "kind", kind: "text", width: 9 },
        { header: "比较方向", key: "operator", kind: "text", width: 9 },
        { header: "计量单位", key: "unit", kind: "text", width: 9 },
        { header: "指标解释", key: "explanation", kind: "text", width: 40 },
        { header: "来源", key: "origin", kind: "text", width: 12 },
        { header: "状态", key: "status", kind: "text", width: 8 },
        { header: "使用次数", key: "uses", kind: "int", width: 10 },
        { header: "最近使用年度", key: "lastYear", kind: "int", width: 12 },
        { header: "往年目标值", key: "targets", kind: "text", width: 50 },
      ],
      rows: rows.map((r) => ({
        id: r.id,
        sector: r.sector,
        level1: r.level1,
        level2: r.level2,
        name: r.name,
        kind: INDICATOR_KIND_LABELS[r.kind] ?? r.kind,
        operator: r.operator ? OPERATOR_LABELS[r.operator] : "",
        unit: r.unit ?? "",
        explanation: r.explanation ?? "",
        origin: r.curated ? "财政推荐" : "目标表汇集",
        status: r.retired ? "已停用" : "在用",
        uses: r.uses,
        lastYear: r.lastYear,
        targets: pastTargetsText(r.targets, r.unit),
      })),
    },
  ]);
}
