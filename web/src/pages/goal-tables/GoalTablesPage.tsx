import { ReloadOutlined } from "@ant-design/icons";
import { Button, Card, Input, Select, Space, Table, Tooltip, Typography } from "antd";
import { useMemo } from "react";
import { Link } from "react-router";
import type { GoalSubjectKind } from "../../../../src/core/goals/types";
import { GOAL_RETURNED_BY_LABELS, GOAL_STATUSES, type GoalStatus } from "../../../../src/core/goals/workflow";
import { type GoalTableFilters, type GoalTableRow, useGoalTables } from "../../api/goal-tables";
import { useOrgTree } from "../../api/hooks";
import { useSession, useYear } from "../../auth/session";
import { GOAL_TABLE_CSS } from "../../components/goal-tables/css";
import { GoalExcelActions } from "../../components/goal-tables/GoalExcelActions";
import { GoalStatusTag, goalStatusOptions, IssueCounts } from "../../components/goal-tables/status";
import { departmentOptions } from "../../components/orgs";
import { PageError } from "../../components/PageError";
import { PageTitle } from "../../components/PageTitle";
import { intParam, pageSizeParam, serverPaging, useUrlList } from "../../components/urlList";
import { dateTime } from "../../format";

const KINDS: GoalSubjectKind[] = ["project", "deptWide"];
const KIND_LABELS: Record<GoalSubjectKind, string> = { project: "项目", deptWide: "部门整体" };

/** Filters and page in the query string, so that a link or the back button restores the list. */
function useListState() {
  const { params, page, pageSize, update, reset } = useUrlList();
  const status = params.get("status");
  const kind = params.get("kind");
  const filters: GoalTableFilters = {
    q: params.get("q")?.trim() || undefined,
    status: GOAL_STATUSES.includes(status as GoalStatus) ? (status as GoalStatus) : undefined,
    subjectKind: KINDS.includes(kind as GoalSubjectKind) ? (kind as GoalSubjectKind) : undefined,
    departmentId: intParam(params.get("departmentId")),
  };
  return { filters, page, pageSize, update, reset };
}

/** 绩效目标表: the tables the account may see, with their status and how many problems each has. */
export default function GoalTablesPage() {
  const { me } = useSession();
  const { year } = useYear();
  const { filters, page, pageSize, update, reset } = useListState();
  const isBureau = me.org.kind === "bureau";
  const list = useGoalTables({ ...filters, year, page, pageSize });
  const tree = useOrgTree(isBureau);
  const deptOptions = useMemo(() => departmentOptions(tree.data?.nodes), [tree.data]);
  const hasFilters = Object.values(filters).some((v) => v !== undefined);
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
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap size={[12, 8]}>
          <Input.Search
            key={filters.q ?? ""}
            aria-label="搜索目标表"
            data-testid="goal-table-search"
            placeholder="项目编码或名称"
            defaultValue={filters.q}
            allowClear
            enterButton="查询"
            style={{ width: 300 }}
            onSearch={(v) => update({ q: v.trim() || undefined })}
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
          <Button icon={<ReloadOutlined />} onClick={reset} disabled={!hasFilters}>
            重置
          </Button>
        </Space>
      </Card>
      <Card size="small">
        <Typography.Paragraph style={{ marginBottom: 12 }} data-testid="goal-table-total">
          {data ? (
            <>
              共 <b>{data.total.toLocaleString("zh-CN")}</b> 张绩效目标表
              {hasFilters && <Typography.Text type="secondary">（按当前筛选条件）</Typography.Text>}
              <Typography.Text type="secondary" style={{ marginLeft: 12, fontSize: 12 }}>
                “问题”为智能审核结果：错误须改正后才能提交，提示建议修改。
              </Typography.Text>
            </>
          ) : (
            "正在查询…"
          )}
        </Typography.Paragraph>
        <Table<GoalTableRow>
          data-testid="goal-table-list"
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={data?.rows}
          scroll={{ x: 1000 }}
          locale={{ emptyText: hasFilters ? "没有符合条件的绩效目标表" : "暂无绩效目标表" }}
          pagination={serverPaging(page, pageSize, data?.total ?? 0)}
          onChange={(pg, _f, _s, extra) => {
            if (extra.action === "paginate") update({ page: pg.current, pageSize: pageSizeParam(pg.pageSize) });
          }}
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
