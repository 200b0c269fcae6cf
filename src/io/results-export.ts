import { ADJUSTMENT_ACTION_LABELS, type AdjustmentAction } from "../core/results/rules";
import { writeXlsx } from "./write-xlsx";

interface ExportedAdjustment {
  projectCode: string;
  projectName: string;
  departmentName: string;
  unitName: string;
  request: number;
  action: AdjustmentAction;
  cut: number;
  raise: number;
  newAmount: number;
  ruleLabel: string | null;
  reason: string;
  evidence: { label: string }[];
}

const yuan = (fen: number) => fen / 100;

/**
 * 预算调整清单 as an Excel sheet for the budget system: the adopted lines as frozen, amounts in 元 with the
 * exact fen kept in the cells (fen / 100 is exact to two decimals), then a total row summed from the lines.
 */
export function adjustmentsWorkbook(rows: readonly ExportedAdjustment[], title: string): Promise<Buffer> {
  const total = (k: "request" | "cut" | "raise" | "newAmount") => rows.reduce((a, r) => a + r[k], 0);
  return writeXlsx([
    {
      name: "预算调整清单",
      title: `${title}（共 ${rows.length} 个项目）`,
      columns: [
        { header: "主管部门", key: "department", kind: "text", width: 22 },
        { header: "预算单位", key: "unit", kind: "text", width: 24 },
        { header: "项目编码", key: "code", kind: "text", width: 16 },
        { header: "项目名称", key: "name", kind: "text", width: 30 },
        { header: "申请数（元）", key: "request", kind: "money", width: 16 },
        { header: "处理方式", key: "action", kind: "text", width: 10 },
        { header: "核减（元）", key: "cut", kind: "money", width: 14 },
        { header: "增加（元）", key: "raise", kind: "money", width: 14 },
        { header: "调整后金额（元）", key: "newAmount", kind: "money", width: 16 },
        { header: "适用规则", key: "rule", kind: "text", width: 28 },
        { header: "调整理由", key: "reason", kind: "text", width: 60 },
        { header: "依据", key: "evidence", kind: "text", width: 40 },
      ],
      rows: [
        ...rows.map((r) => ({
          department: r.departmentName,
          unit: r.unitName,
          code: r.projectCode,
          name: r.projectName,
          request: yuan(r.request),
          action: ADJUSTMENT_ACTION_LABELS[r.action],
          cut: yuan(r.cut),
          raise: yuan(r.raise),
          newAmount: yuan(r.newAmount),
          rule: r.ruleLabel ?? "",
          reason: r.reason,
          evidence: r.evidence.map((e) => e.label).join("；"),
        })),
        {
          department: "合计",
          unit: "",
          code: "",
          name: "",
          request: yuan(total("request")),
          action: "",
          cut: yuan(total("cut")),
          raise: yuan(total("raise")),
          newAmount: yuan(total("newAmount")),
          rule: "",
          reason: "",
          evidence: "",
        },
      ],
    },
  ]);
}
