import { Card, Select, Tag, Tooltip, Typography } from "antd";
import { useMemo } from "react";
import { Link } from "react-router";
import { GOAL_TABLE_SORTS } from "../../../../src/core/goals/list";
import type { GoalSubjectKind } from "../../../../src/core/goals/types";
import { GOAL_RETURNED_BY_LABELS, GOAL_STATUSES } from "../../../../src/core/goals/workflow";
import { type GoalTableFilters, type GoalTableRow, useGoalTables } from "../../api/goals/goal-tables";
import { useOrgTree } from "../../api/hooks";
import { useSession, useYear } from "../../auth/session";
import { GOAL_TABLE_CSS } from "../../components/goals/css";
import { GoalExcelActions } from "../../components/goals/GoalExcelActions";
import { goalTableCard } from "../../components/goals/GoalTableCard";
import { GoalStatusTag, goalStatusOptions, IssueCounts } from "../../components/goals/status";
import { useOpenFromHere, useRestoreScroll } from "../../components/list/backTo";
import { FilterBar } from "../../components/list/FilterBar";
import { ListTable } from "../../components/list/ListTable";
import { SearchFilter } from "../../components/list/SearchFilter";
import { intParam, oneOf, textParam, useListQuery } from "../../components/list/useListQuery";
import { departmentOptions, unitOptions } from "../../components/orgs";
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
  unitId: intParam(params.get("unitId")),
});

/** 绩效目标表: the tables the account may see, with their status and how many problems each has. */
export default function GoalTablesPage() {
  const { me } = useSession();
  const { year } = useYear();
  const lq = useListQuery({ parse: parseFilters, sorts: GOAL_TABLE_SORTS });
  const { filters, update } = lq;
  const isBureau = me.org.kind === "bureau";
  // Finance picks among every unit, a department among its own; a unit sees its own tables only.
  const pickUnits = me.role !== "unit";
  const list = useGoalTables({
    ...filters,
    year,
    page: lq.page,
    pageSize: lq.pageSize,
    sort: lq.sort,
    order: lq.sort ? (lq.order ?? "asc") : undefined,
  });
  const tree = useOrgTree(isBureau || pickUnits);
  const deptOptions = useMemo(() => (isBureau ? departmentOptions(tree.data?.nodes) : []), [isBureau, tree.data]);
  const units = useMemo(() => unitOptions(tree.data?.nodes, filters.departmentId), [tree.data, filters.departmentId]);
  const open = useOpenFromHere();
  const data = list.data;
  useRestoreScroll(data !== undefined);

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
          placeholder="编码、名称或实施单位"
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
            onChange={(v?: number) => update({ departmentId: v, unitId: undefined })}
          />
        )}
        {pickUnits && (
          <Select
            aria-label="实施单位"
            data-testid="goal-filter-unit"
            placeholder="实施单位"
            allowClear
            showSearch={{ optionFilterProp: "search" }}
            style={{ width: 240 }}
            value={filters.unitId}
            options={units}
            loading={tree.isPending}
            onChange={(v?: number) => update({ unitId: v })}
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
          scroll={{ x: 1080 }}
          empty={{ filtered: "没有符合条件的绩效目标表", none: "暂无绩效目标表" }}
          columns={[
            {
              title: "编码",
              dataIndex: "subjectCode",
              ...lq.sortable("subjectCode"),
              width: 128,
              fixed: "left",
              ellipsis: true,
              render: (code: string, r) => (
                <>
                  <span style={{ fontSize: 12 }} className="jx-num">
                    {code}
                  </span>
                  {r.subjectKind === "deptWide" && (
                    <div>
                      <Tag color="purple" style={{ marginInlineEnd: 0, fontSize: 11, lineHeight: "16px" }}>
                        {KIND_LABELS.deptWide}
                      </Tag>
                    </div>
                  )}
                </>
              ),
            },
            {
              title: "名称",
              dataIndex: "subjectName",
              ...lq.sortable("subjectName"),
              ellipsis: { showTitle: false },
              render: (name: string, r) => (
                <Link to={`/goal-tables/${r.id}`} title={name} {...open}>
                  {name}
                </Link>
              ),
            },
            {
              title: "实施单位",
              dataIndex: "unitName",
              ...lq.sortable("unit"),
              width: 160,
              ellipsis: { showTitle: false },
              render: (name: string, r) => (
                <div title={`${name}（${r.unitCode}）`} style={{ lineHeight: "18px" }}>
                  <div style={{ overflow: "hidden", textOverflow: "ellipsis" }}>{name}</div>
                  <div className="jx-num" style={{ fontSize: 12, color: "rgba(0,0,0,0.45)" }}>
                    {r.unitCode}
                  </div>
                </div>
              ),
            },
            {
              title: "主管部门",
              dataIndex: "departmentName",
              ...lq.sortable("department"),
              width: 130,
              ellipsis: true,
            },
            {
              title: "状态",
              dataIndex: "status",
              ...lq.sortable("status"),
              width: 124,
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
              width: 96,
              align: "center",
              render: (v: number, r) => (
                <>
                  {r.revisionReason ? (
                    <Tooltip title={`调整原因：${r.revisionReason}`}>
                      <span style={{ borderBottom: "1px dotted #999" }}>第{v}版</span>
                    </Tooltip>
                  ) : (
                    `第${v}版`
                  )}
                  {r.inForce && (
                    <div style={{ fontSize: 12 }}>
                      <Tooltip title={`第${v}版调整中，尚未批复：现行执行的是已批复的第${r.inForce.revision}版`}>
                        <Link to={`/goal-tables/${r.inForce.id}`} {...open} data-testid="goal-in-force">
                          现行：第{r.inForce.revision}版
                        </Link>
                      </Tooltip>
                    </div>
                  )}
                </>
              ),
            },
            { title: "指标数", dataIndex: "indicators", width: 64, align: "right" },
            {
              title: "问题",
              key: "issues",
              width: 112,
              render: (_: unknown, r) => <IssueCounts errors={r.errors} warnings={r.warnings} />,
            },
            {
              title: "更新",
              dataIndex: "updatedAt",
              ...lq.sortable("updatedAt"),
              width: 104,
              render: (v: string) => (
                <Tooltip title={`更新时间：${dateTime(v).slice(0, 16)}`}>
                  <span className="jx-num">{dateTime(v).slice(0, 10)}</span>
                </Tooltip>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
