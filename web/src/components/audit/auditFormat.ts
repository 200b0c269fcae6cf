/**
 * An audit entry's before and after as a clerk reads them: Chinese field names, amounts in 元, labels
 * instead of codes, lists summarised. A shape this file does not know is left to the raw JSON view.
 */
import { RECTIFICATION_STATUS_LABELS } from "../../../../src/core/evaluations/rectification";
import { EVALUATION_STATUS_LABELS } from "../../../../src/core/evaluations/workflow";
import { GOAL_STATUS_LABELS } from "../../../../src/core/goals/workflow";
import { IMPORT_KIND_LABELS, type ImportKind } from "../../../../src/core/imports/spec";
import { ACTION_STATUS_LABELS } from "../../../../src/core/monitoring/actions";
import { MONITORING_STATUS_LABELS } from "../../../../src/core/monitoring/workflow";
import { PHASE_LABELS, type Phase } from "../../../../src/core/plan/phases";
import { ruleLabel } from "../../../../src/core/results/rule-label";
import { type ResultRule, RULE_KIND_LABELS } from "../../../../src/core/results/rules";
import { SELFEVAL_STATUS_LABELS } from "../../../../src/core/selfeval/form";
import { REVIEW_STATUS_LABELS } from "../../../../src/core/selfeval/review";
import { TASK_STATUS_LABELS, type TaskStatus } from "../../../../src/core/tasks/tasks";
import { count, dateTime, yuan } from "../../format";
import { categoryLabel, fieldLabel, GOAL_SUBJECT_KIND_LABELS, MONEY_FIELDS, orgKindLabel, roleLabel } from "../labels";

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Bookkeeping that changes with every write and says nothing to a reader. */
const BOOKKEEPING = new Set(["version", "updatedAt", "createdAt"]);

/** Monthly execution is recorded as { fiscalYear, "1": fen, … "12": fen }. */
const MONTHLY_ENTITIES = new Set(["project_execution", "dept_execution"]);
const isMonth = (k: string) => /^(?:[1-9]|1[0-2])$/.test(k);

/** Keys whose value differs, leaving out bookkeeping (version, timestamps). */
export function changedKeys(before: unknown, after: unknown): string[] {
  if (!isPlainObject(before) || !isPlainObject(after)) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => !BOOKKEEPING.has(k) && !same(before[k], after[k]));
}

/** The Chinese name of a field of an entity's record (months of execution as 1月 … 12月). */
export function auditFieldLabel(entity: string, key: string): string {
  if (MONTHLY_ENTITIES.has(entity) && isMonth(key)) return `${key}月支付数`;
  if (entity === "budget_request" && key === "amount") return "申请金额";
  return fieldLabel(key);
}

/** Each record's statuses by their own names (a goal table's by default): 评分中, not scoring. */
const STATUS_LABELS: Record<string, Record<string, string>> = {
  evaluation: EVALUATION_STATUS_LABELS,
  rectification_item: RECTIFICATION_STATUS_LABELS,
  monitoring_report: MONITORING_STATUS_LABELS,
  monitoring_action: ACTION_STATUS_LABELS,
  selfeval_form: SELFEVAL_STATUS_LABELS,
  selfeval_review: REVIEW_STATUS_LABELS,
};
const statusLabel = (entity: string, v: string) =>
  (STATUS_LABELS[entity] ?? (GOAL_STATUS_LABELS as Record<string, string>))[v] ?? v;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

interface Indicator {
  uid?: string;
  level2?: string;
  name?: string;
}
const isIndicatorList = (v: unknown): v is Indicator[] =>
  Array.isArray(v) && v.every((x) => isPlainObject(x) && typeof x.name === "string");
const indicatorKey = (i: Indicator) => i.uid ?? `${i.level2 ?? ""}/${i.name ?? ""}`;

/** Which indicators a change added, removed or edited, by name: "新增：满意度；修改：受益人数". */
export function indicatorChanges(before: unknown, after: unknown): string | null {
  if (!isIndicatorList(before) || !isIndicatorList(after)) return null;
  // From or to an empty list the values themselves say it.
  if (before.length === 0 || after.length === 0) return null;
  const old = new Map(before.map((i) => [indicatorKey(i), i]));
  const now = new Map(after.map((i) => [indicatorKey(i), i]));
  const names = (list: Indicator[]) => list.map((i) => i.name).join("、");
  const added = after.filter((i) => !old.has(indicatorKey(i)));
  const removed = before.filter((i) => !now.has(indicatorKey(i)));
  const edited = after.filter((i) => old.has(indicatorKey(i)) && !same(old.get(indicatorKey(i)), i));
  const parts = [
    added.length ? `新增：${names(added)}` : "",
    removed.length ? `删除：${names(removed)}` : "",
    edited.length ? `修改：${names(edited)}` : "",
  ].filter(Boolean);
  return parts.length ? parts.join("；") : before.length === after.length ? "仅顺序变化" : null;
}

/** A result rule set's rules as recorded (each with a known kind). */
const isResultRules = (v: unknown): v is ResultRule[] =>
  Array.isArray(v) && v.every((x) => isPlainObject(x) && typeof x.kind === "string" && x.kind in RULE_KIND_LABELS);

/** A rule set named in an adoption: { id, name, version }. */
const isRuleSetRef = (v: unknown): v is { name: string; version: number } =>
  isPlainObject(v) && typeof v.name === "string" && typeof v.version === "number";

interface PhaseRow {
  phase?: string;
  startsOn?: string;
  endsOn?: string;
}
const isPhaseList = (v: unknown): v is PhaseRow[] =>
  Array.isArray(v) && v.every((x) => isPlainObject(x) && typeof x.phase === "string");
const phaseText = (p: PhaseRow) =>
  `${PHASE_LABELS[p.phase as Phase] ?? p.phase} ${p.startsOn ?? "?"} 至 ${p.endsOn ?? "?"}`;

/**
 * A field's value as text, or null when it is a structure that only the raw JSON shows faithfully.
 * Amounts are fen and shown in 元; codes are shown with their Chinese label.
 */
export function formatAuditValue(entity: string, key: string, v: unknown): string | null {
  if (v === undefined) return "";
  if (v === null || v === "") return "（空）";
  if (typeof v === "number" && (MONEY_FIELDS.has(key) || (MONTHLY_ENTITIES.has(entity) && isMonth(key))))
    return `${yuan(v)} 元`;
  if (typeof v === "boolean") return v ? "是" : "否";
  if (typeof v === "number") return key === "indicators" ? `${count(v)} 项指标` : String(v);
  if (typeof v === "string") {
    if (key === "role") return roleLabel(v);
    if (key === "category") return categoryLabel(v);
    if (key === "kind") return IMPORT_KIND_LABELS[v as ImportKind] ?? orgKindLabel(v);
    if (key === "status") return statusLabel(entity, v);
    if (key === "subjectKind") return GOAL_SUBJECT_KIND_LABELS[v] ?? v;
    if (key === "phase") return PHASE_LABELS[v as Phase] ?? v;
    if (key === "taskStatus") return TASK_STATUS_LABELS[v as TaskStatus] ?? v;
    if (ISO_INSTANT.test(v)) return dateTime(v);
    return v;
  }
  if (isIndicatorList(v)) return v.length ? `${v.length} 项指标：${v.map((i) => i.name).join("、")}` : "（无指标）";
  if (isPhaseList(v)) return v.map(phaseText).join("\n");
  if (key === "rules" && isResultRules(v)) return v.length ? v.map((r) => ruleLabel(r)).join("\n") : "（无规则）";
  if (key === "ruleSet" && isRuleSetRef(v)) return `${v.name} 第${v.version}版`;
  if (Array.isArray(v) && v.every((x) => typeof x === "string" || typeof x === "number"))
    return v.length ? v.join("、") : "（无）";
  if (key === "counts" && isPlainObject(v)) return importCountsText(v);
  return null;
}

/** An import batch's counts: "共 120 行：新增 3、变更 2、未变 115". */
export function importCountsText(c: Record<string, unknown>): string {
  const n = (k: string) => (typeof c[k] === "number" ? count(c[k] as number) : "0");
  const examples = typeof c.examples === "number" && c.examples > 0 ? `；跳过示例 ${n("examples")} 行` : "";
  return `共 ${n("total")} 行：新增 ${n("new")}、变更 ${n("changed")}、未变 ${n("unchanged")}${examples}`;
}

export interface FieldChange {
  key: string;
  label: string;
  /** Formatted values; null when the value is a structure shown only as JSON. */
  before: string | null;
  after: string | null;
  rawBefore: unknown;
  rawAfter: unknown;
  inBefore: boolean;
  inAfter: boolean;
  changed: boolean;
  /** For indicator lists: which indicators were added, removed or edited. */
  note: string | null;
}

/** Every field of a before/after pair of records, changed ones first; null when either side is not a record. */
export function fieldChanges(entity: string, before: unknown, after: unknown): FieldChange[] | null {
  if ((before != null && !isPlainObject(before)) || (after != null && !isPlainObject(after))) return null;
  if (before == null && after == null) return null;
  const b = isPlainObject(before) ? before : {};
  const a = isPlainObject(after) ? after : {};
  const both = before != null && after != null;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  const rows = keys.map(
    (key): FieldChange => ({
      key,
      label: auditFieldLabel(entity, key),
      before: key in b ? formatAuditValue(entity, key, b[key]) : "",
      after: key in a ? formatAuditValue(entity, key, a[key]) : "",
      rawBefore: b[key],
      rawAfter: a[key],
      inBefore: key in b,
      inAfter: key in a,
      changed: both && !BOOKKEEPING.has(key) && !same(b[key], a[key]),
      note: key === "indicators" && both ? indicatorChanges(b[key], a[key]) : null,
    }),
  );
  // Changed fields first; months in calendar order; the rest as recorded.
  const order = (r: FieldChange) => (r.changed ? 0 : 1);
  const monthOf = (r: FieldChange) => (isMonth(r.key) ? Number(r.key) : 0);
  return rows.sort((x, y) => order(x) - order(y) || monthOf(x) - monthOf(y));
}

/** A one-line summary of what an entry changed, for the list: "联系人：张三 → 李四；联系电话…". */
export function changeSummary(entity: string, before: unknown, after: unknown): string {
  const keys = changedKeys(before, after);
  if (keys.length === 0) return "";
  const parts = keys.slice(0, 3).map((k) => {
    const b = isPlainObject(before) ? before[k] : undefined;
    const a = isPlainObject(after) ? after[k] : undefined;
    const label = auditFieldLabel(entity, k);
    const indicators = k === "indicators" ? indicatorChanges(b, a) : null;
    if (indicators) return `${label}（${indicators}）`;
    const fb = formatAuditValue(entity, k, b);
    const fa = formatAuditValue(entity, k, a);
    const short = (s: string | null) => (s === null ? "…" : s.length > 24 ? `${s.slice(0, 24)}…` : s);
    return fb === null || fa === null ? `${label}有变化` : `${label}：${short(fb)} → ${short(fa)}`;
  });
  return keys.length > 3 ? `${parts.join("；")} 等 ${keys.length} 项` : parts.join("；");
}
