import { Tag } from "antd";
import type { DeskStatus } from "../../../../src/core/review/desk-workflow";
import { SELFEVAL_STATUS_LABELS, type SelfEvalSubjectKind } from "../../../../src/core/selfeval/form";
import { GRADE_BANDS, GRADES, type Grade } from "../../../../src/core/selfeval/grade";

export const SELFEVAL_STATUS_COLORS: Record<DeskStatus, string> = {
  draft: "default",
  submitted: "processing",
  dept_approved: "purple",
  returned: "error",
  approved: "success",
};

export const selfEvalStatusOptions = (Object.keys(SELFEVAL_STATUS_LABELS) as DeskStatus[]).map((s) => ({
  value: s,
  label: SELFEVAL_STATUS_LABELS[s],
}));

/** "待主管部门审核" in blue, "已退回（财政）" in red…: the text comes from the server (statusText). */
export function SelfEvalStatusTag({ status, text, testId }: { status: DeskStatus; text: string; testId?: string }) {
  return (
    <Tag color={SELFEVAL_STATUS_COLORS[status]} data-testid={testId} style={{ marginInlineEnd: 0 }}>
      {text}
    </Tag>
  );
}

export const GRADE_COLORS: Record<Grade, string> = {
  excellent: "green",
  good: "blue",
  fair: "orange",
  poor: "red",
};

/** The grade as the region names it (优/良/中/差 or 一等…), with its band on hover. */
export function GradeTag({
  grade,
  labels,
  testId,
}: {
  grade: Grade | null;
  labels: Record<Grade, string>;
  testId?: string;
}) {
  if (grade === null) return <span data-testid={testId}>—</span>;
  return (
    <Tag color={GRADE_COLORS[grade]} title={GRADE_BANDS[grade]} data-testid={testId} style={{ marginInlineEnd: 0 }}>
      {labels[grade]}
    </Tag>
  );
}

export const gradeOptions = (labels: Record<Grade, string>) =>
  GRADES.map((g) => ({ value: g, label: `${labels[g]}（${GRADE_BANDS[g]}）` }));

export const SUBJECT_KIND_LABELS: Record<SelfEvalSubjectKind, string> = {
  project: "项目支出",
  deptWide: "部门整体支出",
};
