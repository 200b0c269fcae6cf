import { Card, Descriptions, Space, Tag, Typography } from "antd";
import { DEFAULT_GRADE_LABELS } from "../../../../src/core/selfeval/grade";
import type { EvaluationDetail } from "../../api/evaluations/evaluations";
import { dateTime, wan } from "../../format";
import { GradeTag } from "../selfeval/labels";
import { EvaluationKindTag, EvaluationStatusTag, pts } from "./labels";

/** 评价对象: the project, its department and unit, the amount in 万元, the kind, status and rules version. */
export function EvaluationParticulars({ data }: { data: EvaluationDetail }) {
  return (
    <Card size="small" className="jx-ev-card" title="评价对象" data-testid="ev-head">
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          {
            key: "project",
            label: "项目",
            span: { xs: 1, sm: 2 },
            children: (
              <span>
                {data.project.name}
                <Typography.Text type="secondary" className="jx-num" style={{ marginLeft: 8, fontSize: 12 }}>
                  {data.project.code}
                </Typography.Text>
              </span>
            ),
          },
          { key: "dept", label: "主管部门", children: data.department.name },
          { key: "unit", label: "实施单位", children: data.unit.name },
          {
            key: "amount",
            label: "评价金额",
            children: (
              <span className="jx-num" data-testid="ev-amount">
                {wan(data.amount)} 万元
              </span>
            ),
          },
          {
            key: "kind",
            label: "评价类型",
            children: (
              <Space size={4}>
                <EvaluationKindTag kind={data.kind} />
                <EvaluationStatusTag status={data.status} />
              </Space>
            ),
          },
          {
            key: "owner",
            label: data.kind === "key" ? "组织单位" : "评价部门",
            children: data.owner.name,
          },
          ...(data.kind === "key" ? [{ key: "firm", label: "第三方机构", children: data.firm?.name ?? "未选定" }] : []),
          {
            key: "rules",
            label: "指标体系",
            children: (
              <span>
                {data.rulesVersion === "default" ? "系统默认" : `${data.rulesVersion} 版`}，{data.framework.length}{" "}
                项指标
              </span>
            ),
          },
          ...(data.dueOn ? [{ key: "due", label: "评分截止", children: data.dueOn }] : []),
          ...(data.finalisedAt ? [{ key: "final", label: "定稿时间", children: dateTime(data.finalisedAt) }] : []),
        ]}
      />
    </Card>
  );
}

/**
 * 评价得分: the score with its grade, how it was reached (the experts' mean, or finance's override with its
 * reason, both kept), and how many sheets count. Before an expert may see it, a note says why.
 */
export function ScoreSummary({ data }: { data: EvaluationDetail }) {
  const s = data.scores;
  const big = { fontSize: 32, lineHeight: "40px", fontWeight: 600 } as const;
  return (
    <Card
      size="small"
      className="jx-ev-card"
      title="评价得分"
      data-testid="ev-scores"
      style={{ height: "calc(100% - 12px)" }}
    >
      {s === null ? (
        <Typography.Text type="secondary" data-testid="ev-scores-hidden">
          背靠背评分：提交自己的评分后才能看到其他专家的评分和平均分。
        </Typography.Text>
      ) : (
        <>
          <div style={{ display: "flex", gap: 24, flexWrap: "wrap", alignItems: "flex-end" }}>
            <div>
              <Typography.Text type="secondary">评价得分</Typography.Text>
              <div>
                <span className="jx-num" style={big} data-testid="ev-score">
                  {pts(s.score)}
                </span>{" "}
                {s.grade && <GradeTag grade={s.grade} labels={DEFAULT_GRADE_LABELS} testId="ev-grade" />}
              </div>
            </div>
            {data.kind === "key" && (
              <div>
                <Typography.Text type="secondary">专家平均分</Typography.Text>
                <div className="jx-num" style={{ fontSize: 20, lineHeight: "40px" }} data-testid="ev-mean">
                  {pts(s.mean)}
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
                    （{s.submittedSheets} 份已提交）
                  </Typography.Text>
                </div>
              </div>
            )}
            {s.override !== null && (
              <div>
                <Typography.Text type="secondary">财政调整</Typography.Text>
                <div style={{ lineHeight: "40px" }}>
                  <Tag color="orange" data-testid="ev-override-tag">
                    调整为 {pts(s.override)}
                  </Tag>
                </div>
              </div>
            )}
          </div>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: "6px 0 0" }} data-testid="ev-how">
            {s.how}
          </Typography.Paragraph>
        </>
      )}
    </Card>
  );
}
