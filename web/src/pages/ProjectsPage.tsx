import { Card, Select, Tag, Typography } from "antd";
import { useMemo } from "react";
import { Link } from "react-router";
import { PROJECT_CATEGORIES, SIZE_BANDS } from "../../../src/core/project";
import { projectsExportUrl } from "../api/endpoints";
import { useOrgTree, useProjects } from "../api/hooks";
import type { ProjectFilters, ProjectRow, ProjectSort } from "../api/types";
import { useSession, useYear } from "../auth/session";
import { categoryLabel } from "../components/labels";
import { ExportButton } from "../components/list/ExportButton";
import { FilterBar } from "../components/list/FilterBar";
import { ListTable } from "../components/list/ListTable";
import { SearchFilter } from "../components/list/SearchFilter";
import { flagParam, intParam, oneOf, textParam, useListQuery } from "../components/list/useListQuery";
import { departmentOptions, flattenOrgs } from "../components/orgs";
import { PageError } from "../components/PageError";
import { PageTitle } from "../components/PageTitle";
import { projectCard } from "../components/ProjectCard";
import { rateOf, wan } from "../format";

const SORTS: ProjectSort[] = ["code", "name", "adjustedBudget", "executed", "executionRate"];

const SIZE_KEYS = SIZE_BANDS.map((b) => b.key);

/** The list's filters as the query string holds them. */
const parseFilters = (params: URLSearchParams) => ({
  q: textParam(params.get("q")),
  departmentId: intParam(params.get("departmentId")),
  unitId: intParam(params.get("unitId")),
  category: oneOf(PROJECT_CATEGORIES, params.get("category")),
  size: oneOf(SIZE_KEYS, params.get("size")),
  isKey: flagParam(params.get("isKey")),
});

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
  const lq = useListQuery({ parse: parseFilters, sorts: SORTS });
  const { filters, update } = lq;
  const query: ProjectFilters = { ...filters, sort: lq.sort, order: lq.order };
  const list = useProjects({ ...query, year, page: lq.page, pageSize: lq.pageSize });
  const tree = useOrgTree();
  const deptOptions = useMemo(() => departmentOptions(tree.data?.nodes), [tree.data]);
  const unitName = useMemo(
    () => flattenOrgs(tree.data?.nodes ?? []).find((o) => o.id === filters.unitId)?.name,
    [tree.data, filters.unitId],
  );
  const data = list.data;

  if (list.error && !data) return <PageError error={list.error} onRetry={() => void list.refetch()} />;

  return (
    <>
      <PageTitle
        title="项目库"
        sub={`${year}年度项目支出`}
        extra={
          can("project.export") && <ExportButton href={projectsExportUrl({ ...query, year })} testId="project-export" />
        }
      />
      <FilterBar onReset={lq.reset} canReset={lq.changed}>
        <SearchFilter
          label="搜索项目"
          testId="project-search"
          placeholder="项目编码或名称"
          value={filters.q}
          width={300}
          onSearch={(q) => update({ q })}
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
      </FilterBar>
      <Card size="small">
        <Typography.Paragraph data-testid="project-totals" style={{ marginBottom: 12 }}>
          {data ? (
            <>
              共 <b>{data.total.toLocaleString("zh-CN")}</b> 个项目，全年预算数合计{" "}
              <b className="jx-num">{wan(data.sums.adjustedBudget)}</b> 万元，执行数合计{" "}
              <b className="jx-num">{wan(data.sums.executed)}</b> 万元，执行率{" "}
              <b>{rateOf(data.sums.executed, data.sums.adjustedBudget)}</b>
              {lq.hasFilters && <Typography.Text type="secondary">（按当前筛选条件）</Typography.Text>}
            </>
          ) : (
            "正在查询…"
          )}
        </Typography.Paragraph>
        <ListTable<ProjectRow>
          list={lq}
          data={data}
          loading={list.isFetching}
          testId="project-table"
          rowKey="id"
          card={projectCard}
          scroll={{ x: 1096 }}
          empty={{ filtered: "没有符合条件的项目", none: "暂无项目" }}
          columns={[
            {
              title: "项目编码",
              ...lq.sortable("code"),
              dataIndex: "code",
              width: 150,
              fixed: "left",
              ellipsis: true,
              render: (code: string) => (
                <span style={{ fontSize: 12 }} className="jx-num">
                  {code}
                </span>
              ),
            },
            {
              title: "项目名称",
              ...lq.sortable("name"),
              dataIndex: "name",
              width: 180,
              ellipsis: { showTitle: false },
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
              ...lq.sortable("adjustedBudget"),
              dataIndex: "adjustedBudget",
              align: "right",
              width: 118,
              render: money,
            },
            {
              title: moneyTitle("执行数"),
              ...lq.sortable("executed"),
              dataIndex: "executed",
              align: "right",
              width: 110,
              render: money,
            },
            {
              title: "执行率",
              ...lq.sortable("executionRate"),
              dataIndex: "executionRate",
              align: "right",
              width: 88,
              fixed: "right",
              render: (_: unknown, p: ProjectRow) => rateOf(p.executed, p.adjustedBudget),
            },
          ]}
        />
      </Card>
    </>
  );
}
