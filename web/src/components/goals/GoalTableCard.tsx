import type { GoalTableRow } from "../../api/goals/goal-tables";
import { dateTime } from "../../format";
import type { CardOf } from "../list/CardList";
import { GoalStatusTag, IssueCounts } from "./status";

const KIND_LABELS = { project: "项目", deptWide: "部门整体" } as const;

/** A goal table of the list as a phone card: name, status, code, department, revision, problems, update time. */
export function goalTableCard(r: GoalTableRow): CardOf {
  return {
    title: r.subjectName,
    to: `/goal-tables/${r.id}`,
    tag: <GoalStatusTag status={r.status} returnedBy={r.returnedBy} />,
    fields: [
      { label: KIND_LABELS[r.subjectKind] ?? r.subjectKind, value: <span className="jx-num">{r.subjectCode}</span> },
      { label: "主管部门", value: r.departmentName },
      ...(r.subjectKind === "project" ? [{ label: "实施单位", value: r.unitName }] : []),
      {
        label: "版本",
        value: r.inForce ? `第${r.revision}版（现行：第${r.inForce.revision}版）` : `第${r.revision}版`,
      },
      { label: "问题", value: <IssueCounts errors={r.errors} warnings={r.warnings} /> },
      { label: "更新", value: <span className="jx-num">{dateTime(r.updatedAt).slice(0, 16)}</span> },
    ],
  };
}
