import { Tag } from "antd";
import {
  EVALUATION_KIND_LABELS,
  EVALUATION_KINDS,
  EVALUATION_STATUS_LABELS,
  EVALUATION_STATUSES,
  type EvaluationKind,
  type EvaluationStatus,
} from "../../../../src/core/evaluations/workflow";

export const EVALUATION_STATUS_COLORS: Record<EvaluationStatus, string> = {
  draft: "default",
  scoring: "processing",
  submitted: "gold",
  returned: "error",
  final: "success",
};

export const evaluationStatusOptions = EVALUATION_STATUSES.map((s) => ({
  value: s,
  label: EVALUATION_STATUS_LABELS[s],
}));
export const evaluationKindOptions = EVALUATION_KINDS.map((k) => ({ value: k, label: EVALUATION_KIND_LABELS[k] }));

export function EvaluationStatusTag({ status, testId }: { status: EvaluationStatus; testId?: string }) {
  return (
    <Tag color={EVALUATION_STATUS_COLORS[status]} data-testid={testId} style={{ marginInlineEnd: 0 }}>
      {EVALUATION_STATUS_LABELS[status]}
    </Tag>
  );
}

export function EvaluationKindTag({ kind }: { kind: EvaluationKind }) {
  return (
    <Tag color={kind === "key" ? "purple" : "cyan"} style={{ marginInlineEnd: 0 }}>
      {EVALUATION_KIND_LABELS[kind]}
    </Tag>
  );
}

/** Points with two decimals, or a dash. */
export const pts = (n: number | null | undefined): string => (typeof n === "number" ? n.toFixed(2) : "—");
