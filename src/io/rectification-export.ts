import {
  RECTIFICATION_SOURCE_LABELS,
  RECTIFICATION_STATUS_LABELS,
  type RectificationSource,
  type RectificationStatus,
} from "../core/evaluations/rectification";
import { writeXlsx } from "./write-xlsx";

interface ExportedItem {
  seq: number;
  problem: string;
  requirement: string;
  deadline: string;
  status: RectificationStatus;
  overdue: boolean;
  answer: string;
  verdictNote: string | null;
  attachments: number;
  acceptedAt: string | null;
  notice: { id: number; source: RectificationSource; title: string };
  unit: { code: string; name: string };
  department: { name: string };
  project: { code: string; name: string } | null;
}

/** 整改事项 as an Excel sheet: the filtered list as it is on screen, without paging. */
export function rectificationItemsWorkbook(rows: readonly ExportedItem[], title: string): Promise<Buffer> {
  return writeXlsx([
    {
      name: "整改事项",
      title: `${title}（共 ${rows.length} 项）`,
      columns: [
        { header: "通知编号", key: "notice", kind: "int", width: 8 },
        { header: "通知标题", key: "title", kind: "text", width: 28 },
        { header: "来源", key: "source", kind: "text", width: 10 },
        { header: "主管部门", key: "department", kind: "text", width: 22 },
        { header: "整改单位编码", key: "unitCode", kind: "text", width: 14 },
        { header: "整改单位", key: "unit", kind: "text", width: 24 },
        { header: "项目编码", key: "code", kind: "text", width: 14 },
        { header: "项目名称", key: "name", kind: "text", width: 28 },
        { header: "序号", key: "seq", kind: "int", width: 6 },
        { header: "存在问题", key: "problem", kind: "text", width: 40 },
        { header: "整改要求", key: "requirement", kind: "text", width: 40 },
        { header: "整改期限", key: "deadline", kind: "text", width: 12 },
        { header: "状态", key: "status", kind: "text", width: 12 },
        { header: "是否逾期", key: "overdue", kind: "text", width: 10 },
        { header: "整改措施", key: "answer", kind: "text", width: 40 },
        { header: "佐证材料数", key: "attachments", kind: "int", width: 10 },
        { header: "财政意见", key: "verdictNote", kind: "text", width: 30 },
        { header: "验收时间", key: "acceptedAt", kind: "text", width: 20 },
      ],
      rows: rows.map((i) => ({
        notice: i.notice.id,
        title: i.notice.title,
        source: RECTIFICATION_SOURCE_LABELS[i.notice.source],
        department: i.department.name,
        unitCode: i.unit.code,
        unit: i.unit.name,
        code: i.project?.code ?? "",
        name: i.project?.name ?? "",
        seq: i.seq,
        problem: i.problem,
        requirement: i.requirement,
        deadline: i.deadline,
        status: RECTIFICATION_STATUS_LABELS[i.status],
        overdue: i.overdue ? "是" : "否",
        answer: i.answer,
        attachments: i.attachments,
        verdictNote: i.verdictNote ?? "",
        acceptedAt: i.acceptedAt ? i.acceptedAt.slice(0, 10) : "",
      })),
    },
  ]);
}
