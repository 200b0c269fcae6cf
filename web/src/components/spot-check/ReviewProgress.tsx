import { Card, Steps, Typography } from "antd";
import { Link } from "react-router";
import { REVIEW_STATUS_LABELS, REVIEW_STATUSES } from "../../../../src/core/selfeval/review";
import type { ReviewCounts } from "../../api/review/review";
import { count } from "../../format";
import { useIsPhone } from "../phone/useIsPhone";

/** Which step of the year's review finance is at: draw, assign, re-score, confirm, then statistics. */
function currentStep(drawn: boolean, c: ReviewCounts | undefined): number {
  if (!drawn || !c) return 0;
  if (c.unassigned > 0) return 1;
  if (c.assigned + c.returned > 0) return 2;
  if (c.submitted > 0) return 3;
  return 4;
}

/**
 * The year's review at a glance: the five steps with where the work stands, and the count in each status,
 * each a link to the list filtered by it.
 */
export function ReviewProgress({ drawn, counts }: { drawn: boolean; counts: ReviewCounts | undefined }) {
  const phone = useIsPhone();
  const step = currentStep(drawn, counts);
  const c = counts;
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="review-progress">
      <Steps
        size="small"
        current={step}
        orientation={phone ? "vertical" : "horizontal"}
        items={[
          { title: "抽取样本", content: drawn ? "已抽取" : "从已审核的自评表中抽取" },
          {
            title: "分配复核",
            content:
              c && drawn
                ? c.unassigned > 0
                  ? `待分配 ${count(c.unassigned)}`
                  : "已全部分配"
                : "分给第三方机构的复核人员",
          },
          {
            title: "复核评分",
            content: c && drawn ? `复核中 ${count(c.assigned + c.returned)}` : "复核人员逐项重新评分",
          },
          { title: "财政确认", content: c && drawn ? `待确认 ${count(c.submitted)}` : "确认或退回" },
          { title: "统计与指导意见", content: c && drawn ? `已确认 ${count(c.confirmed)}` : "等级分布、指导意见书" },
        ]}
      />
      {drawn && c && (
        <div style={{ marginTop: 12, display: "flex", flexWrap: "wrap", gap: "4px 20px" }} data-testid="review-counts">
          <Typography.Text>
            纳入复核{" "}
            <Link to="/review/items">
              <b className="jx-num">{count(c.all)}</b>
            </Link>{" "}
            张（部门整体支出 {count(c.deptWide)}，项目支出 {count(c.all - c.deptWide)}）
          </Typography.Text>
          {REVIEW_STATUSES.map((s) => (
            <Typography.Text key={s} type={c[s] === 0 ? "secondary" : undefined}>
              {REVIEW_STATUS_LABELS[s]}{" "}
              <Link to={`/review/items?status=${s}`} data-testid={`review-count-${s}`}>
                <b className="jx-num">{count(c[s])}</b>
              </Link>
            </Typography.Text>
          ))}
        </div>
      )}
    </Card>
  );
}
