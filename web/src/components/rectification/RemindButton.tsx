import { BellOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { App, Button } from "antd";
import { useState } from "react";
import { errorMessage } from "../../api/client";
import { fetchTask, remindTask, taskKeys } from "../../api/tasks/tasks";
import { useSession } from "../../auth/session";

/**
 * 催办 of an open item: the item is a task of the unit, so the tasks module's reminder applies unchanged
 * (its count and the unit's notification). Shown to finance on items still the unit's to do.
 */
export function RemindButton({
  item,
}: {
  item: { taskId: number | null; status: string; unit: { name: string }; seq: number };
}) {
  const { can } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const open = item.status === "issued" || item.status === "returned";
  if (!open || item.taskId === null || !can("task.remind") || !can("rectification.issue")) return null;
  const taskId = item.taskId;
  const remind = async () => {
    setBusy(true);
    try {
      // The reminder is checked against the task's version, which the item's read does not carry.
      const task = await fetchTask(taskId);
      await remindTask(taskId, task.version);
      message.success(`已催办：${item.unit.name}（第${item.seq}项）`);
      await qc.invalidateQueries({ queryKey: taskKeys.all });
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      size="small"
      icon={<BellOutlined />}
      loading={busy}
      onClick={(e) => {
        e.preventDefault();
        e.stopPropagation();
        void remind();
      }}
      data-testid="rectification-remind"
    >
      催办
    </Button>
  );
}
