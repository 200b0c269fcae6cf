import { Alert, Input, Modal, Typography } from "antd";
import type { ReviewAction } from "../../../../src/core/selfeval/review";
import { pts, signed } from "./labels";

export interface ReviewActionState {
  action: ReviewAction;
  comment: string;
}

const TITLES: Record<ReviewAction, string> = {
  submit: "提交复核结果",
  confirm: "确认复核结果",
  return: "退回复核人员",
};

export const REVIEW_ACTION_LABELS: Record<ReviewAction, string> = {
  submit: "提交财政",
  confirm: "确认",
  return: "退回",
};

/**
 * The reviewer's submission, or finance's confirmation or return, with the two scores restated. A return
 * needs the comment the reviewer will read; a confirmation may carry one.
 */
export function ReviewActionModal({
  state,
  busy,
  scores,
  onChange,
  onClose,
  onOk,
}: {
  state: ReviewActionState | null;
  busy: boolean;
  scores: { self: number | null; review: number | null; difference: number | null; overrated: boolean };
  onChange: (s: ReviewActionState) => void;
  onClose: () => void;
  onOk: (s: ReviewActionState) => void;
}) {
  const a = state?.action;
  const needsComment = a === "return";
  const missing = needsComment && !state?.comment.trim();
  return (
    <Modal
      open={state !== null}
      title={a ? TITLES[a] : ""}
      okText={a ? REVIEW_ACTION_LABELS[a] : "确定"}
      okButtonProps={{ danger: a === "return", disabled: missing, "data-testid": "review-modal-ok" }}
      cancelText="取消"
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => state && onOk(state)}
      destroyOnHidden
    >
      <Typography.Paragraph>
        自评得分 <b className="jx-num">{pts(scores.self)}</b>，复核得分 <b className="jx-num">{pts(scores.review)}</b>，
        差异 <span className="jx-num">{signed(scores.difference)}</span>
        {scores.overrated ? "（自评偏高）" : ""}。
      </Typography.Paragraph>
      {a === "submit" && (
        <Alert
          type="info"
          showIcon
          title="提交后不能再修改，由财政确认；财政退回后可修改再提交。"
          style={{ marginBottom: 12 }}
        />
      )}
      {a === "confirm" && (
        <Alert
          type="info"
          showIcon
          title="确认后复核结果计入统计，单位和主管部门可以看到复核得分和指导意见。"
          style={{ marginBottom: 12 }}
        />
      )}
      {a !== "submit" && (
        <>
          <Typography.Text>{needsComment ? "退回意见（必填，复核人员可见）" : "意见（选填）"}</Typography.Text>
          <Input.TextArea
            aria-label={needsComment ? "退回意见" : "意见"}
            data-testid="review-modal-comment"
            style={{ marginTop: 4 }}
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={2000}
            showCount
            placeholder={needsComment ? "写明须修改之处，如：第3项扣分依据不足，请补充" : ""}
            value={state?.comment ?? ""}
            status={missing ? "error" : undefined}
            onChange={(e) => state && onChange({ ...state, comment: e.target.value })}
          />
          {missing && (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              退回时须填写意见
            </Typography.Text>
          )}
        </>
      )}
    </Modal>
  );
}
