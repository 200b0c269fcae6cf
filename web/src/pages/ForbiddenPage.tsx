import { Button, Result } from "antd";
import { useNavigate } from "react-router";

export default function ForbiddenPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="无权访问"
      subTitle="您的账号没有使用此页面的权限。如需开通，请联系财政局系统管理员。"
      extra={
        <Button type="primary" onClick={() => navigate("/")}>
          返回首页
        </Button>
      }
    />
  );
}
