import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Form, Input, Modal, Radio, Select, Space, Typography } from "antd";
import { useEffect, useState } from "react";
import { fetchGoalTables } from "../../api/goals/goal-tables";
import {
  linkReviewVisitTable,
  type ReviewVisit,
  type ReviewVisitTable,
  reviewVisitKeys,
} from "../../api/goals/review-visits";
import { GoalStatusTag } from "./status";
import { serverFieldErrors, visitTextRules } from "./visitForm";

interface Values {
  goalTableId: number;
  actedOn: boolean;
  note: string;
}

const FIELDS = ["goalTableId", "actedOn", "note"] as const;
const NOTE_MAX = 500;

/** The department's goal tables of the draw's year whose code or name holds what was typed. */
function useDepartmentTables(visit: ReviewVisit, q: string, enabled: boolean) {
  const [typed, setTyped] = useState(q);
  useEffect(() => {
    const t = setTimeout(() => setTyped(q), 250);
    return () => clearTimeout(t);
  }, [q]);
  return useQuery({
    queryKey: ["goal-tables", "review-link", visit.department.id, visit.fiscalYear, typed],
    queryFn: () =>
      fetchGoalTables({
        year: visit.fiscalYear,
        departmentId: visit.department.id,
        q: typed.trim() || undefined,
        page: 1,
        pageSize: 50,
      }),
    enabled,
  });
}

/**
 * 关联目标表 (link === null): pick one of the department's tables of that year and say whether it acted
 * on the guidance; or 修改落实情况 of a table already linked.
 */
export function VisitLinkModal({
  visit,
  link,
  onClose,
}: {
  visit: ReviewVisit;
  link: ReviewVisitTable | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [general, setGeneral] = useState<string[]>([]);
  const [q, setQ] = useState("");
  const tables = useDepartmentTables(visit, q, link === null);
  const linked = new Set(visit.tables.map((t) => t.goalTableId));

  const save = useMutation({
    mutationFn: (v: Values) =>
      linkReviewVisitTable(visit.id, {
        goalTableId: link ? link.goalTableId : v.goalTableId,
        actedOn: v.actedOn,
        note: v.note?.trim() ? v.note.trim() : null,
      }),
    onSuccess: () => {
      message.success(link ? "已保存落实情况" : "已关联目标表");
      void queryClient.invalidateQueries({ queryKey: reviewVisitKeys.all });
      onClose();
    },
    onError: (e) => {
      const { byField, general } = serverFieldErrors(e, FIELDS);
      setGeneral(general);
      form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
    },
  });

  const options = (tables.data?.rows ?? []).map((t) => ({
    value: t.id,
    disabled: linked.has(t.id),
    label: `${t.subjectCode} ${t.subjectName}`,
    row: t,
  }));

  return (
    <Modal
      open
      title={link ? `落实情况：${link.subjectCode} ${link.subjectName}` : `关联目标表：${visit.department.name}`}
      okText="保存"
      cancelText="取消"
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      width={640}
    >
      {general.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={general.join("；")}
          data-testid="visit-link-error"
        />
      )}
      <Form<Values>
        form={form}
        name="visit-link"
        layout="vertical"
        initialValues={{ actedOn: link?.actedOn, note: link?.note ?? "" }}
        onValuesChange={() => setGeneral([])}
        onFinish={(v) => save.mutate(v)}
      >
        {link === null && (
          <Form.Item
            name="goalTableId"
            label="目标表"
            rules={[{ required: true, message: "请选择要关联的目标表" }]}
            extra={`${visit.department.name}${visit.fiscalYear}年度的目标表（含部门整体和所属单位的项目），可按编码或名称查找`}
          >
            <Select
              showSearch={{ filterOption: false, onSearch: setQ }}
              placeholder="输入项目编码或名称查找"
              loading={tables.isFetching}
              notFoundContent={tables.isFetching ? "正在查找…" : "没有符合条件的目标表"}
              options={options}
              optionRender={(o) => {
                const row = o.data.row;
                return (
                  <Space size={6} wrap style={{ rowGap: 2 }}>
                    <span>{o.data.label}</span>
                    <GoalStatusTag status={row.status} returnedBy={row.returnedBy} />
                    <Typography.Text type="secondary">第{row.revision}版</Typography.Text>
                    {linked.has(row.id) && <Typography.Text type="secondary">（已关联）</Typography.Text>}
                  </Space>
                );
              }}
              data-testid="visit-link-table"
            />
          </Form.Item>
        )}
        <Form.Item
          name="actedOn"
          label="是否落实了指导建议"
          rules={[{ required: true, message: "请选择是否落实了指导建议" }]}
        >
          <Radio.Group
            data-testid="visit-link-acted"
            options={[
              { value: true, label: "已落实" },
              { value: false, label: "未落实" },
            ]}
          />
        </Form.Item>
        <Form.Item name="note" label="说明" rules={visitTextRules("说明", NOTE_MAX)}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            showCount
            maxLength={NOTE_MAX}
            placeholder="如：已将满意度指标单列，产出指标补充了计量单位"
            data-testid="visit-link-note"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
