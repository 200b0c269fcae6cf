import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, DatePicker, Form, Input, Modal, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { isApiError } from "../../api/client";
import { type ReviewVisit, reviewVisitKeys, saveReviewVisit } from "../../api/goals/review-visits";
import { serverFieldErrors, visitTextRules } from "./visitForm";

interface Values {
  reviewedOn: Dayjs | null;
  findings: string;
  guidance: string;
}

const FIELDS = ["reviewedOn", "findings", "guidance"] as const;
const TEXT_MAX = 5000;

/**
 * 记录会审: the review's date, what it found and the guidance given (several lines each). The date lies
 * between 1 January of the year before and the end of the draw's year, and not after today, as the
 * server checks. A save that someone else's overtook keeps what was typed and shows their text.
 */
export function VisitRecordModal({ visit, onClose }: { visit: ReviewVisit; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [general, setGeneral] = useState<string[]>([]);
  // The version this form edits: the one it opened with, until a conflict shows the newer one.
  const [version, setVersion] = useState(visit.version);
  const [overtaken, setOvertaken] = useState(false);
  const from = dayjs(`${visit.fiscalYear - 1}-01-01`);
  const to = dayjs(`${visit.fiscalYear}-12-31`);

  const save = useMutation({
    mutationFn: ({ v, version }: { v: Values; version: number }) =>
      saveReviewVisit(visit.id, {
        version,
        reviewedOn: v.reviewedOn ? v.reviewedOn.format("YYYY-MM-DD") : null,
        findings: v.findings ?? "",
        guidance: v.guidance ?? "",
      }),
    onSuccess: () => {
      message.success(`已保存${visit.department.name}的会审记录`);
      void queryClient.invalidateQueries({ queryKey: reviewVisitKeys.all });
      onClose();
    },
    onError: (e) => {
      if (isApiError(e) && e.code === "STALE_VERSION") {
        setOvertaken(true);
        setGeneral([]);
        void queryClient.invalidateQueries({ queryKey: reviewVisitKeys.all });
        return;
      }
      const { byField, general } = serverFieldErrors(e, FIELDS);
      setGeneral(general);
      form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
    },
  });

  // When the other save has arrived, this form goes on from its version; what was typed stays.
  const newer = overtaken && visit.version !== version;

  return (
    <Modal
      open
      title={`会审记录：${visit.department.name}（${visit.department.code}）`}
      okText="保存"
      cancelText="取消"
      confirmLoading={save.isPending}
      okButtonProps={{ disabled: overtaken && !newer }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      width={720}
    >
      {general.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={general.join("；")}
          data-testid="visit-record-error"
        />
      )}
      {overtaken && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="visit-record-stale"
          title="这条会审记录刚被他人修改，您的内容尚未保存（仍保留在下方）。"
          description={
            newer ? (
              <>
                <div>对方保存的内容如下；核对后再点“保存”，将以您填写的内容为准。</div>
                <Typography.Paragraph className="jx-visit-text" style={{ margin: "8px 0 0" }}>
                  会审日期：{visit.reviewedOn ?? "未填写"}
                  {"\n"}发现的问题：{visit.findings || "未填写"}
                  {"\n"}指导建议：{visit.guidance || "未填写"}
                </Typography.Paragraph>
              </>
            ) : (
              "正在读取对方保存的内容…"
            )
          }
        />
      )}
      <Form<Values>
        form={form}
        name="visit-record"
        layout="vertical"
        initialValues={{
          reviewedOn: visit.reviewedOn ? dayjs(visit.reviewedOn) : null,
          findings: visit.findings,
          guidance: visit.guidance,
        }}
        onValuesChange={() => setGeneral([])}
        onFinish={(v) => {
          const base = newer ? visit.version : version;
          if (newer) {
            setVersion(base);
            setOvertaken(false);
          }
          save.mutate({ v, version: base });
        }}
      >
        <Form.Item
          name="reviewedOn"
          label="会审日期"
          extra={`${visit.fiscalYear}年度目标表的现场会审，日期应在 ${from.format("YYYY-MM-DD")} 至 ${to.format("YYYY-MM-DD")} 之间，且不晚于今天`}
          rules={[
            {
              validator: (_r, d: Dayjs | null) => {
                if (!d) return Promise.resolve();
                if (d.isAfter(dayjs(), "day"))
                  return Promise.reject(new Error("会审日期晚于今天，请填写实际会审的日期"));
                if (d.isBefore(from, "day") || d.isAfter(to, "day"))
                  return Promise.reject(
                    new Error(`会审日期应在 ${from.format("YYYY-MM-DD")} 至 ${to.format("YYYY-MM-DD")} 之间`),
                  );
                return Promise.resolve();
              },
            },
          ]}
        >
          <DatePicker
            style={{ width: "100%", maxWidth: 220 }}
            placeholder="选择日期"
            disabledDate={(d) => d.isBefore(from, "day") || d.isAfter(to, "day") || d.isAfter(dayjs(), "day")}
            defaultPickerValue={visit.reviewedOn ? dayjs(visit.reviewedOn) : dayjs(`${visit.fiscalYear}-03-01`)}
            data-testid="visit-reviewed-on"
          />
        </Form.Item>
        <Form.Item name="findings" label="发现的问题" rules={visitTextRules("发现的问题", TEXT_MAX)}>
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 12 }}
            showCount
            maxLength={TEXT_MAX}
            placeholder="逐条写明会审中发现的问题，如：部分项目满意度指标列在效益指标下"
            data-testid="visit-findings"
          />
        </Form.Item>
        <Form.Item name="guidance" label="指导建议" rules={visitTextRules("指导建议", TEXT_MAX)}>
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 12 }}
            showCount
            maxLength={TEXT_MAX}
            placeholder="给部门的修改建议，如：满意度指标单列；把“进一步提高”改为可衡量的目标值"
            data-testid="visit-guidance"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
