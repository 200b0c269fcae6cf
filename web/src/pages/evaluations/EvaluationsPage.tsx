import { PlusOutlined, ScheduleOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Select, Space, Typography } from "antd";
import { useMemo, useState } from "react";
import { Link } from "react-router";
import { EVALUATION_SORTS } from "../../../../src/core/evaluations/list";
import { EVALUATION_KINDS, EVALUATION_STATUSES, type EvaluationKind } from "../../../../src/core/evaluations/workflow";
import {
  type EvaluationFilters,
  type EvaluationRow,
  type OpenDepartmentReply,
  useEvaluations,
} from "../../api/evaluations/evaluations";
import { useOrgTree } from "../../api/hooks";
import { fetchTasks, taskKeys } from "../../api/tasks/tasks";
import { useSession, useYear } from "../../auth/session";
import {
  EvaluationKindTag,
  EvaluationStatusTag,
  evaluationKindOptions,
  evaluationStatusOptions,
  pts,
} from "../../components/evaluations/labels";
import { NewEvaluationModal } from "../../components/evaluations/NewEvaluationModal";
import { OpenDepartmentModal } from "../../components/evaluations/OpenDepartmentModal";
import { useOpenFromHere, useRestoreScroll } from "../../components/list/backTo";
import type { CardOf } from "../../components/list/CardList";
import { FilterBar } from "../../components/list/FilterBar";
import { ListTable } from "../../components/list/ListTable";
import { SearchFilter } from "../../components/list/SearchFilter";
import { intParam, oneOf, textParam, useListQuery } from "../../components/list/useListQuery";
import { departmentOptions } from "../../components/orgs";
import { PageError } from "../../components/PageError";
import { PageTitle } from "../../components/PageTitle";
import { count, DASH, dateTime, wan } from "../../format";

const parseFilters = (params: URLSearchParams): EvaluationFilters => ({
  q: textParam(params.get("q")),
  kind: oneOf(EVALUATION_KINDS, params.get("kind")),
  status: oneOf(EVALUATION_STATUSES, params.get("status")),
  departmentId: intParam(params.get("departmentId")),
});

/** "2/3 已提交" for a key evaluation's team; nothing for a department's own. */
const progressOf = (r: EvaluationRow) =>
  r.kind === "key" ? (r.members === 0 ? "未组建评价组" : `${r.submittedSheets}/${r.members} 位专家已提交`) : null;

function Score({ r }: { r: EvaluationRow }) {
  if (!r.scores || r.scores.score === null) return <Typography.Text type="secondary">{DASH}</Typography.Text>;
  return (
    <span className="jx-num" title={r.scores.how}>
      <b>{pts(r.scores.score)}</b>
      {r.scores.gradeLabel && <span style={{ marginLeft: 4 }}>{r.scores.gradeLabel}</span>}
      {r.scores.override !== null && (
        <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 4 }}>
          （已调整）
        </Typography.Text>
      )}
    </span>
  );
}

const evaluationCard = (r: EvaluationRow): CardOf => ({
  title: r.project.name,
  to: `/evaluations/${r.id}`,
  tag: <EvaluationStatusTag status={r.status} />,
  fields: [
    { label: "", value: <EvaluationKindTag kind={r.kind} /> },
    { label: "编码", value: r.project.code },
    { label: "单位", value: r.unit.name },
    { label: "金额", value: `${wan(r.amount)}万元` },
    ...(progressOf(r) ? [{ label: "评分", value: progressOf(r) }] : []),
    { label: "得分", value: <Score r={r} /> },
  ],
});

/**
 * 绩效评价: the year's department evaluations and key evaluations the account may see. Finance creates key
 * evaluations and opens the year's department evaluation; a department creates evaluations of its projects; an
 * expert sees the evaluations whose team they are on.
 */
export default function EvaluationsPage() {
  const { me, can } = useSession();
  const { year } = useYear();
  const finance = can("evaluation.manage");
  const department = me.role === "department";
  const lq = useListQuery({ parse: parseFilters, sorts: EVALUATION_SORTS });
  const { filters, update } = lq;
  const list = useEvaluations({
    ...filters,
    year,
    page: lq.page,
    pageSize: lq.pageSize,
    sort: lq.sort,
    order: lq.order,
  });
  const tree = useOrgTree(finance);
  const deptOptions = useMemo(() => (finance ? departmentOptions(tree.data?.nodes) : []), [finance, tree.data]);
  // The year's department evaluation is open once its tasks exist (finance sees all, a department its own).
  const deptTasks = useQuery({
    queryKey: taskKeys.list(year, { kind: "department_evaluation" }, 1, 1),
    queryFn: () => fetchTasks(year, { kind: "department_evaluation" }, 1, 1),
    enabled: finance || department,
  });
  const deptOpen = (deptTasks.data?.total ?? 0) > 0;
  const deptDue = deptTasks.data?.rows[0]?.dueOn ?? null;
  const [creating, setCreating] = useState<EvaluationKind | null>(null);
  const [opening, setOpening] = useState(false);
  const [opened, setOpened] = useState<OpenDepartmentReply | null>(null);
  const open = useOpenFromHere();
  const data = list.data;
  useRestoreScroll(data !== undefined);

  if (list.error && !data) return <PageError error={list.error} onRetry={() => void list.refetch()} />;

  const expert = me.role === "expert";
  const title = expert ? "我的评价任务" : "绩效评价";
  const sub = expert
    ? `${year}年度 · 我所在评价组的财政重点评价 · 金额单位：万元`
    : `${year}年度 · 部门评价与财政重点评价 · 金额单位：万元`;

  return (
    <>
      <PageTitle
        title={title}
        sub={sub}
        extra={
          <Space wrap>
            {finance && !deptTasks.isPending && (
              <Button icon={<ScheduleOutlined />} onClick={() => setOpening(true)} data-testid="evaluation-open-dept">
                {deptOpen ? `部门评价截止 ${deptDue ?? ""}（调整）` : "开启部门评价…"}
              </Button>
            )}
            {department && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                disabled={!deptOpen}
                title={deptOpen ? undefined : `财政尚未开启${year}年度部门评价`}
                onClick={() => setCreating("department")}
                data-testid="evaluation-new-department"
              >
                新建部门评价…
              </Button>
            )}
            {finance && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating("key")}
                data-testid="evaluation-new-key"
              >
                新建重点评价…
              </Button>
            )}
          </Space>
        }
      />
      {opened && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setOpened(null) }}
          style={{ marginBottom: 12 }}
          title={`已开启${opened.fiscalYear}年度部门评价，截止 ${opened.dueOn}：新下达任务 ${opened.tasksCreated} 项${
            opened.tasksExisting > 0 ? `，已有任务 ${opened.tasksExisting} 项` : ""
          }`}
        />
      )}
      {department && !deptTasks.isPending && !deptOpen && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`财政尚未开启${year}年度部门评价；开启后可对本部门的项目新建部门评价。`}
        />
      )}
      {department && deptOpen && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            <>
              {year}年度部门评价截止 {deptDue}：每个部门至少评价财政要求数量的项目，完成后逐项提交财政审核。
              <Link to="/tasks">查看任务</Link>
            </>
          }
        />
      )}
      <FilterBar onReset={lq.reset} canReset={lq.changed}>
        <SearchFilter
          label="搜索评价"
          testId="evaluation-search"
          placeholder="项目编码或名称"
          value={filters.q}
          width={220}
          onSearch={(q) => update({ q })}
        />
        {!expert && (
          <Select
            aria-label="评价类型"
            data-testid="evaluation-filter-kind"
            placeholder="评价类型"
            allowClear
            style={{ width: 140 }}
            value={filters.kind}
            options={evaluationKindOptions}
            onChange={(v?: string) => update({ kind: v })}
          />
        )}
        <Select
          aria-label="状态"
          data-testid="evaluation-filter-status"
          placeholder="状态"
          allowClear
          style={{ width: 130 }}
          value={filters.status}
          options={evaluationStatusOptions}
          onChange={(v?: string) => update({ status: v })}
        />
        {finance && (
          <Select
            aria-label="主管部门"
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
      </FilterBar>
      <Card size="small">
        <div style={{ marginBottom: 12 }} data-testid="evaluation-total">
          {data ? (
            <span>
              共 <b>{count(data.total)}</b> 项
              {lq.hasFilters && <Typography.Text type="secondary">（按当前筛选条件）</Typography.Text>}
            </span>
          ) : (
            "正在查询…"
          )}
        </div>
        <ListTable<EvaluationRow>
          list={lq}
          data={data}
          loading={list.isFetching}
          testId="evaluation-list"
          rowKey="id"
          card={evaluationCard}
          scroll={{ x: 1000 }}
          onRow={(r) => ({ "data-code": r.project.code }) as React.HTMLAttributes<HTMLElement>}
          empty={{
            filtered: "没有符合条件的评价",
            none: expert
              ? "暂无您参加的评价"
              : finance
                ? "本年度还没有评价：新建重点评价，或开启部门评价"
                : "本年度还没有评价",
          }}
          columns={[
            {
              title: "项目编码",
              dataIndex: ["project", "code"],
              ...lq.sortable("code"),
              width: 110,
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
                <Link to={`/evaluations/${r.id}`} title={r.project.name} {...open}>
                  {r.project.name}
                </Link>
              ),
            },
            { title: "类型", width: 116, render: (_: unknown, r) => <EvaluationKindTag kind={r.kind} /> },
            {
              title: "单位",
              width: 150,
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
              title: "评价金额",
              ...lq.sortable("amount"),
              width: 104,
              align: "right",
              render: (_: unknown, r) => <span className="jx-num">{wan(r.amount)}</span>,
            },
            {
              title: "评分进度",
              width: 140,
              render: (_: unknown, r) => (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {progressOf(r) ?? (r.firm ? r.firm.name : DASH)}
                </Typography.Text>
              ),
            },
            { title: "得分", width: 120, align: "right", render: (_: unknown, r) => <Score r={r} /> },
            {
              title: "状态",
              ...lq.sortable("status"),
              width: 100,
              render: (_: unknown, r) => <EvaluationStatusTag status={r.status} />,
            },
            {
              title: "更新",
              ...lq.sortable("updatedAt"),
              width: 100,
              render: (_: unknown, r) => <span className="jx-num">{dateTime(r.updatedAt).slice(0, 10)}</span>,
            },
          ]}
        />
      </Card>
      <NewEvaluationModal kind={creating} year={year} onClose={() => setCreating(null)} />
      {opening && (
        <OpenDepartmentModal
          open
          year={year}
          dueOn={deptOpen ? deptDue : null}
          onClose={() => setOpening(false)}
          onDone={(r) => {
            setOpening(false);
            setOpened(r);
          }}
        />
      )}
    </>
  );
}
