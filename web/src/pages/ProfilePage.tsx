import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Descriptions, Form, Input } from "antd";
import { useState } from "react";
import { useLocation, useNavigate } from "react-router";
import { errorMessage } from "../api/client";
import { changePassword } from "../api/endpoints";
import { qk } from "../api/hooks";
import { useSession } from "../auth/session";
import { PageTitle } from "../components/PageTitle";
import { confirmRules, PASSWORD_HINT, passwordRules } from "../components/passwordRules";

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export default function ProfilePage() {
  const { me } = useSession();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const forced = me.mustChangePassword || (location.state as { mustChange?: boolean } | null)?.mustChange;

  const change = useMutation({
    mutationFn: (v: Values) => changePassword(v.currentPassword, v.newPassword),
    onSuccess: async () => {
      message.success("密码已修改");
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: qk.me });
      if (me.mustChangePassword) navigate("/", { replace: true });
    },
    onError: (e) => setError(errorMessage(e)),
  });

  return (
    <>
      <PageTitle title="修改密码" />
      {forced && me.mustChangePassword && (
        <Alert
          type="warning"
          showIcon
          data-testid="must-change-password"
          style={{ marginBottom: 16, maxWidth: 640 }}
          title="首次登录或密码已被重置，请先修改密码后再使用系统。"
        />
      )}
      <Card size="small" style={{ maxWidth: 640, marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={2}
          items={[
            { key: "u", label: "用户名", children: me.username },
            { key: "n", label: "姓名", children: me.displayName },
            { key: "r", label: "角色", children: me.roleLabel },
            { key: "o", label: "所属单位", children: me.org.name },
          ]}
        />
      </Card>
      <Card size="small" title="修改登录密码" style={{ maxWidth: 640 }}>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form<Values>
          form={form}
          name="password"
          layout="vertical"
          onFinish={(v) => {
            setError(null);
            change.mutate(v);
          }}
        >
          <Form.Item name="currentPassword" label="当前密码" rules={[{ required: true, message: "当前密码必填" }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label="新密码"
            extra={PASSWORD_HINT}
            dependencies={["currentPassword"]}
            rules={[
              ...passwordRules("新密码"),
              ({ getFieldValue }) => ({
                validator: (_r, v: string | undefined) =>
                  v && v === getFieldValue("currentPassword")
                    ? Promise.reject(new Error("新密码不能与当前密码相同"))
                    : Promise.resolve(),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label="确认新密码"
            dependencies={["newPassword"]}
            rules={confirmRules("newPassword")}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            确认修改
          </Button>
        </Form>
      </Card>
    </>
  );
}
