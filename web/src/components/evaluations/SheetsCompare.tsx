import { Card, Table, Tag, Typography } from "antd";
import type { EvaluationDetail, EvaluationMember, FrameworkRow } from "../../api/evaluations/evaluations";
import { useIsPhone } from "../phone/useIsPhone";
import { rowSpans } from "../print/spans";
import { pts } from "./labels";
import { meanHalfUp } from "./sheetForm";

const memberName = (m: EvaluationMember) => m.expert?.name ?? "部门";

/** Each indicator's mean over the submitted sheets shown (half up), as the evaluation's mean is taken. */
function meanOf(r: FrameworkRow, members: readonly EvaluationMember[]): number | null {
  const points = members
    .filter((m) => m.submitted)
    .flatMap((m) => m.scores.filter((s) => s.uid === r.uid).map((s) => s.points));
  return meanHalfUp(points);
}

/**
 * The sheets the viewer may see, side by side: one column per expert (with their total; a sheet not yet
 * submitted in grey), and the mean of the submitted ones per indicator. Finance sees every sheet; an expert
 * sees the others' only once their own is submitted. On a phone, one card per expert.
 */
export function SheetsCompare({ data }: { data: EvaluationDetail }) {
  const phone = useIsPhone();
  const shown = data.members.filter((m) => m.visible);
  const hidden = data.members.length - shown.length;
  const rows = data.framework;
  const note =
    hidden > 0 ? (
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: "8px 0 0" }}>
        另有 {hidden} 位专家的评分在其提交且您提交自己的评分后才能看到（背靠背评分）。
      </Typography.Paragraph>
    ) : null;
  const head = (m: EvaluationMember) => (
    <span>
      {memberName(m)}
      {m.isLead && <span style={{ fontSize: 12, color: "#722ed1" }}>（组长）</span>}
      <div style={{ fontSize: 12, fontWeight: 400 }}>
        {m.submitted ? (
          <span className="jx-num">合计 {pts(m.total)}</span>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            未提交{m.total !== null ? `（暂计 ${pts(m.total)}）` : ""}
          </Typography.Text>
        )}
      </div>
    </span>
  );
  if (phone)
    return (
      <div data-testid="ev-sheets-cards">
        {shown.map((m) => (
          <Card key={m.id} size="small" style={{ marginBottom: 8 }} title={head(m)}>
            {rows.map((r, n) => {
              const s = m.scores.find((x) => x.uid === r.uid);
              return (
                <div key={r.uid} style={{ display: "flex", gap: 8, fontSize: 13, lineHeight: "22px" }}>
                  <span style={{ flex: 1, minWidth: 0 }}>
                    {n + 1}. {r.name}
                  </span>
                  <span className="jx-num">
                    {pts(s?.points)} / {pts(r.points)}
                  </span>
                </div>
              );
            })}
          </Card>
        ))}
        {note}
      </div>
    );
  const span1 = rowSpans(rows.map((r) => r.level1));
  const scoreOf = (m: EvaluationMember, r: FrameworkRow) => m.scores.find((s) => s.uid === r.uid);
  return (
    <>
      <Table<FrameworkRow>
        className="jx-ev-table"
        data-testid="ev-sheets-table"
        size="small"
        bordered
        rowKey="uid"
        pagination={false}
        dataSource={[...rows]}
        scroll={{ x: 480 + shown.length * 120 }}
        columns={[
          {
            title: "一级指标",
            key: "level1",
            width: 64,
            onCell: (_, n) => ({ rowSpan: span1[n ?? 0] ?? 1 }),
            render: (_: unknown, r) => r.level1Label,
          },
          {
            title: "三级指标",
            key: "name",
            width: 180,
            render: (_: unknown, r, n) => (
              <>
                {n + 1}. {r.name}
                <div style={{ fontSize: 12, color: "rgba(0,0,0,0.45)" }}>{r.level2}</div>
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
          ...shown.map((m) => ({
            title: head(m),
            key: `m${m.id}`,
            width: 120,
            align: "right" as const,
            render: (_: unknown, r: FrameworkRow) => {
              const s = scoreOf(m, r);
              const lost = s && s.points < r.points;
              return (
                <span title={s?.comment || undefined} style={{ cursor: s?.comment ? "help" : undefined }}>
                  <span
                    className="jx-num"
                    style={{ color: m.submitted ? (lost ? "#d46b08" : undefined) : "rgba(0,0,0,0.4)" }}
                  >
                    {pts(s?.points)}
                  </span>
                  {s?.comment && (
                    <div style={{ fontSize: 12, color: "rgba(0,0,0,0.5)", textAlign: "left" }}>{s.comment}</div>
                  )}
                </span>
              );
            },
          })),
          {
            title: "平均（已提交）",
            key: "mean",
            width: 100,
            align: "right",
            onCell: () => ({ className: "jx-ev-mine" }),
            render: (_: unknown, r) => <b className="jx-num">{pts(meanOf(r, shown))}</b>,
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}>
              <b>合计</b>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <span className="jx-num">{pts(rows.reduce((s, r) => s + Math.round(r.points * 100), 0) / 100)}</span>
            </Table.Summary.Cell>
            {shown.map((m, i) => (
              <Table.Summary.Cell key={m.id} index={3 + i} align="right">
                <b className="jx-num">{pts(m.total)}</b>
                {!m.submitted && <Tag style={{ marginLeft: 4 }}>未提交</Tag>}
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={3 + shown.length} align="right">
              <b className="jx-num">{pts(data.scores?.mean)}</b>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      {note}
    </>
  );
}
