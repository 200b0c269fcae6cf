import { AimOutlined, ControlOutlined, DownloadOutlined, PlusOutlined, SelectOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Col, Empty, Row, Space, Statistic, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import {
  type DepartmentFigures,
  type MonitoringRound,
  type RoundData,
  type RoundSummary,
  useRound,
  useRounds,
} from "../../api/monitoring/monitoring";
import { useSession, useYear } from "../../auth/session";
import { EChart, type EChartsCoreOption } from "../../components/EChart";
import { LIGHT_HEX, lightLabel, pct, SHOWN_LIGHTS, taskStatusLabel } from "../../components/monitoring/codes";
import { OpenRoundModal } from "../../components/monitoring/OpenRoundModal";
import { PageError } from "../../components/PageError";
import { PageTitle } from "../../components/PageTitle";
import { DASH, dateTime, wan } from "../../format";

/** "2025.2" → "预警规则 2025.2 版"; the built-in default has no number. */
const rulesText = (v: string) => (/^\d/.test(v) ? `预警规则 ${v} 版` : "预警规则：系统默认");

const roundName = (r: MonitoringRound) => `${r.fiscalYear}年 1—${r.cutoffMonth}月`;

/** The difference of the execution rate and the time progress in percentage points ("-12.30"). */
const gapOf = (rate: string | null, progress: string): number | null =>
  rate === null ? null : Math.round((Number(rate) - Number(progress)) * 100) / 100;

function RoundList({
  rounds,
  current,
  onPick,
  loading,
}: {
  rounds: MonitoringRound[];
  current: number | undefined;
  onPick: (id: number) => void;
  loading: boolean;
}) {
  return (
    <Table<MonitoringRound>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={rounds}
      pagination={false}
      data-testid="round-list"
      onRow={(r) => ({ onClick: () => onPick(r.id), style: { cursor: "pointer" } })}
      rowClassName={(r) => (r.id === current ? "ant-table-row-selected" : "")}
      locale={{ emptyText: "本年度尚未开启监控轮次" }}
      columns={[
        {
          title: "监控轮次",
          key: "name",
          render: (_, r) => (
            <Space>
              <Typography.Link onClick={() => onPick(r.id)}>{roundName(r)}</Typography.Link>
              {r.id === current && <Tag color="blue">当前查看</Tag>}
            </Space>
          ),
        },
        { title: "时间进度", dataIndex: "timeProgress", width: 90, align: "right", render: (v: string) => pct(v) },
        { title: "选取截止", dataIndex: "selectionDueOn", width: 110 },
        { title: "填报截止", dataIndex: "dueOn", width: 110 },
        {
          title: "状态",
          dataIndex: "status",
          width: 80,
          render: (s: string) => (s === "open" ? <Tag color="processing">进行中</Tag> : <Tag>已结束</Tag>),
        },
        { title: "开启时间", dataIndex: "openedAt", width: 160, render: (v: string) => dateTime(v) },
      ]}
    />
  );
}

/** Tasks of one kind by status, with how many are past their due day. */
function TaskCounts({ title, c, testId }: { title: string; c: RoundSummary["tasks"]["key"]; testId: string }) {
  const done = (c.byStatus.done ?? 0) + (c.byStatus.closed ?? 0);
  const shown = (["todo", "in_progress", "returned", "submitted"] as const).filter((s) => (c.byStatus[s] ?? 0) > 0);
  return (
    <Card size="small" title={title} data-testid={testId}>
      <Space size={32} wrap>
        <Statistic title="监控表" value={c.total} suffix="份" />
        <Statistic title="已完成" value={done} suffix="份" />
        <Statistic
          title="逾期未交"
          value={c.overdue}
          suffix="份"
          styles={{ content: { color: c.overdue > 0 ? LIGHT_HEX.red : undefined } }}
        />
      </Space>
      <div style={{ marginTop: 8 }}>
        {shown.length === 0 ? (
          <Typography.Text type="secondary">{c.total === 0 ? "暂无任务" : "全部已完成"}</Typography.Text>
        ) : (
          shown.map((s) => (
            <Tag key={s} color={s === "returned" ? "orange" : s === "submitted" ? "blue" : undefined}>
              {taskStatusLabel(s)} {c.byStatus[s]}
            </Tag>
          ))
        )}
      </div>
    </Card>
  );
}

function SummaryCards({ s }: { s: RoundSummary }) {
  const none = s.lights.none ?? 0;
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} md={12} xl={7}>
        <TaskCounts title="部门监控" c={s.tasks.department} testId="count-department" />
      </Col>
      <Col xs={24} md={12} xl={7}>
        <TaskCounts title="财政重点监控" c={s.tasks.key} testId="count-key" />
      </Col>
      <Col xs={24} md={12} xl={5}>
        <Card size="small" title="预警灯" data-testid="count-lights">
          <Space size={24} wrap>
            {SHOWN_LIGHTS.map((l) => (
              <Statistic
                key={l}
                title={lightLabel(l)}
                value={s.lights[l] ?? 0}
                styles={{ content: { color: LIGHT_HEX[l] } }}
              />
            ))}
          </Space>
          {none > 0 && (
            <Typography.Text type="secondary" style={{ display: "block", marginTop: 8 }}>
              另有 {none} 份无预算、不亮灯
            </Typography.Text>
          )}
        </Card>
      </Col>
      <Col xs={24} md={12} xl={5}>
        <Card size="small" title="跟进措施" data-testid="count-actions">
          <Space size={24} wrap>
            <Statistic title="未完成" value={s.actions.open} />
            <Statistic title="已完成" value={s.actions.closed} />
            <Statistic
              title="逾期"
              value={s.actions.overdue}
              styles={{ content: { color: s.actions.overdue > 0 ? LIGHT_HEX.red : undefined } }}
            />
          </Space>
        </Card>
      </Col>
    </Row>
  );
}

/**
 * The two per-department charts, as horizontal bars so that every department's name can be read however
 * many there are (one row each, in the table's order): execution rate with the time progress as a dashed
 * line, and the reports by light, stacked.
 */
function charts(departments: DepartmentFigures[], progress: string): [EChartsCoreOption, EChartsCoreOption] {
  const names = departments.map((d) => d.department.name);
  const axis = {
    type: "category",
    data: names,
    inverse: true,
    axisTick: { show: false },
    axisLabel: { interval: 0, width: 130, overflow: "truncate" },
  };
  const grid = { left: 8, right: 56, top: 36, bottom: 8, containLabel: true };
  const rate: EChartsCoreOption = {
    tooltip: { trigger: "axis", valueFormatter: (v: number | null) => (v === null ? DASH : `${v}%`) },
    legend: { data: ["执行率"], top: 0, left: 0 },
    title: {
      text: `红色虚线：时间进度 ${progress}%`,
      top: 2,
      right: 8,
      textStyle: { fontSize: 12, fontWeight: "normal", color: LIGHT_HEX.red },
    },
    grid,
    yAxis: axis,
    xAxis: { type: "value", axisLabel: { formatter: "{value}%" } },
    series: [
      {
        name: "执行率",
        type: "bar",
        barMaxWidth: 16,
        itemStyle: { color: "#1677ff" },
        data: departments.map((d) => (d.rate === null ? null : Number(d.rate))),
        markLine: {
          symbol: "none",
          silent: true,
          lineStyle: { type: "dashed", color: LIGHT_HEX.red, width: 1.5 },
          label: { show: false },
          data: [{ xAxis: Number(progress) }],
        },
      },
    ],
  };
  const lights: EChartsCoreOption = {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    legend: { data: SHOWN_LIGHTS.map(lightLabel), top: 0, left: 0 },
    grid,
    yAxis: axis,
    xAxis: { type: "value", minInterval: 1, name: "份", nameLocation: "end" },
    series: SHOWN_LIGHTS.map((l) => ({
      name: lightLabel(l),
      type: "bar",
      stack: "lights",
      barMaxWidth: 16,
      itemStyle: { color: LIGHT_HEX[l] },
      data: departments.map((d) => d.lights[l] ?? 0),
    })),
  };
  return [rate, lights];
}

const reportsHref = (roundId: number, departmentId?: number, light?: string) =>
  `/monitoring/reports?${new URLSearchParams({
    roundId: String(roundId),
    ...(departmentId ? { departmentId: String(departmentId) } : {}),
    ...(light ? { light } : {}),
  }).toString()}`;

/** The department table as a CSV file that Excel opens (UTF-8 with BOM). */
function exportDepartments(data: RoundData) {
  const head = [
    "部门编码",
    "部门名称",
    "监控表（份）",
    "预算（万元）",
    "已执行（万元）",
    "执行率（%）",
    "时间进度（%）",
  ];
  head.push("差距（百分点）", "绿灯", "黄灯", "红灯");
  const cell = (v: string | number | null) => {
    const s = v === null ? "" : String(v);
    return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const lines = data.departments.map((d) =>
    [
      d.department.code,
      d.department.name,
      d.reports,
      wan(d.budget).replaceAll(",", ""),
      wan(d.executed).replaceAll(",", ""),
      d.rate,
      data.round.timeProgress,
      gapOf(d.rate, data.round.timeProgress),
      d.lights.green ?? 0,
      d.lights.yellow ?? 0,
      d.lights.red ?? 0,
    ]
      .map(cell)
      .join(","),
  );
  const blob = new Blob([`\uFEFF${[head.join(","), ...lines].join("\r\n")}`], { type: "text/csv;charset=utf-8" });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = `运行监控_${roundName(data.round)}_各部门.csv`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

function DepartmentTable({ data, loading }: { data: RoundData; loading: boolean }) {
  const progress = data.round.timeProgress;
  return (
    <Card
      size="small"
      title="各部门执行与亮灯"
      extra={
        <Button
          icon={<DownloadOutlined />}
          disabled={data.departments.length === 0}
          onClick={() => exportDepartments(data)}
          data-testid="export-departments"
        >
          导出Excel
        </Button>
      }
    >
      <Table<DepartmentFigures>
        size="small"
        rowKey={(d) => d.department.id}
        loading={loading}
        dataSource={data.departments}
        data-testid="department-table"
        scroll={{ x: 1050 }}
        pagination={{
          defaultPageSize: 20,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (t) => `共 ${t} 个部门`,
          hideOnSinglePage: false,
        }}
        locale={{ emptyText: "本轮次尚无监控表（部门尚未选取监控对象）" }}
        columns={[
          {
            title: "部门",
            key: "department",
            fixed: "left",
            width: 200,
            defaultSortOrder: "ascend",
            sorter: (a, b) => a.department.code.localeCompare(b.department.code),
            render: (_, d) => (
              <Space direction="vertical" size={0}>
                <span>{d.department.name}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {d.department.code}
                </Typography.Text>
              </Space>
            ),
          },
          {
            title: "监控表",
            dataIndex: "reports",
            width: 80,
            align: "right",
            sorter: (a, b) => a.reports - b.reports,
          },
          {
            title: "预算（万元）",
            dataIndex: "budget",
            width: 120,
            align: "right",
            sorter: (a, b) => a.budget - b.budget,
            render: (v: number) => <span className="jx-num">{wan(v)}</span>,
          },
          {
            title: "已执行（万元）",
            dataIndex: "executed",
            width: 120,
            align: "right",
            sorter: (a, b) => a.executed - b.executed,
            render: (v: number) => <span className="jx-num">{wan(v)}</span>,
          },
          {
            title: "执行率",
            dataIndex: "rate",
            width: 100,
            align: "right",
            sorter: (a, b) => Number(a.rate ?? -1) - Number(b.rate ?? -1),
            render: (v: string | null) => pct(v),
          },
          {
            title: "较时间进度（百分点）",
            key: "gap",
            width: 120,
            align: "right",
            sorter: (a, b) => (gapOf(a.rate, progress) ?? -999) - (gapOf(b.rate, progress) ?? -999),
            render: (_, d) => {
              const g = gapOf(d.rate, progress);
              if (g === null) return DASH;
              return (
                <span style={{ color: g < 0 ? LIGHT_HEX.red : LIGHT_HEX.green }}>
                  {g >= 0 ? "+" : ""}
                  {g.toFixed(2)}
                </span>
              );
            },
          },
          ...SHOWN_LIGHTS.map((l) => ({
            title: lightLabel(l),
            key: l,
            width: 70,
            align: "right" as const,
            sorter: (a: DepartmentFigures, b: DepartmentFigures) => (a.lights[l] ?? 0) - (b.lights[l] ?? 0),
            render: (_: unknown, d: DepartmentFigures) =>
              (d.lights[l] ?? 0) > 0 ? (
                <Link to={reportsHref(data.round.id, d.department.id, l)} style={{ color: LIGHT_HEX[l] }}>
                  {d.lights[l]}
                </Link>
              ) : (
                <Typography.Text type="secondary">0</Typography.Text>
              ),
          })),
          {
            title: "操作",
            key: "open",
            width: 100,
            fixed: "right",
            render: (_, d) => <Link to={reportsHref(data.round.id, d.department.id)}>查看监控表</Link>,
          },
        ]}
      />
    </Card>
  );
}

function RoundView({ data, loading }: { data: RoundData; loading: boolean }) {
  const { can } = useSession();
  const r = data.round;
  const [rate, lights] = useMemo(
    () => charts(data.departments, data.round.timeProgress),
    [data.departments, data.round.timeProgress],
  );
  // One row of about 20px per department under the legend.
  const height = Math.max(180, data.departments.length * 20 + 60);
  return (
    <div data-testid="round-view">
      <PageTitle
        title={<span style={{ fontSize: 16 }}>{roundName(r)}监控</span>}
        sub={`时间进度 ${pct(r.timeProgress)} · 选取截止 ${r.selectionDueOn} · 填报截止 ${r.dueOn} · ${rulesText(data.rulesVersion)} · 金额单位：万元`}
        extra={
          <Space wrap>
            <Link to={`/monitoring/rounds/${r.id}/select`}>
              <Button icon={<SelectOutlined />} data-testid="go-select">
                部门选取
              </Button>
            </Link>
            {can("monitoring.manage") && (
              <Link to={`/monitoring/rounds/${r.id}/key`}>
                <Button icon={<AimOutlined />} data-testid="go-key">
                  重点监控
                </Button>
              </Link>
            )}
            <Link to={reportsHref(r.id)}>
              <Button>全部监控表</Button>
            </Link>
          </Space>
        }
      />
      <SummaryCards s={data.summary} />
      {data.departments.length === 0 ? (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Empty description="本轮次尚无监控表：待各部门选取监控对象，或财政选取重点监控项目后，这里显示各部门的执行和亮灯情况。" />
        </Card>
      ) : (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={24} xl={12}>
            <Card size="small" title="各部门执行率与时间进度">
              <EChart option={rate} height={height} aria-label="各部门执行率与时间进度" data-testid="chart-rate" />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card size="small" title="各部门监控表亮灯（份）">
              <EChart option={lights} height={height} aria-label="各部门监控表亮灯" data-testid="chart-lights" />
            </Card>
          </Col>
        </Row>
      )}
      <DepartmentTable data={data} loading={loading} />
    </div>
  );
}

/**
 * 运行监控: the year's monitoring rounds; for the chosen one, the tasks by kind and status, the lights,
 * the follow-up actions, and per department the execution against time progress and the lights.
 */
export default function MonitoringPage() {
  const { year } = useYear();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const [opening, setOpening] = useState(false);
  const rounds = useRounds(year);
  const list = rounds.data?.rounds ?? [];
  const asked = Number(params.get("round"));
  const current = list.find((r) => r.id === asked)?.id ?? list.at(-1)?.id;
  const round = useRound(current);
  const pick = (id: number) =>
    setParams(
      (p) => {
        p.set("round", String(id));
        return p;
      },
      { replace: true },
    );

  if (rounds.error) return <PageError error={rounds.error} onRetry={() => void rounds.refetch()} />;
  const manage = can("monitoring.manage");
  return (
    <>
      <PageTitle
        title="运行监控"
        sub={`${year}年度${rounds.data ? ` · 已导入执行数至 ${rounds.data.executionMonths} 月` : ""}`}
        extra={
          <Space>
            <Link to="/monitoring/rules">
              <Button icon={<ControlOutlined />}>预警规则</Button>
            </Link>
            {manage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpening(true)} data-testid="open-round">
                开启监控轮次
              </Button>
            )}
          </Space>
        }
      />
      <Card size="small" title={`${year}年度监控轮次`} style={{ marginBottom: 16 }}>
        <RoundList rounds={list} current={current} onPick={pick} loading={rounds.isPending} />
      </Card>
      {round.error && <PageError error={round.error} onRetry={() => void round.refetch()} />}
      {!rounds.isPending && list.length === 0 && (
        <Alert
          type="info"
          showIcon
          title={
            manage
              ? `${year}年度尚未开启监控。导入执行数后，点击“开启监控轮次”下达监控。`
              : `${year}年度财政局尚未开启监控。`
          }
        />
      )}
      {round.data && round.data.round.id === current && <RoundView data={round.data} loading={round.isFetching} />}
      {manage && (
        <OpenRoundModal
          open={opening}
          year={year}
          executionMonths={rounds.data?.executionMonths ?? 0}
          onClose={() => setOpening(false)}
          onOpened={(id) => {
            setOpening(false);
            pick(id);
          }}
        />
      )}
    </>
  );
}
