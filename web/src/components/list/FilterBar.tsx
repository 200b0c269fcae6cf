import { ReloadOutlined } from "@ant-design/icons";
import { Button, Card, Space } from "antd";
import type { ReactNode } from "react";

/** The filters above a list, and the button that clears them (and the sort) at once. */
export function FilterBar({
  children,
  onReset,
  canReset,
}: {
  children: ReactNode;
  onReset: () => void;
  canReset: boolean;
}) {
  return (
    <Card size="small" className="jx-filter-bar" style={{ marginBottom: 12 }}>
      <Space wrap size={[12, 8]}>
        {children}
        <Button icon={<ReloadOutlined />} onClick={onReset} disabled={!canReset} data-testid="list-reset">
          重置
        </Button>
      </Space>
    </Card>
  );
}
