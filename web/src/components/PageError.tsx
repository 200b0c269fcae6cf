import { Button, Result } from "antd";
import { errorMessage } from "../api/client";

/** A page that could not load its data: the server's message and a retry button. */
export function PageError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Result
      status="warning"
      title="数据加载失败"
      subTitle={errorMessage(error)}
      extra={
        onRetry && (
          <Button type="primary" onClick={onRetry}>
            重试
          </Button>
        )
      }
    />
  );
}
