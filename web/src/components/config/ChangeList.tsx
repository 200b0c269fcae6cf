import { Table, Tag, Typography } from "antd";
import type { ConfigChange } from "./types";

const KIND: Record<ConfigChange["kind"], { label: string; color: string }> = {
  added: { label: "新增", color: "green" },
  removed: { label: "删除", color: "red" },
  changed: { label: "修改", color: "blue" },
};

/** What a save changes, one row per item: 新增 / 删除 / 修改 with the old and the new value. */
export function ChangeList({ changes }: { changes: ConfigChange[] }) {
  return (
    <Table<ConfigChange & { key: number }>
      data-testid="config-changes"
      size="small"
      pagination={false}
      scroll={{ y: 240 }}
      dataSource={changes.map((c, key) => ({ ...c, key }))}
      locale={{ emptyText: "没有修改" }}
      columns={[
        {
          title: "",
          dataIndex: "kind",
          width: 64,
          render: (k: ConfigChange["kind"]) => <Tag color={KIND[k].color}>{KIND[k].label}</Tag>,
        },
        {
          title: "项目",
          dataIndex: "item",
          width: 200,
          render: (item: string, c) => (
            <>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.section} ·{" "}
              </Typography.Text>
              {item}
            </>
          ),
        },
        {
          title: "原值 → 新值",
          key: "values",
          render: (_, c) =>
            c.kind === "added" ? (
              <Typography.Text>{c.after}</Typography.Text>
            ) : c.kind === "removed" ? (
              <Typography.Text delete type="danger">
                {c.before}
              </Typography.Text>
            ) : (
              <>
                <Typography.Text type="secondary">{c.before}</Typography.Text> →{" "}
                <Typography.Text strong>{c.after}</Typography.Text>
              </>
            ),
        },
      ]}
    />
  );
}
