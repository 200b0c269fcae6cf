import { BellOutlined } from "@ant-design/icons";
import { Button, Tag } from "antd";
import type { Task } from "../../api/tasks/tasks";
import type { CardOf } from "../list/CardList";
import { dueText } from "./InboxCard";

const OPEN = ["todo", "in_progress", "returned"];

/** A task of the list as a phone card: title (the link to its work), status, owner, due date, reminders. */
export function taskCard(onRemind?: (t: Task) => void) {
  return (t: Task): CardOf => ({
    title: t.title,
    to: t.link,
    tag: (
      <Tag color={t.status === "returned" ? "error" : undefined} style={{ marginInlineEnd: 0 }}>
        {t.statusLabel}
      </Tag>
    ),
    fields: [
      { label: "负责单位", value: t.org.name },
      { label: "", value: dueText(t) },
      ...(t.reminders > 0 ? [{ label: "催办", value: `${t.reminders} 次` }] : []),
    ],
    extra:
      onRemind && OPEN.includes(t.status) ? (
        <Button size="small" icon={<BellOutlined />} onClick={() => onRemind(t)} data-testid="task-remind">
          催办
        </Button>
      ) : undefined,
  });
}
