import { Card, Tooltip, Typography } from "antd";
import { GRADE_BANDS } from "../../../../src/core/selfeval/grade";
import type { FormScore } from "../../../../src/core/selfeval/score-form";
import type { SelfEvalFormDetail } from "../../api/selfeval/forms";
import { wan } from "../../format";
import { GradeTag } from "./labels";

export const HEADER_CSS = `
.jx-se-head { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: 13px; }
.jx-se-head th, .jx-se-head td { border: 1px solid #e5e8ed; padding: 6px 8px; text-align: center; word-break: break-word; }
.jx-se-head th { background: #fafafa; font-weight: 500; color: rgba(0,0,0,0.75); }
.jx-se-head td.jx-se-left { text-align: left; }
.jx-se-total { font-size: 40px; line-height: 48px; font-weight: 600; }
`;

const pts = (n: number) => n.toFixed(2);

/**
 * The head of the form as on the official 项目支出绩效自评表 (部门整体支出 likewise): who, the money in 万元,
 * and for a project the execution rate with its 分值 and 得分; with whether the figures are live or as submitted.
 */
export function FormHeader({ data, score }: { data: SelfEvalFormDetail; score: FormScore }) {
  const f = data.figures;
  const project = data.subjectKind === "project";
  const ex = score.execution;
  const rate = f.rate === null ? "—" : `${f.rate}%`;
  return (
    <Card
      size="small"
      className="jx-se-card"
      title={project ? "项目基本情况" : "部门基本情况"}
      data-testid="selfeval-head"
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          金额单位：万元
        </Typography.Text>
      }
    >
      <table className="jx-se-head">
        <tbody>
          <tr>
            <th style={{ width: "16%" }}>{project ? "项目名称" : "部门名称"}</th>
            <td className="jx-se-left" colSpan={project ? 6 : 4}>
              {data.name}
              <Typography.Text type="secondary" className="jx-num" style={{ marginLeft: 8, fontSize: 12 }}>
                {data.code}
              </Typography.Text>
            </td>
          </tr>
          {project && (
            <tr>
              <th>主管部门</th>
              <td className="jx-se-left" colSpan={2}>
                {data.department.name}
              </td>
              <th>实施单位</th>
              <td className="jx-se-left" colSpan={3}>
                {data.unit.name}
              </td>
            </tr>
          )}
          <tr>
            <th>{project ? "项目资金" : "预算资金"}</th>
            <th>年初预算数</th>
            <th>全年预算数</th>
            <th>全年执行数</th>
            {project && <th>分值</th>}
            <th>执行率</th>
            {project && <th>得分</th>}
          </tr>
          <tr data-testid="selfeval-figures">
            <th>年度资金总额</th>
            <td className="jx-num">{wan(f.startBudget)}</td>
            <td className="jx-num">{wan(f.adjustedBudget)}</td>
            <td className="jx-num">{wan(f.executed)}</td>
            {project && <td className="jx-num">{pts(data.executionWeight)}</td>}
            <td className="jx-num">
              <b>{rate}</b>
            </td>
            {project && (
              <td className="jx-num" data-testid="selfeval-execution-points">
                <Tooltip title={ex?.how}>
                  <b style={{ cursor: "help" }}>{ex?.points === null || ex === null ? "—" : pts(ex.points)}</b>
                </Tooltip>
              </td>
            )}
          </tr>
        </tbody>
      </table>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: "6px 0 0" }} data-testid="selfeval-live">
        {f.live
          ? "预算数和执行数取自导入的全年数据，填报期间随导入实时更新；提交时固定下来。"
          : "以上为提交时的预算数和执行数（提交后不再随导入变化）。"}
        {project && ex ? ` 执行率得分：${ex.how}。` : ""}
        {!project && " 预算执行率在下方指标中计分。"}
      </Typography.Paragraph>
    </Card>
  );
}

/** 自评得分: the total and the grade, large, as the unit types; or what is still missing. */
export function ScoreSummary({ data, score }: { data: SelfEvalFormDetail; score: FormScore }) {
  const ex = score.execution;
  return (
    <Card
      size="small"
      className="jx-se-card"
      title="自评得分"
      data-testid="selfeval-score"
      style={{ height: "calc(100% - 12px)" }}
    >
      <div style={{ display: "flex", alignItems: "baseline", gap: 12, flexWrap: "wrap" }}>
        {score.total === null ? (
          <span className="jx-se-total" style={{ color: "rgba(0,0,0,0.25)" }} data-testid="selfeval-total-score">
            —
          </span>
        ) : (
          <>
            <span className="jx-se-total jx-num" data-testid="selfeval-total-score">
              {pts(score.total)}
            </span>
            <span style={{ fontSize: 14 }}>分</span>
            <span style={{ fontSize: 16 }}>
              <GradeTag grade={score.grade} labels={data.gradeLabels} testId="selfeval-grade" />
            </span>
          </>
        )}
        {score.grade && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {GRADE_BANDS[score.grade]}
          </Typography.Text>
        )}
      </div>
      {score.total === null && (
        <Typography.Text type="warning" data-testid="selfeval-score-missing">
          {score.unscorable > 0 ? `还有 ${score.unscorable} 项未填写或无法计分，填完后得出总分` : score.how}
        </Typography.Text>
      )}
      <div style={{ marginTop: 8, fontSize: 13 }}>
        {ex && (
          <div>
            预算执行率：
            <span className="jx-num">
              {ex.points === null ? "—" : pts(ex.points)} / {pts(ex.weight)}
            </span>
          </div>
        )}
        <div>
          {ex ? "绩效指标" : "各项指标"}：
          <span className="jx-num">
            {pts(score.items.reduce((s, x) => s + Math.round((x.points ?? 0) * 100), 0) / 100)}
          </span>
          {score.unscorable > 0 && <Typography.Text type="secondary">（已计分部分）</Typography.Text>}
        </div>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: "4px 0 0" }}>
          {score.total !== null ? score.how : ""}
          {score.total !== null ? "。" : ""}得分随填报即时计算，与保存、审核时的算法相同（评分规则 {data.rulesVersion}{" "}
          版）。
        </Typography.Paragraph>
      </div>
    </Card>
  );
}
