import { Alert, Button, Card, Input, InputNumber, Space, Typography } from "antd";
import { useState } from "react";
import { errorMessage } from "../../api/client";
import { type EvaluationDetail, overrideScore } from "../../api/evaluations/evaluations";
import { useLeaveGuard } from "../unsaved/useLeaveGuard";
import { pts } from "./labels";

/**
 * 调整得分 (finance, before finalising): a score other than the experts' mean, with its reason; both are kept and
 * shown. 取消调整 returns to the mean.
 */
export function OverrideCard({ data, onSaved }: { data: EvaluationDetail; onSaved: (next: EvaluationDetail) => void }) {
  const current = data.scores?.override ?? null;
  const [points, setPoints] = useState<number | null>(current);
  const [reason, setReason] = useState(data.scores?.overrideReason ?? "");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const dirty = points !== current || (reason.trim() !== (data.scores?.overrideReason ?? "") && points !== null);
  useLeaveGuard(dirty);

  const send = async (body: { points: number | null; reason: string | null }) => {
    setBusy(true);
    setError(null);
    try {
      onSaved(await overrideScore(data.id, { version: data.version, ...body }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const save = () => {
    if (points === null) return setError("请填写调整后的得分");
    if (reason.trim().length === 0) return setError("调整得分须写明理由");
    void send({ points, reason: reason.trim() });
  };

  return (
    <Card size="small" className="jx-ev-card" title="财政调整得分（可选）" data-testid="ev-override">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        评价得分默认为已提交专家评分的平均分（当前 {pts(data.scores?.mean)}
        分）。如有充分依据可调整为其他得分，须写明理由；平均分与调整后的得分都会保留。
      </Typography.Paragraph>
      {error && (
        <Alert type="error" showIcon style={{ marginBottom: 8 }} title={error} data-testid="ev-override-error" />
      )}
      <Space wrap align="start" style={{ width: "100%" }}>
        <InputNumber<number>
          aria-label="调整后的得分"
          data-testid="ev-override-points"
          min={0}
          max={100}
          precision={2}
          suffix="分"
          placeholder="0—100"
          style={{ width: 140 }}
          value={points}
          onChange={(v) => setPoints(typeof v === "number" ? v : null)}
        />
        <Input.TextArea
          aria-label="调整理由"
          data-testid="ev-override-reason"
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={500}
          style={{ width: 420, maxWidth: "100%" }}
          placeholder="调整理由（必填）"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <Button loading={busy} disabled={!dirty} onClick={save} data-testid="ev-override-save">
          保存调整
        </Button>
        {current !== null && (
          <Button
            danger
            loading={busy}
            onClick={() => void send({ points: null, reason: null })}
            data-testid="ev-override-clear"
          >
            取消调整
          </Button>
        )}
      </Space>
    </Card>
  );
}
