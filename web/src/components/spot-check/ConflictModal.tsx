import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Form, Input, Modal, Select, Typography } from "antd";
import { useMemo } from "react";
import { errorMessage, isApiError } from "../../api/client";
import { useOrgTree } from "../../api/hooks";
import { addReviewConflict, type ReviewFirm, reviewKeys } from "../../api/review/review";
import { OrgTreeSelect } from "../OrgTreeSelect";
import { flattenOrgs } from "../orgs";

interface Values {
  reviewerId: number | "firm";
  orgId: number;
  reason: string;
}

const ORG_KINDS = ["department", "unit"] as const;

/**
 * 登记回避关系: the firm as a whole, or one of its reviewers, must not review a department (with its
 * units) or a unit, with the reason. Assignment then never gives them its forms.
 */
export function ConflictModal({ firm, onClose }: { firm: ReviewFirm; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const tree = useOrgTree();
  const codes = useMemo(() => new Map(flattenOrgs(tree.data?.nodes ?? []).map((o) => [o.id, o])), [tree.data]);
  const add = useMutation({
    mutationFn: (v: Values) =>
      addReviewConflict({
        firmId: firm.id,
        reviewerId: v.reviewerId === "firm" ? null : v.reviewerId,
        orgCode: codes.get(v.orgId)?.code ?? "",
        reason: v.reason,
      }),
    onSuccess: async (c) => {
      await queryClient.invalidateQueries({ queryKey: reviewKeys.firms });
      void message.success(`已登记：${c.reviewer?.name ?? firm.name}回避${c.org.name}`);
      onClose();
    },
    onError: (e) => {
      const field = isApiError(e) ? (e.details as { field?: string } | undefined)?.field : undefined;
      const name =
        field === "orgCode" ? "orgId" : field === "reviewerId" ? "reviewerId" : field === "reason" ? "reason" : null;
      if (name) form.setFields([{ name, errors: [errorMessage(e)] }]);
    },
  });
  const general = add.error && !(isApiError(add.error) && (add.error.details as { field?: string } | undefined)?.field);
  return (
    <Modal
      open
      title={`登记回避关系：${firm.name}`}
      okText="登记"
      cancelText="取消"
      confirmLoading={add.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      okButtonProps={{ "data-testid": "conflict-ok" }}
    >
      <Typography.Paragraph type="secondary">
        登记后分配复核时不会把该部门（含所属单位）或单位的自评表分给须回避的机构或人员；已分配的请在复核任务中改派。
      </Typography.Paragraph>
      {general && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorMessage(add.error)} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ reviewerId: "firm", reason: "" }}
        onFinish={(v) => add.mutate(v)}
      >
        <Form.Item name="reviewerId" label="须回避的" rules={[{ required: true }]}>
          <Select
            data-testid="conflict-reviewer"
            options={[
              { value: "firm", label: `整个机构（${firm.name}）` },
              ...firm.reviewers.map((r) => ({ value: r.id, label: `复核人员：${r.name}（${r.username}）` })),
            ]}
          />
        </Form.Item>
        <Form.Item
          name="orgId"
          label="回避的主管部门或单位"
          rules={[{ required: true, message: "请选择主管部门或单位" }]}
        >
          <OrgTreeSelect kind={ORG_KINDS} testId="conflict-org" />
        </Form.Item>
        <Form.Item
          name="reason"
          label="回避原因"
          rules={[
            { required: true, whitespace: true, message: "请填写回避原因（如：本机构为该单位提供审计服务）" },
            { max: 200, message: "回避原因不能超过 200 字" },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={200}
            showCount
            placeholder="如：本机构为该单位提供审计服务；该人员曾任该单位财务顾问"
            data-testid="conflict-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
