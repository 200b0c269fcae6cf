import { Card, Table, Typography } from "antd";
import type { FormScore } from "../../../../src/core/selfeval/score-form";
import type { SelfEvalFormDetail, SelfEvalFormItem } from "../../api/selfeval/forms";
import { useIsPhone } from "../phone/useIsPhone";
import { rowSpans } from "../print/spans";
import { type Cells, targetText } from "./itemCells";
import { type Editor, editorOf } from "./selfEvalForm";

/** What the answer of a row is called on a card, by how it is answered. */
const ANSWER_LABELS: Record<Editor, string> = {
  value: "实际完成值",
  prefilled: "实际完成值（自动计算）",
  tiers: "达成档次与评定得分",
  checklist: "检查结果",
};

const pts = (n: number) => n.toFixed(2);

/**
 * The indicator grid of a self-evaluation form, laid out like the official 自评表: 一级/二级 merged down
 * the rows, 三级指标, 年度指标值, 实际完成值, 不适用, 分值, 得分 (live, with how), 偏差原因分析及改进措施.
 * On a phone, one card per indicator with the same cells.
 */
export function ItemGrid({ data, cells, score }: { data: SelfEvalFormDetail; cells: Cells; score: FormScore }) {
  const phone = useIsPhone();
  const items = data.items;
  const weights = items.reduce((s, i) => s + Math.round(i.weight * 100), 0) / 100;
  if (phone)
    return (
      <div data-testid="selfeval-item-cards">
        {items.map((i, index) => (
          <Card
            key={i.uid}
            size="small"
            style={{ marginBottom: 8 }}
            data-testid="selfeval-item-card"
            title={<span style={{ whiteSpace: "normal" }}>{cells.name(i, index)}</span>}
            extra={<span className="jx-num">分值 {pts(i.weight)}</span>}
          >
            <div style={{ fontSize: 12, color: "rgba(0,0,0,0.55)" }}>
              {i.level1}/{i.level2} · 年度指标值 <b>{targetText(i)}</b>
            </div>
            <div className="jx-se-label">{ANSWER_LABELS[editorOf(data, i)]}</div>
            {cells.answer(i, index)}
            {data.editable && editorOf(data, i) !== "prefilled" && (
              <div style={{ marginTop: 6, display: "flex", gap: 6, alignItems: "center" }}>
                {cells.notApplicable(i, index)}
                <span className="jx-se-label" style={{ margin: 0 }}>
                  不适用
                </span>
              </div>
            )}
            <div className="jx-se-label">得分</div>
            {cells.points(i, index)}
            <div className="jx-se-label">偏差原因分析及改进措施</div>
            {cells.note(i, index)}
          </Card>
        ))}
      </div>
    );
  const span1 = rowSpans(items.map((i) => i.level1));
  const span2 = rowSpans(items.map((i) => `${i.level1}\u0000${i.level2}`));
  return (
    <Table<SelfEvalFormItem>
      className="jx-se-table"
      data-testid="selfeval-item-table"
      size="small"
      bordered
      rowKey="uid"
      pagination={false}
      dataSource={items}
      scroll={{ x: 1060 }}
      columns={[
        {
          title: "一级指标",
          key: "level1",
          width: 64,
          onCell: (_, n) => ({ rowSpan: span1[n ?? 0] ?? 1 }),
          render: (_: unknown, i) => i.level1,
        },
        {
          title: "二级指标",
          key: "level2",
          width: 80,
          onCell: (_, n) => ({ rowSpan: span2[n ?? 0] ?? 1 }),
          render: (_: unknown, i) => i.level2 || "—",
        },
        { title: "三级指标", key: "name", width: 160, render: (_: unknown, i, n) => cells.name(i, n) },
        {
          title: "年度指标值",
          key: "target",
          width: 96,
          render: (_: unknown, i) => <span className="jx-num">{targetText(i)}</span>,
        },
        { title: "实际完成值", key: "actual", width: 190, render: (_: unknown, i, n) => cells.answer(i, n) },
        {
          title: "不适用",
          key: "na",
          width: 56,
          align: "center",
          render: (_: unknown, i, n) => cells.notApplicable(i, n),
        },
        {
          title: "分值",
          key: "weight",
          width: 56,
          align: "right",
          render: (_: unknown, i) => <span className="jx-num">{pts(i.weight)}</span>,
        },
        { title: "得分", key: "points", width: 150, render: (_: unknown, i, n) => cells.points(i, n) },
        { title: "偏差原因分析及改进措施", key: "note", render: (_: unknown, i, n) => cells.note(i, n) },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={6}>
            <Typography.Text strong>{data.subjectKind === "project" ? "绩效指标合计" : "合计"}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={6} align="right">
            <span className="jx-num">{pts(weights)}</span>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={7} colSpan={2}>
            <span className="jx-num" data-testid="selfeval-items-sum">
              {pts(score.items.reduce((s, x) => s + Math.round((x.points ?? 0) * 100), 0) / 100)}
            </span>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}
