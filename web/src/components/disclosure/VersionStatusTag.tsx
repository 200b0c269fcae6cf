import { Tag } from "antd";
import type { VersionStatus } from "../../../../src/core/disclosure/types";

const COLORS: Record<VersionStatus, string> = {
  draft: "default",
  submitted: "processing",
  published: "success",
  returned: "warning",
};

/** A version's status as a coloured tag: 草稿, 待审核, 已发布, 已退回. */
export function VersionStatusTag({ status, label, testId }: { status: VersionStatus; label: string; testId?: string }) {
  return (
    <Tag color={COLORS[status]} data-testid={testId}>
      {label}
    </Tag>
  );
}
