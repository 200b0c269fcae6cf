import { useQueryClient } from "@tanstack/react-query";
import { Alert, DatePicker, Modal, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { errorMessage } from "../../api/client";
import { evaluationKeys, type OpenDepartmentReply, openDepartmentEvaluation } from "../../api/evaluations/evaluations";
import { taskKeys } from "../../api/tasks/tasks";

/**
 * 开启部门评价 of a year (or, once open, 调整截止日期): every department with projects gets a task. The due
 * day lies within the year and the two after it, as the server checks.
 */
export function OpenDepartmentModal({
  open,
  year,
  dueOn,
  onClose,
  onDone,
}: {
  open: boolean;
  year: number;
  /** The due day of the open year, when it is open. */
  dueOn: string | null;
  onClose: () => void;
  onDone: (r: OpenDepartmentReply) => void;
}) {
  const [day, setDay] = useState<Dayjs | null>(dueOn ? dayjs(dueOn) : null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const qc = useQueryClient();
  const again = dueOn !== null;

  const ok = async () => {
    if (!day) return setError("请选择截止日期");
    setBusy(true);
    setError(null);
    try {
      const r = await openDepartmentEvaluation(year, day.format("YYYY-MM-DD"));
      await Promise.all([
        qc.invalidateQueries({ queryKey: evaluationKeys.all }),
        qc.invalidateQueries({ queryKey: taskKeys.all }),
      ]);
      onDone(r);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={again ? `调整${year}年度部门评价截止日期` : `开启${year}年度部门评价`}
      okText={again ? "保存" : "开启并下达任务"}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void ok()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ "data-testid": "evaluation-open-dept-ok" }}
    >
      <Typography.Paragraph type="secondary">
        {again
          ? "把各主管部门尚未完成的部门评价任务的截止日期改为下面的日期。"
          : "开启后，本年度有项目的每个主管部门收到一项“部门评价”任务，按评价指标体系对本部门的项目开展评价并提交财政审核。"}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} />}
      <div style={{ marginBottom: 4 }}>截止日期</div>
      <DatePicker
        aria-label="截止日期"
        data-testid="evaluation-open-dept-due"
        style={{ width: "100%" }}
        value={day}
        onChange={(v) => setDay(v)}
        disabledDate={(d) => d.year() < year || d.year() > year + 2}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        须在 {year}–{year + 2} 年间
      </Typography.Text>
    </Modal>
  );
}
