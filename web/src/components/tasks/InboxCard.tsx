import { Badge, Card, Empty, List, Skeleton, Space, Statistic, Tag, Typography } from "antd";
import { Link } from "react-router";
import { type Task, useInbox } from "../../api/tasks/tasks";
import { OpenLink } from "../list/backTo";
import { useIsPhone } from "../phone/useIsPhone";

const STATUS_COLOR: Record<string, string> = {
  todo: "default",
  in_progress: "processing",
  returned: "error",
  submitted: "success",
  done: "success",
  closed: "default",
};

/** When a task is due, in words a clerk reads at a glance. */
export function dueText(t: Pick<Task, "daysLeft" | "dueOn" | "overdue">) {
  if (t.overdue)
    return (
      <Typography.Text type="danger">
        已逾期 {-t.daysLeft} 天（{t.dueOn}）
      </Typography.Text>
    );
  if (t.daysLeft === 0) return <Typography.Text type="warning">今天截止</Typography.Text>;
  if (t.daysLeft < 7)
    return (
      <Typography.Text type="warning">
        {t.daysLeft} 天后截止（{t.dueOn}）
      </Typography.Text>
    );
  return <Typography.Text type="secondary">截止 {t.dueOn}</Typography.Text>;
}

/** 我的待办: the caller's open tasks, most urgent first, with the counts that matter. One click opens the form. */
export function InboxCard() {
  const inbox = useInbox();
  const data = inbox.data;
  const phone = useIsPhone();
  return (
    <Card title="我的待办" style={{ marginBottom: 16 }} data-testid="inbox">
      {!data ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : (
        <>
          <Space size={phone ? [24, 8] : 48} wrap style={{ marginBottom: data.tasks.length ? 12 : 0 }}>
            <Statistic title="待办理" value={data.counts.open} />
            <Statistic title="本周到期" value={data.counts.dueThisWeek} />
            <Statistic
              title="已逾期"
              value={data.counts.overdue}
              valueStyle={data.counts.overdue ? { color: "#cf1322" } : undefined}
            />
            <Statistic
              title="被退回"
              value={data.counts.returned}
              valueStyle={data.counts.returned ? { color: "#cf1322" } : undefined}
            />
          </Space>
          {data.tasks.length === 0 ? (
            <Empty description="没有待办理的任务" image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            <List
              size="small"
              className="jx-inbox-list"
              dataSource={data.tasks.slice(0, 8)}
              footer={data.counts.open > 8 ? <Link to="/tasks">查看全部 {data.counts.open} 项</Link> : null}
              renderItem={(t) => (
                <List.Item
                  data-testid="inbox-task"
                  actions={[
                    <OpenLink key="open" to={t.link}>
                      {t.status === "returned" ? "查看意见并修改" : "去办理"}
                    </OpenLink>,
                  ]}
                >
                  <List.Item.Meta
                    title={
                      <Space wrap size={[8, 2]}>
                        <Tag color={STATUS_COLOR[t.status]}>{t.statusLabel}</Tag>
                        <OpenLink to={t.link}>{t.title}</OpenLink>
                        {t.reminders > 0 && <Badge count={`催办 ${t.reminders}`} color="orange" />}
                      </Space>
                    }
                    description={dueText(t)}
                  />
                </List.Item>
              )}
            />
          )}
        </>
      )}
    </Card>
  );
}
