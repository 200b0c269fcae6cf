import { Space, Tag } from "antd";
import type { RectificationItemRow } from "../../api/rectification/rectification";

const STATUS_COLORS: Record<string, string> = {
  issued: "blue",
  answered: "gold",
  returned: "orange",
  accepted: "green",
};

/** An item's status as a tag, with a red 逾期 when the unit is past its deadline. */
export function RectificationStatus({
  item,
}: {
  item: Pick<RectificationItemRow, "status" | "statusText" | "overdue">;
}) {
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLORS[item.status]}>{item.statusText}</Tag>
      {item.overdue && (
        <Tag color="error" data-testid="rectification-overdue">
          逾期
        </Tag>
      )}
    </Space>
  );
}

/** Where the source of a notice can be seen, if a page shows it (evaluations have none yet). */
export function sourcePath(source: string, sourceId: number): string | null {
  if (source === "monitoring") return `/monitoring/reports/${sourceId}`;
  if (source === "review") return `/review/items/${sourceId}`;
  return null;
}
