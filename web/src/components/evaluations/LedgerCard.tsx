import { Alert, Button, Card, Input, InputNumber, Radio, Select, Space, Typography } from "antd";
import { useState } from "react";
import { FIRM_RATING_LABELS, FIRM_RATINGS, type FirmRating } from "../../../../src/core/evaluations/list";
import { errorMessage } from "../../api/client";
import {
  type EvaluationDetail,
  type LedgerEntry,
  recordFirmWork,
  useFirmLedger,
} from "../../api/evaluations/evaluations";
import { dateTime } from "../../format";

interface Values {
  onTime: boolean;
  reworks: number;
  rating: FirmRating | undefined;
  note: string;
}

/** The form of the firm's ledger entry for this evaluation, once it is loaded (prefilled from the entry kept). */
function LedgerForm({
  data,
  entry,
  onSaved,
}: {
  data: EvaluationDetail;
  entry: LedgerEntry | undefined;
  onSaved: () => void;
}) {
  const [v, setV] = useState<Values>({
    onTime: entry?.onTime ?? true,
    reworks: entry?.reworks ?? 0,
    rating: entry?.rating,
    note: entry?.note ?? "",
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(entry ? dateTime(entry.updatedAt) : null);
  const save = async () => {
    if (!v.rating) return setError("请选择报告评级");
    setBusy(true);
    setError(null);
    try {
      const e = await recordFirmWork(data.id, {
        onTime: v.onTime,
        reworks: v.reworks,
        rating: v.rating,
        note: v.note.trim(),
      });
      setSaved(dateTime(e.updatedAt));
      onSaved();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {error && <Alert type="error" showIcon style={{ marginBottom: 8 }} title={error} />}
      <Space wrap size={[16, 8]} align="center">
        <span>
          按时完成{" "}
          <Radio.Group
            aria-label="是否按时完成"
            value={v.onTime}
            onChange={(e) => setV({ ...v, onTime: e.target.value })}
            options={[
              { value: true, label: "是" },
              { value: false, label: "否" },
            ]}
          />
        </span>
        <span>
          返工次数{" "}
          <InputNumber<number>
            aria-label="返工次数"
            min={0}
            max={99}
            precision={0}
            style={{ width: 80 }}
            value={v.reworks}
            onChange={(n) => setV({ ...v, reworks: typeof n === "number" ? n : 0 })}
          />
        </span>
        <span>
          报告评级{" "}
          <Select<FirmRating>
            aria-label="报告评级"
            data-testid="ev-ledger-rating"
            placeholder="选择"
            style={{ width: 100 }}
            value={v.rating}
            options={FIRM_RATINGS.map((r) => ({ value: r, label: FIRM_RATING_LABELS[r] }))}
            onChange={(rating) => setV({ ...v, rating })}
          />
        </span>
      </Space>
      <Input.TextArea
        aria-label="履职说明"
        style={{ marginTop: 8 }}
        autoSize={{ minRows: 1, maxRows: 4 }}
        maxLength={500}
        placeholder="说明（可选）：如返工原因、报告质量"
        value={v.note}
        onChange={(e) => setV({ ...v, note: e.target.value })}
      />
      <Space style={{ marginTop: 8 }}>
        <Button type="primary" loading={busy} onClick={() => void save()} data-testid="ev-ledger-save">
          {entry ? "更新履职记录" : "记录履职情况"}
        </Button>
        {saved && <Typography.Text type="secondary">已于 {saved} 记录</Typography.Text>}
      </Space>
    </>
  );
}

/** 第三方机构履职: finance records the firm's timeliness, reworks and report rating once the evaluation is final. */
export function LedgerCard({ data }: { data: EvaluationDetail }) {
  const firmId = data.firm?.id ?? null;
  const ledger = useFirmLedger(data.fiscalYear, firmId, true);
  if (!data.firm) return null;
  const entry = ledger.data?.firms.flatMap((f) => f.entries).find((e) => e.evaluation.id === data.id);
  return (
    <Card size="small" className="jx-ev-card" title={`第三方机构履职记录：${data.firm.name}`} data-testid="ev-ledger">
      {ledger.isPending ? (
        "正在读取…"
      ) : (
        <LedgerForm key={entry?.version ?? 0} data={data} entry={entry} onSaved={() => void ledger.refetch()} />
      )}
    </Card>
  );
}
