import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from "@ant-design/icons";
import { Card, Tag, Typography } from "antd";
import {
  GOAL_RULES,
  GOAL_RULES_BY_CODE,
  type GoalCheckResult,
  type GoalFinding,
} from "../../../../src/core/goals/quality";
import { shortMessage } from "./IndicatorTable";

/**
 * 智能审核 as the unit types: every finding with its rule, where it is and what to do about it.
 * Errors block submission; warnings are advice. A click on a finding brings its row into view.
 */
export function QualityPanel({
  result,
  editable,
  onJump,
  height,
}: {
  result: GoalCheckResult;
  editable: boolean;
  onJump: (f: GoalFinding) => void;
  height?: number;
}) {
  const { findings, errors, warnings } = result;
  return (
    <Card
      size="small"
      data-testid="goal-quality-panel"
      title="智能审核"
      style={{ height: "100%" }}
      extra={
        <span style={{ display: "inline-flex", gap: 4 }}>
          <Tag color={errors > 0 ? "error" : "default"} style={{ marginInlineEnd: 0 }}>
            {errors} 个错误
          </Tag>
          <Tag color={warnings > 0 ? "warning" : "default"} style={{ marginInlineEnd: 0 }}>
            {warnings} 个提示
          </Tag>
        </span>
      }
      styles={{ body: { padding: "4px 8px", maxHeight: height ?? 260, overflowY: "auto" } }}
    >
      {findings.length === 0 ? (
        <div style={{ padding: "12px 8px" }}>
          <div style={{ color: "#389e0d" }}>
            <CheckCircleFilled /> 未发现问题{editable ? "，可以提交" : ""}
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            已按 {GOAL_RULES.length} 条审核规则检查：各一级指标均有三级指标、权重合计等于
            100、定量指标有运算符和计量单位、表述可衡量等。
            {editable ? "修改时会即时重新检查。" : ""}
          </Typography.Text>
        </div>
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: "4px 8px" }}>
            {errors > 0 ? "红色为错误，须改正后才能提交；" : ""}橙色为提示，建议修改。点击可定位到该指标。
          </Typography.Paragraph>
          {findings.map((f, i) => {
            const rule = GOAL_RULES_BY_CODE.get(f.code);
            const where = f.indicatorIndex === null ? "整表" : `第${f.indicatorIndex + 1}行`;
            return (
              <button
                type="button"
                // Findings have no id; their order is stable for one state of the form.
                // biome-ignore lint/suspicious/noArrayIndexKey: see above
                key={i}
                className="jx-gt-finding"
                onClick={() => onJump(f)}
                data-code={f.code}
              >
                <span style={{ color: f.severity === "error" ? "#f5222d" : "#fa8c16", paddingTop: 1 }}>
                  {f.severity === "error" ? <CloseCircleFilled /> : <ExclamationCircleFilled />}
                </span>
                <span style={{ minWidth: 0, display: "block" }}>
                  <span style={{ display: "block" }}>
                    <b>{rule?.title ?? f.code}</b>
                    <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
                      {where}
                    </Typography.Text>
                  </span>
                  <span style={{ display: "block", fontSize: 13 }}>
                    {f.indicatorIndex === null ? f.message : shortMessage(f)}
                  </span>
                  {f.suggestion && (
                    <span style={{ display: "block", fontSize: 12, color: "rgba(0,0,0,0.55)" }}>
                      建议：{f.suggestion}
                    </span>
                  )}
                </span>
              </button>
            );
          })}
        </>
      )}
    </Card>
  );
}
