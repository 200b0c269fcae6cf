/** Labels and chart colours of monitoring codes, from the core (tags with JSX are in labels.tsx). */
import { KEY_REASON_LABELS, type KeyReason } from "../../../../src/core/monitoring/key-candidates";
import {
  LIGHT_LABELS,
  type Light,
  MONITORING_KIND_LABELS,
  type MonitoringKind,
} from "../../../../src/core/monitoring/types";
import { KEY_DRAW_STRATIFY_LABELS, type KeyDrawStratify } from "../../../../src/core/sampling/key-draw";
import { TASK_STATUS_LABELS, TASK_STATUSES, type TaskStatus } from "../../../../src/core/tasks/tasks";

export { TASK_STATUSES };

export const LIGHT_HEX: Record<Light, string> = {
  green: "#52c41a",
  yellow: "#faad14",
  red: "#f5222d",
  none: "#bfbfbf",
};
/** The lights a clerk counts (不适用 is shown only when there are any). */
export const SHOWN_LIGHTS = ["green", "yellow", "red"] as const;

export const lightLabel = (l: string): string => LIGHT_LABELS[l as Light] ?? l;
export const kindLabel = (k: string): string => MONITORING_KIND_LABELS[k as MonitoringKind] ?? k;
export const keyReasonLabel = (r: string): string => KEY_REASON_LABELS[r as KeyReason] ?? r;
export const stratifyLabel = (s: string): string => KEY_DRAW_STRATIFY_LABELS[s as KeyDrawStratify] ?? s;
export const taskStatusLabel = (s: string): string => TASK_STATUS_LABELS[s as TaskStatus] ?? s;
export const subjectKindLabel = (k: string): string => (k === "deptWide" ? "部门整体支出" : "项目");

/** "45.12" → "45.12%"; null → "—". */
export const pct = (v: string | null | undefined): string => (v === null || v === undefined ? "—" : `${v}%`);
