import { Empty, Timeline, Typography } from "antd";
import { GOAL_ACTION_LABELS, GOAL_STATUS_LABELS } from "../../../../src/core/goals/workflow";
import type { GoalTransition } from "../../api/goals/goal-tables";
import { dateTime } from "../../format";

const COLORS: Record<string, string> = {
  submit: "blue",
  approve: "green",
  return: "red",
  revise: "orange",
  withdraw: "gray",
  request_revision: "orange",
};

/**
 * Workflow actions, "load" for tables that came in with the data (the demo, an import), and
 * "request_revision" for finance asking the declarer to revise an approved table (要求调整).
 */
const actionLabel = (a: string): string =>
  a === "revise"
    ? "调整"
    : a === "load"
      ? "数据载入"
      : a === "request_revision"
        ? "要求调整"
        : (GOAL_ACTION_LABELS[a as keyof typeof GOAL_ACTION_LABELS] ?? a);

/** 审核记录: every step of the table's workflow, oldest first, with the comments made. */
export function TransitionTimeline({
  transitions,
  rowName,
}: {
  transitions: readonly GoalTransition[];
  /** The indicator with this uid, for per-indicator comments. */
  rowName: (uid: string) => string;
}) {
  if (transitions.length === 0) return <Empty description="暂无审核记录" image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      data-testid="goal-transitions"
      items={transitions.map((t, i) => ({
        key: i,
        color: COLORS[t.action] ?? "gray",
        content: (
          <div>
            <div>
              <b>{actionLabel(t.action)}</b>
              <span style={{ marginLeft: 8 }}>{t.actorName}</span>
              <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }} className="jx-num">
                {dateTime(t.at).slice(0, 16)}
              </Typography.Text>
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {GOAL_STATUS_LABELS[t.fromStatus] ?? t.fromStatus} → {GOAL_STATUS_LABELS[t.toStatus] ?? t.toStatus}
            </Typography.Text>
            {t.comment && (
              <div style={{ marginTop: 2 }}>
                {t.action === "revise"
                  ? "调整原因"
                  : t.action === "request_revision"
                    ? "调整要求"
                    : t.action === "return"
                      ? "退回意见"
                      : t.action === "load"
                        ? "说明"
                        : "意见"}
                ：{t.comment}
              </div>
            )}
            {t.indicatorComments &&
              Object.entries(t.indicatorComments).map(([k, v]) => (
                <div key={k} style={{ fontSize: 12, color: "#0958d9" }}>
                  {rowName(k)}：{v}
                </div>
              ))}
          </div>
        ),
      }))}
    />
  );
}
