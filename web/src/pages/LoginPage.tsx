import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { Navigate, useLocation, useNavigate } from "react-router";
import { errorMessage } from "../api/client";
import { login } from "../api/endpoints";
import { qk, useMeQuery } from "../api/hooks";
import { PageSpin } from "../components/PageSpin";
import { PRIMARY } from "../theme";

interface LoginForm {
  username: string;
  password: string;
}

export default function LoginPage() {
  const me = useMeQuery();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const from = (location.state as { from?: string } | null)?.from;

  if (me.isPending) return <PageSpin />;
  if (me.data && !submitting) return <Navigate to="/" replace />;

  const onFinish = async (values: LoginForm) => {
    setError(null);
    setSubmitting(true);
    try {
      const { user } = await login(values.username.trim(), values.password);
      queryClient.clear();
      queryClient.setQueryData(qk.me, user);
      if (user.mustChangePassword) navigate("/profile", { replace: true, state: { mustChange: true } });
      else navigate(from && from !== "/login" ? from : "/", { replace: true });
    } catch (e) {
      setError(errorMessage(e, "登录失败，请稍后重试"));
      setSubmitting(false);
    }
  };

  return (
    <div
      style={{
        minHeight: "100vh",
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        background: `linear-gradient(160deg, #17467f 0%, ${PRIMARY} 45%, #eef2f7 45%)`,
        padding: 16,
      }}
    >
      <Card style={{ width: 400, boxShadow: "0 8px 24px rgba(0,0,0,0.12)" }}>
        <div style={{ textAlign: "center", marginBottom: 24 }}>
          <Typography.Title level={3} style={{ marginBottom: 4 }}>
            绩效 · 预算绩效管理平台
          </Typography.Title>
          <Typography.Text type="secondary">请使用本单位分配的账号登录</Typography.Text>
        </div>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="login-error" />}
        <Form<LoginForm> name="login" layout="vertical" size="large" onFinish={onFinish} requiredMark={false}>
          <Form.Item
            name="username"
            label="用户名"
            rules={[{ required: true, whitespace: true, message: "用户名必填" }]}
          >
            <Input prefix={<UserOutlined />} placeholder="请输入用户名" autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: "密码必填" }]}>
            <Input.Password prefix={<LockOutlined />} placeholder="请输入密码" autoComplete="current-password" />
          </Form.Item>
          <Form.Item style={{ marginBottom: 8 }}>
            <Button type="primary" htmlType="submit" block loading={submitting}>
              登录
            </Button>
          </Form.Item>
        </Form>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0, textAlign: "center" }}>
          忘记密码请联系财政局绩效股重置
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
