import { Collapse, Empty, Space, Tag, Typography } from "antd";
import type { AuditEntry } from "../api/types";
import { dateTime } from "../format";
import { changedKeys, JsonDiff } from "./JsonDiff";
import { actionLabel, fieldLabel } from "./labels";

/** A record's change history (审计记录), newest first, each entry expandable to its before/after. */
export function AuditHistory({ entries }: { entries: AuditEntry[] }) {
  if (entries.length === 0) return <Empty description="暂无变更记录" />;
  const sorted = [...entries].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return (
    <Collapse
      size="small"
      data-testid="project-history"
      items={sorted.map((e) => {
        const keys = changedKeys(e.before, e.after);
        return {
          key: String(e.id),
          label: (
            <Space wrap size={8}>
              <Typography.Text className="jx-num">{dateTime(e.at)}</Typography.Text>
              <Tag color="blue">{actionLabel(e.action)}</Tag>
              <span>{e.actorName}</span>
              {keys.length > 0 && (
                <Typography.Text type="secondary">变更：{keys.map(fieldLabel).join("、")}</Typography.Text>
              )}
              {e.reason && <Typography.Text type="secondary">原因：{e.reason}</Typography.Text>}
            </Space>
          ),
          children: <JsonDiff before={e.before} after={e.after} />,
        };
      })}
    />
  );
}
