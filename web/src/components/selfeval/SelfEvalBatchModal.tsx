import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Input, Modal, Table, Typography } from "antd";
import { useState } from "react";
import { errorMessage, isApiError } from "../../api/client";
import { actOnSelfEvalForms, type SelfEvalFormRow, selfEvalFormKeys } from "../../api/selfeval/forms";
import { taskKeys } from "../../api/tasks/tasks";

export type BatchAction = "submit" | "approve";

export const BATCH_LABELS: Record<BatchAction, string> = { submit: "批量提交", approve: "批量审核通过" };

interface Failure {
  id: number;
  code: string | null;
  name: string | null;
  message: string;
}

/** The forms the server refused, as its SELFEVAL_BATCH_REFUSED details name them. */
function failuresOf(e: unknown): { failures: Failure[]; total: number } | null {
  if (!isApiError(e) || e.code !== "SELFEVAL_BATCH_REFUSED") return null;
  const d = e.details as { failures?: Failure[]; total?: number } | undefined;
  return d?.failures ? { failures: d.failures, total: d.total ?? d.failures.length } : null;
}

/**
 * Confirms a batch step on the chosen forms and takes it. It is all or nothing: when a form cannot take the
 * step, nothing is done and the dialog lists each refused form with the reason, so the clerk can untick or
 * fix them and try again.
 */
export function SelfEvalBatchModal({
  year,
  action,
  rows,
  onClose,
  onDone,
}: {
  year: number;
  action: BatchAction;
  rows: SelfEvalFormRow[];
  onClose: () => void;
  onDone: (refused?: number[]) => void;
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<{ failures: Failure[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const label = BATCH_LABELS[action];

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const done = await actOnSelfEvalForms({
        fiscalYear: year,
        action,
        forms: rows.map((r) => ({ id: r.id, version: r.version })),
        comment: action === "approve" && comment.trim() ? comment.trim() : undefined,
      });
      message.success(`${action === "submit" ? "已提交" : "已审核通过"} ${done.count} 张自评表`);
      await queryClient.invalidateQueries({ queryKey: selfEvalFormKeys.lists });
      void queryClient.invalidateQueries({ queryKey: taskKeys.all });
      void queryClient.invalidateQueries({ queryKey: ["selfeval", "coverage"] });
      onDone();
    } catch (e) {
      const named = failuresOf(e);
      if (named) setRefused(named);
      else setError(errorMessage(e));
      // A stale row (someone acted meanwhile) is fixed by reading the list again.
      await queryClient.invalidateQueries({ queryKey: selfEvalFormKeys.lists });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={`${label}（${rows.length} 张）`}
      okText={refused ? "取消勾选这些表" : label}
      cancelText="关闭"
      confirmLoading={busy}
      okButtonProps={{ "data-testid": "selfeval-batch-ok" }}
      onCancel={onClose}
      onOk={() => (refused ? onDone(refused.failures.map((f) => f.id)) : void run())}
      width={680}
      destroyOnHidden
    >
      {refused ? (
        <Alert
          type="error"
          showIcon
          data-testid="selfeval-batch-refused"
          message={`${refused.total} 张自评表不能${action === "submit" ? "提交" : "审核通过"}，本次未处理任何自评表`}
          description={
            <Table<Failure>
              size="small"
              rowKey="id"
              pagination={false}
              scroll={{ y: 280 }}
              dataSource={refused.failures}
              columns={[
                { title: "编码", dataIndex: "code", width: 120, render: (v: string | null) => v ?? "—" },
                { title: "名称", dataIndex: "name", ellipsis: true, render: (v: string | null, f) => v ?? `#${f.id}` },
                { title: "原因", dataIndex: "message" },
              ]}
            />
          }
        />
      ) : (
        <>
          <Typography.Paragraph>
            {action === "submit"
              ? "逐张检查是否填写完整，全部通过才一并提交；有一张不能提交则都不提交，并列出原因。提交后由主管部门（部门整体自评表由财政）审核，审核期间不能修改。"
              : "逐张检查后一并审核通过；有一张不能通过则都不处理，并列出原因。需要退回的自评表请逐张打开退回，并写明意见。"}
          </Typography.Paragraph>
          <div style={{ maxHeight: 200, overflowY: "auto", marginBottom: 12 }} data-testid="selfeval-batch-list">
            {rows.map((r) => (
              <div key={r.id} style={{ fontSize: 13 }}>
                <span className="jx-num" style={{ color: "rgba(0,0,0,0.45)", marginRight: 8 }}>
                  {r.code}
                </span>
                {r.name}
                {r.total !== null && (
                  <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                    {r.total.toFixed(2)} 分
                  </Typography.Text>
                )}
              </div>
            ))}
          </div>
          {action === "approve" && (
            <>
              <div className="jx-se-label">审核意见（选填，记入每张表的审核记录）</div>
              <Input.TextArea
                aria-label="审核意见"
                data-testid="selfeval-batch-comment"
                autoSize={{ minRows: 2, maxRows: 4 }}
                maxLength={2000}
                placeholder="如：自评依据充分，同意"
                value={comment}
                onChange={(e) => setComment(e.target.value)}
              />
            </>
          )}
          {error && <Alert type="error" showIcon style={{ marginTop: 12 }} message={error} />}
        </>
      )}
    </Modal>
  );
}
