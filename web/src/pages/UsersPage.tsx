import { PlusOutlined } from "@ant-design/icons";
import { Badge, Button, Card, Input, Select, Space, Table } from "antd";
import { useState } from "react";
import { ROLE_LABELS, ROLES } from "../../../src/core/roles";
import { useUsers } from "../api/hooks";
import type { UserRow } from "../api/types";
import { PageError } from "../components/PageError";
import { PageTitle } from "../components/PageTitle";
import { ResetPasswordModal } from "../components/ResetPasswordModal";
import { UserFormModal } from "../components/UserFormModal";
import { dateTime } from "../format";

export default function UsersPage() {
  const [filters, setFilters] = useState<{ q?: string; role?: string; page: number; pageSize: number }>({
    page: 1,
    pageSize: 20,
  });
  const [editing, setEditing] = useState<UserRow | null | "new">(null);
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const list = useUsers(filters);

  if (list.error && !list.data) return <PageError error={list.error} onRetry={() => void list.refetch()} />;

  return (
    <>
      <PageTitle
        title="用户管理"
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
            新建用户
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          <Input.Search
            aria-label="搜索用户"
            placeholder="用户名或姓名"
            allowClear
            enterButton="查询"
            style={{ width: 280 }}
            onSearch={(v) => setFilters((f) => ({ ...f, q: v.trim() || undefined, page: 1 }))}
          />
          <Select
            aria-label="角色"
            placeholder="全部角色"
            allowClear
            style={{ width: 160 }}
            value={filters.role}
            options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            onChange={(role?: string) => setFilters((f) => ({ ...f, role, page: 1 }))}
          />
        </Space>
      </Card>
      <Card size="small">
        <Table<UserRow>
          data-testid="user-table"
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={list.data?.rows}
          scroll={{ x: 1000 }}
          pagination={{
            current: filters.page,
            pageSize: filters.pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (t) => `共 ${t} 条`,
            onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
          }}
          columns={[
            { title: "用户名", dataIndex: "username", width: 140 },
            { title: "姓名", dataIndex: "displayName", width: 120 },
            { title: "角色", dataIndex: "roleLabel", width: 120, render: (l: string, u) => l || ROLE_LABELS[u.role] },
            { title: "所属单位", dataIndex: ["org", "name"], ellipsis: true },
            {
              title: "状态",
              dataIndex: "active",
              width: 80,
              render: (a: boolean) =>
                a ? <Badge status="success" text="启用" /> : <Badge status="default" text="停用" />,
            },
            {
              title: "最近登录",
              dataIndex: "lastLoginAt",
              width: 170,
              render: (t: string | null) => (t ? dateTime(t) : "从未登录"),
            },
            {
              title: "操作",
              key: "ops",
              width: 150,
              fixed: "right",
              render: (_: unknown, u) => (
                <Space size={4}>
                  <Button type="link" size="small" onClick={() => setEditing(u)}>
                    编辑
                  </Button>
                  <Button type="link" size="small" onClick={() => setResetting(u)}>
                    重置密码
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing && <UserFormModal user={editing === "new" ? null : editing} onClose={() => setEditing(null)} />}
      {resetting && <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />}
    </>
  );
}
