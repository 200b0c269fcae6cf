import { Card, Checkbox, Input, InputNumber, Table, Tooltip, Typography } from "antd";
import type { ReactNode } from "react";
import { OPERATOR_LABELS } from "../../../../src/core/goals/types";
import { formulaText } from "../../../../src/core/selfeval/formula-text";
import type { ReviewScore } from "../../../../src/core/selfeval/review-score";
import type { ReviewDetail, ReviewDetailItem } from "../../api/review/review";
import { rateOf } from "../../format";
import { useIsPhone } from "../phone/useIsPhone";
import { rowSpans } from "../print/spans";
import { formulaOf } from "../selfeval/selfEvalForm";
import { differs, type ReviewForm, type ReviewItemForm } from "./reviewForm";

export const REVIEW_GRID_CSS = `
.jx-rv-table .ant-table-cell { vertical-align: top; }
.jx-rv-table td.jx-rv-mine { background: #f6faff; }
.jx-rv-table tr.jx-rv-differs td.jx-rv-mine { background: #fff7e6; }
.jx-rv-error { color: #cf1322; font-size: 12px; line-height: 18px; margin-top: 2px; white-space: normal; }
.jx-rv-clamp { display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; cursor: help; white-space: normal; }
.jx-rv-sub { font-size: 12px; line-height: 17px; color: rgba(0,0,0,0.5); margin-top: 2px; white-space: pre-wrap; word-break: break-word; }
.jx-rv-points { font-size: 15px; font-weight: 600; }
.jx-rv-label { font-size: 12px; color: rgba(0,0,0,0.55); margin: 8px 0 2px; }
`;

const pts = (n: number) => n.toFixed(2);

/** "≥ 1200平方米": the 年度指标值 as the goal table (or the template) states it. */
const targetText = (i: ReviewDetailItem) =>
  `${i.operator ? `${OPERATOR_LABELS[i.operator]} ` : ""}${i.target}${i.unit ?? ""}`;

export interface ReviewGridProps {
  data: ReviewDetail;
  form: ReviewForm;
  score: ReviewScore;
  editable: boolean;
  errors: ReadonlyMap<string, string>;
  setItem: (uid: string, patch: Partial<ReviewItemForm>) => void;
}

/** The cells of one row, shared by the table (desktop) and the cards (phone). */
function cellsOf({ data, form, score, editable, errors, setItem }: ReviewGridProps) {
  const reviewed = new Map(score.items.map((s) => [s.uid, s]));
  const error = (field: string): ReactNode => {
    const e = errors.get(field);
    return e ? (
      <div className="jx-rv-error" data-testid="review-field-error" data-field={field}>
        {e}
      </div>
    ) : null;
  };
  const label = (n: number, what: string) => `第${n + 1}项指标${what}`;

  const name = (i: ReviewDetailItem, n: number) => {
    const f = formulaOf(i);
    return (
      <>
        <div>
          {n + 1}. {i.name}
        </div>
        {f && (
          <Tooltip title={i.explanation ?? formulaText(f, data.tiers)}>
            <div className="jx-rv-sub jx-rv-clamp">{formulaText(f, data.tiers)}</div>
          </Tooltip>
        )}
      </>
    );
  };

  /** What the unit answered: the actual value, the tier, the checklist, and its explanation of shortfalls. */
  const unit = (i: ReviewDetailItem) => {
    const a = i.answers;
    const f = formulaOf(i);
    let answer: ReactNode = "—";
    if (f?.source === "executionRate")
      answer = (
        <>
          <b className="jx-num">{rateOf(data.form.figures.executed, data.form.figures.adjustedBudget)}</b>
          <div className="jx-rv-sub">按提交时的全年预算数和执行数自动计算</div>
        </>
      );
    else if (a?.notApplicable) answer = <Typography.Text type="secondary">不适用</Typography.Text>;
    else if (f?.kind === "checklist" && a?.failed) {
      const failed = f.items.filter((it) => a.failed?.includes(it.key));
      answer = failed.length === 0 ? "全部符合" : `不符合：${failed.map((it) => it.text).join("；")}`;
    } else if (a?.tier) {
      const tier = data.tiers.find((t) => t.tier === a.tier)?.label ?? a.tier;
      answer = `${tier}${a.points !== null ? `，评定 ${pts(a.points)} 分` : ""}${a.actual ? `；${a.actual}` : ""}`;
    } else if (a?.actual) {
      const suffix = i.unit && !a.actual.trim().endsWith(i.unit) ? ` ${i.unit}` : "";
      answer = <span className="jx-num">{`${a.actual}${suffix}`}</span>;
    }
    return (
      <>
        <div style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>{answer}</div>
        {a?.note && <div className="jx-rv-sub">偏差原因：{a.note}</div>}
      </>
    );
  };

  const self = (i: ReviewDetailItem) => {
    const s = i.self;
    if (!s) return "—";
    return (
      <Tooltip title={s.how}>
        <span className="jx-num" style={{ cursor: "help" }}>
          {s.status === "scored" ? pts(s.points ?? 0) : s.status === "notApplicable" ? "不适用" : "—"}
        </span>
      </Tooltip>
    );
  };

  const review = (i: ReviewDetailItem, n: number) => {
    const a = form.items[i.uid];
    const s = reviewed.get(i.uid);
    if (!editable)
      return (
        <div data-testid={`rv-score-${n}`}>
          <span className="jx-rv-points jx-num">
            {a?.notApplicable ? "不适用" : a?.points === null || a === undefined ? "—" : pts(a.points)}
          </span>
        </div>
      );
    return (
      <>
        <InputNumber<number>
          aria-label={label(n, "复核得分")}
          data-testid={`rv-points-${n}`}
          style={{ width: "100%" }}
          min={0}
          precision={2}
          step={0.5}
          suffix="分"
          placeholder={`0—${pts(i.weight)}`}
          disabled={a?.notApplicable}
          status={errors.has(`items.${i.uid}.points`) ? "error" : undefined}
          value={a?.notApplicable ? null : (a?.points ?? null)}
          onChange={(v) => setItem(i.uid, { points: typeof v === "number" ? v : null })}
        />
        <Checkbox
          style={{ marginTop: 4, fontSize: 12 }}
          data-testid={`rv-na-${n}`}
          checked={a?.notApplicable ?? false}
          onChange={(e) => setItem(i.uid, { notApplicable: e.target.checked })}
        >
          <span style={{ fontSize: 12 }}>不适用</span>
        </Checkbox>
        {s?.status === "unscorable" && a?.points !== null && !a?.notApplicable && (
          <div className="jx-rv-sub">{s.how}</div>
        )}
        {error(`items.${i.uid}.points`)}
      </>
    );
  };

  const comment = (i: ReviewDetailItem, n: number) => {
    const a = form.items[i.uid];
    const need = differs(i, a);
    if (!editable) return <div style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>{a?.comment || "—"}</div>;
    return (
      <>
        <Input.TextArea
          aria-label={label(n, "复核意见")}
          data-testid={`rv-comment-${n}`}
          autoSize={{ minRows: 1, maxRows: 6 }}
          maxLength={1000}
          placeholder={need ? "复核结果与自评不同，请写明依据" : "与自评相同的可不填"}
          status={errors.has(`items.${i.uid}.comment`) ? "error" : undefined}
          value={a?.comment ?? ""}
          onChange={(e) => setItem(i.uid, { comment: e.target.value })}
        />
        {error(`items.${i.uid}.comment`)}
      </>
    );
  };

  return { name, unit, self, review, comment };
}

/**
 * The items of a reviewed form, the unit's self-evaluation beside the review: 指标, 年度指标值, what the unit
 * reported with its explanation, 分值, the self score, then the review score and comment (the reviewer's
 * cells, shaded; orange where the review differs). On a phone one card per item.
 */
export function ReviewItemGrid(props: ReviewGridProps) {
  const phone = useIsPhone();
  const { data, form } = props;
  const c = cellsOf(props);
  const items = data.items;
  if (phone)
    return (
      <div data-testid="review-item-cards">
        {items.map((i, n) => (
          <Card
            key={i.uid}
            size="small"
            style={{ marginBottom: 8, borderColor: differs(i, form.items[i.uid]) ? "#ffc069" : undefined }}
            title={<span style={{ whiteSpace: "normal" }}>{c.name(i, n)}</span>}
            extra={<span className="jx-num">分值 {pts(i.weight)}</span>}
          >
            <div style={{ fontSize: 12, color: "rgba(0,0,0,0.55)" }}>
              {i.level1}/{i.level2 || "—"} · 年度指标值 <b>{targetText(i)}</b>
            </div>
            <div className="jx-rv-label">单位填报</div>
            {c.unit(i)}
            <div className="jx-rv-label">自评得分</div>
            {c.self(i)}
            <div className="jx-rv-label">复核得分</div>
            {c.review(i, n)}
            <div className="jx-rv-label">复核意见</div>
            {c.comment(i, n)}
          </Card>
        ))}
      </div>
    );
  const span1 = rowSpans(items.map((i) => i.level1));
  const span2 = rowSpans(items.map((i) => `${i.level1}\u0000${i.level2}`));
  return (
    <Table<ReviewDetailItem>
      className="jx-rv-table"
      data-testid="review-item-table"
      size="small"
      bordered
      rowKey="uid"
      pagination={false}
      dataSource={items}
      scroll={{ x: 1000 }}
      rowClassName={(i) => (differs(i, form.items[i.uid]) ? "jx-rv-differs" : "")}
      columns={[
        {
          title: "一级指标",
          key: "level1",
          width: 56,
          onCell: (_, n) => ({ rowSpan: span1[n ?? 0] ?? 1 }),
          render: (_: unknown, i) => i.level1,
        },
        {
          title: "二级指标",
          key: "level2",
          width: 70,
          onCell: (_, n) => ({ rowSpan: span2[n ?? 0] ?? 1 }),
          render: (_: unknown, i) => i.level2 || "—",
        },
        { title: "三级指标", key: "name", width: 150, render: (_: unknown, i, n) => c.name(i, n) },
        {
          title: "年度指标值",
          key: "target",
          width: 88,
          render: (_: unknown, i) => <span className="jx-num">{targetText(i)}</span>,
        },
        { title: "单位填报（实际完成值、偏差原因）", key: "unit", width: 180, render: (_: unknown, i) => c.unit(i) },
        {
          title: "分值",
          key: "weight",
          width: 56,
          align: "right",
          render: (_: unknown, i) => <span className="jx-num">{pts(i.weight)}</span>,
        },
        { title: "自评得分", key: "self", width: 64, align: "right", render: (_: unknown, i) => c.self(i) },
        {
          title: "复核得分",
          key: "review",
          width: 118,
          onCell: () => ({ className: "jx-rv-mine" }),
          render: (_: unknown, i, n) => c.review(i, n),
        },
        {
          title: "复核意见",
          key: "comment",
          onCell: () => ({ className: "jx-rv-mine" }),
          render: (_: unknown, i, n) => c.comment(i, n),
        },
      ]}
    />
  );
}
