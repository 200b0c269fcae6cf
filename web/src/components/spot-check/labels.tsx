import { Tag } from "antd";
import {
  REVIEW_BASES,
  REVIEW_STATUS_LABELS,
  REVIEW_STATUSES,
  type ReviewBasis,
  type ReviewStatus,
} from "../../../../src/core/selfeval/review";

export const REVIEW_STATUS_COLORS: Record<ReviewStatus, string> = {
  unassigned: "default",
  assigned: "processing",
  submitted: "gold",
  returned: "error",
  confirmed: "success",
};

export const reviewStatusOptions = REVIEW_STATUSES.map((s) => ({ value: s, label: REVIEW_STATUS_LABELS[s] }));

/** 待分配, 复核中, 待财政确认, 已退回, 已确认. */
export function ReviewStatusTag({ status, testId }: { status: ReviewStatus; testId?: string }) {
  return (
    <Tag color={REVIEW_STATUS_COLORS[status]} data-testid={testId} style={{ marginInlineEnd: 0 }}>
      {REVIEW_STATUS_LABELS[status]}
    </Tag>
  );
}

/** Why a form is in the review, in the words of the list (short) and of its tooltip. */
export const BASIS_SHORT: Record<ReviewBasis, string> = {
  deptWide: "部门整体",
  forced: "必抽",
  sampled: "随机",
  added: "追加",
};
const BASIS_TITLE: Record<ReviewBasis, string> = {
  deptWide: "部门整体支出自评全部纳入复核",
  forced: "财政指定必抽，计入所在层的名额",
  sampled: "按记录的种子随机抽中",
  added: "抽样后财政追加复核",
};
const BASIS_COLORS: Record<ReviewBasis, string> = {
  deptWide: "purple",
  forced: "orange",
  sampled: "blue",
  added: "cyan",
};

export const basisOptions = REVIEW_BASES.map((b) => ({ value: b, label: BASIS_SHORT[b] }));

export function BasisTag({ basis }: { basis: ReviewBasis }) {
  return (
    <Tag color={BASIS_COLORS[basis]} title={BASIS_TITLE[basis]} style={{ marginInlineEnd: 0 }}>
      {BASIS_SHORT[basis]}
    </Tag>
  );
}

/** Points with two decimals, or a dash. */
export const pts = (v: number | null | undefined) => (v === null || v === undefined ? "—" : v.toFixed(2));

/** The difference self − review with its sign: "+12.50" when the self-evaluation scored higher. */
export const signed = (v: number | null) => (v === null ? "—" : `${v > 0 ? "+" : ""}${v.toFixed(2)}`);

/** The organisation a guidance letter goes to, as the server groups the reviews (guidance-letter.ts). */
export const letterOrgOf = (r: {
  subjectKind: "project" | "deptWide";
  unit: { id: number; name: string };
  department: { id: number; name: string };
}) => (r.subjectKind === "deptWide" || r.unit.id === r.department.id ? r.department : r.unit);
