import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Form, Input, Modal, Switch } from "antd";
import { useState } from "react";
import { MAX_AMOUNT_FEN } from "../../../../src/core/imports/spec";
import { fenToYuan, parseYuan } from "../../../../src/core/money";
import { errorMessage, isApiError } from "../../api/client";
import {
  type BudgetRequestRow,
  budgetRequestKeys,
  createBudgetRequest,
  updateBudgetRequest,
} from "../../api/results/requests";
import { STALE_MESSAGE } from "../OrgFormModal";

/** A new request of the budget year, or an existing one to edit. */
export type RequestFormTarget = { mode: "create"; budgetYear: number } | { mode: "edit"; row: BudgetRequestRow };

interface Values {
  projectCode?: string;
  amount: string;
  rigid: boolean;
}

const CODE_RE = /^[A-Za-z0-9_-]+$/;

/** The amount as typed, in fen, or why it is not one (the server's rules: whole fen, not negative, ≤ 100亿元). */
export function amountIssue(text: string | undefined): string | null {
  if (!text || text.trim() === "") return "请填写申请金额";
  const fen = parseYuan(text);
  if (fen === null) return "申请金额须为数字（元），最多两位小数";
  if (fen < 0) return "申请金额不能为负数";
  if (fen > MAX_AMOUNT_FEN) return "申请金额超过单笔上限100亿元，请核对金额单位和位数";
  return null;
}

/**
 * 新增 / 修改下年度预算申请: the project's code (new requests only; it must be a project of the year before),
 * the amount in 元 and the 刚性支出 mark. The server checks the same and names the field when it refuses.
 */
export function RequestFormModal({ target, onClose }: { target: RequestFormTarget; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const creating = target.mode === "create";
  const budgetYear = creating ? target.budgetYear : target.row.budgetYear;

  const save = useMutation({
    mutationFn: (v: Values) => {
      const amount = parseYuan(v.amount) ?? 0;
      if (target.mode === "edit")
        return updateBudgetRequest(target.row.id, { version: target.row.version, amount, rigid: v.rigid });
      return createBudgetRequest({ budgetYear, projectCode: (v.projectCode ?? "").trim(), amount, rigid: v.rigid });
    },
    onSuccess: (row) => {
      message.success(creating ? `已添加“${row.project.name}”的预算申请` : "已保存");
      void queryClient.invalidateQueries({ queryKey: budgetRequestKeys.all });
      onClose();
    },
    onError: (e) => {
      if (isApiError(e) && e.code === "STALE_VERSION") {
        message.error({ content: STALE_MESSAGE, duration: 6 });
        void queryClient.invalidateQueries({ queryKey: budgetRequestKeys.all });
        onClose();
        return;
      }
      const field = isApiError(e) ? (e.details as { field?: string } | undefined)?.field : undefined;
      if (field === "projectCode" || field === "amount") form.setFields([{ name: field, errors: [errorMessage(e)] }]);
      else setError(errorMessage(e));
    },
  });

  const initial: Values =
    target.mode === "edit"
      ? { amount: fenToYuan(target.row.amount), rigid: target.row.rigid }
      : { projectCode: "", amount: "", rigid: false };

  return (
    <Modal
      open
      title={creating ? `新增${budgetYear}年度预算申请` : `修改预算申请：${target.row.project.name}`}
      okText={creating ? "添加" : "保存"}
      cancelText="取消"
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
      data-testid="request-form"
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={
          creating
            ? `项目须为${budgetYear - 1}年度已有的项目；没有绩效结果的新增项目不列入预算申请。`
            : `${target.row.project.code} · ${target.row.unit.name}（${target.row.department.name}）`
        }
      />
      {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} data-testid="request-error" />}
      <Form<Values>
        form={form}
        name="budget-request"
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => {
          setError(null);
          save.mutate(v);
        }}
      >
        {creating && (
          <Form.Item
            name="projectCode"
            label="项目编码"
            rules={[
              { required: true, whitespace: true, message: "请填写项目编码" },
              { max: 40, message: "项目编码最长40位" },
              { pattern: CODE_RE, message: "项目编码只能包含字母、数字、“-”和“_”" },
            ]}
          >
            <Input placeholder={`${budgetYear - 1}年度项目的编码`} aria-label="项目编码" autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item
          name="amount"
          label="申请金额（元）"
          required
          rules={[
            {
              validator: (_, v: string | undefined) => {
                const issue = amountIssue(v);
                return issue ? Promise.reject(new Error(issue)) : Promise.resolve();
              },
            },
          ]}
        >
          <Input placeholder="如 1,280,000.00" aria-label="申请金额（元）" inputMode="decimal" autoComplete="off" />
        </Form.Item>
        <Form.Item name="rigid" label="刚性支出" valuePropName="checked">
          <Switch checkedChildren="是" unCheckedChildren="否" aria-label="刚性支出" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
