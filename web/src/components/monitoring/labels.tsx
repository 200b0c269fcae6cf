import { Tag, Tooltip } from "antd";
import {
  LIGHT_LABELS,
  type Light,
  MONITORING_KIND_LABELS,
  type MonitoringKind,
} from "../../../../src/core/monitoring/types";
import { MONITORING_STATUS_LABELS } from "../../../../src/core/monitoring/workflow";
import type { DeskStatus } from "../../../../src/core/review/desk-workflow";
import { LIGHT_HEX, pct } from "./codes";

/** antd Tag colours of the warning lights. */
export const LIGHT_COLORS: Record<Light, string> = {
  green: "success",
  yellow: "warning",
  red: "error",
  none: "default",
};

export const lightOptions = (["red", "yellow", "green", "none"] as const).map((l) => ({
  value: l,
  label: LIGHT_LABELS[l],
}));

/** A warning light as a coloured tag; the reasons show on hover (and are read out as its title). */
export function LightTag({
  light,
  reasons,
  testId = "monitoring-light",
}: {
  light: Light;
  reasons?: readonly string[] | undefined;
  testId?: string;
}) {
  const tag = (
    <Tag color={LIGHT_COLORS[light]} data-testid={testId} data-light={light} style={{ marginInlineEnd: 0 }}>
      <span
        aria-hidden
        style={{
          display: "inline-block",
          width: 8,
          height: 8,
          borderRadius: 4,
          background: LIGHT_HEX[light],
          marginInlineEnd: 4,
        }}
      />
      {LIGHT_LABELS[light]}
    </Tag>
  );
  if (!reasons || reasons.length === 0) return tag;
  return (
    <Tooltip
      title={
        <div data-testid="monitoring-light-reasons">
          {reasons.map((r) => (
            <div key={r}>{r}</div>
          ))}
        </div>
      }
    >
      <span style={{ cursor: "help" }}>{tag}</span>
    </Tooltip>
  );
}

export const MONITORING_STATUS_COLORS: Record<DeskStatus, string> = {
  draft: "default",
  submitted: "processing",
  dept_approved: "purple",
  returned: "error",
  approved: "success",
};

export const monitoringStatusOptions = (Object.keys(MONITORING_STATUS_LABELS) as DeskStatus[]).map((s) => ({
  value: s,
  label: MONITORING_STATUS_LABELS[s],
}));

/** "待主管部门审核" in blue, "已退回（财政）" in red… The text comes from the server (statusText). */
export function MonitoringStatusTag({ status, text, testId }: { status: DeskStatus; text: string; testId?: string }) {
  return (
    <Tag color={MONITORING_STATUS_COLORS[status]} data-testid={testId} style={{ marginInlineEnd: 0 }}>
      {text}
    </Tag>
  );
}

/** 部门监控 in blue, 重点监控 (finance's own pick) in magenta; the full name on hover. */
export function KindTag({ kind }: { kind: MonitoringKind }) {
  return (
    <Tooltip title={MONITORING_KIND_LABELS[kind]}>
      <Tag color={kind === "key" ? "magenta" : "blue"} style={{ marginInlineEnd: 0 }}>
        {KIND_SHORT[kind]}
      </Tag>
    </Tooltip>
  );
}

export const KIND_SHORT: Record<MonitoringKind, string> = { department: "部门监控", key: "重点监控" };

export { pct };
