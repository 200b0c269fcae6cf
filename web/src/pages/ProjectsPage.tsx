import { DownloadOutlined, ReloadOutlined } from "@ant-design/icons";
import { Button, Card, Input, Select, Space, Table, Tag, Typography } from "antd";
import type { SorterResult } from "antd/es/table/interface";
import { useMemo } from "react";
import { Link } from "react-router";
import { PROJECT_CATEGORIES, type ProjectCategory, SIZE_BANDS } from "../../../src/core/project";
import { projectsExportUrl } from "../api/endpoints";
import { useOrgTree, useProjects } from "../api/hooks";
import type { ProjectFilters, ProjectRow, ProjectSort } from "../api/types";
import { useSession, useYear } from "../auth/session";
import { categoryLabel } from "../components/labels";
import { departmentOptions, flattenOrgs } from "../components/orgs";
import { PageError } from "../components/PageError";
import { PageTitle } from "../components/PageTitle";
import { intParam, pageSizeParam, serverPaging, useUrlList } from "../components/urlList";
import { rateOf, wan } from "../format";

const SORTS: ProjectSort[] = ["code", "name", "adjustedBudget", "executed", "executionRate"];

/** The list's state, all of it in the query string so that a link or the back button restores it. */
function useListState() {
  const { params, page, pageSize, update, reset } = useUrlList();
  const category = params.get("category");
  const size = params.get("size");
  const sort = params.get("sort");
  const isKey = params.get("isKey");
  const filters: ProjectFilters = {
    q: params.get("q")?.trim() || undefined,
    departmentId: intParam(params.get("departmentId")),
    unitId: intParam(params.get("unitId")),
    category: PROJECT_CATEGORIES.includes(category as ProjectCategory) ? (category as ProjectCategory) : undefined,
    size: SIZE_BANDS.some((b) => b.key === size) ? (size ?? undefined) : undefined,
    isKey: isKey === "true" ? true : isKey === "false" ? false : undefined,
    sort: SORTS.includes(sort as ProjectSort) ? (sort as ProjectSort) : undefined,
    order: params.get("order") === "desc" ? "desc" : params.get("order") === "asc" ? "asc" : undefined,
  };
  return { filters, page, pageSize, update, reset };
}

const money = (v: number) => <span className="jx-num">{wan(v)}</span>;
/** "全年预算数" over "(万元)": the unit stays in the header without widening the column. */
const moneyTitle = (label: string) => (
  <span>
    {label}
    <br />
    <span style={{ fontWeight: 400, fontSize: 12 }}>(万元)</span>
  </span>
);

export default function ProjectsPage() {
  const { can } = useSession();
  const { year } = useYear();
  const { filters, page, pageSize, update, reset } = useListState();
  const list = useProjects({ ...filters, year, page, pageSize });
  const tree = useOrgTree();
  const deptOptions = useMemo(() => departmentOptions(tree.data?.nodes), [tree.data]);
  const unitName = useMemo(
    () => flattenOrgs(tree.data?.nodes ?? []).find((o) => o.id === filters.unitId)?.name,
    [tree.data, filters.unitId],
  );
  const sortOrder = (key: ProjectSort) =>
    filters.sort === key ? (filters.order === "desc" ? ("descend" as const) : ("ascend" as const)) : null;
  const { sort: _s, order: _o, ...narrowing } = filters;
  const hasFilters = Object.values(narrowing).some((v) => v !== undefined);
  const data = list.data;

  if (list.error && !data) return <PageError error={list.error} onRetry={() => void list.refetch()} />;

  return (
    <>
      <PageTitle
        title="项目库"
        sub={`${year}年度项目支出`}
        extra={
          can("project.export") && (
            <Button
              icon={<DownloadOutlined />}
              href={projectsExportUrl({ ...filters, year })}
              download
              data-testid="project-export"
            >
              导出Excel
            </Button>
          )
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap size={[12, 8]}>
          <Input.Search
            key={filters.q ?? ""}
            aria-label="搜索项目"
            data-testid="project-search"
            placeholder="项目编码或名称"
            defaultValue={filters.q}
            allowClear
            enterButton="查询"
            style={{ width: 300 }}
            onSearch={(v) => update({ q: v.trim() || undefined })}
          />
          <Select
            aria-label="主管部门"
            data-testid="filter-department"
            placeholder="主管部门"
            allowClear
            showSearch={{ optionFilterProp: "search" }}
            style={{ width: 220 }}
            value={filters.departmentId}
            options={deptOptions}
            loading={tree.isPending}
            onChange={(v?: number) => update({ departmentId: v, unitId: undefined })}
          />
          <Select
            aria-label="项目类别"
            data-testid="filter-category"
            placeholder="项目类别"
            allowClear
            style={{ width: 130 }}
            value={filters.category}
            options={PROJECT_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c) }))}
            onChange={(v?: string) => update({ category: v })}
          />
          <Select
            aria-label="预算规模"
            data-testid="filter-size"
            placeholder="预算规模"
            allowClear
            style={{ width: 170 }}
            value={filters.size}
            options={SIZE_BANDS.map((b) => ({ value: b.key, label: b.label }))}
            onChange={(v?: string) => update({ size: v })}
          />
          <Select
            aria-label="重点项目"
            data-testid="filter-key"
            placeholder="重点项目"
            allowClear
            style={{ width: 130 }}
            value={filters.isKey === undefined ? undefined : String(filters.isKey)}
            options={[
              { value: "true", label: "重点项目：是" },
              { value: "false", label: "重点项目：否" },
            ]}
            onChange={(v?: string) => update({ isKey: v })}
          />
          {filters.unitId && (
            <Tag closable onClose={() => update({ unitId: undefined })} color="blue">
              实施单位：{unitName ?? filters.unitId}
            </Tag>
          )}
          <Button icon={<ReloadOutlined />} onClick={reset} disabled={!hasFilters && !filters.sort}>
            重置
          </Button>
        </Space>
      </Card>
      <Card size="small">
        <Typography.Paragraph data-testid="project-totals" style={{ marginBottom: 12 }}>
          {data ? (
            <>
              共 <b>{data.total.toLocaleString("zh-CN")}</b> 个项目，全年预算数合计{" "}
              <b className="jx-num">{wan(data.sums.adjustedBudget)}</b> 万元，执行数合计{" "}
              <b className="jx-num">{wan(data.sums.executed)}</b> 万元，执行率{" "}
              <b>{rateOf(data.sums.executed, data.sums.adjustedBudget)}</b>
              {hasFilters && <Typography.Text type="secondary">（按当前筛选条件）</Typography.Text>}
            </>
          ) : (
            "正在查询…"
          )}
        </Typography.Paragraph>
        <Table<ProjectRow>
          data-testid="project-table"
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={data?.rows}
          scroll={{ x: 1096 }}
          locale={{ emptyText: hasFilters ? "没有符合条件的项目" : "暂无项目" }}
          pagination={serverPaging(page, pageSize, data?.total ?? 0)}
          onChange={(pg, _f, sorter, extra) => {
            if (extra.action === "paginate") {
              update({ page: pg.current, pageSize: pageSizeParam(pg.pageSize) });
            } else if (extra.action === "sort") {
              const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<ProjectRow> | undefined;
              const key = s?.order ? (s.columnKey as ProjectSort) : undefined;
              update({ sort: key, order: key ? (s?.order === "descend" ? "desc" : "asc") : undefined });
            }
          }}
          columns={[
            {
              title: "项目编码",
              key: "code",
              dataIndex: "code",
              width: 150,
              fixed: "left",
              sorter: true,
              sortOrder: sortOrder("code"),
              ellipsis: true,
              render: (code: string) => (
                <span style={{ fontSize: 12 }} className="jx-num">
                  {code}
                </span>
              ),
            },
            {
              title: "项目名称",
              key: "name",
              dataIndex: "name",
              width: 180,
              ellipsis: { showTitle: false },
              sorter: true,
              sortOrder: sortOrder("name"),
              render: (name: string, p) => (
                <Link to={`/projects/${p.id}`} title={name}>
                  {name}
                </Link>
              ),
            },
            { title: "主管部门", dataIndex: ["department", "name"], width: 110, ellipsis: true },
            { title: "实施单位", dataIndex: ["unit", "name"], width: 120, ellipsis: true },
            { title: "类别", dataIndex: "category", width: 60, render: categoryLabel },
            {
              title: "重点",
              dataIndex: "isKey",
              width: 52,
              align: "center",
              render: (k: boolean) => (k ? <Tag color="red">重点</Tag> : null),
            },
            {
              title: moneyTitle("年初预算数"),
              dataIndex: "initialBudget",
              align: "right",
              width: 108,
              render: money,
            },
            {
              title: moneyTitle("全年预算数"),
              key: "adjustedBudget",
              dataIndex: "adjustedBudget",
              align: "right",
              width: 118,
              sorter: true,
              sortOrder: sortOrder("adjustedBudget"),
              render: money,
            },
            {
              title: moneyTitle("执行数"),
              key: "executed",
              dataIndex: "executed",
              align: "right",
              width: 110,
              sorter: true,
              sortOrder: sortOrder("executed"),
              render: money,
            },
            {
              title: "执行率",
              key: "executionRate",
              dataIndex: "executionRate",
              align: "right",
              width: 88,
              fixed: "right",
              sorter: true,
              sortOrder: sortOrder("executionRate"),
              render: (_: unknown, p: ProjectRow) => rateOf(p.executed, p.adjustedBudget),
            },
          ]}
        />
      </Card>
    </>
  );
}
