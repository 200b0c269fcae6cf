import { FileExcelOutlined } from "@ant-design/icons";
import { Button, Card, Select, Space, Tooltip, Typography } from "antd";
import { useEffect, useMemo } from "react";
import { Link } from "react-router";
import { REPORT_SORTS } from "../../../../src/core/monitoring/list";
import { LIGHTS, MONITORING_KINDS } from "../../../../src/core/monitoring/types";
import { DESK_STATUSES } from "../../../../src/core/review/desk-workflow";
import { useOrgTree } from "../../api/hooks";
import {
  type MonitoringReportFilters,
  type MonitoringReportRow,
  useMonitoringReports,
  useMonitoringRounds,
} from "../../api/monitoring/reports";
import { monitoringReportsXlsxUrl } from "../../api/monitoring/workbook";
import { useSession, useYear } from "../../auth/session";
import { useOpenFromHere, useRestoreScroll } from "../../components/list/backTo";
import type { CardOf } from "../../components/list/CardList";
import { FilterBar } from "../../components/list/FilterBar";
import { ListTable } from "../../components/list/ListTable";
import { SearchFilter } from "../../components/list/SearchFilter";
import { intParam, oneOf, textParam, useListQuery } from "../../components/list/useListQuery";
import {
  KIND_SHORT,
  KindTag,
  LightTag,
  lightOptions,
  MonitoringStatusTag,
  monitoringStatusOptions,
  pct,
} from "../../components/monitoring/labels";
import { WorkbookButtons } from "../../components/monitoring/WorkbookButtons";
import { departmentOptions, unitOptions } from "../../components/orgs";
import { PageError } from "../../components/PageError";
import { PageTitle } from "../../components/PageTitle";
import { dateTime, wan } from "../../format";

/** The list's filters as the query string holds them. */
const parseFilters = (params: URLSearchParams): MonitoringReportFilters => ({
  roundId: intParam(params.get("roundId")),
  q: textParam(params.get("q")),
  kind: oneOf(MONITORING_KINDS, params.get("kind")),
  status: oneOf(DESK_STATUSES, params.get("status")),
  light: oneOf(LIGHTS, params.get("light")),
  departmentId: intParam(params.get("departmentId")),
  unitId: intParam(params.get("unitId")),
});

const reportCard = (r: MonitoringReportRow): CardOf => ({
  title: r.name,
  to: `/monitoring/reports/${r.id}`,
  tag: <LightTag light={r.light} reasons={r.reasons} />,
  fields: [
    { label: "编码", value: r.code },
    { label: "实施单位", value: r.unit.name },
    { label: "状态", value: <MonitoringStatusTag status={r.status} text={r.statusText} /> },
    { label: "执行率", value: `${pct(r.rate)}（时间进度 ${r.timeProgress}%）` },
    { label: "已填指标", value: `${r.answered}/${r.indicators}` },
  ],
});

/** 监控填报: the round's monitoring reports in the account's scope, with execution, status and warning light. */
export default function MonitoringReportsPage() {
  const { me } = useSession();
  const { year } = useYear();
  const lq = useListQuery({ parse: parseFilters, sorts: REPORT_SORTS, firstOrder: "asc" });
  const { filters, update } = lq;
  const rounds = useMonitoringRounds(year);
  const roundList = rounds.data?.rounds ?? [];
  // The latest round of the year unless the address names one.
  const round = roundList.find((r) => r.id === filters.roundId) ?? roundList.at(-1);
  const isBureau = me.org.kind === "bureau";
  const pickUnits = me.role !== "unit";
  const list = useMonitoringReports(
    {
      ...filters,
      roundId: round?.id ?? 0,
      page: lq.page,
      pageSize: lq.pageSize,
      sort: lq.sort,
      order: lq.sort ? (lq.order ?? "asc") : undefined,
    },
    round !== undefined,
  );
  const tree = useOrgTree(isBureau || pickUnits);
  const deptOptions = useMemo(() => (isBureau ? departmentOptions(tree.data?.nodes) : []), [isBureau, tree.data]);
  const units = useMemo(() => unitOptions(tree.data?.nodes, filters.departmentId), [tree.data, filters.departmentId]);
  const open = useOpenFromHere();
  const data = list.data;
  useRestoreScroll(data !== undefined);
  // A round of another year in the address (after switching the year) is dropped.
  useEffect(() => {
    if (rounds.data && filters.roundId !== undefined && !roundList.some((r) => r.id === filters.roundId))
      update({ roundId: undefined });
  }, [rounds.data, roundList, filters.roundId, update]);

  if (rounds.error && !rounds.data) return <PageError error={rounds.error} onRetry={() => void rounds.refetch()} />;
  if (list.error && !data) return <PageError error={list.error} onRetry={() => void list.refetch()} />;

  const scope =
    me.role === "unit"
      ? `${me.org.name}的监控表`
      : me.role === "department"
        ? `${me.org.name}及所属单位的监控表`
        : "全区部门监控和财政重点监控的监控表";

  return (
    <>
      <PageTitle
        title="监控填报"
        sub={`${year}年度 · ${scope}`}
        extra={
          round && (
            <Space wrap>
              <WorkbookButtons roundId={round.id} departmentId={filters.departmentId} unitId={filters.unitId} />
              <Button
                icon={<FileExcelOutlined />}
                href={monitoringReportsXlsxUrl({
                  ...filters,
                  roundId: round.id,
                  sort: lq.sort,
                  order: lq.sort ? (lq.order ?? "asc") : undefined,
                })}
                download
                data-testid="monitoring-list-export"
              >
                导出列表
              </Button>
            </Space>
          )
        }
      />
      <FilterBar onReset={lq.reset} canReset={lq.changed}>
        <Select
          aria-label="监控轮次"
          data-testid="monitoring-filter-round"
          placeholder={rounds.isPending ? "正在读取…" : "本年度尚未下达监控"}
          style={{ width: 200 }}
          value={round?.id}
          loading={rounds.isPending}
          options={roundList.map((r) => ({
            value: r.id,
            label: `${r.fiscalYear}年 截至${r.cutoffMonth}月${r.status === "closed" ? "（已结束）" : ""}`,
          }))}
          onChange={(v?: number) => update({ roundId: v })}
        />
        <SearchFilter
          label="搜索监控表"
          testId="monitoring-search"
          placeholder="编码、名称或实施单位"
          value={filters.q}
          width={260}
          onSearch={(q) => update({ q })}
        />
        <Select
          aria-label="监控类型"
          data-testid="monitoring-filter-kind"
          placeholder="部门/重点监控"
          allowClear
          style={{ width: 140 }}
          value={filters.kind}
          options={MONITORING_KINDS.map((k) => ({ value: k, label: KIND_SHORT[k] }))}
          onChange={(v?: string) => update({ kind: v })}
        />
        <Select
          aria-label="状态"
          data-testid="monitoring-filter-status"
          placeholder="状态"
          allowClear
          style={{ width: 150 }}
          value={filters.status}
          options={monitoringStatusOptions}
          onChange={(v?: string) => update({ status: v })}
        />
        <Select
          aria-label="预警"
          data-testid="monitoring-filter-light"
          placeholder="预警灯"
          allowClear
          style={{ width: 110 }}
          value={filters.light}
          options={lightOptions}
          onChange={(v?: string) => update({ light: v })}
        />
        {isBureau && (
          <Select
            aria-label="主管部门"
            data-testid="monitoring-filter-department"
            placeholder="主管部门"
            allowClear
            showSearch={{ optionFilterProp: "search" }}
            style={{ width: 200 }}
            value={filters.departmentId}
            options={deptOptions}
            loading={tree.isPending}
            onChange={(v?: number) => update({ departmentId: v, unitId: undefined })}
          />
        )}
        {pickUnits && (
          <Select
            aria-label="实施单位"
            data-testid="monitoring-filter-unit"
            placeholder="实施单位"
            allowClear
            showSearch={{ optionFilterProp: "search" }}
            style={{ width: 220 }}
            value={filters.unitId}
            options={units}
            loading={tree.isPending}
            onChange={(v?: number) => update({ unitId: v })}
          />
        )}
      </FilterBar>
      <Card size="small">
        <Typography.Paragraph style={{ marginBottom: 12 }} data-testid="monitoring-total">
          {!round ? (
            rounds.isPending ? (
              "正在查询…"
            ) : (
              `${year}年度尚未下达绩效运行监控`
            )
          ) : data ? (
            <>
              截至{round.cutoffMonth}月，时间进度 <b>{round.timeProgress}%</b>，共{" "}
              <b>{data.total.toLocaleString("zh-CN")}</b> 张监控表
              {lq.hasFilters && <Typography.Text type="secondary">（按当前筛选条件）</Typography.Text>}
              <Typography.Text type="secondary" style={{ marginLeft: 12, fontSize: 12 }}>
                预警灯按执行率与时间进度之差及各指标完成可能性计算，鼠标移到灯上可见原因。
              </Typography.Text>
            </>
          ) : (
            "正在查询…"
          )}
        </Typography.Paragraph>
        <ListTable<MonitoringReportRow>
          list={lq}
          data={round ? data : { total: 0, rows: [] }}
          loading={list.isFetching}
          testId="monitoring-report-list"
          rowKey="id"
          card={reportCard}
          scroll={{ x: 1080 }}
          empty={{ filtered: "没有符合条件的监控表", none: round ? "本轮次暂无监控表" : "尚未下达监控" }}
          columns={[
            {
              title: "编码",
              dataIndex: "code",
              ...lq.sortable("code"),
              width: 120,
              fixed: "left",
              render: (code: string, r) => (
                <>
                  <span style={{ fontSize: 12 }} className="jx-num">
                    {code}
                  </span>
                  {r.subjectKind === "deptWide" && <div style={{ fontSize: 11, color: "#722ed1" }}>部门整体</div>}
                </>
              ),
            },
            {
              title: "名称",
              dataIndex: "name",
              ellipsis: { showTitle: false },
              render: (name: string, r) => (
                <Link to={`/monitoring/reports/${r.id}`} title={name} {...open}>
                  {name}
                </Link>
              ),
            },
            {
              title: "实施单位",
              width: 140,
              ellipsis: { showTitle: false },
              render: (_: unknown, r) => (
                <div title={`${r.unit.name}（${r.unit.code}）`} style={{ lineHeight: "18px" }}>
                  <div style={{ overflow: "hidden", textOverflow: "ellipsis" }}>{r.unit.name}</div>
                  <div
                    style={{ fontSize: 12, color: "rgba(0,0,0,0.45)", overflow: "hidden", textOverflow: "ellipsis" }}
                  >
                    {r.department.name}
                  </div>
                </div>
              ),
              ...lq.sortable("department"),
            },
            { title: "类型", dataIndex: "kind", width: 88, render: (_: unknown, r) => <KindTag kind={r.kind} /> },
            {
              title: "预算（万元）",
              dataIndex: "budget",
              ...lq.sortable("budget"),
              width: 124,
              align: "right",
              render: (v: number) => <span className="jx-num">{wan(v)}</span>,
            },
            {
              title: "执行率",
              dataIndex: "rate",
              ...lq.sortable("rate"),
              width: 92,
              align: "right",
              render: (_: unknown, r) => (
                <Tooltip title={`已执行 ${wan(r.executed)} 万元；时间进度 ${r.timeProgress}%`}>
                  <span className="jx-num">{pct(r.rate)}</span>
                </Tooltip>
              ),
            },
            {
              title: "预警",
              dataIndex: "light",
              ...lq.sortable("light"),
              width: 86,
              render: (_: unknown, r) => <LightTag light={r.light} reasons={r.reasons} />,
            },
            {
              title: "状态",
              dataIndex: "status",
              ...lq.sortable("status"),
              width: 120,
              render: (_: unknown, r) => (
                <>
                  <MonitoringStatusTag status={r.status} text={r.statusText} />
                  {r.overdue && (
                    <Tooltip title={`填报截止日 ${r.dueOn}，尚未完成`}>
                      <div style={{ fontSize: 12, color: "#cf1322" }}>已逾期</div>
                    </Tooltip>
                  )}
                </>
              ),
            },
            {
              title: "已填指标",
              key: "answered",
              width: 76,
              align: "right",
              render: (_: unknown, r) => (
                <Tooltip title="已选择完成目标可能性的指标数 / 指标总数">
                  <span className="jx-num">
                    {r.answered}/{r.indicators}
                  </span>
                </Tooltip>
              ),
            },
            {
              title: "更新",
              dataIndex: "updatedAt",
              ...lq.sortable("updatedAt"),
              width: 96,
              render: (v: string) => <span className="jx-num">{dateTime(v).slice(0, 10)}</span>,
            },
          ]}
        />
      </Card>
    </>
  );
}
