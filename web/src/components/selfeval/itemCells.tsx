import { Checkbox, Input, InputNumber, Radio, Select, Switch, Tooltip, Typography } from "antd";
import type { ReactNode } from "react";
import { OPERATOR_LABELS } from "../../../../src/core/goals/types";
import { formulaText, SOURCE_LABELS } from "../../../../src/core/selfeval/formula-text";
import type { QualitativeTier } from "../../../../src/core/selfeval/rules";
import type { FormScore } from "../../../../src/core/selfeval/score-form";
import type { ReviewCommentRow } from "../../api/goals/goal-review";
import type { SelfEvalFormDetail, SelfEvalFormItem } from "../../api/selfeval/forms";
import { CommentThread } from "../review/CommentThread";
import { editorOf, formulaOf, type ItemForm, type SelfEvalForm, tierRange } from "./selfEvalForm";

export interface CellContext {
  data: SelfEvalFormDetail;
  form: SelfEvalForm;
  /** The score of the form as typed. */
  score: FormScore;
  editable: boolean;
  errors: ReadonlyMap<string, string>;
  setItem: (uid: string, patch: Partial<ItemForm>) => void;
  threads: ReadonlyMap<string | null, ReviewCommentRow[]>;
  onAnswer: (c: ReviewCommentRow, text: string) => Promise<boolean>;
}

export const SE_CSS = `
.jx-se-error { color: #cf1322; font-size: 12px; line-height: 18px; margin-top: 2px; white-space: normal; }
.jx-se-table .ant-table-cell { vertical-align: top; }
.jx-se-how { font-size: 12px; line-height: 17px; color: rgba(0,0,0,0.5); margin-top: 2px; white-space: normal;
  display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; cursor: help; }
.jx-se-points { font-size: 15px; font-weight: 600; }
.jx-se-formula { font-size: 12px; line-height: 17px; color: rgba(0,0,0,0.5); margin-top: 2px; white-space: normal; }
.jx-se-ro { white-space: pre-wrap; word-break: break-word; }
.jx-se-label { font-size: 12px; color: rgba(0,0,0,0.55); margin: 8px 0 2px; }
.jx-se-card { margin-bottom: 12px; }
.jx-se-na { color: rgba(0,0,0,0.45); }
.jx-se-check { display: flex; flex-direction: column; gap: 2px; margin-top: 4px; }
`;

const pts = (n: number) => n.toFixed(2);

/** "≥ 1200平方米", "定性评价" …: the 年度指标值 as the goal table (or the template) states it. */
export function targetText(i: SelfEvalFormItem): string {
  const op = i.operator ? `${OPERATOR_LABELS[i.operator]} ` : "";
  return `${op}${i.target}${i.unit ?? ""}`;
}

/** The render functions of the grid's cells, shared by the table (desktop) and the cards (phone). */
export function makeCells(ctx: CellContext) {
  const { data, form, editable, errors, setItem } = ctx;
  const scores = new Map(ctx.score.items.map((s) => [s.uid, s]));
  const fieldError = (field: string): ReactNode => {
    const e = errors.get(field);
    return e ? (
      <div className="jx-se-error" data-testid="selfeval-field-error" data-field={field}>
        {e}
      </div>
    ) : null;
  };
  const itemOf = (uid: string) => form.items[uid]!;
  const label = (index: number, what: string) => `第${index + 1}项指标${what}`;

  const tierSelect = (i: SelfEvalFormItem, index: number, a: ItemForm) => (
    <Select
      aria-label={label(index, "达成档次")}
      data-testid={`se-tier-${index}`}
      style={{ width: "100%" }}
      placeholder="选择达成档次"
      allowClear
      disabled={a.notApplicable}
      status={errors.has(`items.${i.uid}.tier`) ? "error" : undefined}
      value={a.tier ?? undefined}
      options={data.tiers.map((t) => {
        const [lo, hi] = tierRange(i.weight, t);
        return { value: t.tier, label: `${t.label}（${pts(lo)}—${pts(hi)}分）` };
      })}
      onChange={(v?: QualitativeTier) => setItem(i.uid, { tier: v ?? null })}
    />
  );
  const pointsInput = (i: SelfEvalFormItem, index: number, a: ItemForm) => {
    const band = data.tiers.find((t) => t.tier === a.tier);
    const [lo, hi] = band ? tierRange(i.weight, band) : [0, i.weight];
    return (
      <InputNumber
        aria-label={label(index, "评定得分")}
        data-testid={`se-points-${index}`}
        style={{ width: "100%", marginTop: 4 }}
        min={0}
        max={i.weight}
        precision={2}
        step={0.5}
        disabled={a.notApplicable}
        status={errors.has(`items.${i.uid}.points`) ? "error" : undefined}
        placeholder={`评定得分 ${pts(lo)}—${pts(hi)}`}
        suffix="分"
        value={a.points}
        onChange={(v) => setItem(i.uid, { points: typeof v === "number" ? v : null })}
      />
    );
  };

  /** 实际完成值: the editor the row's kind needs, read-only text when the form cannot be edited. */
  const answer = (i: SelfEvalFormItem, index: number): ReactNode => {
    const a = itemOf(i.uid);
    const editor = editorOf(data, i);
    const f = formulaOf(i);
    const tierLabel = data.tiers.find((t) => t.tier === a.tier)?.label;
    const whole = fieldError(`items.${i.uid}`);
    if (editor === "prefilled")
      return (
        <>
          <b className="jx-num" data-testid={`se-prefilled-${index}`}>
            {data.figures.rate === null ? "—" : `${data.figures.rate}%`}
          </b>
          <div className="jx-se-formula">{SOURCE_LABELS.executionRate}</div>
        </>
      );
    if (!editable) {
      if (a.notApplicable) return <span className="jx-se-na">不适用</span>;
      if (editor === "checklist") {
        if (a.failed === null) return "—";
        const failed = f?.kind === "checklist" ? f.items.filter((it) => a.failed?.includes(it.key)) : [];
        return failed.length === 0 ? (
          "全部符合"
        ) : (
          <div className="jx-se-ro">不符合：{failed.map((it) => it.text).join("；")}</div>
        );
      }
      if (editor === "tiers")
        return (
          <div className="jx-se-ro">
            {tierLabel ?? "—"}
            {a.points !== null && `，评定 ${pts(a.points)} 分`}
            {a.actual && <div>{a.actual}</div>}
          </div>
        );
      const unit = i.unit && a.actual && !a.actual.trim().endsWith(i.unit) ? ` ${i.unit}` : "";
      return <span className="jx-se-ro">{a.actual ? `${a.actual}${unit}` : "—"}</span>;
    }
    if (editor === "checklist" && f?.kind === "checklist") {
      const mode = a.failed === null ? undefined : a.someFailed || a.failed.length > 0 ? "some" : "ok";
      return (
        <>
          <Radio.Group
            aria-label={label(index, "检查结果")}
            data-testid={`se-check-${index}`}
            size="small"
            disabled={a.notApplicable}
            value={mode}
            options={[
              { value: "ok", label: "全部符合" },
              { value: "some", label: "有不符合项" },
            ]}
            onChange={(e) =>
              setItem(
                i.uid,
                e.target.value === "ok"
                  ? { failed: [], someFailed: false }
                  : { failed: a.failed ?? [], someFailed: true },
              )
            }
          />
          {mode === "some" && (
            <div className="jx-se-check">
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                勾选不符合的事项：
              </Typography.Text>
              {f.items.map((it, k) => (
                <Checkbox
                  key={it.key}
                  data-testid={`se-check-${index}-${k}`}
                  disabled={a.notApplicable}
                  checked={a.failed?.includes(it.key) ?? false}
                  onChange={(e) => {
                    const rest = (a.failed ?? []).filter((x) => x !== it.key);
                    setItem(i.uid, { failed: e.target.checked ? [...rest, it.key] : rest, someFailed: true });
                  }}
                >
                  <span style={{ fontSize: 13 }}>
                    {it.text}
                    <Typography.Text type="danger" style={{ fontSize: 12 }}>
                      （扣{pts(it.deduction)}分）
                    </Typography.Text>
                  </span>
                </Checkbox>
              ))}
            </div>
          )}
          {fieldError(`items.${i.uid}.failed`)}
          {whole}
        </>
      );
    }
    if (editor === "tiers")
      return (
        <>
          {tierSelect(i, index, a)}
          {fieldError(`items.${i.uid}.tier`)}
          {pointsInput(i, index, a)}
          {fieldError(`items.${i.uid}.points`)}
          {data.subjectKind === "project" && (
            <Input
              aria-label={label(index, "实际完成情况")}
              data-testid={`se-actual-${index}`}
              style={{ marginTop: 4 }}
              disabled={a.notApplicable}
              maxLength={200}
              placeholder="实际完成情况（文字，选填）"
              value={a.actual}
              status={errors.has(`items.${i.uid}.actual`) ? "error" : undefined}
              onChange={(e) => setItem(i.uid, { actual: e.target.value })}
            />
          )}
          {fieldError(`items.${i.uid}.actual`)}
          {whole}
        </>
      );
    return (
      <>
        <Input
          aria-label={label(index, "实际完成值")}
          data-testid={`se-actual-${index}`}
          disabled={a.notApplicable}
          maxLength={200}
          inputMode="decimal"
          placeholder="数值"
          suffix={i.unit ? <span style={{ color: "rgba(0,0,0,0.45)" }}>{i.unit}</span> : undefined}
          value={a.actual}
          status={errors.has(`items.${i.uid}.actual`) ? "error" : undefined}
          onChange={(e) => setItem(i.uid, { actual: e.target.value })}
        />
        {fieldError(`items.${i.uid}.actual`)}
        {whole}
      </>
    );
  };

  /** 不适用: the row drops out and the rest is rescaled; the execution rate read from the budget cannot. */
  const notApplicable = (i: SelfEvalFormItem, index: number): ReactNode => {
    const a = itemOf(i.uid);
    if (editorOf(data, i) === "prefilled") return null;
    if (!editable) return a.notApplicable ? <span>是</span> : null;
    return (
      <Tooltip title="不适用的指标不计分，其分值按比例折算到其他指标；须在偏差原因中说明理由">
        <Switch
          size="small"
          aria-label={label(index, "不适用")}
          data-testid={`se-na-${index}`}
          checked={a.notApplicable}
          onChange={(v) => setItem(i.uid, { notApplicable: v })}
        />
      </Tooltip>
    );
  };

  /** 得分, live, with how it came out (or why there is none yet). */
  const points = (i: SelfEvalFormItem, index: number): ReactNode => {
    const s = scores.get(i.uid);
    if (!s) return "—";
    const shown = s.status === "scored" ? pts(s.points ?? 0) : s.status === "notApplicable" ? "不计" : "—";
    return (
      <div data-testid={`se-score-${index}`} data-status={s.status}>
        <span
          className="jx-se-points jx-num"
          style={{ color: s.status === "scored" && !s.full ? "#d46b08" : undefined }}
        >
          {shown}
        </span>
        <Tooltip title={s.how}>
          <div className="jx-se-how">{s.how}</div>
        </Tooltip>
      </div>
    );
  };

  /** 偏差原因分析及改进措施, with the reviewers' comments on the row and the answer field under it. */
  const note = (i: SelfEvalFormItem, index: number): ReactNode => {
    const a = itemOf(i.uid);
    const s = scores.get(i.uid);
    const thread = ctx.threads.get(i.uid);
    const needed = a.notApplicable || (s?.status === "scored" && !s.full);
    return (
      <>
        {editable ? (
          <>
            <Input.TextArea
              aria-label={label(index, "偏差原因分析及改进措施")}
              data-testid={`se-note-${index}`}
              autoSize={{ minRows: 1, maxRows: 6 }}
              maxLength={2000}
              placeholder={
                a.notApplicable
                  ? "请说明不适用的理由"
                  : needed
                    ? "未得满分，请分析原因并提出改进措施"
                    : "得满分的可不填"
              }
              value={a.note}
              status={errors.has(`items.${i.uid}.note`) ? "error" : undefined}
              onChange={(e) => setItem(i.uid, { note: e.target.value })}
            />
            {fieldError(`items.${i.uid}.note`)}
          </>
        ) : (
          <div className="jx-se-ro">{a.note || "—"}</div>
        )}
        {thread && (
          <div style={{ marginTop: 6 }}>
            <CommentThread comments={thread} onAnswer={ctx.onAnswer} testId="selfeval-item-thread" stacked />
          </div>
        )}
      </>
    );
  };

  /** 三级指标 with, for a department-wide row, its scoring standard. */
  const name = (i: SelfEvalFormItem, index: number): ReactNode => {
    const f = formulaOf(i);
    return (
      <>
        <div>
          {index + 1}. {i.name}
        </div>
        {data.subjectKind === "deptWide" && f && (
          <Tooltip title={f.kind === "checklist" || f.kind === "tiers" ? formulaText(f, data.tiers) : i.explanation}>
            <div className="jx-se-formula">
              {f.kind === "checklist" || f.kind === "tiers" ? i.explanation : formulaText(f, data.tiers)}
            </div>
          </Tooltip>
        )}
      </>
    );
  };

  return { answer, notApplicable, points, note, name, fieldError };
}

export type Cells = ReturnType<typeof makeCells>;
