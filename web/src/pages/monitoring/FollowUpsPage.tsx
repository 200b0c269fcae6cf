import { Card, Select, Space, Switch } from "antd";
import { useMemo } from "react";
import { ACTION_SORTS, ACTION_STATUS_LABELS, ACTION_STATUSES } from "../../../../src/core/monitoring/actions";
import { ACTION_KIND_LABELS, ACTION_KINDS } from "../../../../src/core/monitoring/types";
import { useOrgTree } from "../../api/hooks";
import { type FollowUpRow, followUpsExportUrl, useFollowUps } from "../../api/monitoring/follow-ups";
import { useSession, useYear } from "../../auth/session";
import { OpenLink } from "../../components/list/backTo";
import { ExportButton } from "../../components/list/ExportButton";
import { FilterBar } from "../../components/list/FilterBar";
import { ListTable } from "../../components/list/ListTable";
import { SearchFilter } from "../../components/list/SearchFilter";
import { flagParam, intParam, oneOf, textParam, useListQuery } from "../../components/list/useListQuery";
import { FollowUpsCard } from "../../components/monitoring/FollowUpsCard";
import { FollowUpStatus } from "../../components/monitoring/FollowUpWork";
import { departmentOptions } from "../../components/orgs";
import { PageError } from "../../components/PageError";
import { PageTitle } from "../../components/PageTitle";

const parseFilters = (params: URLSearchParams) => ({
  roundId: intParam(params.get("roundId")),
  reportId: intParam(params.get("reportId")),
  departmentId: intParam(params.get("departmentId")),
  status: oneOf(ACTION_STATUSES, params.get("status")),
  kind: oneOf(ACTION_KINDS, params.get("kind")),
  overdue: flagParam(params.get("overdue")),
  q: textParam(params.get("q")),
});

/** 跟进措施: every follow-up action in scope, filtered, sorted, paged, to Excel. */
export default function FollowUpsPage() {
  const { year } = useYear();
  const { me } = useSession();
  const lq = useListQuery({ parse: parseFilters, sorts: ACTION_SORTS });
  const { filters, update } = lq;
  const query = { ...filters, year: filters.roundId ? undefined : year };
  const list = useFollowUps(query, lq.sort, lq.order, lq.page, lq.pageSize);
  const tree = useOrgTree();
  const deptOptions = useMemo(() => departmentOptions(tree.data?.nodes), [tree.data]);

  if (list.error && !list.data) return <PageError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <PageTitle
        title={`${year}年度跟进措施`}
        sub="红灯、黄灯项目的整改要求、整改情况与佐证材料"
        extra={<ExportButton href={followUpsExportUrl(query, lq.sort, lq.order)} testId="follow-ups-export" />}
      />
      {filters.reportId !== undefined && (
        <div style={{ marginBottom: 16 }}>
          <FollowUpsCard reportId={filters.reportId} />
        </div>
      )}
      <FilterBar onReset={lq.reset} canReset={lq.changed}>
        <SearchFilter
          label="搜索跟进措施"
          placeholder="项目编码、名称、单位或整改要求"
          value={filters.q}
          width={280}
          onSearch={(q) => update({ q })}
        />
        {me.role !== "unit" && (
          <Select
            aria-label="主管部门"
            placeholder="全部主管部门"
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 220 }}
            value={filters.departmentId}
            options={deptOptions}
            onChange={(departmentId?: number) => update({ departmentId })}
          />
        )}
        <Select
          aria-label="措施类型"
          placeholder="全部类型"
          allowClear
          style={{ width: 160 }}
          value={filters.kind}
          options={ACTION_KINDS.map((k) => ({ value: k, label: ACTION_KIND_LABELS[k] }))}
          onChange={(kind?: string) => update({ kind })}
        />
        <Select
          aria-label="状态"
          placeholder="全部状态"
          allowClear
          style={{ width: 140 }}
          value={filters.status}
          options={ACTION_STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s] }))}
          onChange={(status?: string) => update({ status })}
        />
        <Space>
          <Switch
            checked={filters.overdue === true}
            onChange={(on) => update({ overdue: on || undefined })}
            data-testid="follow-ups-overdue"
          />
          只看逾期
        </Space>
      </FilterBar>
      <Card size="small">
        <ListTable<FollowUpRow>
          list={lq}
          data={list.data}
          loading={list.isFetching}
          testId="follow-ups-table"
          rowKey="id"
          scroll={{ x: 1100 }}
          empty={{ filtered: "没有符合条件的跟进措施", none: "本年度尚未布置跟进措施" }}
          card={(r) => ({
            title: `${r.report.name}：${r.kindText}`,
            to: `/monitoring/follow-ups/${r.id}`,
            tag: <FollowUpStatus a={r} />,
            fields: [
              { label: "负责单位", value: r.org.name },
              { label: "整改期限", value: r.dueOn },
            ],
          })}
          columns={[
            {
              title: "项目",
              key: "project",
              ellipsis: true,
              // The name is what a clerk reads; the code goes under it, as in the report list.
              render: (_: unknown, r) => (
                <>
                  <OpenLink to={`/monitoring/follow-ups/${r.id}`}>{r.report.name}</OpenLink>
                  <div style={{ fontSize: 12, color: "rgba(0,0,0,0.45)" }}>{r.report.code}</div>
                </>
              ),
            },
            { title: "措施类型", dataIndex: "kindText", width: 130 },
            { title: "整改要求", dataIndex: "requirement", ellipsis: true },
            { title: "负责单位", dataIndex: ["org", "name"], width: 180, ellipsis: true },
            {
              title: "主管部门",
              dataIndex: ["department", "name"],
              width: 160,
              ellipsis: true,
              ...lq.sortable("department"),
            },
            { title: "整改期限", dataIndex: "dueOn", width: 110, ...lq.sortable("dueOn") },
            {
              title: "状态",
              width: 150,
              ...lq.sortable("status"),
              render: (_: unknown, r) => <FollowUpStatus a={r} />,
            },
            { title: "佐证", dataIndex: "attachments", width: 70, align: "right" },
          ]}
        />
      </Card>
    </>
  );
}
