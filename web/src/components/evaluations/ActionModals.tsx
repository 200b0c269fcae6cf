import { Alert, DatePicker, Input, Modal, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";

/** 开始评分: the day the experts' sheets are due; each expert then gets a scoring task. */
export function OpenScoringModal({
  open,
  year,
  experts,
  busy,
  onOk,
  onClose,
}: {
  open: boolean;
  year: number;
  experts: string[];
  busy: boolean;
  onOk: (dueOn: string) => void;
  onClose: () => void;
}) {
  const [day, setDay] = useState<Dayjs | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal
      open={open}
      title="开始专家评分"
      okText="开始评分并下达任务"
      cancelText="取消"
      confirmLoading={busy}
      destroyOnHidden
      onCancel={onClose}
      onOk={() => (day ? onOk(day.format("YYYY-MM-DD")) : setError("请选择评分截止日期"))}
      okButtonProps={{ "data-testid": "ev-open-scoring-ok" }}
    >
      <Typography.Paragraph>
        评价组的 {experts.length} 位专家（{experts.join("、")}
        ）各收到一项评分任务，背靠背独立评分。开始后评价组不能再调整；开始时再次检查回避。
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon style={{ marginBottom: 8 }} title={error} />}
      <div style={{ marginBottom: 4 }}>评分截止日期</div>
      <DatePicker
        aria-label="评分截止日期"
        placeholder={`${year}–${year + 2} 年间`}
        data-testid="ev-open-scoring-due"
        style={{ width: "100%" }}
        value={day}
        onChange={(v) => {
          setDay(v);
          setError(null);
        }}
        disabledDate={(d) => d.year() < year || d.year() > year + 2}
      />
    </Modal>
  );
}

/** 退回 a department evaluation: the note (required) tells the department what to change. */
export function ReturnModal({
  open,
  busy,
  onOk,
  onClose,
}: {
  open: boolean;
  busy: boolean;
  onOk: (note: string) => void;
  onClose: () => void;
}) {
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal
      open={open}
      title="退回部门评价"
      okText="退回"
      okButtonProps={{ danger: true, "data-testid": "ev-return-ok" }}
      cancelText="取消"
      confirmLoading={busy}
      destroyOnHidden
      onCancel={onClose}
      onOk={() => (note.trim() ? onOk(note.trim()) : setError("退回须填写意见"))}
    >
      {error && <Alert type="error" showIcon style={{ marginBottom: 8 }} title={error} />}
      <Input.TextArea
        aria-label="退回意见"
        data-testid="ev-return-note"
        autoSize={{ minRows: 3, maxRows: 8 }}
        maxLength={2000}
        showCount
        placeholder="写明须修改或补充之处"
        value={note}
        onChange={(e) => {
          setNote(e.target.value);
          setError(null);
        }}
      />
    </Modal>
  );
}
