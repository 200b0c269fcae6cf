import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, DatePicker, Form, List, Modal, Result, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { errorMessage } from "../../api/client";
import {
  type OpenSelfEvalReply,
  openSelfEvaluation,
  type SelfEvalRound,
  selfEvalKeys,
} from "../../api/selfeval/selfeval";
import { count } from "../../format";
import { dueOnProblem } from "./dueOn";
import { SUBJECT_KIND_LABELS } from "./labels";

interface Values {
  dueOn: Dayjs;
}

/**
 * 开启单位自评, or, once open, 调整截止日期/补发: every project and department-wide budget with an approved
 * goal table gets its form and every filler a task; opening again issues the forms of tables approved
 * since and moves the due day. Afterwards it says what was issued and what could not be, by name.
 */
export function OpenSelfEvalModal({
  open,
  year,
  round,
  onClose,
}: {
  open: boolean;
  year: number;
  round: SelfEvalRound | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ r: OpenSelfEvalReply; again: boolean } | null>(null);
  const again = done ? done.again : round !== null;

  const close = () => {
    setDone(null);
    setError(null);
    onClose();
  };

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
      const r = await openSelfEvaluation({ fiscalYear: year, dueOn: v.dueOn.format("YYYY-MM-DD") });
      await queryClient.invalidateQueries({ queryKey: selfEvalKeys.all });
      void message.success(again ? "已调整截止日期并补发" : `已开启${year}年度单位自评`);
      setDone({ r, again });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  if (done)
    return (
      <Modal
        open={open}
        title={again ? "调整截止日期 / 补发" : "开启单位自评"}
        onCancel={close}
        footer={
          <Button type="primary" onClick={close} data-testid="selfeval-open-done">
            知道了
          </Button>
        }
        width={600}
      >
        <OpenResult r={done.r} />
      </Modal>
    );

  return (
    <Modal
      open={open}
      title={again ? "调整截止日期 / 补发自评表" : `开启${year}年度单位自评`}
      okText={again ? "保存并补发" : "开启并下达"}
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={close}
      destroyOnHidden
      okButtonProps={{ "data-testid": "selfeval-open-ok" }}
    >
      <Typography.Paragraph type="secondary">
        {again
          ? "为此后新批复绩效目标表的项目和部门补发自评表，并把尚未完成的自评任务的截止日期改为下面的日期。已生成的自评表不受影响。"
          : "开启后，为每个有已批复绩效目标表的项目和部门整体支出生成自评表（预填预算执行数和绩效目标），向填报单位下达自评任务。评分规则自开启起冻结，不能再改。"}
      </Typography.Paragraph>
      {error && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} data-testid="selfeval-open-error" />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={round ? { dueOn: dayjs(round.dueOn) } : {}}
      >
        <Form.Item
          name="dueOn"
          label="截止日期"
          extra={`填报单位须在此日前提交自评表；须在 ${year + 1} 年内`}
          rules={[
            {
              required: true,
              validator: async (_, v: Dayjs | undefined) => {
                const problem = dueOnProblem(year, v);
                if (problem) throw new Error(problem);
              },
            },
          ]}
        >
          <DatePicker style={{ width: 200 }} data-testid="selfeval-due" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function OpenResult({ r }: { r: OpenSelfEvalReply }) {
  return (
    <div data-testid="selfeval-open-result">
      <Result
        status="success"
        style={{ padding: "8px 0 16px" }}
        title={`本次生成自评表 ${count(r.forms)} 张，下达任务 ${count(r.tasks)} 个`}
        subTitle={`截止日期 ${r.round.dueOn} · 评分规则 ${r.round.rulesVersion} 版（已冻结）`}
      />
      {r.withoutGoals > 0 ? (
        <>
          <Alert
            type="warning"
            showIcon
            title={`另有 ${count(r.withoutGoals)} 个项目或部门没有已批复的绩效目标表，暂不能自评`}
            description="目标表批复后，再点“调整截止日期/补发”即可为其生成自评表。"
            style={{ marginBottom: 8 }}
            data-testid="selfeval-without-goals"
          />
          <List
            size="small"
            bordered
            style={{ maxHeight: 240, overflowY: "auto" }}
            dataSource={r.withoutGoalsSample}
            renderItem={(s) => (
              <List.Item>
                <span>
                  <Tag>{SUBJECT_KIND_LABELS[s.subjectKind]}</Tag>
                  {s.name}
                </span>
                <Typography.Text type="secondary" className="jx-num">
                  {s.code}
                </Typography.Text>
              </List.Item>
            )}
            footer={
              r.withoutGoals > r.withoutGoalsSample.length ? (
                <Typography.Text type="secondary">
                  仅列出前 {r.withoutGoalsSample.length} 个，共 {count(r.withoutGoals)} 个
                </Typography.Text>
              ) : undefined
            }
          />
        </>
      ) : (
        <Alert type="info" showIcon title="所有项目和部门整体支出都已有已批复的绩效目标表。" />
      )}
    </div>
  );
}
