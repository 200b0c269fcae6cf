import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Select, Space, Switch, Typography } from "antd";
import { useMemo } from "react";
import { dateInChina } from "../../../../src/core/calendar";
import {
  RECTIFICATION_SOURCE_LABELS,
  RECTIFICATION_SOURCES,
  RECTIFICATION_STATUS_LABELS,
  RECTIFICATION_STATUSES,
  type RectificationStatus as Status,
} from "../../../../src/core/evaluations/rectification";
import { RECTIFICATION_SORTS } from "../../../../src/core/evaluations/rectification-notice";
import { useOrgTree } from "../../api/hooks";
import {
  type RectificationItemRow,
  rectificationExportUrl,
  useRectificationCounts,
  useRectificationItems,
} from "../../api/rectification/rectification";
import { useSession, useYear } from "../../auth/session";
import { OpenLink } from "../../components/list/backTo";
import { ExportButton } from "../../components/list/ExportButton";
import { FilterBar } from "../../components/list/FilterBar";
import { ListTable } from "../../components/list/ListTable";
import { flagParam, intParam, oneOf, useListQuery } from "../../components/list/useListQuery";
import { departmentOptions, unitOptions } from "../../components/orgs";
import { PageError } from "../../components/PageError";
import { PageTitle } from "../../components/PageTitle";
import { RectificationStatus } from "../../components/rectification/RectificationStatus";
import { RemindButton } from "../../components/rectification/RemindButton";

const parseFilters = (params: URLSearchParams) => ({
  status: oneOf(RECTIFICATION_STATUSES, params.get("status")),
  source: oneOf(RECTIFICATION_SOURCES, params.get("source")),
  departmentId: intParam(params.get("departmentId")),
  unitId: intParam(params.get("unitId")),
  noticeId: intParam(params.get("noticeId")),
  overdue: flagParam(params.get("overdue")),
});

const itemPath = (r: RectificationItemRow) => `/rectification/notices/${r.noticeId}?item=${r.id}`;

/** The counts strip: each figure filters the list to its items; 逾期 in red. */
function CountsStrip({
  year,
  active,
  onPick,
}: {
  year: number;
  active: { status?: Status | undefined; overdue?: boolean | undefined };
  onPick: (f: { status?: Status; overdue?: boolean }) => void;
}) {
  const counts = useRectificationCounts(year);
  const c = counts.data;
  const cells: {
    key: string;
    label: string;
    value: number | undefined;
    pick: () => void;
    on: boolean;
    red?: boolean;
  }[] = [
    ...(["issued", "answered", "accepted", "returned"] as const).map((s) => ({
      key: s,
      label: RECTIFICATION_STATUS_LABELS[s],
      value: c?.[s],
      pick: () => onPick({ status: active.status === s ? undefined : s }),
      on: active.status === s && !active.overdue,
    })),
    {
      key: "overdue",
      label: "逾期",
      value: c?.overdue,
      pick: () => onPick({ overdue: active.overdue ? undefined : true }),
      on: active.overdue === true,
      red: true,
    },
  ];
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="rectification-counts">
      <Space size={[32, 8]} wrap>
        <span>
          <Typography.Text type="secondary">整改事项 </Typography.Text>
          <Typography.Text strong style={{ fontSize: 20 }}>
            {c?.items ?? "—"}
          </Typography.Text>
        </span>
        {cells.map((cell) => (
          <Button
            key={cell.key}
            type={cell.on ? "primary" : "text"}
            danger={cell.red && (cell.value ?? 0) > 0}
            onClick={cell.pick}
            data-testid={`rectification-count-${cell.key}`}
            style={{ height: "auto", padding: "2px 8px" }}
          >
            {cell.label} <strong style={{ fontSize: 18, marginLeft: 4 }}>{cell.value ?? "—"}</strong>
          </Button>
        ))}
      </Space>
    </Card>
  );
}

/** 整改管理: every rectification item in scope for the header's year, filtered, sorted, paged, to Excel. */
export default function RectificationPage() {
  const { year } = useYear();
  const { me, can } = useSession();
  const lq = useListQuery({ parse: parseFilters, sorts: RECTIFICATION_SORTS });
  const { filters, update } = lq;
  const query = { ...filters, year, sort: lq.sort, order: lq.order };
  const list = useRectificationItems(query, lq.page, lq.pageSize);
  const tree = useOrgTree();
  const deptOptions = useMemo(() => departmentOptions(tree.data?.nodes), [tree.data]);
  const orgOptions = useMemo(
    () => unitOptions(tree.data?.nodes, filters.departmentId),
    [tree.data, filters.departmentId],
  );
  const mayIssue = can("rectification.issue");

  if (list.error && !list.data) return <PageError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <PageTitle
        title={`${year}年度整改管理`}
        sub="绩效评价、抽查复核和绩效监控发现问题的整改要求、整改情况与验收"
        extra={
          <Space wrap>
            {mayIssue && (
              <OpenLink to="/rectification/new">
                <Button type="primary" icon={<PlusOutlined />} data-testid="rectification-new">
                  发整改通知
                </Button>
              </OpenLink>
            )}
            <ExportButton href={rectificationExportUrl(query)} testId="rectification-export" />
          </Space>
        }
      />
      <CountsStrip year={year} active={filters} onPick={(f) => update({ status: f.status, overdue: f.overdue })} />
      <FilterBar onReset={lq.reset} canReset={lq.changed}>
        <Select
          aria-label="问题来源"
          placeholder="全部来源"
          allowClear
          style={{ width: 140 }}
          value={filters.source}
          options={RECTIFICATION_SOURCES.map((s) => ({ value: s, label: RECTIFICATION_SOURCE_LABELS[s] }))}
          onChange={(source?: string) => update({ source })}
        />
        {me.role !== "unit" && (
          <Select
            aria-label="主管部门"
            placeholder="全部主管部门"
            allowClear
            showSearch
            optionFilterProp="search"
            style={{ width: 200 }}
            value={filters.departmentId}
            options={deptOptions}
            onChange={(departmentId?: number) => update({ departmentId, unitId: undefined })}
          />
        )}
        {me.role !== "unit" && (
          <Select
            aria-label="整改单位"
            placeholder="全部整改单位"
            allowClear
            showSearch
            optionFilterProp="search"
            style={{ width: 220 }}
            value={filters.unitId}
            options={orgOptions}
            onChange={(unitId?: number) => update({ unitId })}
          />
        )}
        <Select
          aria-label="状态"
          placeholder="全部状态"
          allowClear
          style={{ width: 130 }}
          value={filters.status}
          options={RECTIFICATION_STATUSES.map((s) => ({ value: s, label: RECTIFICATION_STATUS_LABELS[s] }))}
          onChange={(status?: string) => update({ status })}
        />
        <Space>
          <Switch
            checked={filters.overdue === true}
            onChange={(on) => update({ overdue: on || undefined })}
            data-testid="rectification-overdue-only"
          />
          只看逾期
        </Space>
      </FilterBar>
      <Card size="small">
        <ListTable<RectificationItemRow>
          list={lq}
          data={list.data}
          loading={list.isFetching}
          testId="rectification-table"
          rowKey="id"
          scroll={{ x: 1080 }}
          empty={{
            filtered: "没有符合条件的整改事项",
            none: mayIssue ? "本年度尚未下达整改通知，可点击“发整改通知”下达" : "本年度没有整改事项",
          }}
          card={(r) => ({
            title: `${r.notice.title} 第${r.seq}项`,
            to: itemPath(r),
            tag: <RectificationStatus item={r} />,
            fields: [
              { label: "整改单位", value: r.unit.name },
              { label: "整改期限", value: r.deadline },
              { label: "存在问题", value: r.problem },
            ],
            extra: <RemindButton item={r} />,
          })}
          columns={[
            {
              title: "整改通知",
              width: 230,
              ellipsis: true,
              // The notice's title opens it; under it where it came from, which item, and when it was issued.
              ...lq.sortable("issuedAt"),
              render: (_: unknown, r) => (
                <>
                  <OpenLink to={itemPath(r)}>{r.notice.title}</OpenLink>
                  <div style={{ fontSize: 12, color: "rgba(0,0,0,0.45)" }}>
                    {r.sourceText} · 第{r.seq}项 · {dateInChina(new Date(r.createdAt))}下达
                  </div>
                </>
              ),
            },
            { title: "存在问题", dataIndex: "problem", ellipsis: true },
            { title: "整改要求", dataIndex: "requirement", ellipsis: true },
            {
              title: "整改单位",
              width: 170,
              ellipsis: true,
              ...lq.sortable("unit"),
              render: (_: unknown, r) => (
                <>
                  {r.unit.name}
                  {r.department.id !== r.unit.id && (
                    <div style={{ fontSize: 12, color: "rgba(0,0,0,0.45)" }}>{r.department.name}</div>
                  )}
                </>
              ),
            },
            { title: "整改期限", dataIndex: "deadline", width: 110, ...lq.sortable("deadline") },
            {
              title: "状态",
              width: 130,
              ...lq.sortable("status"),
              render: (_: unknown, r) => <RectificationStatus item={r} />,
            },
            { title: "佐证", dataIndex: "attachments", width: 56, align: "right" },
            ...(mayIssue
              ? [
                  {
                    title: "",
                    key: "remind",
                    width: 84,
                    render: (_: unknown, r: RectificationItemRow) => <RemindButton item={r} />,
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </>
  );
}
