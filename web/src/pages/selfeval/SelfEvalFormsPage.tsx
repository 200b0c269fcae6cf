import { Button, Card, Select, Space, Tag, Tooltip, Typography } from "antd";
import { type Key, useMemo, useState } from "react";
import { Link } from "react-router";
import { DESK_STATUSES } from "../../../../src/core/review/desk-workflow";
import { DEFAULT_GRADE_LABELS, GRADES, type Grade } from "../../../../src/core/selfeval/grade";
import { FORM_SORTS } from "../../../../src/core/selfeval/list";
import { useOrgTree } from "../../api/hooks";
import { type SelfEvalFormFilters, type SelfEvalFormRow, useSelfEvalForms } from "../../api/selfeval/forms";
import { selfEvalListXlsxUrl } from "../../api/selfeval/workbook";
import { useSession, useYear } from "../../auth/session";
import { useOpenFromHere, useRestoreScroll } from "../../components/list/backTo";
import type { CardOf } from "../../components/list/CardList";
import { ExportButton } from "../../components/list/ExportButton";
import { FilterBar } from "../../components/list/FilterBar";
import { ListTable } from "../../components/list/ListTable";
import { SearchFilter } from "../../components/list/SearchFilter";
import { intParam, oneOf, textParam, useListQuery } from "../../components/list/useListQuery";
import { departmentOptions, unitOptions } from "../../components/orgs";
import { PageError } from "../../components/PageError";
import { PageTitle } from "../../components/PageTitle";
import {
  GRADE_COLORS,
  GradeTag,
  gradeOptions,
  SelfEvalStatusTag,
  SUBJECT_KIND_LABELS,
  selfEvalStatusOptions,
} from "../../components/selfeval/labels";
import { BATCH_LABELS, type BatchAction, SelfEvalBatchModal } from "../../components/selfeval/SelfEvalBatchModal";
import { SelfEvalWorkbookButtons } from "../../components/selfeval/SelfEvalWorkbook";
import { count, DASH, dateTime, wan } from "../../format";

const SUBJECT_KINDS = ["project", "deptWide"] as const;

const parseFilters = (params: URLSearchParams): SelfEvalFormFilters => ({
  q: textParam(params.get("q")),
  subjectKind: oneOf(SUBJECT_KINDS, params.get("subjectKind")),
  status: oneOf(DESK_STATUSES, params.get("status")),
  grade: oneOf(GRADES, params.get("grade")),
  departmentId: intParam(params.get("departmentId")),
  unitId: intParam(params.get("unitId")),
});

const points = (v: number | null) => (v === null ? DASH : v.toFixed(2));
const rate = (v: string | null) => (v === null ? DASH : `${v}%`);

/** The total, or why there is none yet. */
function Total({ r }: { r: SelfEvalFormRow }) {
  if (r.total !== null) return <b className="jx-num">{points(r.total)}</b>;
  return (
    <Tooltip title={`${r.unscorable} 项尚未填写或无法计分，暂不能得出总分`}>
      <Typography.Text type="secondary" style={{ cursor: "help" }}>
        未完成
      </Typography.Text>
    </Tooltip>
  );
}

const formCard =
  (labels: Record<Grade, string>) =>
  (r: SelfEvalFormRow): CardOf => ({
    title: r.name,
    to: `/selfeval/forms/${r.id}`,
    tag: <SelfEvalStatusTag status={r.status} text={r.statusText} />,
    fields: [
      { label: "编码", value: r.code },
      { label: "实施单位", value: r.unit.name },
      { label: "全年预算数", value: `${wan(r.adjustedBudget)} 万元` },
      { label: "执行率", value: rate(r.rate) },
      {
        label: "总分",
        value: (
          <>
            {points(r.total)} <GradeTag grade={r.grade} labels={labels} />
          </>
        ),
      },
      ...(r.overdue ? [{ label: "", value: <Tag color="red">已逾期</Tag> }] : []),
    ],
  });

/** 自评表: the year's self-evaluation forms in the account's scope, with the money, the score and the grade. */
export default function SelfEvalFormsPage() {
  const { me, can } = useSession();
  const { year } = useYear();
  const batching = can("selfeval.write");
  // Ticked forms across pages and filters, until a batch step takes them or the clerk clears them.
  const [selected, setSelected] = useState<SelfEvalFormRow[]>([]);
  const [batch, setBatch] = useState<BatchAction | null>(null);
  const lq = useListQuery({ parse: parseFilters, sorts: FORM_SORTS, firstOrder: "asc" });
  const { filters, update } = lq;
  const isBureau = me.org.kind === "bureau";
  const pickUnits = me.role !== "unit";
  const list = useSelfEvalForms({
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
  const labels = data?.gradeLabels ?? DEFAULT_GRADE_LABELS;
  useRestoreScroll(data !== undefined);

  if (list.error && !data) return <PageError error={list.error} onRetry={() => void list.refetch()} />;

  const scope =
    me.role === "unit"
      ? `${me.org.name}的自评表`
      : me.role === "department"
        ? `${me.org.name}及所属单位的自评表`
        : "全区项目支出和部门整体支出的自评表";
  const graded = data ? GRADES.reduce((s, g) => s + (data.grades[g] ?? 0), 0) : 0;
  const takes = (a: BatchAction) => selected.length > 0 && selected.every((r) => r.batchActions.includes(a));
  const offered = (a: BatchAction) => selected.some((r) => r.batchActions.includes(a));

  return (
    <>
      <PageTitle
        title="自评表"
        sub={`${year}年度 · ${scope} · 金额单位：万元`}
        extra={
          <Space wrap>
            <SelfEvalWorkbookButtons
              year={year}
              departmentId={filters.departmentId}
              unitId={filters.unitId}
              labels={data?.gradeLabels}
            />
            <ExportButton
              href={selfEvalListXlsxUrl({
                year,
                ...filters,
                sort: lq.sort,
                order: lq.sort ? (lq.order ?? "asc") : undefined,
              })}
              testId="selfeval-list-export"
            />
          </Space>
        }
      />
      <FilterBar onReset={lq.reset} canReset={lq.changed}>
        <SearchFilter
          label="搜索自评表"
          testId="selfeval-search"
          placeholder="编码、名称或实施单位"
          value={filters.q}
          width={260}
          onSearch={(q) => update({ q })}
        />
        <Select
          aria-label="自评对象"
          data-testid="selfeval-filter-kind"
          placeholder="项目/部门整体"
          allowClear
          style={{ width: 150 }}
          value={filters.subjectKind}
          options={SUBJECT_KINDS.map((k) => ({ value: k, label: SUBJECT_KIND_LABELS[k] }))}
          onChange={(v?: string) => update({ subjectKind: v })}
        />
        <Select
          aria-label="状态"
          data-testid="selfeval-filter-status"
          placeholder="状态"
          allowClear
          style={{ width: 150 }}
          value={filters.status}
          options={selfEvalStatusOptions}
          onChange={(v?: string) => update({ status: v })}
        />
        <Select
          aria-label="等级"
          data-testid="selfeval-filter-grade"
          placeholder="等级"
          allowClear
          style={{ width: 180 }}
          value={filters.grade}
          options={gradeOptions(labels)}
          onChange={(v?: string) => update({ grade: v })}
        />
        {isBureau && (
          <Select
            aria-label="主管部门"
            data-testid="selfeval-filter-department"
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
            data-testid="selfeval-filter-unit"
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
        <div style={{ marginBottom: 12 }} data-testid="selfeval-total">
          {data ? (
            <Space wrap size={[16, 8]}>
              <span>
                共 <b>{count(data.total)}</b> 张自评表
                {lq.hasFilters && <Typography.Text type="secondary">（按当前筛选条件）</Typography.Text>}
              </span>
              <span data-testid="selfeval-grade-counts">
                {GRADES.map((g) => (
                  <Tag
                    key={g}
                    color={GRADE_COLORS[g]}
                    style={{ cursor: "pointer" }}
                    onClick={() => update({ grade: g })}
                  >
                    {labels[g]} {count(data.grades[g] ?? 0)}
                  </Tag>
                ))}
                {!filters.grade && data.total > graded && <Tag>尚无总分 {count(data.total - graded)}</Tag>}
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                总分与等级按当前填报内容即时计算；点等级可筛选。
              </Typography.Text>
              {batching && selected.length > 0 && (
                <Space size={8} data-testid="selfeval-batch-bar">
                  <span>
                    已勾选 <b>{selected.length}</b> 张
                  </span>
                  {(["submit", "approve"] as const).filter(offered).map((a) => (
                    <Tooltip key={a} title={takes(a) ? undefined : "所勾选的自评表中有不能办理此项的，请先取消勾选"}>
                      <Button
                        size="small"
                        type="primary"
                        disabled={!takes(a)}
                        data-testid={`selfeval-batch-${a}`}
                        onClick={() => setBatch(a)}
                      >
                        {BATCH_LABELS[a]}
                      </Button>
                    </Tooltip>
                  ))}
                  <Button size="small" type="link" onClick={() => setSelected([])}>
                    清除勾选
                  </Button>
                </Space>
              )}
            </Space>
          ) : (
            "正在查询…"
          )}
        </div>
        <ListTable<SelfEvalFormRow>
          list={lq}
          data={data}
          loading={list.isFetching}
          testId="selfeval-form-list"
          rowKey="id"
          card={formCard(labels)}
          scroll={{ x: 1080 }}
          onRow={(r) => ({ "data-code": r.code }) as React.HTMLAttributes<HTMLElement>}
          rowSelection={
            batching
              ? {
                  selectedRowKeys: selected.map((r) => r.id) as Key[],
                  preserveSelectedRowKeys: true,
                  getCheckboxProps: (r) => ({
                    disabled: r.batchActions.length === 0,
                    title: r.batchActions.length === 0 ? "当前状态下无可批量办理的操作" : undefined,
                  }),
                  onChange: (_keys, rows) =>
                    setSelected((prev) => {
                      const onPage = new Set((data?.rows ?? []).map((r) => r.id));
                      return [...prev.filter((r) => !onPage.has(r.id)), ...rows.filter((r) => r !== undefined)];
                    }),
                }
              : undefined
          }
          empty={{ filtered: "没有符合条件的自评表", none: "暂无自评表：财政局开启单位自评后生成" }}
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
                <Link to={`/selfeval/forms/${r.id}`} title={name} {...open}>
                  {name}
                </Link>
              ),
            },
            {
              title: "实施单位",
              width: 140,
              ellipsis: { showTitle: false },
              ...lq.sortable("department"),
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
            },
            {
              title: "全年预算数",
              dataIndex: "adjustedBudget",
              ...lq.sortable("budget"),
              width: 110,
              align: "right",
              render: (v: number, r) => (
                <Tooltip title={`年初预算数 ${wan(r.startBudget)} 万元`}>
                  <span className="jx-num">{wan(v)}</span>
                </Tooltip>
              ),
            },
            {
              title: "全年执行数",
              dataIndex: "executed",
              width: 110,
              align: "right",
              render: (v: number) => <span className="jx-num">{wan(v)}</span>,
            },
            {
              title: "执行率",
              dataIndex: "rate",
              ...lq.sortable("rate"),
              width: 86,
              align: "right",
              render: (v: string | null) => <span className="jx-num">{rate(v)}</span>,
            },
            {
              title: "总分",
              dataIndex: "total",
              ...lq.sortable("total"),
              width: 80,
              align: "right",
              render: (_: unknown, r) => <Total r={r} />,
            },
            {
              title: "等级",
              dataIndex: "grade",
              width: 64,
              render: (g: Grade | null) => <GradeTag grade={g} labels={labels} />,
            },
            {
              title: "状态",
              dataIndex: "status",
              ...lq.sortable("status"),
              width: 120,
              render: (_: unknown, r) => (
                <>
                  <SelfEvalStatusTag status={r.status} text={r.statusText} />
                  {r.overdue && (
                    <Tooltip title={`截止日期 ${r.dueOn}，尚未完成`}>
                      <Tag color="red" style={{ marginTop: 4 }} data-testid="selfeval-overdue">
                        已逾期
                      </Tag>
                    </Tooltip>
                  )}
                </>
              ),
            },
            {
              title: "更新",
              dataIndex: "updatedAt",
              ...lq.sortable("updatedAt"),
              width: 92,
              render: (v: string) => <span className="jx-num">{dateTime(v).slice(0, 10)}</span>,
            },
          ]}
        />
      </Card>
      {batch && (
        <SelfEvalBatchModal
          year={year}
          action={batch}
          rows={selected}
          onClose={() => setBatch(null)}
          onDone={(refused) => {
            setSelected(refused ? selected.filter((r) => !refused.includes(r.id)) : []);
            setBatch(null);
          }}
        />
      )}
    </>
  );
}
