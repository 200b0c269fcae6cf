import { EditOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Card, Col, Descriptions, Empty, Input, Row, Skeleton, Space, Table, Tree, Typography } from "antd";
import type { DataNode } from "antd/es/tree";
import { type Key, useMemo, useState } from "react";
import { Link } from "react-router";
import { useOrgTree, useProjects } from "../api/hooks";
import type { OrgNode } from "../api/types";
import { useSession, useYear } from "../auth/session";
import { orgKindLabel } from "../components/labels";
import { OrgFormModal, type OrgFormTarget } from "../components/OrgFormModal";
import { flattenOrgs } from "../components/orgs";
import { PageError } from "../components/PageError";
import { PageTitle } from "../components/PageTitle";
import { count, DASH, wan } from "../format";

function highlight(text: string, q: string) {
  const i = q ? text.indexOf(q) : -1;
  if (i < 0) return text;
  return (
    <>
      {text.slice(0, i)}
      <mark style={{ padding: 0, background: "#ffe58f" }}>{text.slice(i, i + q.length)}</mark>
      {text.slice(i + q.length)}
    </>
  );
}

/** The tree, keeping only nodes that match the search and their ancestors. */
function toTreeData(nodes: OrgNode[], q: string): DataNode[] {
  const out: DataNode[] = [];
  for (const n of nodes) {
    const children = toTreeData(n.children, q);
    const hit = !q || n.name.includes(q) || n.code.includes(q);
    if (!hit && children.length === 0) continue;
    out.push({
      key: n.id,
      title: (
        <span>
          {highlight(n.name, q)}{" "}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {highlight(n.code, q)}
          </Typography.Text>
        </span>
      ),
      children,
    });
  }
  return out;
}

function OrgStats({ org }: { org: OrgNode }) {
  const { year } = useYear();
  const scope = org.kind === "department" ? { departmentId: org.id } : org.kind === "unit" ? { unitId: org.id } : {};
  const q = useProjects({ ...scope, year, page: 1, pageSize: 1 }, org.kind !== "firm");
  if (org.kind === "firm") return null;
  const link =
    org.kind === "department"
      ? `/projects?departmentId=${org.id}`
      : org.kind === "unit"
        ? `/projects?unitId=${org.id}`
        : "/projects";
  return (
    <Descriptions
      size="small"
      bordered
      column={2}
      style={{ marginTop: 16 }}
      items={[
        {
          key: "projects",
          label: `${year}年项目数`,
          children: q.data ? <Link to={link}>{count(q.data.total)} 个</Link> : DASH,
        },
        {
          key: "budget",
          label: "全年预算数",
          children: q.data ? `${wan(q.data.sums.adjustedBudget)} 万元` : DASH,
        },
      ]}
    />
  );
}

export default function OrgsPage() {
  const { me, can } = useSession();
  const tree = useOrgTree();
  const [search, setSearch] = useState("");
  const [selectedId, setSelectedId] = useState<number>(me.org.id);
  const [expanded, setExpanded] = useState<Key[] | null>(null);
  const [modal, setModal] = useState<OrgFormTarget | null>(null);
  const nodes = tree.data?.nodes ?? [];
  const all = useMemo(() => flattenOrgs(nodes), [nodes]);
  const byId = useMemo(() => new Map(all.map((o) => [o.id, o])), [all]);
  const q = search.trim();
  const treeData = useMemo(() => toTreeData(nodes, q), [nodes, q]);
  const selected = byId.get(selectedId) ?? nodes[0];
  const parent = selected?.parentId != null ? byId.get(selected.parentId) : undefined;
  const writable = can("org.write");

  /** Selects an organisation and opens the branches leading to it. */
  const select = (id: number) => {
    const open: number[] = [];
    for (let o = byId.get(id); o?.parentId != null; o = byId.get(o.parentId)) open.push(o.parentId);
    setExpanded((prev) => [...new Set([...(prev ?? nodes.map((n) => n.id)), ...open])]);
    setSelectedId(id);
  };

  if (tree.error) return <PageError error={tree.error} onRetry={() => void tree.refetch()} />;

  // While searching every remaining node is expanded; otherwise the user's own choice (roots open by default).
  const expandedKeys = q ? all.map((o) => o.id) : (expanded ?? nodes.map((n) => n.id));

  return (
    <>
      <PageTitle title="组织机构" sub={`共 ${all.length} 个机构`} />
      <Row gutter={16}>
        <Col xs={24} lg={9} xl={8}>
          <Card size="small" title="机构树">
            <Input.Search
              aria-label="搜索机构"
              placeholder="按名称或编码搜索"
              allowClear
              onChange={(e) => setSearch(e.target.value)}
              style={{ marginBottom: 8 }}
            />
            {tree.isPending ? (
              <Skeleton active />
            ) : treeData.length === 0 ? (
              <Empty description="没有匹配的机构" />
            ) : (
              <Tree
                data-testid="org-tree"
                treeData={treeData}
                height={520}
                blockNode
                selectedKeys={selected ? [selected.id] : []}
                expandedKeys={expandedKeys}
                onExpand={(keys) => setExpanded(keys)}
                onSelect={(keys) => {
                  const k = keys[0];
                  if (k !== undefined) setSelectedId(Number(k));
                }}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={15} xl={16}>
          <Card
            size="small"
            title={selected ? selected.name : "机构信息"}
            data-testid="org-detail"
            extra={
              selected &&
              writable && (
                <Space>
                  {(selected.kind === "department" || selected.kind === "bureau") && (
                    <Button icon={<PlusOutlined />} onClick={() => setModal({ mode: "create", parent: selected })}>
                      {selected.kind === "department" ? "新建预算单位" : "新建主管部门"}
                    </Button>
                  )}
                  <Button
                    type="primary"
                    icon={<EditOutlined />}
                    onClick={() => setModal({ mode: "edit", org: selected })}
                  >
                    编辑
                  </Button>
                </Space>
              )
            }
          >
            {!selected ? (
              <Empty description="请在左侧选择机构" />
            ) : (
              <>
                <Descriptions
                  size="small"
                  bordered
                  column={2}
                  items={[
                    { key: "code", label: "编码", children: selected.code },
                    { key: "name", label: "名称", children: selected.name },
                    { key: "kind", label: "类型", children: orgKindLabel(selected.kind) },
                    { key: "parent", label: "上级", children: parent ? `${parent.name}（${parent.code}）` : DASH },
                    { key: "sector", label: "所属行业", children: selected.sector || DASH },
                    { key: "children", label: "下级机构数", children: `${selected.children.length} 个` },
                    { key: "contact", label: "联系人", children: selected.contactName || DASH },
                    { key: "phone", label: "联系电话", children: selected.contactPhone || DASH },
                  ]}
                />
                <OrgStats org={selected} />
                {selected.children.length > 0 && (
                  <Table<OrgNode>
                    data-testid="org-children"
                    style={{ marginTop: 16 }}
                    title={() => <b>下级机构</b>}
                    rowKey="id"
                    size="small"
                    dataSource={selected.children}
                    pagination={selected.children.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
                    columns={[
                      { title: "编码", dataIndex: "code", width: 120 },
                      {
                        title: "名称",
                        dataIndex: "name",
                        render: (name: string, o) => (
                          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => select(o.id)}>
                            {name}
                          </Button>
                        ),
                      },
                      { title: "类型", dataIndex: "kind", width: 100, render: orgKindLabel },
                      {
                        title: "联系人",
                        dataIndex: "contactName",
                        width: 100,
                        render: (v: string | null) => v || DASH,
                      },
                      {
                        title: "联系电话",
                        dataIndex: "contactPhone",
                        width: 140,
                        render: (v: string | null) => v || DASH,
                      },
                    ]}
                  />
                )}
              </>
            )}
          </Card>
        </Col>
      </Row>
      {modal && (
        <OrgFormModal
          target={modal}
          onClose={(savedId) => {
            setModal(null);
            if (savedId !== undefined) setSelectedId(savedId);
            if (modal.mode === "create")
              setExpanded((prev) => [...new Set([...(prev ?? nodes.map((n) => n.id)), modal.parent.id])]);
          }}
        />
      )}
    </>
  );
}
