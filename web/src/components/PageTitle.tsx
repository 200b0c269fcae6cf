import { Typography } from "antd";
import type { ReactNode } from "react";

/** The heading of a page with its actions on the right. */
export function PageTitle({ title, extra, sub }: { title: ReactNode; extra?: ReactNode; sub?: ReactNode }) {
  return (
    <div style={{ display: "flex", alignItems: "center", gap: 12, marginBottom: 16, flexWrap: "wrap" }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {sub && <Typography.Text type="secondary">{sub}</Typography.Text>}
      <div style={{ flex: 1 }} />
      {extra}
    </div>
  );
}
