import type { Fen } from "../money";
import { type DeskDeclarer, type DeskStatus, deskWorkflow } from "../review/desk-workflow";
import type { QualitativeTier } from "./rules";

/**
 * A self-evaluation form (自评表) as the unit fills it: the items with their points as issued, and the
 * unit's answers. Project forms carry the approved goal table's indicators; department-wide forms the
 * rows of the region's template.
 */
export type SelfEvalSubjectKind = "project" | "deptWide";

export interface ItemAnswers {
  /** 实际完成值 as typed (quantitative) or as described (qualitative). */
  actual: string | null;
  tier: QualitativeTier | null;
  /** The assessor's points inside the tier (qualitative and tier-scored template rows). */
  points: number | null;
  notApplicable: boolean;
  /** Checklist rows: the keys of the points found wanting; null until the checklist is answered. */
  failed: string[] | null;
  /** 偏差原因分析及改进措施. */
  note: string | null;
}

export interface SelfEvalItem {
  uid: string;
  level1: string;
  level2: string;
  name: string;
  /** quantitative / qualitative for goal indicators; the formula's kind for template rows. */
  kind: string;
  operator: ">=" | "<=" | "=" | null;
  target: string;
  unit: string | null;
  weight: number;
  /** Template rows: the formula as issued. */
  formula: unknown;
  explanation: string | null;
}

export interface SelfEvalFigures {
  /** 年初预算数, 全年预算数 (adjusted), 全年执行数: live while filled, kept as submitted after. */
  startBudget: Fen;
  adjustedBudget: Fen;
  executed: Fen;
}

export interface FormAnswers {
  overallActual: string;
  items: { uid: string; answers: ItemAnswers }[];
}

export const EMPTY_ANSWERS: ItemAnswers = {
  actual: null,
  tier: null,
  points: null,
  notApplicable: false,
  failed: null,
  note: null,
};

export const SELFEVAL_STATUS_LABELS: Record<DeskStatus, string> = {
  draft: "填报中",
  submitted: "待主管部门审核",
  dept_approved: "待财政审核",
  returned: "已退回",
  approved: "已审核",
};

export const selfEvalWorkflow = deskWorkflow({
  noun: "自评表",
  statusLabels: SELFEVAL_STATUS_LABELS,
  actionLabels: { submit: "提交", approve: "审核通过", return: "退回", withdraw: "撤回" },
  codes: {
    invalid: "SELFEVAL_INVALID_TRANSITION",
    role: "SELFEVAL_ROLE_NOT_ALLOWED",
    hasErrors: "SELFEVAL_FORM_INCOMPLETE",
    returnNeedsComment: "SELFEVAL_RETURN_NEEDS_COMMENT",
  },
});

/** Who fills a form: the department for its department-wide budget and the projects it runs itself. */
export const selfEvalDeclarerOf = (f: {
  subjectKind: SelfEvalSubjectKind;
  unitId: number;
  departmentId: number;
}): DeskDeclarer => (f.subjectKind === "deptWide" || f.unitId === f.departmentId ? "department" : "unit");
