import type { ActionStatus } from "../core/monitoring/actions";
import { ACTION_STATUS_LABELS } from "../core/monitoring/actions";
import { ACTION_KIND_LABELS, type ActionKind } from "../core/monitoring/types";
import { writeXlsx } from "./write-xlsx";

interface ExportedAction {
  id: number;
  kind: ActionKind;
  status: ActionStatus;
  requirement: string;
  dueOn: string;
  overdue: boolean;
  response: string | null;
  reviewNote: string | null;
  attachments: number;
  org: { code: string; name: string };
  department: { name: string };
  report: { code: string; name: string; cutoffMonth: number };
  closedAt: string | null;
}

/** 跟进措施 as an Excel sheet: the filtered list as it is on screen, without paging. */
export function monitoringActionsWorkbook(rows: readonly ExportedAction[], title: string): Promise<Buffer> {
  return writeXlsx([
    {
      name: "跟进措施",
      title: `${title}（共 ${rows.length} 项）`,
      columns: [
        { header: "编号", key: "id", kind: "int", width: 8 },
        { header: "主管部门", key: "department", kind: "text", width: 22 },
        { header: "负责单位编码", key: "orgCode", kind: "text", width: 14 },
        { header: "负责单位", key: "org", kind: "text", width: 24 },
        { header: "项目编码", key: "code", kind: "text", width: 14 },
        { header: "项目名称", key: "name", kind: "text", width: 28 },
        { header: "截止月份", key: "month", kind: "int", width: 10 },
        { header: "措施类型", key: "kind", kind: "text", width: 16 },
        { header: "整改要求", key: "requirement", kind: "text", width: 40 },
        { header: "整改期限", key: "dueOn", kind: "text", width: 12 },
        { header: "状态", key: "status", kind: "text", width: 12 },
        { header: "是否逾期", key: "overdue", kind: "text", width: 10 },
        { header: "整改情况", key: "response", kind: "text", width: 40 },
        { header: "佐证材料数", key: "attachments", kind: "int", width: 10 },
        { header: "财政意见", key: "reviewNote", kind: "text", width: 30 },
        { header: "办结时间", key: "closedAt", kind: "text", width: 20 },
      ],
      rows: rows.map((a) => ({
        id: a.id,
        department: a.department.name,
        orgCode: a.org.code,
        org: a.org.name,
        code: a.report.code,
        name: a.report.name,
        month: a.report.cutoffMonth,
        kind: ACTION_KIND_LABELS[a.kind],
        requirement: a.requirement,
        dueOn: a.dueOn,
        status: ACTION_STATUS_LABELS[a.status],
        overdue: a.overdue ? "是" : "否",
        response: a.response ?? "",
        attachments: a.attachments,
        reviewNote: a.reviewNote ?? "",
        closedAt: a.closedAt ? a.closedAt.slice(0, 10) : "",
      })),
    },
  ]);
}
