import { DeleteOutlined, PlusOutlined, UserOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Empty, Popconfirm, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { errorMessage } from "../../api/client";
import {
  type ReviewConflict,
  type ReviewFirm,
  removeReviewConflict,
  reviewKeys,
  useReviewFirms,
} from "../../api/review/review";
import { PageError } from "../../components/PageError";
import { PageTitle } from "../../components/PageTitle";
import { useIsPhone } from "../../components/phone/useIsPhone";
import { ConflictModal } from "../../components/spot-check/ConflictModal";
import { dateTime } from "../../format";

/** The conflicts of one firm, each removable after a confirmation. */
function ConflictTable({ firm }: { firm: ReviewFirm }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const phone = useIsPhone();
  const remove = useMutation({
    mutationFn: (c: ReviewConflict) => removeReviewConflict(c.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: reviewKeys.firms });
      void message.success("已删除回避关系");
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const removeButton = (c: ReviewConflict) => (
    <Popconfirm
      title="删除这条回避关系？"
      description={`删除后，${c.reviewer?.name ?? firm.name}可以被分配${c.org.name}的自评表。`}
      okText="删除"
      okButtonProps={{ danger: true, "data-testid": "conflict-remove-ok" }}
      cancelText="取消"
      onConfirm={() => remove.mutateAsync(c).catch(() => undefined)}
    >
      <Button size="small" type="link" danger icon={<DeleteOutlined />} data-testid="conflict-remove">
        删除
      </Button>
    </Popconfirm>
  );
  const orgText = (c: ReviewConflict) => (
    <>
      {c.org.name}
      <Typography.Text type="secondary" className="jx-num" style={{ marginLeft: 6, fontSize: 12 }}>
        {c.org.code}
      </Typography.Text>
      {!c.org.path.includes("/") && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          （含所属单位）
        </Typography.Text>
      )}
    </>
  );
  if (phone)
    return (
      <div data-testid={`conflicts-${firm.code}`}>
        {firm.conflicts.length === 0 && <Typography.Text type="secondary">没有登记回避关系</Typography.Text>}
        {firm.conflicts.map((c) => (
          <div
            key={c.id}
            style={{ marginBottom: 8, padding: "8px 12px", border: "1px solid #e5e8ed", borderRadius: 6 }}
          >
            <div>
              <b>{c.reviewer ? c.reviewer.name : "整个机构"}</b> 回避 {orgText(c)}
            </div>
            <div style={{ fontSize: 12, color: "rgba(0,0,0,0.65)" }}>
              {c.reason} · {dateTime(c.createdAt).slice(0, 10)}
            </div>
            <div style={{ textAlign: "right" }}>{removeButton(c)}</div>
          </div>
        ))}
      </div>
    );
  return (
    <Table<ReviewConflict>
      size="small"
      rowKey="id"
      dataSource={firm.conflicts}
      pagination={false}
      data-testid={`conflicts-${firm.code}`}
      scroll={{ x: 680 }}
      locale={{ emptyText: "没有登记回避关系" }}
      columns={[
        {
          title: "须回避的",
          key: "who",
          width: 150,
          render: (_, c) => (c.reviewer ? c.reviewer.name : <Tag>整个机构</Tag>),
        },
        {
          title: "部门或单位",
          key: "org",
          width: 220,
          render: (_, c) => orgText(c),
        },
        { title: "回避原因", dataIndex: "reason" },
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
          render: (_, c) => removeButton(c),
        },
      ]}
    />
  );
}

function FirmCard({ firm, onAdd }: { firm: ReviewFirm; onAdd: () => void }) {
  const active = firm.reviewers.filter((r) => r.active);
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid={`firm-${firm.code}`}
      title={
        <span style={{ whiteSpace: "normal" }}>
          {firm.name}
          <Typography.Text type="secondary" className="jx-num" style={{ marginLeft: 8, fontSize: 12, fontWeight: 400 }}>
            {firm.code}
          </Typography.Text>
        </span>
      }
    >
      <div style={{ marginBottom: 12 }}>
        <Typography.Text strong>复核人员（{active.length} 人可分配）</Typography.Text>
        <div style={{ marginTop: 6, display: "flex", flexWrap: "wrap", gap: 6 }} data-testid={`reviewers-${firm.code}`}>
          {firm.reviewers.length === 0 ? (
            <Typography.Text type="secondary">
              还没有复核人员账号：请在<Link to="/users">用户管理</Link>
              中新增角色为“第三方机构”、所属单位为本机构的账号。
            </Typography.Text>
          ) : (
            firm.reviewers.map((r) => (
              <Tag key={r.id} icon={<UserOutlined />} color={r.active ? "blue" : undefined}>
                {r.name}（{r.username}）{r.active ? "" : " · 已停用"}
              </Tag>
            ))
          )}
        </div>
      </div>
      <div style={{ display: "flex", alignItems: "center", gap: 8, marginBottom: 8, flexWrap: "wrap" }}>
        <Typography.Text strong>回避关系（{firm.conflicts.length}）</Typography.Text>
        <div style={{ flex: 1 }} />
        <Button size="small" icon={<PlusOutlined />} onClick={onAdd} data-testid={`conflict-add-${firm.code}`}>
          登记回避关系
        </Button>
      </div>
      <ConflictTable firm={firm} />
    </Card>
  );
}

/**
 * 第三方机构与回避 (finance): the firms of the registry with their reviewers (accounts of role 第三方机构), and
 * the conflicts declared for each: who must stand aside from which department or unit, and why.
 */
export default function ReviewFirmsPage() {
  const firms = useReviewFirms();
  const [adding, setAdding] = useState<ReviewFirm | null>(null);
  if (firms.error && !firms.data) return <PageError error={firms.error} onRetry={() => void firms.refetch()} />;
  const list = firms.data ?? [];
  return (
    <>
      <PageTitle
        title="第三方机构与回避"
        sub="复核人员与回避关系"
        extra={
          <Space wrap>
            <Link to="/orgs">
              <Button>新增机构（组织机构）</Button>
            </Link>
            <Link to="/users">
              <Button>新增复核人员（用户管理）</Button>
            </Link>
          </Space>
        }
      />
      <Typography.Paragraph type="secondary">
        第三方机构是组织机构中类型为“第三方机构”的单位，其账号即复核人员。回避关系登记后，分配复核时自动避开；
        登记在部门上的，对其所属单位同样回避。
      </Typography.Paragraph>
      {firms.isPending ? (
        <Card loading size="small" />
      ) : list.length === 0 ? (
        <Card size="small">
          <Empty description="还没有第三方机构：请先在“组织机构”中新增类型为“第三方机构”的单位" />
        </Card>
      ) : (
        list.map((f) => <FirmCard key={f.id} firm={f} onAdd={() => setAdding(f)} />)
      )}
      {adding && <ConflictModal firm={adding} onClose={() => setAdding(null)} />}
    </>
  );
}
