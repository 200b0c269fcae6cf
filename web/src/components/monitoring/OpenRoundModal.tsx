import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, DatePicker, Form, InputNumber, Modal, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { errorMessage } from "../../api/client";
import { monitoringKeys, openRound } from "../../api/monitoring/monitoring";

interface Values {
  fiscalYear: number;
  cutoffMonth: number;
  selectionDueOn: Dayjs;
  dueOn: Dayjs;
}

/**
 * 开启监控轮次: the year, 截止月份 N (execution up to the end of month N is monitored), when the
 * departments must have chosen their subjects and when the units' forms are due.
 */
export function OpenRoundModal({
  open,
  year,
  executionMonths,
  onClose,
  onOpened,
}: {
  open: boolean;
  year: number;
  /** The last month with imported execution: the natural cut-off. */
  executionMonths: number;
  onClose: () => void;
  onOpened: (roundId: number) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const month = Form.useWatch("cutoffMonth", form);
  const fiscalYear = Form.useWatch("fiscalYear", form) ?? year;

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const r = await openRound({
        fiscalYear: v.fiscalYear,
        cutoffMonth: v.cutoffMonth,
        selectionDueOn: v.selectionDueOn.format("YYYY-MM-DD"),
        dueOn: v.dueOn.format("YYYY-MM-DD"),
      });
      void message.success(
        `已开启${r.round.fiscalYear}年 1—${r.round.cutoffMonth}月监控，向 ${r.departments} 个部门下达选取任务`,
      );
      await queryClient.invalidateQueries({ queryKey: monitoringKeys.all });
      form.resetFields();
      onOpened(r.round.id);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const defaultMonth = executionMonths >= 1 ? executionMonths : 6;
  return (
    <Modal
      open={open}
      title="开启监控轮次"
      okText="开启并下达"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ "data-testid": "open-round-ok" }}
    >
      <Typography.Paragraph type="secondary">
        开启后，向各主管部门下达“部门监控对象选取”任务；部门选定后，向实施单位下达监控表填报任务。
      </Typography.Paragraph>
      {error && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} data-testid="open-round-error" />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ fiscalYear: year, cutoffMonth: defaultMonth }}
        data-testid="open-round-form"
      >
        <Form.Item
          name="fiscalYear"
          label="预算年度"
          rules={[{ required: true, type: "integer", min: 2000, max: 2100, message: "请填写 2000—2100 的年度" }]}
        >
          <InputNumber precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item
          name="cutoffMonth"
          label="截止月份 N"
          extra={
            month
              ? `监控 1—${month} 月的执行，时间进度 ${((month / 12) * 100).toFixed(2)}%` +
                (executionMonths > 0 ? `；已导入执行数至 ${executionMonths} 月` : "；尚未导入本年度执行数")
              : "一般为 6、7 或 8 月"
          }
          rules={[{ required: true, type: "integer", min: 1, max: 12, message: "截止月份须为 1 至 12" }]}
        >
          <InputNumber precision={0} min={1} max={12} suffix="月" style={{ width: 140 }} data-testid="cutoff-month" />
        </Form.Item>
        <Form.Item
          name="selectionDueOn"
          label="选取截止日期"
          extra="主管部门须在此日前选定本部门的监控对象"
          rules={[
            { required: true, message: "请选择选取截止日期" },
            {
              validator: async (_, v: Dayjs | undefined) => {
                if (v && v.year() < fiscalYear) throw new Error(`选取截止日期不能早于${fiscalYear}年`);
              },
            },
          ]}
        >
          <DatePicker style={{ width: 200 }} data-testid="selection-due" />
        </Form.Item>
        <Form.Item
          name="dueOn"
          label="填报截止日期"
          extra="实施单位须在此日前填报并提交监控表"
          dependencies={["selectionDueOn"]}
          rules={[
            { required: true, message: "请选择填报截止日期" },
            ({ getFieldValue }) => ({
              validator: async (_, v: Dayjs | undefined) => {
                const sel = getFieldValue("selectionDueOn") as Dayjs | undefined;
                if (v && sel && v.isBefore(sel, "day")) throw new Error("填报截止日期不能早于选取截止日期");
              },
            }),
          ]}
        >
          <DatePicker style={{ width: 200 }} data-testid="report-due" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
