import { Card, Input, InputNumber, Table, Tooltip } from "antd";
import type { ReactNode } from "react";
import type { FrameworkRow } from "../../api/evaluations/evaluations";
import { useIsPhone } from "../phone/useIsPhone";
import { rowSpans } from "../print/spans";
import { pts } from "./labels";
import type { SheetForm } from "./sheetForm";

export const SCORE_GRID_CSS = `
.jx-ev-table .ant-table-cell { vertical-align: top; }
.jx-ev-table td.jx-ev-mine { background: #f6faff; }
.jx-ev-error { color: #cf1322; font-size: 12px; line-height: 18px; margin-top: 2px; white-space: normal; }
.jx-ev-std { font-size: 12px; line-height: 18px; color: rgba(0,0,0,0.6); white-space: pre-wrap; word-break: break-word; }
.jx-ev-label { font-size: 12px; color: rgba(0,0,0,0.55); margin: 8px 0 2px; }
.jx-ev-points { font-size: 15px; font-weight: 600; }
`;

interface Props {
  rows: readonly FrameworkRow[];
  form: SheetForm;
  editable: boolean;
  errors: ReadonlyMap<string, string>;
  setItem: (uid: string, patch: Partial<SheetForm[string]>) => void;
}

/** The cells of one indicator, shared by the table (desktop) and the cards (phone). */
function cellsOf({ form, editable, errors, setItem }: Props) {
  const error = (uid: string): ReactNode => {
    const e = errors.get(uid);
    return e ? (
      <div className="jx-ev-error" data-testid="ev-field-error" data-uid={uid}>
        {e}
      </div>
    ) : null;
  };
  const points = (r: FrameworkRow, n: number) => {
    const a = form[r.uid];
    if (!editable)
      return (
        <span className="jx-ev-points jx-num" data-testid={`ev-score-${n}`}>
          {pts(a?.points)}
        </span>
      );
    return (
      <>
        <InputNumber<number>
          aria-label={`第${n + 1}项指标得分`}
          data-testid={`ev-points-${n}`}
          style={{ width: "100%" }}
          min={0}
          max={r.points}
          precision={2}
          step={0.5}
          suffix="分"
          placeholder={`0—${pts(r.points)}`}
          status={errors.has(r.uid) ? "error" : undefined}
          value={a?.points ?? null}
          onChange={(v) => setItem(r.uid, { points: typeof v === "number" ? v : null })}
        />
        {error(r.uid)}
      </>
    );
  };
  const comment = (r: FrameworkRow, n: number) => {
    const a = form[r.uid];
    if (!editable) return <div style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>{a?.comment || "—"}</div>;
    return (
      <Input.TextArea
        aria-label={`第${n + 1}项指标评分意见`}
        data-testid={`ev-comment-${n}`}
        autoSize={{ minRows: 1, maxRows: 6 }}
        maxLength={2000}
        placeholder="扣分的写明依据"
        value={a?.comment ?? ""}
        onChange={(e) => setItem(r.uid, { comment: e.target.value })}
      />
    );
  };
  const standard = (r: FrameworkRow) =>
    r.standard ? (
      <Tooltip title={<div style={{ whiteSpace: "pre-wrap" }}>{r.standard}</div>}>
        <div className="jx-ev-std">{r.standard}</div>
      </Tooltip>
    ) : (
      "—"
    );
  return { points, comment, standard };
}

/**
 * A member's scoring sheet over the evaluation's framework: 一级 / 二级 merged as on the paper form, 三级指标,
 * 分值, 评分标准, then the member's points and comment (shaded). On a phone one card per indicator.
 */
export function ScoreGrid(props: Props) {
  const phone = useIsPhone();
  const { rows } = props;
  const c = cellsOf(props);
  if (phone)
    return (
      <div data-testid="ev-score-cards">
        {rows.map((r, n) => (
          <Card
            key={r.uid}
            size="small"
            style={{ marginBottom: 8 }}
            title={
              <span style={{ whiteSpace: "normal" }}>
                {n + 1}. {r.name}
              </span>
            }
            extra={<span className="jx-num">分值 {pts(r.points)}</span>}
          >
            <div style={{ fontSize: 12, color: "rgba(0,0,0,0.55)" }}>
              {r.level1Label} / {r.level2 || "—"}
            </div>
            <div className="jx-ev-label">评分标准</div>
            <div className="jx-ev-std">{r.standard || "—"}</div>
            <div className="jx-ev-label">得分</div>
            {c.points(r, n)}
            <div className="jx-ev-label">评分意见</div>
            {c.comment(r, n)}
          </Card>
        ))}
      </div>
    );
  const span1 = rowSpans(rows.map((r) => r.level1));
  const span2 = rowSpans(rows.map((r) => `${r.level1}\u0000${r.level2}`));
  return (
    <Table<FrameworkRow>
      className="jx-ev-table"
      data-testid="ev-score-table"
      size="small"
      bordered
      rowKey="uid"
      pagination={false}
      dataSource={[...rows]}
      scroll={{ x: 960 }}
      columns={[
        {
          title: "一级指标",
          key: "level1",
          width: 64,
          onCell: (_, n) => ({ rowSpan: span1[n ?? 0] ?? 1 }),
          render: (_: unknown, r) => r.level1Label,
        },
        {
          title: "二级指标",
          key: "level2",
          width: 88,
          onCell: (_, n) => ({ rowSpan: span2[n ?? 0] ?? 1 }),
          render: (_: unknown, r) => r.level2 || "—",
        },
        {
          title: "三级指标",
          key: "name",
          width: 150,
          render: (_: unknown, r, n) => (
            <>
              {n + 1}. {r.name}
            </>
          ),
        },
        {
          title: "分值",
          key: "weight",
          width: 60,
          align: "right",
          render: (_: unknown, r) => <span className="jx-num">{pts(r.points)}</span>,
        },
        { title: "评分标准", key: "standard", render: (_: unknown, r) => c.standard(r) },
        {
          title: "得分",
          key: "points",
          width: 120,
          onCell: () => ({ className: "jx-ev-mine" }),
          render: (_: unknown, r, n) => c.points(r, n),
        },
        {
          title: "评分意见",
          key: "comment",
          width: 240,
          onCell: () => ({ className: "jx-ev-mine" }),
          render: (_: unknown, r, n) => c.comment(r, n),
        },
      ]}
    />
  );
}
