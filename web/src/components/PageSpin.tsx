import { Spin } from "antd";

export const PageSpin = () => (
  <div style={{ padding: 80, textAlign: "center" }}>
    <Spin size="large" description="正在加载…">
      <div style={{ height: 40 }} />
    </Spin>
  </div>
);
