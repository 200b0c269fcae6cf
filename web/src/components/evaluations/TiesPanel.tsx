import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Form, Input, InputNumber, Popconfirm, Select, Table, Typography } from "antd";
import { errorMessage } from "../../api/client";
import { addTie, type EvaluationTie, expertKeys, removeTie, useTies } from "../../api/evaluations/experts";
import { useYear } from "../../auth/session";
import { dateTime } from "../../format";
import { OrgTreeSelect } from "../OrgTreeSelect";

export const TIE_KIND_LABELS: Record<EvaluationTie["kind"], string> = { evaluated: "曾评价", advised: "曾提供咨询" };

interface Values {
  orgId: number;
  kind: EvaluationTie["kind"];
  fiscalYear: number;
  note: string;
}

const ORG_KINDS = ["department", "unit"] as const;

/**
 * The declared ties (回避) of one expert or one firm: the departments and units they evaluated or advised in a
 * year, which their evaluations must avoid for the 回避年限; added and removed here, each audited.
 */
export function TiesPanel({ owner, who }: { owner: { expertId: number } | { firmId: number }; who: string }) {
  const { year } = useYear();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const ties = useTies(owner);
  const refresh = () => queryClient.invalidateQueries({ queryKey: expertKeys.ties(owner) });
  const add = useMutation({
    mutationFn: (v: Values) =>
      addTie({
        expertId: "expertId" in owner ? owner.expertId : null,
        firmId: "firmId" in owner ? owner.firmId : null,
        orgId: v.orgId,
        kind: v.kind,
        fiscalYear: v.fiscalYear,
        note: (v.note ?? "").trim(),
      }),
    onSuccess: async (t) => {
      await refresh();
      void message.success(`已登记：${who}${TIE_KIND_LABELS[t.kind]}${t.org.name}（${t.fiscalYear}年）`);
      form.resetFields(["orgId", "note"]);
    },
  });
  const remove = useMutation({
    mutationFn: (t: EvaluationTie) => removeTie(t.id),
    onSuccess: async () => {
      await refresh();
      void message.success("已删除回避关系");
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  return (
    <div data-testid="ties-panel">
      <Table<EvaluationTie>
        size="small"
        rowKey="id"
        pagination={false}
        loading={ties.isPending}
        dataSource={ties.data?.rows ?? []}
        scroll={{ x: 640 }}
        data-testid="ties-table"
        locale={{ emptyText: "没有登记回避关系" }}
        columns={[
          {
            title: "部门或单位",
            key: "org",
            render: (_, t) => (
              <>
                {t.org.name}
                <Typography.Text type="secondary" className="jx-num" style={{ marginLeft: 6, fontSize: 12 }}>
                  {t.org.code}
                </Typography.Text>
                {!t.org.path.includes("/") && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    （含所属单位）
                  </Typography.Text>
                )}
              </>
            ),
          },
          { title: "关系", dataIndex: "kind", width: 100, render: (k: EvaluationTie["kind"]) => TIE_KIND_LABELS[k] },
          { title: "年度", dataIndex: "fiscalYear", width: 70 },
          { title: "说明", dataIndex: "note", render: (v: string) => v || "—" },
          {
            title: "登记时间",
            dataIndex: "createdAt",
            width: 100,
            render: (v: string) => <span className="jx-num">{dateTime(v).slice(0, 10)}</span>,
          },
          {
            title: "",
            key: "remove",
            width: 70,
            render: (_, t) => (
              <Popconfirm
                title="删除这条回避关系？"
                description={`删除后，${who}可以参加评价${t.org.name}的项目（回避年限内的评价组记录仍会自动识别）。`}
                okText="删除"
                okButtonProps={{ danger: true, "data-testid": "tie-remove-ok" }}
                cancelText="取消"
                onConfirm={() => remove.mutateAsync(t).catch(() => undefined)}
              >
                <Button size="small" type="link" danger icon={<DeleteOutlined />} data-testid="tie-remove">
                  删除
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        登记回避关系
      </Typography.Title>
      {add.error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorMessage(add.error)} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: "evaluated", fiscalYear: year, note: "" }}
        onFinish={(v) => add.mutate(v)}
      >
        <Form.Item name="orgId" label="部门或单位" rules={[{ required: true, message: "请选择部门或单位" }]}>
          <OrgTreeSelect kind={ORG_KINDS} testId="tie-org" />
        </Form.Item>
        <div style={{ display: "flex", gap: 12, flexWrap: "wrap" }}>
          <Form.Item name="kind" label="关系" rules={[{ required: true }]}>
            <Select
              style={{ width: 150 }}
              options={Object.entries(TIE_KIND_LABELS).map(([value, label]) => ({ value, label }))}
              data-testid="tie-kind"
            />
          </Form.Item>
          <Form.Item
            name="fiscalYear"
            label="年度"
            rules={[{ required: true, type: "number", min: 2000, max: 2100, message: "2000—2100" }]}
          >
            <InputNumber min={2000} max={2100} precision={0} style={{ width: 110 }} data-testid="tie-year" />
          </Form.Item>
        </div>
        <Form.Item name="note" label="说明" rules={[{ max: 200, message: "说明不能超过 200 字" }]}>
          <Input maxLength={200} placeholder="如：参加该局2023年项目绩效评价" data-testid="tie-note" />
        </Form.Item>
        <Button type="primary" icon={<PlusOutlined />} htmlType="submit" loading={add.isPending} data-testid="tie-add">
          登记
        </Button>
      </Form>
    </div>
  );
}
