import { useQueryClient } from "@tanstack/react-query";
import { App, DatePicker, Form, Input, Modal, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { errorMessage } from "../../api/client";
import { requestGoalRevision } from "../../api/goals/goal-tables";

/** The table a request is about, as a list row knows it. */
export interface RevisionSubject {
  id: number;
  subjectCode: string;
  subjectName: string;
  errors: number;
}

/**
 * 要求调整: finance asks the declarer of an approved table to revise it, with what to change and by when.
 * The server issues a 绩效目标调整 task to the unit (or the department for its own tables) and tells it.
 */
export function RevisionRequestModal({ subject, onClose }: { subject: RevisionSubject | null; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string; dueOn: Dayjs }>();
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  const submit = async () => {
    if (!subject) return;
    const values = await form.validateFields();
    setBusy(true);
    try {
      const task = await requestGoalRevision(subject.id, {
        reason: values.reason.trim(),
        dueOn: values.dueOn.format("YYYY-MM-DD"),
      });
      message.success(`已下达调整任务给${task.org.name}，截止 ${task.dueOn}`);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ["goal-lint"] }),
        queryClient.invalidateQueries({ queryKey: ["goal-tables"] }),
        queryClient.invalidateQueries({ queryKey: ["tasks"] }),
      ]);
      form.resetFields();
      onClose();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      title="要求调整绩效目标表"
      open={subject !== null}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="下达调整任务"
      confirmLoading={busy}
      destroyOnHidden
      okButtonProps={{ "data-testid": "revision-request-ok" }}
    >
      {subject && (
        <Typography.Paragraph>
          <Typography.Text type="secondary">{subject.subjectCode}</Typography.Text> {subject.subjectName}
          {subject.errors > 0 && (
            <Typography.Text type="danger">（已批复，仍有 {subject.errors} 个错误）</Typography.Text>
          )}
          <br />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            申报单位将收到“绩效目标调整”任务：调整后重新提交，经审核批复后任务完成。
          </Typography.Text>
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" initialValues={{ dueOn: dayjs().add(14, "day") }}>
        <Form.Item
          name="reason"
          label="调整要求"
          rules={[
            { required: true, whitespace: true, message: "请填写调整要求" },
            { max: 500, message: "调整要求不能超过 500 字" },
          ]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            showCount
            placeholder="说明需要调整的内容，如：满意度指标目标值偏低，权重合计不为100"
            data-testid="revision-request-reason"
          />
        </Form.Item>
        <Form.Item name="dueOn" label="截止日期" rules={[{ required: true, message: "请选择截止日期" }]}>
          <DatePicker
            data-testid="revision-request-due"
            disabledDate={(d) => d.isBefore(dayjs(), "day") || d.isAfter(dayjs().add(1, "year"), "day")}
            allowClear={false}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
