import { useMutation } from "@tanstack/react-query";
import { Alert, App, Form, Input, Modal } from "antd";
import { useState } from "react";
import { errorMessage } from "../api/client";
import { resetUserPassword } from "../api/endpoints";
import type { UserRow } from "../api/types";
import { confirmRules, PASSWORD_HINT, passwordRules } from "./passwordRules";

export function ResetPasswordModal({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const [form] = Form.useForm<{ password: string; confirm: string }>();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const reset = useMutation({
    mutationFn: (password: string) => resetUserPassword(user.id, password),
    onSuccess: () => {
      message.success(`已重置 ${user.displayName} 的密码，请通知其登录后修改`);
      onClose();
    },
    onError: (e) => setError(errorMessage(e)),
  });
  return (
    <Modal
      open
      title={`重置密码：${user.displayName}（${user.username}）`}
      okText="重置"
      cancelText="取消"
      confirmLoading={reset.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="重置后该用户须使用新密码登录。" />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        name="reset-password"
        layout="vertical"
        onFinish={(v) => {
          setError(null);
          reset.mutate(v.password);
        }}
      >
        <Form.Item name="password" label="新密码" extra={PASSWORD_HINT} rules={passwordRules("新密码")}>
          <Input.Password autoComplete="new-password" autoFocus />
        </Form.Item>
        <Form.Item name="confirm" label="确认新密码" dependencies={["password"]} rules={confirmRules("password")}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
