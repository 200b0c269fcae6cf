import { PlusOutlined } from "@ant-design/icons";
import { Badge, Button, Card, Select, Space } from "antd";
import { useState } from "react";
import { ROLE_LABELS, ROLES } from "../../../src/core/roles";
import { USER_SORTS } from "../../../src/core/users";
import { usersExportUrl } from "../api/endpoints";
import { useUsers } from "../api/hooks";
import type { UserFilters, UserRow } from "../api/types";
import { ExportButton } from "../components/list/ExportButton";
import { FilterBar } from "../components/list/FilterBar";
import { ListTable } from "../components/list/ListTable";
import { SearchFilter } from "../components/list/SearchFilter";
import { oneOf, textParam, useListQuery } from "../components/list/useListQuery";
import { PageError } from "../components/PageError";
import { PageTitle } from "../components/PageTitle";
import { ResetPasswordModal } from "../components/ResetPasswordModal";
import { UserFormModal } from "../components/UserFormModal";
import { dateTime } from "../format";

/** The list's filters as the query string holds them. */
const SORTS = USER_SORTS;

const parseFilters = (params: URLSearchParams) => ({
  q: textParam(params.get("q")),
  role: oneOf(ROLES, params.get("role")),
});

export default function UsersPage() {
  const lq = useListQuery({ parse: parseFilters, sorts: SORTS });
  const { filters, update } = lq;
  const query: UserFilters = { ...filters, sort: lq.sort, order: lq.order };
  const [editing, setEditing] = useState<UserRow | null | "new">(null);
  const [resetting, setResetting] = useState<UserRow | null>(null);
  const list = useUsers({ ...query, page: lq.page, pageSize: lq.pageSize });

  if (list.error && !list.data) return <PageError error={list.error} onRetry={() => void list.refetch()} />;

  return (
    <>
      <PageTitle
        title="用户管理"
        extra={
          <Space>
            <ExportButton href={usersExportUrl(query)} testId="user-export" />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")}>
              新建用户
            </Button>
          </Space>
        }
      />
      <FilterBar onReset={lq.reset} canReset={lq.changed}>
        <SearchFilter
          label="搜索用户"
          testId="user-search"
          placeholder="用户名或姓名"
          value={filters.q}
          width={280}
          onSearch={(q) => update({ q })}
        />
        <Select
          aria-label="角色"
          placeholder="全部角色"
          allowClear
          style={{ width: 160 }}
          value={filters.role}
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          onChange={(role?: string) => update({ role })}
        />
      </FilterBar>
      <Card size="small">
        <ListTable<UserRow>
          list={lq}
          data={list.data}
          loading={list.isFetching}
          testId="user-table"
          rowKey="id"
          scroll={{ x: 1000 }}
          empty={{ filtered: "没有符合条件的用户", none: "暂无用户" }}
          columns={[
            { title: "用户名", dataIndex: "username", width: 140, ...lq.sortable("username") },
            { title: "姓名", dataIndex: "displayName", width: 120, ...lq.sortable("displayName") },
            {
              title: "角色",
              dataIndex: "roleLabel",
              width: 120,
              render: (l: string, u) => l || ROLE_LABELS[u.role],
              ...lq.sortable("role"),
            },
            { title: "所属单位", dataIndex: ["org", "name"], ellipsis: true, ...lq.sortable("org") },
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
              ...lq.sortable("lastLoginAt"),
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
