import { Tag, Tooltip } from "antd";
import type { GoalReturnedBy } from "../../../../src/core/goals/workflow";
import { GOAL_STATUS_LABELS, type GoalStatus, goalStatusText } from "../../../../src/core/goals/workflow";

/** antd Tag colours by workflow status: grey draft, blue/purple in review, red returned, green approved. */
export const GOAL_STATUS_COLORS: Record<GoalStatus, string> = {
  draft: "default",
  submitted: "processing",
  dept_approved: "purple",
  returned: "error",
  approved: "success",
};

export const goalStatusOptions = (Object.keys(GOAL_STATUS_LABELS) as GoalStatus[]).map((s) => ({
  value: s,
  label: GOAL_STATUS_LABELS[s],
}));

/** "已退回（主管部门）" in red, "已批复" in green… */
export function GoalStatusTag({
  status,
  returnedBy,
  testId,
}: {
  status: GoalStatus;
  returnedBy: GoalReturnedBy | null;
  testId?: string;
}) {
  return (
    <Tag color={GOAL_STATUS_COLORS[status] ?? "default"} data-testid={testId} style={{ marginInlineEnd: 0 }}>
      {goalStatusText({ status, version: 0, returnedBy })}
    </Tag>
  );
}

/** Errors as a red count, warnings as an orange one; a green tick when there is nothing. */
export function IssueCounts({ errors, warnings }: { errors: number; warnings: number }) {
  if (errors === 0 && warnings === 0) return <span style={{ color: "#389e0d", fontSize: 12 }}>无问题</span>;
  return (
    <span style={{ display: "inline-flex", gap: 4 }}>
      {errors > 0 && (
        <Tooltip title={`${errors} 个错误：须改正后才能提交`}>
          <span className="jx-gt-count jx-gt-count-error">{errors} 错误</span>
        </Tooltip>
      )}
      {warnings > 0 && (
        <Tooltip title={`${warnings} 个提示：建议修改，不影响提交`}>
          <span className="jx-gt-count jx-gt-count-warning">{warnings} 提示</span>
        </Tooltip>
      )}
    </span>
  );
}
