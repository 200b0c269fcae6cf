import { BellOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Select, Space, Switch, Table, Tag, Typography } from "antd";
import { useMemo } from "react";
import { TASK_KIND_LABELS, TASK_KINDS, TASK_STATUS_LABELS, TASK_STATUSES } from "../../../../src/core/tasks/tasks";
import { errorMessage } from "../../api/client";
import { useOrgTree } from "../../api/hooks";
import { remindTask, type Task, type TaskProgress, taskKeys, useProgress, useTasks } from "../../api/tasks/tasks";
import { useSession, useYear } from "../../auth/session";
import { OpenLink } from "../../components/list/backTo";
import { FilterBar } from "../../components/list/FilterBar";
import { ListTable } from "../../components/list/ListTable";
import { SearchFilter } from "../../components/list/SearchFilter";
import { flagParam, intParam, oneOf, textParam, useListQuery } from "../../components/list/useListQuery";
import { departmentOptions } from "../../components/orgs";
import { PageError } from "../../components/PageError";
import { PageTitle } from "../../components/PageTitle";
import { dueText } from "../../components/tasks/InboxCard";
import { ProgressChart } from "../../components/tasks/ProgressChart";
import { taskCard } from "../../components/tasks/TaskCard";

const parseFilters = (params: URLSearchParams) => ({
  kind: oneOf(TASK_KINDS, params.get("kind")),
  q: textParam(params.get("q")),
  status: oneOf(TASK_STATUSES, params.get("status")),
  departmentId: intParam(params.get("departmentId")),
  overdue: flagParam(params.get("overdue")),
});

const rate = (v: number) => `${(v * 100).toFixed(1)}%`;
type ProgressRow = TaskProgress["rows"][number];

/** 任务进度: by department (finance, departments) with a chart, and every task in scope with reminders. */
export default function TasksPage() {
  const { year } = useYear();
  const { can, me } = useSession();
  const lq = useListQuery({ parse: parseFilters });
  const { filters, update } = lq;
  const list = useTasks(year, filters, lq.page, lq.pageSize);
  const showProgress = me.role !== "unit";
  const progress = useProgress(year);
  const tree = useOrgTree();
  const deptOptions = useMemo(() => departmentOptions(tree.data?.nodes), [tree.data]);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const mayRemind = can("task.remind");

  const remind = async (t: Task) => {
    try {
      await remindTask(t.id, t.version);
      message.success(`已催办：${t.org.name}`);
      await qc.invalidateQueries({ queryKey: taskKeys.all });
    } catch (e) {
      message.error(errorMessage(e));
    }
  };

  if (list.error && !list.data) return <PageError error={list.error} onRetry={() => void list.refetch()} />;
  const p = progress.data;

  return (
    <>
      <PageTitle title={`${year}年度绩效目标申报任务`} sub="任务状态随目标表自动更新" />
      {showProgress && p && p.total.total > 0 && (
        <Card
          title="按主管部门的进度"
          extra={`共 ${p.total.total} 项：提交率 ${rate(p.total.submissionRate)}，完成率 ${rate(p.total.approvalRate)}，逾期 ${p.total.overdue} 项，逾期完成 ${p.total.doneLate} 项`}
          style={{ marginBottom: 16 }}
          data-testid="task-progress"
        >
          <ProgressChart rows={p.rows} />
          <Table<ProgressRow>
            rowKey={(r) => r.department.id}
            size="small"
            pagination={false}
            dataSource={p.rows}
            style={{ marginTop: 12 }}
            columns={[
              { title: "主管部门", dataIndex: ["department", "name"] },
              { title: "任务", dataIndex: "total", width: 70, align: "right" },
              { title: "已完成", dataIndex: "done", width: 80, align: "right" },
              { title: "已提交", dataIndex: "submitted", width: 80, align: "right" },
              { title: "被退回", dataIndex: "returned", width: 80, align: "right" },
              {
                title: "逾期",
                dataIndex: "overdue",
                width: 70,
                align: "right",
                render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : 0),
              },
              {
                title: "逾期完成",
                dataIndex: "doneLate",
                width: 90,
                align: "right",
                render: (n: number) => (n ? <Typography.Text type="warning">{n}</Typography.Text> : 0),
              },
              {
                title: "提交率",
                dataIndex: "submissionRate",
                width: 90,
                align: "right",
                sorter: (a, b) => a.submissionRate - b.submissionRate,
                render: rate,
              },
              {
                title: "完成率",
                dataIndex: "approvalRate",
                width: 90,
                align: "right",
                sorter: (a, b) => a.approvalRate - b.approvalRate,
                render: rate,
              },
              {
                title: "",
                key: "go",
                width: 110,
                render: (_: unknown, r) => (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => update({ departmentId: r.department.id, overdue: true })}
                  >
                    查看逾期任务
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      )}
      <FilterBar onReset={lq.reset} canReset={lq.changed}>
        <SearchFilter
          label="搜索任务"
          placeholder="任务名称或单位"
          value={filters.q}
          width={260}
          onSearch={(q) => update({ q })}
        />
        {showProgress && (
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
          aria-label="任务类型"
          data-testid="task-filter-kind"
          placeholder="全部类型"
          allowClear
          style={{ width: 150 }}
          value={filters.kind}
          options={TASK_KINDS.map((k) => ({ value: k, label: TASK_KIND_LABELS[k] }))}
          onChange={(kind?: string) => update({ kind })}
        />
        <Select
          aria-label="状态"
          placeholder="全部状态"
          allowClear
          style={{ width: 130 }}
          value={filters.status}
          options={TASK_STATUSES.map((s) => ({ value: s, label: TASK_STATUS_LABELS[s] }))}
          onChange={(status?: string) => update({ status })}
        />
        <Space>
          <Switch
            checked={filters.overdue === true}
            onChange={(on) => update({ overdue: on || undefined })}
            data-testid="task-overdue"
          />
          只看逾期
        </Space>
      </FilterBar>
      <Card size="small">
        <ListTable<Task>
          list={lq}
          data={list.data}
          loading={list.isFetching}
          testId="task-table"
          rowKey="id"
          card={taskCard(mayRemind ? (t) => void remind(t) : undefined)}
          scroll={{ x: 1000 }}
          empty={{ filtered: "没有符合条件的任务", none: "本年度尚无任务（财政下达目标申报后生成）" }}
          columns={[
            {
              title: "任务",
              dataIndex: "title",
              ellipsis: true,
              render: (t: string, r) => <OpenLink to={r.link}>{t}</OpenLink>,
            },
            { title: "类型", dataIndex: "kindLabel", width: 110 },
            { title: "负责单位", dataIndex: ["org", "name"], width: 200, ellipsis: true },
            {
              title: "状态",
              dataIndex: "statusLabel",
              width: 90,
              render: (l: string, r) => <Tag color={r.status === "returned" ? "error" : undefined}>{l}</Tag>,
            },
            { title: "截止", key: "due", width: 230, render: (_: unknown, r) => dueText(r) },
            { title: "催办", dataIndex: "reminders", width: 60, align: "right" },
            ...(mayRemind
              ? [
                  {
                    title: "操作",
                    key: "ops",
                    width: 90,
                    fixed: "right" as const,
                    render: (_: unknown, r: Task) =>
                      ["todo", "in_progress", "returned"].includes(r.status) ? (
                        <Button
                          size="small"
                          icon={<BellOutlined />}
                          onClick={() => void remind(r)}
                          data-testid="task-remind"
                        >
                          催办
                        </Button>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </>
  );
}
