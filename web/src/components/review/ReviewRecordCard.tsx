import { Card, Col, Empty, Row, Segmented, Tag, Timeline, Typography } from "antd";
import { type ReactNode, useState } from "react";
import { ROUND_OUTCOME_LABELS, type RoundOutcome } from "../../../../src/core/review/outcome";
import type { ReviewValue, SnapshotDiff } from "../../../../src/core/review/snapshot";
import type { ReviewRoundRow } from "../../api/goals/goal-review";
import { dateTime } from "../../format";
import { useIsPhone } from "../phone/useIsPhone";
import { DiffList, diffSummary } from "./DiffList";

const OUTCOME_COLOR: Record<RoundOutcome, string> = {
  pending: "blue",
  returned: "red",
  approved: "green",
  withdrawn: "gray",
};

/** One comparison the reader may choose: "与退回时对比", "与上一版对比". */
export interface Comparison {
  key: string;
  label: string;
  /** What it compares against, in a line ("第1次提交，2024-11-03 被主管部门退回"). */
  base: string;
  diff: SnapshotDiff;
}

/**
 * 版本与审核轮次: the versions of a reviewable record, each submission (round) with its 修改说明 and
 * outcome, and what changed against the chosen base. Shared by every module's declare/review loop; the
 * module supplies its versions line, its comparisons and the labels of its fields.
 */
export function ReviewRecordCard({
  versions,
  rounds,
  comparisons,
  labels,
  format,
  item,
}: {
  versions?: ReactNode;
  rounds: readonly ReviewRoundRow[];
  comparisons: readonly Comparison[];
  labels: Record<string, string>;
  format?: (field: string, v: ReviewValue) => string;
  item?: string;
}) {
  const [chosen, setChosen] = useState<string | null>(null);
  // On a phone the comparisons are stacked rather than scrolled sideways.
  const phone = useIsPhone();
  const current = comparisons.find((c) => c.key === chosen) ?? comparisons[0];
  return (
    <Card size="small" title="版本与修改对比" style={{ marginBottom: 12 }} data-testid="review-record">
      {versions && <div style={{ marginBottom: 12 }}>{versions}</div>}
      <Row gutter={[16, 12]}>
        <Col xs={24} xl={14}>
          {current ? (
            <>
              <Segmented
                size="small"
                vertical={phone}
                value={current.key}
                onChange={(v) => setChosen(String(v))}
                options={comparisons.map((c) => ({
                  value: c.key,
                  label: `${c.label}（${diffSummary(c.diff)}）`,
                }))}
                data-testid="review-compare-switch"
                style={{ marginBottom: 8, maxWidth: "100%", overflowX: "auto" }}
              />
              <div style={{ fontSize: 12, color: "rgba(0,0,0,0.5)", marginBottom: 6 }}>对比基准：{current.base}</div>
              <DiffList diff={current.diff} labels={labels} format={format} item={item} testId="review-diff" />
            </>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无可对比的版本（未被退回过，也没有上一版）" />
          )}
        </Col>
        <Col xs={24} xl={10}>
          <Typography.Text strong>提交与审核轮次</Typography.Text>
          {rounds.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未提交" />
          ) : (
            <Timeline
              style={{ marginTop: 12 }}
              data-testid="review-rounds"
              items={rounds.map((r) => ({
                key: r.id,
                color: OUTCOME_COLOR[r.outcome],
                content: (
                  <div>
                    <b>第{r.seq}次提交</b>
                    <span style={{ marginLeft: 8 }}>{r.submitterName}</span>
                    <Typography.Text type="secondary" className="jx-num" style={{ marginLeft: 8, fontSize: 12 }}>
                      {dateTime(r.submittedAt).slice(0, 16)}
                    </Typography.Text>
                    <Tag color={OUTCOME_COLOR[r.outcome]} style={{ marginLeft: 8 }}>
                      {ROUND_OUTCOME_LABELS[r.outcome]}
                    </Tag>
                    {r.note && (
                      <div style={{ whiteSpace: "pre-wrap" }} data-testid="review-round-note">
                        修改说明：{r.note}
                      </div>
                    )}
                    {r.closedAt && r.outcome !== "pending" && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {r.closedByName} {dateTime(r.closedAt).slice(0, 16)} {ROUND_OUTCOME_LABELS[r.outcome]}
                      </Typography.Text>
                    )}
                  </div>
                ),
              }))}
            />
          )}
        </Col>
      </Row>
    </Card>
  );
}
