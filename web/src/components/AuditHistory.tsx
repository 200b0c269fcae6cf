import { Collapse, Empty, Space, Tag, Typography } from "antd";
import type { AuditEntry } from "../api/types";
import { dateTime } from "../format";
import { AuditChanges } from "./audit/AuditChanges";
import { changeSummary } from "./audit/auditFormat";
import { actionLabel, entityLabel } from "./labels";

/** A record's change history (审计记录), newest first, each entry expandable to its before/after. */
export function AuditHistory({ entries, testId = "project-history" }: { entries: AuditEntry[]; testId?: string }) {
  if (entries.length === 0) return <Empty description="暂无变更记录" />;
  const sorted = [...entries].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return (
    <Collapse
      size="small"
      data-testid={testId}
      items={sorted.map((e) => {
        const summary = changeSummary(e.entity, e.before, e.after);
        return {
          key: String(e.id),
          label: (
            <Space wrap size={8}>
              <Typography.Text className="jx-num">{dateTime(e.at)}</Typography.Text>
              <Tag color="blue">{actionLabel(e.action)}</Tag>
              <span>{entityLabel(e.entity)}</span>
              <span>{e.actorName}</span>
              {summary && <Typography.Text type="secondary">{summary}</Typography.Text>}
              {e.reason && <Typography.Text type="secondary">原因：{e.reason}</Typography.Text>}
            </Space>
          ),
          children: <AuditChanges entity={e.entity} before={e.before} after={e.after} />,
        };
      })}
    />
  );
}
