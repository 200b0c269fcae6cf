import { BellOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Badge, Button, Empty, List, Popover, Typography } from "antd";
import { useNavigate } from "react-router";
import { readNotifications, taskKeys, useNotifications } from "../../api/tasks/tasks";
import { dateTime } from "../../format";

/** The header's bell: unread count, the latest notifications, one click to the task. */
export function NotificationBell() {
  const notes = useNotifications();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const unread = notes.data?.unread ?? 0;
  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: taskKeys.notifications }),
      qc.invalidateQueries({ queryKey: taskKeys.inbox }),
    ]);
  const open = async (id: number, readAt: string | null, link: string | null) => {
    if (!readAt) await readNotifications({ ids: [id] }).catch(() => undefined);
    await refresh();
    if (link) navigate(link);
  };
  const content = (
    <div style={{ width: 360, maxHeight: 420, overflow: "auto" }}>
      {notes.data?.rows.length ? (
        <List
          size="small"
          dataSource={notes.data.rows}
          renderItem={(n) => (
            <List.Item
              style={{ cursor: "pointer", background: n.readAt ? undefined : "#e6f4ff" }}
              onClick={() => void open(n.id, n.readAt, n.link)}
              data-testid="notification"
            >
              <List.Item.Meta
                title={n.title}
                description={
                  <>
                    <div>{n.body}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {dateTime(n.createdAt)}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      ) : (
        <Empty description="暂无通知" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
    </div>
  );
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={
        <span style={{ display: "flex", justifyContent: "space-between" }}>
          通知
          {unread > 0 && (
            <Button
              type="link"
              size="small"
              onClick={() => void readNotifications({ all: true }).then(refresh)}
              data-testid="notifications-read-all"
            >
              全部标为已读
            </Button>
          )}
        </span>
      }
      content={content}
    >
      <Badge count={unread} size="small" offset={[-4, 4]}>
        <Button
          type="text"
          aria-label={`通知，${unread} 条未读`}
          icon={<BellOutlined style={{ fontSize: 18, color: "#fff" }} />}
          data-testid="notification-bell"
        />
      </Badge>
    </Popover>
  );
}
