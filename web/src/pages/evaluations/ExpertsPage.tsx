import { EditOutlined, PlusOutlined, SafetyCertificateOutlined, StopOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Drawer, Popconfirm, Select, Space, Tabs, Tag, Typography } from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router";
import { errorMessage } from "../../api/client";
import {
  type Expert,
  type ExpertFilters,
  expertKeys,
  expertsXlsxUrl,
  updateExpert,
  useExperts,
} from "../../api/evaluations/experts";
import { useOrgTree } from "../../api/hooks";
import { ExpertModal } from "../../components/evaluations/ExpertModal";
import { TiesPanel } from "../../components/evaluations/TiesPanel";
import { ExportButton } from "../../components/list/ExportButton";
import { FilterBar } from "../../components/list/FilterBar";
import { ListTable } from "../../components/list/ListTable";
import { SearchFilter } from "../../components/list/SearchFilter";
import { flagParam, textParam, useListQuery } from "../../components/list/useListQuery";
import { OrgTreeSelect } from "../../components/OrgTreeSelect";
import { flattenOrgs } from "../../components/orgs";
import { PageError } from "../../components/PageError";
import { PageTitle } from "../../components/PageTitle";

const parse = (p: URLSearchParams): ExpertFilters => ({
  q: textParam(p.get("q")),
  field: textParam(p.get("field")),
  active: flagParam(p.get("active")),
});

/** 停用 / 启用: the same record with active flipped (a deactivated expert joins no new team). */
function ActiveButton({ expert }: { expert: Expert }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const flip = useMutation({
    mutationFn: () =>
      updateExpert(expert.id, {
        name: expert.name,
        employer: expert.employer,
        employerOrgId: expert.employerOrg?.id ?? null,
        title: expert.title,
        fields: expert.fields,
        phone: expert.phone,
        userId: expert.user?.id ?? null,
        active: !expert.active,
        version: expert.version,
      }),
    onSuccess: async (e) => {
      await queryClient.invalidateQueries({ queryKey: expertKeys.all });
      void message.success(e.active ? `已启用专家 ${e.name}` : `已停用专家 ${e.name}`);
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  if (!expert.active)
    return (
      <Button size="small" type="link" loading={flip.isPending} onClick={() => flip.mutate()}>
        启用
      </Button>
    );
  return (
    <Popconfirm
      title={`停用专家 ${expert.name}？`}
      description="停用后不能再加入新的评价组；已参加的评价不受影响，可随时重新启用。"
      okText="停用"
      okButtonProps={{ danger: true, "data-testid": "expert-deactivate-ok" }}
      cancelText="取消"
      onConfirm={() => flip.mutateAsync().catch(() => undefined)}
    >
      <Button size="small" type="link" danger icon={<StopOutlined />} data-testid="expert-deactivate">
        停用
      </Button>
    </Popconfirm>
  );
}

function ExpertList() {
  const list = useListQuery<ExpertFilters>({ parse });
  const { filters, page, pageSize, update } = list;
  const experts = useExperts({ ...filters, page, pageSize });
  const [editing, setEditing] = useState<Expert | "new" | null>(null);
  const [tiesOf, setTiesOf] = useState<Expert | null>(null);
  if (experts.error && !experts.data) return <PageError error={experts.error} onRetry={() => void experts.refetch()} />;
  const actions = (e: Expert) => (
    <Space size={0} wrap>
      <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(e)} data-testid="expert-edit">
        修改
      </Button>
      <Button
        size="small"
        type="link"
        icon={<SafetyCertificateOutlined />}
        onClick={() => setTiesOf(e)}
        data-testid="expert-ties"
      >
        回避关系
      </Button>
      <ActiveButton expert={e} />
    </Space>
  );
  const fieldTags = (fields: readonly string[]) => (
    <Space size={[4, 4]} wrap>
      {fields.map((f) => (
        <Tag key={f} style={{ marginInlineEnd: 0 }}>
          {f}
        </Tag>
      ))}
    </Space>
  );
  return (
    <>
      <div style={{ display: "flex", marginBottom: 12 }}>
        <div style={{ flex: 1 }} />
        <Space wrap>
          <ExportButton href={expertsXlsxUrl(filters)} testId="experts-export" />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing("new")} data-testid="expert-new">
            专家入库
          </Button>
        </Space>
      </div>
      <FilterBar onReset={list.reset} canReset={list.changed}>
        <SearchFilter
          value={filters.q}
          onSearch={(q) => update({ q })}
          label="姓名或工作单位"
          placeholder="姓名或工作单位"
          testId="expert-search"
          width={240}
        />
        <SearchFilter
          value={filters.field}
          onSearch={(field) => update({ field })}
          label="专业领域"
          placeholder="专业领域全称，如：教育"
          testId="expert-field-filter"
          width={220}
        />
        <Select
          aria-label="状态"
          style={{ width: 120 }}
          value={filters.active === undefined ? "all" : String(filters.active)}
          onChange={(v) => update({ active: v === "all" ? undefined : v })}
          options={[
            { value: "all", label: "全部状态" },
            { value: "true", label: "在用" },
            { value: "false", label: "已停用" },
          ]}
          data-testid="expert-active-filter"
        />
      </FilterBar>
      <ListTable<Expert>
        list={list}
        data={experts.data}
        loading={experts.isFetching}
        testId="experts-table"
        rowKey="id"
        scroll={{ x: 1000 }}
        empty={{ filtered: "没有符合条件的专家", none: "专家库还是空的：点“专家入库”添加" }}
        card={(e) => ({
          title: e.name,
          tag: e.active ? <Tag color="green">在用</Tag> : <Tag>已停用</Tag>,
          fields: [
            { label: "工作单位", value: e.employer || "—" },
            { label: "职称", value: e.title || "—" },
            { label: "专业领域", value: e.fields.join("、") },
            { label: "评分账号", value: e.user ? e.user.username : "未关联" },
          ],
          extra: actions(e),
        })}
        columns={[
          { title: "姓名", dataIndex: "name", width: 100, fixed: "left" },
          {
            title: "工作单位",
            key: "employer",
            width: 220,
            render: (_, e) => (
              <>
                {e.employer || "—"}
                {e.employerOrg && (
                  <div style={{ fontSize: 12 }}>
                    <Typography.Text type="secondary">回避：{e.employerOrg.name}</Typography.Text>
                  </div>
                )}
              </>
            ),
          },
          { title: "职称", dataIndex: "title", width: 120, render: (v: string) => v || "—" },
          { title: "专业领域", dataIndex: "fields", render: (v: string[]) => fieldTags(v) },
          { title: "联系电话", dataIndex: "phone", width: 130, render: (v: string) => v || "—" },
          {
            title: "评分账号",
            key: "user",
            width: 150,
            render: (_, e) =>
              e.user ? (
                <>
                  {e.user.name}
                  <Typography.Text type="secondary" style={{ marginLeft: 4, fontSize: 12 }}>
                    {e.user.username}
                  </Typography.Text>
                </>
              ) : (
                <Typography.Text type="warning">未关联（不能加入评价组）</Typography.Text>
              ),
          },
          {
            title: "状态",
            dataIndex: "active",
            width: 80,
            render: (v: boolean) => (v ? <Tag color="green">在用</Tag> : <Tag>已停用</Tag>),
          },
          { title: "操作", key: "actions", width: 230, render: (_, e) => actions(e) },
        ]}
      />
      {editing && <ExpertModal expert={editing === "new" ? null : editing} onClose={() => setEditing(null)} />}
      <Drawer
        open={tiesOf !== null}
        onClose={() => setTiesOf(null)}
        title={tiesOf ? `回避关系：${tiesOf.name}` : ""}
        size="large"
        destroyOnHidden
      >
        {tiesOf && (
          <>
            <Typography.Paragraph type="secondary">
              {tiesOf.employerOrg ? `工作单位${tiesOf.employerOrg.name}始终回避。` : "工作单位不是本地区的部门或单位。"}
              另外登记该专家曾评价、曾提供咨询的部门或单位：在回避年限内，不能评价其项目。
            </Typography.Paragraph>
            <TiesPanel owner={{ expertId: tiesOf.id }} who={`专家${tiesOf.name}`} />
          </>
        )}
      </Drawer>
    </>
  );
}

/** The ties of a firm of the registry, picked from the organisations of kind 第三方机构. */
function FirmTies() {
  const [params, setParams] = useSearchParams();
  const tree = useOrgTree();
  const firmId = Number(params.get("firm")) || undefined;
  const firm = flattenOrgs(tree.data?.nodes ?? []).find((o) => o.id === firmId && o.kind === "firm");
  return (
    <Card size="small">
      <Typography.Paragraph type="secondary">
        第三方机构在回避年限内评价过、咨询过的部门或单位，其项目的财政重点评价不能由该机构承担。抽查复核中登记的机构回避同样适用。
      </Typography.Paragraph>
      <div style={{ maxWidth: 420, marginBottom: 16 }}>
        <OrgTreeSelect
          kind="firm"
          value={firm?.id}
          placeholder="请选择第三方机构"
          testId="firm-pick"
          onChange={(v) =>
            setParams((prev) => {
              const next = new URLSearchParams(prev);
              if (v) next.set("firm", String(v));
              else next.delete("firm");
              return next;
            })
          }
        />
      </div>
      {firm ? (
        <TiesPanel key={firm.id} owner={{ firmId: firm.id }} who={firm.name} />
      ) : (
        <Typography.Text type="secondary">选择机构后查看和登记其回避关系。</Typography.Text>
      )}
    </Card>
  );
}

/**
 * 专家库 (finance): the region's experts with their fields and scoring accounts, filtered by name, field and
 * state; entry, edits and deactivation; the declared ties (回避) of an expert or of a third-party firm.
 */
export default function ExpertsPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") === "firms" ? "firms" : "experts";
  return (
    <>
      <PageTitle title="专家库" sub="专家与回避关系" />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === "firms" ? { tab: "firms" } : {})}
        items={[
          { key: "experts", label: "专家", children: <ExpertList /> },
          { key: "firms", label: "第三方机构回避", children: <FirmTies /> },
        ]}
      />
    </>
  );
}
