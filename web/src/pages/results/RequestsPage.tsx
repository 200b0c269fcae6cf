import { CloudUploadOutlined, PlusOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Popconfirm, Select, Space, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { Link } from "react-router";
import { REQUEST_SORTS } from "../../../../src/core/results/requests";
import { errorMessage } from "../../api/client";
import { useOrgTree } from "../../api/hooks";
import {
  type BudgetRequestFilters,
  type BudgetRequestRow,
  budgetRequestKeys,
  budgetRequestsExportUrl,
  deleteBudgetRequest,
  useBudgetRequests,
} from "../../api/results/requests";
import { useSession, useYear } from "../../auth/session";
import type { CardOf } from "../../components/list/CardList";
import { ExportButton } from "../../components/list/ExportButton";
import { FilterBar } from "../../components/list/FilterBar";
import { ListTable } from "../../components/list/ListTable";
import { SearchFilter } from "../../components/list/SearchFilter";
import { flagParam, intParam, textParam, useListQuery } from "../../components/list/useListQuery";
import { departmentOptions } from "../../components/orgs";
import { PageError } from "../../components/PageError";
import { PageTitle } from "../../components/PageTitle";
import { RequestFormModal, type RequestFormTarget } from "../../components/results/RequestFormModal";
import { count, wan } from "../../format";

const parseFilters = (params: URLSearchParams): BudgetRequestFilters => ({
  q: textParam(params.get("q")),
  departmentId: intParam(params.get("departmentId")),
  rigid: flagParam(params.get("rigid")),
});

const RIGID_OPTIONS = [
  { value: "true", label: "刚性支出" },
  { value: "false", label: "非刚性支出" },
];

const RigidTag = ({ rigid }: { rigid: boolean }) => (rigid ? <Tag color="gold">刚性</Tag> : null);
const sourceText = (r: BudgetRequestRow) => (r.batchId === null ? "手工录入" : "导入");

const requestCard = (r: BudgetRequestRow): CardOf => ({
  title: r.project.name,
  tag: <RigidTag rigid={r.rigid} />,
  fields: [
    { label: "编码", value: r.project.code },
    { label: "单位", value: r.unit.name },
    { label: "申请", value: `${wan(r.amount)}万元` },
    { label: "本年预算", value: `${wan(r.project.adjustedBudget)}万元` },
  ],
});

/**
 * 下年度预算申请: what each project of the year asks for the next budget year, imported from the budget system
 * or typed by finance. Finance and the auditor see the region, a department its units, a unit its own
 * projects; only finance adds, edits or deletes.
 */
export default function RequestsPage() {
  const { can } = useSession();
  const { year } = useYear();
  const budgetYear = year + 1;
  const manage = can("results.manage");
  const mayImport = can("import.run");
  const regionWide = can("results.manage") || can("audit.read");
  const lq = useListQuery({ parse: parseFilters, sorts: REQUEST_SORTS });
  const { filters, update } = lq;
  const query = { ...filters, budgetYear, sort: lq.sort, order: lq.order };
  const list = useBudgetRequests({ ...query, page: lq.page, pageSize: lq.pageSize });
  const tree = useOrgTree(regionWide);
  const deptOptions = useMemo(() => (regionWide ? departmentOptions(tree.data?.nodes) : []), [regionWide, tree.data]);
  const [editing, setEditing] = useState<RequestFormTarget | null>(null);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (r: BudgetRequestRow) => deleteBudgetRequest(r.id, r.version),
    onSuccess: () => {
      message.success("已删除");
      void queryClient.invalidateQueries({ queryKey: budgetRequestKeys.all });
    },
    onError: (e) => {
      message.error(errorMessage(e));
      void queryClient.invalidateQueries({ queryKey: budgetRequestKeys.all });
    },
  });
  const data = list.data;

  if (list.error && !data) return <PageError error={list.error} onRetry={() => void list.refetch()} />;

  return (
    <>
      <PageTitle
        title="下年度预算申请"
        sub={`${budgetYear}年度预算申请 · 对应${year}年度项目 · 金额单位：万元`}
        extra={
          <Space wrap>
            <ExportButton href={budgetRequestsExportUrl(query)} testId="request-export" />
            {mayImport && (
              <Link to="/imports?kind=requests" data-testid="request-import">
                <Button icon={<CloudUploadOutlined />}>导入…</Button>
              </Link>
            )}
            {manage && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing({ mode: "create", budgetYear })}
                data-testid="request-new"
              >
                新增申请…
              </Button>
            )}
          </Space>
        }
      />
      <FilterBar onReset={lq.reset} canReset={lq.changed}>
        <SearchFilter
          label="搜索预算申请"
          testId="request-search"
          placeholder="项目编码或名称"
          value={filters.q}
          width={220}
          onSearch={(q) => update({ q })}
        />
        {regionWide && (
          <Select
            aria-label="主管部门"
            data-testid="request-filter-department"
            placeholder="主管部门"
            allowClear
            showSearch={{ optionFilterProp: "search" }}
            style={{ width: 180 }}
            value={filters.departmentId}
            options={deptOptions}
            loading={tree.isPending}
            onChange={(v?: number) => update({ departmentId: v })}
          />
        )}
        <Select
          aria-label="刚性支出"
          data-testid="request-filter-rigid"
          placeholder="刚性支出"
          allowClear
          style={{ width: 130 }}
          value={filters.rigid === undefined ? undefined : String(filters.rigid)}
          options={RIGID_OPTIONS}
          onChange={(v?: string) => update({ rigid: v })}
        />
      </FilterBar>
      <Card size="small">
        <div style={{ marginBottom: 12 }} data-testid="request-total">
          {data ? (
            <span>
              共 <b>{count(data.total)}</b> 项，申请金额合计 <b className="jx-num">{wan(data.totalAmount)}</b> 万元
              {lq.hasFilters && <Typography.Text type="secondary">（按当前筛选条件）</Typography.Text>}
            </span>
          ) : (
            "正在查询…"
          )}
        </div>
        <ListTable<BudgetRequestRow>
          list={lq}
          data={data}
          loading={list.isFetching}
          testId="request-list"
          rowKey="id"
          card={requestCard}
          scroll={{ x: 960 }}
          onRow={(r) => ({ "data-code": r.project.code }) as React.HTMLAttributes<HTMLElement>}
          empty={{
            filtered: "没有符合条件的预算申请",
            none: manage
              ? `还没有${budgetYear}年度的预算申请：从一体化系统导入，或逐条新增`
              : `还没有${budgetYear}年度的预算申请`,
          }}
          columns={[
            {
              title: "项目编码",
              dataIndex: ["project", "code"],
              ...lq.sortable("code"),
              width: 130,
              render: (code: string) => (
                <span className="jx-num" style={{ fontSize: 12 }}>
                  {code}
                </span>
              ),
            },
            {
              title: "项目名称",
              ...lq.sortable("name"),
              ellipsis: { showTitle: false },
              render: (_: unknown, r) => (
                <Link to={`/projects/${r.project.id}`} title={r.project.name}>
                  {r.project.name}
                </Link>
              ),
            },
            {
              title: "单位",
              ...lq.sortable("department"),
              width: 170,
              ellipsis: { showTitle: false },
              render: (_: unknown, r) => (
                <div title={`${r.unit.name}（${r.department.name}）`} style={{ lineHeight: "18px" }}>
                  <div style={{ overflow: "hidden", textOverflow: "ellipsis" }}>{r.unit.name}</div>
                  <div
                    style={{ fontSize: 12, color: "rgba(0,0,0,0.45)", overflow: "hidden", textOverflow: "ellipsis" }}
                  >
                    {r.department.name}
                  </div>
                </div>
              ),
            },
            {
              title: `${year}年预算`,
              width: 110,
              align: "right",
              render: (_: unknown, r) => <span className="jx-num">{wan(r.project.adjustedBudget)}</span>,
            },
            {
              title: "申请金额",
              ...lq.sortable("amount"),
              width: 120,
              align: "right",
              render: (_: unknown, r) => (
                <span className="jx-num" data-testid="request-amount">
                  <b>{wan(r.amount)}</b>
                </span>
              ),
            },
            { title: "刚性支出", width: 84, render: (_: unknown, r) => <RigidTag rigid={r.rigid} /> },
            {
              title: "来源",
              width: 84,
              render: (_: unknown, r) => (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {sourceText(r)}
                </Typography.Text>
              ),
            },
            ...(manage
              ? [
                  {
                    title: "操作",
                    width: 120,
                    render: (_: unknown, r: BudgetRequestRow) => (
                      <Space size={4}>
                        <Button
                          size="small"
                          type="link"
                          onClick={() => setEditing({ mode: "edit", row: r })}
                          data-testid="request-edit"
                        >
                          修改
                        </Button>
                        <Popconfirm
                          title={`删除“${r.project.name}”的预算申请？`}
                          description="删除后可重新导入或手工新增。"
                          okText="删除"
                          okButtonProps={{ danger: true }}
                          cancelText="取消"
                          onConfirm={() => remove.mutateAsync(r)}
                        >
                          <Button size="small" type="link" danger data-testid="request-delete">
                            删除
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {editing && <RequestFormModal target={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
