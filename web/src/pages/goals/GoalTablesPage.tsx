import { Card, Select, Tooltip, Typography } from "antd";
import { useMemo } from "react";
import { Link } from "react-router";
import type { GoalSubjectKind } from "../../../../src/core/goals/types";
import { GOAL_RETURNED_BY_LABELS, GOAL_STATUSES } from "../../../../src/core/goals/workflow";
import { type GoalTableFilters, type GoalTableRow, useGoalTables } from "../../api/goals/goal-tables";
import { useOrgTree } from "../../api/hooks";
import { useSession, useYear } from "../../auth/session";
import { GOAL_TABLE_CSS } from "../../components/goals/css";
import { GoalExcelActions } from "../../components/goals/GoalExcelActions";
import { goalTableCard } from "../../components/goals/GoalTableCard";
import { GoalStatusTag, goalStatusOptions, IssueCounts } from "../../components/goals/status";
import { FilterBar } from "../../components/list/FilterBar";
import { ListTable } from "../../components/list/ListTable";
import { SearchFilter } from "../../components/list/SearchFilter";
import { intParam, oneOf, textParam, useListQuery } from "../../components/list/useListQuery";
import { departmentOptions } from "../../components/orgs";
import { PageError } from "../../components/PageError";
import { PageTitle } from "../../components/PageTitle";
import { dateTime } from "../../format";

const KINDS: GoalSubjectKind[] = ["project", "deptWide"];
const KIND_LABELS: Record<GoalSubjectKind, string> = { project: "项目", deptWide: "部门整体" };

/** The list's filters as the query string holds them. */
const parseFilters = (params: URLSearchParams): GoalTableFilters => ({
  q: textParam(params.get("q")),
  status: oneOf(GOAL_STATUSES, params.get("status")),
  subjectKind: oneOf(KINDS, params.get("kind")),
  departmentId: intParam(params.get("departmentId")),
});

/** 绩效目标表: the tables the account may see, with their status and how many problems each has. */
export default function GoalTablesPage() {
  const { me } = useSession();
  const { year } = useYear();
  const lq = useListQuery({ parse: parseFilters });
  const { filters, update } = lq;
  const isBureau = me.org.kind === "bureau";
  const list = useGoalTables({ ...filters, year, page: lq.page, pageSize: lq.pageSize });
  const tree = useOrgTree(isBureau);
  const deptOptions = useMemo(() => departmentOptions(tree.data?.nodes), [tree.data]);
  const data = list.data;

  if (list.error && !data) return <PageError error={list.error} onRetry={() => void list.refetch()} />;

  const scope =
    me.role === "unit"
      ? `${me.org.name}填报的绩效目标表`
      : me.role === "department"
        ? `${me.org.name}及所属单位的绩效目标表`
        : "全区项目和部门整体绩效目标表";

  return (
    <>
      <style>{GOAL_TABLE_CSS}</style>
      <PageTitle
        title="绩效目标表"
        sub={`${year}年度 · ${scope}`}
        extra={<GoalExcelActions year={year} departmentId={filters.departmentId} orgs={tree.data?.nodes} />}
      />
      <FilterBar onReset={lq.reset} canReset={lq.changed}>
        <SearchFilter
          label="搜索目标表"
          testId="goal-table-search"
          placeholder="项目编码或名称"
          value={filters.q}
          width={300}
          onSearch={(q) => update({ q })}
        />
        <Select
          aria-label="状态"
          data-testid="goal-filter-status"
          placeholder="状态"
          allowClear
          style={{ width: 160 }}
          value={filters.status}
          options={goalStatusOptions}
          onChange={(v?: string) => update({ status: v })}
        />
        <Select
          aria-label="目标表类型"
          data-testid="goal-filter-kind"
          placeholder="项目/部门整体"
          allowClear
          style={{ width: 140 }}
          value={filters.subjectKind}
          options={KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
          onChange={(v?: string) => update({ kind: v })}
        />
        {isBureau && (
          <Select
            aria-label="主管部门"
            data-testid="goal-filter-department"
            placeholder="主管部门"
            allowClear
            showSearch={{ optionFilterProp: "search" }}
            style={{ width: 220 }}
            value={filters.departmentId}
            options={deptOptions}
            loading={tree.isPending}
            onChange={(v?: number) => update({ departmentId: v })}
          />
        )}
      </FilterBar>
      <Card size="small">
        <Typography.Paragraph style={{ marginBottom: 12 }} data-testid="goal-table-total">
          {data ? (
            <>
              共 <b>{data.total.toLocaleString("zh-CN")}</b> 张绩效目标表
              {lq.hasFilters && <Typography.Text type="secondary">（按当前筛选条件）</Typography.Text>}
              <Typography.Text type="secondary" style={{ marginLeft: 12, fontSize: 12 }}>
                “问题”为智能审核结果：错误须改正后才能提交，提示建议修改。
              </Typography.Text>
            </>
          ) : (
            "正在查询…"
          )}
        </Typography.Paragraph>
        <ListTable<GoalTableRow>
          list={lq}
          data={data}
          loading={list.isFetching}
          testId="goal-table-list"
          rowKey="id"
          card={goalTableCard}
          scroll={{ x: 1000 }}
          empty={{ filtered: "没有符合条件的绩效目标表", none: "暂无绩效目标表" }}
          columns={[
            {
              title: "编码",
              dataIndex: "subjectCode",
              width: 130,
              fixed: "left",
              ellipsis: true,
              render: (code: string) => (
                <span style={{ fontSize: 12 }} className="jx-num">
                  {code}
                </span>
              ),
            },
            {
              title: "名称",
              dataIndex: "subjectName",
              ellipsis: { showTitle: false },
              render: (name: string, r) => (
                <Link to={`/goal-tables/${r.id}`} title={name}>
                  {name}
                </Link>
              ),
            },
            {
              title: "类型",
              dataIndex: "subjectKind",
              width: 72,
              render: (k: GoalSubjectKind) => KIND_LABELS[k] ?? k,
            },
            { title: "主管部门", dataIndex: "departmentName", width: 150, ellipsis: true },
            {
              title: "状态",
              dataIndex: "status",
              width: 132,
              render: (_: unknown, r) =>
                r.status === "returned" && r.returnedBy ? (
                  <Tooltip title={`由${GOAL_RETURNED_BY_LABELS[r.returnedBy]}退回，待修改后重新提交`}>
                    <span>
                      <GoalStatusTag status={r.status} returnedBy={r.returnedBy} />
                    </span>
                  </Tooltip>
                ) : (
                  <GoalStatusTag status={r.status} returnedBy={r.returnedBy} />
                ),
            },
            {
              title: "版本",
              dataIndex: "revision",
              width: 60,
              align: "center",
              render: (v: number, r) =>
                r.revisionReason ? (
                  <Tooltip title={`调整原因：${r.revisionReason}`}>
                    <span style={{ borderBottom: "1px dotted #999" }}>第{v}版</span>
                  </Tooltip>
                ) : (
                  `第${v}版`
                ),
            },
            { title: "指标数", dataIndex: "indicators", width: 60, align: "right" },
            {
              title: "问题",
              key: "issues",
              width: 120,
              render: (_: unknown, r) => <IssueCounts errors={r.errors} warnings={r.warnings} />,
            },
            {
              title: "更新时间",
              dataIndex: "updatedAt",
              width: 132,
              render: (v: string) => <span className="jx-num">{dateTime(v).slice(0, 16)}</span>,
            },
          ]}
        />
      </Card>
    </>
  );
}
