import { Input, Modal, Typography } from "antd";
import type { DeskAction } from "../../../../src/core/review/desk-workflow";
import type { SelfEvalFormDetail } from "../../api/selfeval/forms";

export interface ActionState {
  action: DeskAction;
  comment: string;
  itemComments: Record<string, string>;
}

/** The button text of an action on this form: 重新提交 after a return. */
export function actionLabel(action: DeskAction, d: Pick<SelfEvalFormDetail, "status">): string {
  if (action === "submit") return d.status === "returned" ? "重新提交" : "提交";
  if (action === "withdraw") return "撤回";
  if (action === "return") return "退回修改";
  return "审核通过";
}

/** Who reviews a submitted form: the department, or finance when the department filled it itself. */
const reviewerOf = (d: SelfEvalFormDetail) =>
  d.subjectKind === "deptWide" || d.department.id === d.unit.id ? "财政" : "主管部门";

/**
 * What an action asks before it is taken: a submission says who reviews next (and, after a return, takes a
 * 修改说明); a return needs its comment and may comment on each indicator; an approval may note something.
 */
export function SelfEvalActionModal({
  state,
  data,
  busy,
  onChange,
  onClose,
  onOk,
}: {
  state: ActionState | null;
  data: SelfEvalFormDetail;
  busy: boolean;
  onChange: (s: ActionState) => void;
  onClose: () => void;
  onOk: (s: ActionState) => void;
}) {
  if (!state) return null;
  const { action } = state;
  const review = action === "approve" || action === "return";
  const label = actionLabel(action, data);
  const needsComment = action === "return" && state.comment.trim() === "";
  const title =
    action === "submit" ? `${label}自评表` : action === "withdraw" ? "撤回自评表" : `${label}：${data.name}`;
  return (
    <Modal
      open
      title={title}
      okText={label}
      cancelText="取消"
      okButtonProps={{ danger: action === "return", disabled: needsComment, "data-testid": "selfeval-modal-ok" }}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => onOk(state)}
      width={review ? 720 : 520}
      destroyOnHidden
    >
      {action === "submit" && (
        <>
          <Typography.Paragraph>
            提交后由{reviewerOf(data)}审核，审核期间不能修改；预算数和执行数按提交时的数固定下来。
          </Typography.Paragraph>
          {data.status === "returned" && (
            <>
              <div className="jx-se-label">修改说明（选填）</div>
              <Input.TextArea
                aria-label="修改说明"
                data-testid="selfeval-modal-note"
                placeholder="按退回意见改了哪些内容"
                autoSize={{ minRows: 2, maxRows: 5 }}
                maxLength={1000}
                value={state.comment}
                onChange={(e) => onChange({ ...state, comment: e.target.value })}
              />
            </>
          )}
        </>
      )}
      {action === "withdraw" && <Typography.Paragraph>撤回后可继续修改，修改后须重新提交。</Typography.Paragraph>}
      {review && (
        <>
          <div className="jx-se-label">{action === "return" ? "退回意见（必填）" : "审核意见（选填）"}</div>
          <Input.TextArea
            aria-label={action === "return" ? "退回意见" : "审核意见"}
            data-testid="selfeval-modal-comment"
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={2000}
            status={needsComment ? "error" : undefined}
            placeholder={action === "return" ? "请写明须修改的内容" : "如：自评依据充分，同意"}
            value={state.comment}
            onChange={(e) => onChange({ ...state, comment: e.target.value })}
          />
          {needsComment && <div className="jx-se-error">退回须填写意见</div>}
          <div className="jx-se-label" style={{ marginTop: 12 }}>
            逐项指标意见（选填，填报单位可逐条答复）
          </div>
          <div style={{ maxHeight: 320, overflowY: "auto" }}>
            {data.items.map((i, index) => (
              <div key={i.uid} style={{ display: "flex", gap: 8, marginBottom: 6, alignItems: "flex-start" }}>
                <div style={{ width: 200, flex: "none", fontSize: 13, paddingTop: 4 }}>
                  {index + 1}. {i.name}
                  <div style={{ fontSize: 12, color: "rgba(0,0,0,0.45)" }}>
                    得分 {i.score.points === null ? "—" : i.score.points.toFixed(2)} / {i.weight.toFixed(2)}
                  </div>
                </div>
                <Input.TextArea
                  aria-label={`对第${index + 1}项指标的意见`}
                  data-testid={`selfeval-modal-item-${index}`}
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  maxLength={500}
                  value={state.itemComments[i.uid] ?? ""}
                  onChange={(e) =>
                    onChange({ ...state, itemComments: { ...state.itemComments, [i.uid]: e.target.value } })
                  }
                />
              </div>
            ))}
          </div>
        </>
      )}
    </Modal>
  );
}
