import { DownloadOutlined, FileWordOutlined, SendOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Select, Space, Tag, Tooltip, Typography } from "antd";
import { type Key, useMemo, useState } from "react";
import { Link } from "react-router";
import type { Grade } from "../../../../src/core/selfeval/grade";
import { DEFAULT_GRADE_LABELS } from "../../../../src/core/selfeval/grade";
import { REVIEW_BASES, REVIEW_SORTS, REVIEW_STATUSES } from "../../../../src/core/selfeval/review";
import { useOrgTree } from "../../api/hooks";
import {
  type AssignReply,
  guidanceLetterUrl,
  type ReviewFilters,
  type ReviewRow,
  reviewResultsXlsxUrl,
  useReviewCounts,
  useReviewFirms,
  useReviews,
} from "../../api/review/review";
import { useSession, useYear } from "../../auth/session";
import { useOpenFromHere, useRestoreScroll } from "../../components/list/backTo";
import type { CardOf } from "../../components/list/CardList";
import { ExportButton } from "../../components/list/ExportButton";
import { FilterBar } from "../../components/list/FilterBar";
import { ListTable } from "../../components/list/ListTable";
import { SearchFilter } from "../../components/list/SearchFilter";
import { flagParam, intParam, oneOf, textParam, useListQuery } from "../../components/list/useListQuery";
import { departmentOptions } from "../../components/orgs";
import { PageError } from "../../components/PageError";
import { PageTitle } from "../../components/PageTitle";
import { GradeTag, SUBJECT_KIND_LABELS } from "../../components/selfeval/labels";
import { AssignReviewsModal } from "../../components/spot-check/AssignReviewsModal";
import {
  BasisTag,
  basisOptions,
  letterOrgOf,
  pts,
  ReviewStatusTag,
  reviewStatusOptions,
  signed,
} from "../../components/spot-check/labels";
import { count, DASH, dateTime, wan } from "../../format";

const SUBJECT_KINDS = ["project", "deptWide"] as const;

const parseFilters = (params: URLSearchParams): ReviewFilters => ({
  q: textParam(params.get("q")),
  status: oneOf(REVIEW_STATUSES, params.get("status")),
  basis: oneOf(REVIEW_BASES, params.get("basis")),
  subjectKind: oneOf(SUBJECT_KINDS, params.get("subjectKind")),
  departmentId: intParam(params.get("departmentId")),
  reviewerId: intParam(params.get("reviewerId")),
  overrated: flagParam(params.get("overrated")),
});

/** Can be (re)assigned: not yet submitted. */
const assignable = (r: ReviewRow) => r.status === "unassigned" || r.status === "assigned" || r.status === "returned";

function Scores({ r, labels }: { r: ReviewRow; labels: Record<Grade, string> }) {
  return (
    <span className="jx-num">
      {pts(r.selfTotal)} →{" "}
      {r.reviewTotal === null ? (
        "未评完"
      ) : (
        <>
          <b>{pts(r.reviewTotal)}</b> <GradeTag grade={r.reviewGrade} labels={labels} />
        </>
      )}
    </span>
  );
}

const reviewCard =
  (labels: Record<Grade, string>) =>
  (r: ReviewRow): CardOf => ({
    title: r.name,
    to: `/review/items/${r.id}`,
    tag: <ReviewStatusTag status={r.status} />,
    fields: [
      { label: "编码", value: r.code },
      { label: "", value: <BasisTag basis={r.basis} /> },
      { label: "单位", value: r.unit.name },
      { label: "复核人员", value: r.reviewer?.name ?? "未分配" },
      { label: "自评→复核", value: <Scores r={r} labels={labels} /> },
      ...(r.overrated ? [{ label: "", value: <Tag color="red">自评偏高 {signed(r.difference)}</Tag> }] : []),
    ],
  });

/**
 * 复核任务: the year's reviews the account may see. Finance: all of them, with the filters, assignment to a
 * firm's reviewers and the results export; a reviewer (第三方机构): the reviews assigned to them, to
 * re-score; a department or unit: its confirmed reviews with the guidance letter.
 */
export default function ReviewItemsPage() {
  const { me, can } = useSession();
  const { year } = useYear();
  const finance = can("review.manage");
  const reviewer = me.role === "firm";
  const lq = useListQuery({ parse: parseFilters, sorts: REVIEW_SORTS, firstOrder: "desc" });
  const { filters, update } = lq;
  const order = lq.sort ? (lq.order ?? "desc") : undefined;
  const list = useReviews({ ...filters, year, page: lq.page, pageSize: lq.pageSize, sort: lq.sort, order });
  const firms = useReviewFirms(finance);
  const counts = useReviewCounts(year, finance);
  const tree = useOrgTree(finance);
  const deptOptions = useMemo(() => (finance ? departmentOptions(tree.data?.nodes) : []), [finance, tree.data]);
  const reviewerOptions = useMemo(
    () =>
      (firms.data ?? []).flatMap((f) =>
        f.reviewers.map((r) => ({
          value: r.id,
          label: `${r.name}（${f.name}）`,
          search: `${r.name} ${r.username} ${f.name}`,
        })),
      ),
    [firms.data],
  );
  const open = useOpenFromHere();
  const [selected, setSelected] = useState<ReviewRow[]>([]);
  const [assigning, setAssigning] = useState(false);
  const [assigned, setAssigned] = useState<AssignReply | null>(null);
  const data = list.data;
  const labels = data?.gradeLabels ?? DEFAULT_GRADE_LABELS;
  useRestoreScroll(data !== undefined);

  if (list.error && !data) return <PageError error={list.error} onRetry={() => void list.refetch()} />;

  const own = me.role === "unit" || me.role === "department";
  const title = reviewer ? "我的复核任务" : own ? "抽查复核结果" : "复核任务";
  const sub = reviewer
    ? `${year}年度 · 分配给我的自评表，逐项复核评分后提交财政`
    : own
      ? `${year}年度 · 本单位自评表经财政确认的复核结果 · 金额单位：万元`
      : `${year}年度 · 纳入抽查复核的自评表 · 金额单位：万元`;
  const unassigned = counts.data?.unassigned ?? 0;
  const exportQuery = { year, ...filters, sort: lq.sort, order };
  const ownLetter = own && (data?.total ?? 0) > 0;

  return (
    <>
      <PageTitle
        title={title}
        sub={sub}
        extra={
          <Space wrap>
            {ownLetter && (
              <Button
                icon={<FileWordOutlined />}
                href={guidanceLetterUrl(year, me.org.id)}
                download
                data-testid="review-own-letter"
              >
                下载指导意见书
              </Button>
            )}
            <ExportButton href={reviewResultsXlsxUrl(exportQuery)} testId="review-export" label="导出复核结果" />
            {finance && (selected.length > 0 || unassigned > 0) && (
              <Tooltip title={selected.length === 0 ? "不勾选时分配全部待分配的自评表" : undefined}>
                <Button
                  type="primary"
                  icon={<SendOutlined />}
                  loading={firms.isPending}
                  onClick={() => setAssigning(true)}
                  data-testid="review-assign-open"
                >
                  {selected.length > 0 ? `分配选中的 ${selected.length} 张…` : `分配复核（待分配 ${unassigned}）…`}
                </Button>
              </Tooltip>
            )}
          </Space>
        }
      />
      {assigned && (
        <Alert
          type="success"
          showIcon
          closable={{ onClose: () => setAssigned(null) }}
          style={{ marginBottom: 12 }}
          data-testid="review-assigned"
          title={`已分配 ${assigned.assigned} 张自评表，下达复核任务 ${assigned.tasks} 个`}
          description={assigned.perReviewer
            .filter((p) => p.assigned > 0)
            .map((p) => `${p.name} ${p.assigned} 张`)
            .join("；")}
        />
      )}
      {finance && counts.data?.all === 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            <>
              {year}年度还没有抽取复核样本：请先在<Link to="/review">复核抽样</Link>中抽取。
            </>
          }
        />
      )}
      <FilterBar onReset={lq.reset} canReset={lq.changed}>
        <SearchFilter
          label="搜索自评表"
          testId="review-search"
          placeholder="编码、名称或单位"
          value={filters.q}
          width={240}
          onSearch={(q) => update({ q })}
        />
        {!own && (
          <Select
            aria-label="状态"
            data-testid="review-filter-status"
            placeholder="状态"
            allowClear
            style={{ width: 130 }}
            value={filters.status}
            options={reviewStatusOptions}
            onChange={(v?: string) => update({ status: v })}
          />
        )}
        <Select
          aria-label="自评对象"
          placeholder="项目/部门整体"
          allowClear
          style={{ width: 140 }}
          value={filters.subjectKind}
          options={SUBJECT_KINDS.map((k) => ({ value: k, label: SUBJECT_KIND_LABELS[k] }))}
          onChange={(v?: string) => update({ subjectKind: v })}
        />
        {finance && (
          <>
            <Select
              aria-label="入选方式"
              data-testid="review-filter-basis"
              placeholder="入选方式"
              allowClear
              style={{ width: 120 }}
              value={filters.basis}
              options={basisOptions}
              onChange={(v?: string) => update({ basis: v })}
            />
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
            <Select
              aria-label="复核人员"
              data-testid="review-filter-reviewer"
              placeholder="复核人员"
              allowClear
              showSearch={{ optionFilterProp: "search" }}
              style={{ width: 180 }}
              value={filters.reviewerId}
              options={reviewerOptions}
              onChange={(v?: number) => update({ reviewerId: v })}
            />
          </>
        )}
        <Select
          aria-label="自评偏高"
          data-testid="review-filter-overrated"
          placeholder="自评偏高"
          allowClear
          style={{ width: 130 }}
          value={filters.overrated === undefined ? undefined : String(filters.overrated)}
          options={[
            { value: "true", label: "自评偏高的" },
            { value: "false", label: "未偏高的" },
          ]}
          onChange={(v?: string) => update({ overrated: v })}
        />
      </FilterBar>
      <Card size="small">
        <div style={{ marginBottom: 12 }} data-testid="review-total">
          {data ? (
            <Space wrap size={[16, 4]}>
              <span>
                共 <b>{count(data.total)}</b> 张
                {lq.hasFilters && <Typography.Text type="secondary">（按当前筛选条件）</Typography.Text>}
              </span>
              {finance && selected.length > 0 && (
                <span>
                  已勾选 {selected.length} 张{" "}
                  <Button size="small" type="link" onClick={() => setSelected([])}>
                    清除勾选
                  </Button>
                </span>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                得分按复核评分即时计算；自评分高出复核分超过提示线的标为“自评偏高”。
              </Typography.Text>
            </Space>
          ) : (
            "正在查询…"
          )}
        </div>
        <ListTable<ReviewRow>
          list={lq}
          data={data}
          loading={list.isFetching}
          testId="review-list"
          rowKey="id"
          onRow={(r) => ({ "data-code": r.code }) as React.HTMLAttributes<HTMLElement>}
          card={reviewCard(labels)}
          scroll={{ x: 1100 }}
          rowSelection={
            finance
              ? {
                  selectedRowKeys: selected.map((r) => r.id) as Key[],
                  preserveSelectedRowKeys: true,
                  getCheckboxProps: (r) => ({ disabled: !assignable(r) }),
                  onChange: (_keys, rows) =>
                    setSelected((prev) => {
                      const onPage = new Set((data?.rows ?? []).map((r) => r.id));
                      return [...prev.filter((r) => !onPage.has(r.id)), ...rows.filter((r) => r !== undefined)];
                    }),
                }
              : undefined
          }
          empty={{
            filtered: "没有符合条件的复核任务",
            none: reviewer
              ? "暂无分配给您的复核任务"
              : own
                ? "暂无经财政确认的复核结果"
                : "暂无复核任务：抽取复核样本后生成",
          }}
          columns={[
            {
              title: "编码",
              dataIndex: "code",
              ...lq.sortable("code"),
              width: 96,
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
                <Link to={`/review/items/${r.id}`} title={name} {...open}>
                  {name}
                </Link>
              ),
            },
            {
              title: "入选",
              dataIndex: "basis",
              width: 72,
              render: (_: unknown, r) => <BasisTag basis={r.basis} />,
            },
            {
              title: "单位",
              width: 128,
              ellipsis: { showTitle: false },
              ...lq.sortable("department"),
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
              title: "全年预算数",
              dataIndex: "budget",
              ...lq.sortable("budget"),
              width: 100,
              align: "right",
              render: (v: number) => <span className="jx-num">{wan(v)}</span>,
            },
            {
              title: "复核人员",
              key: "reviewer",
              width: 104,
              ellipsis: { showTitle: false },
              render: (_: unknown, r) =>
                r.reviewer ? (
                  <div title={r.firm?.name} style={{ lineHeight: "18px" }}>
                    <div>{r.reviewer.name}</div>
                    <div
                      style={{ fontSize: 12, color: "rgba(0,0,0,0.45)", overflow: "hidden", textOverflow: "ellipsis" }}
                    >
                      {r.firm?.name}
                    </div>
                  </div>
                ) : (
                  <Typography.Text type="secondary">未分配</Typography.Text>
                ),
            },
            {
              title: "自评得分",
              dataIndex: "selfTotal",
              ...lq.sortable("selfTotal"),
              width: 92,
              align: "right",
              render: (_: unknown, r) =>
                r.selfTotal === null ? (
                  DASH
                ) : (
                  <span className="jx-num">
                    {pts(r.selfTotal)} <GradeTag grade={r.selfGrade} labels={labels} />
                  </span>
                ),
            },
            {
              title: "复核得分",
              dataIndex: "reviewTotal",
              ...lq.sortable("reviewTotal"),
              width: 92,
              align: "right",
              render: (_: unknown, r) =>
                r.reviewTotal === null ? (
                  <Typography.Text type="secondary">{r.status === "unassigned" ? DASH : "未评完"}</Typography.Text>
                ) : (
                  <span className="jx-num">
                    <b>{pts(r.reviewTotal)}</b> <GradeTag grade={r.reviewGrade} labels={labels} />
                  </span>
                ),
            },
            {
              title: "差异",
              dataIndex: "difference",
              ...lq.sortable("difference"),
              width: 88,
              align: "right",
              render: (_: unknown, r) =>
                r.overrated ? (
                  <Tooltip title="自评分高出复核分超过提示线">
                    <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="review-overrated">
                      偏高 {signed(r.difference)}
                    </Tag>
                  </Tooltip>
                ) : (
                  <span className="jx-num">{signed(r.difference)}</span>
                ),
            },
            {
              title: "状态",
              dataIndex: "status",
              ...lq.sortable("status"),
              width: 90,
              render: (_: unknown, r) => <ReviewStatusTag status={r.status} />,
            },
            {
              title: finance ? "指导意见" : "更新",
              key: "letter",
              width: 84,
              render: (_: unknown, r) =>
                finance ? (
                  r.status === "confirmed" ? (
                    <Tooltip title={`下载给${letterOrgOf(r).name}的指导意见书（Word）`}>
                      <Button
                        size="small"
                        type="link"
                        icon={<DownloadOutlined />}
                        href={guidanceLetterUrl(year, letterOrgOf(r).id)}
                        download
                        data-testid="review-row-letter"
                      >
                        意见书
                      </Button>
                    </Tooltip>
                  ) : (
                    <Typography.Text type="secondary">{DASH}</Typography.Text>
                  )
                ) : (
                  <span className="jx-num">{dateTime(r.updatedAt).slice(0, 10)}</span>
                ),
            },
          ]}
        />
      </Card>
      {assigning && (
        <AssignReviewsModal
          year={year}
          firms={firms.data ?? []}
          selected={selected}
          unassigned={unassigned}
          shown={data?.rows ?? []}
          onClose={() => setAssigning(false)}
          onDone={(r) => {
            setAssigning(false);
            setSelected([]);
            setAssigned(r);
          }}
        />
      )}
    </>
  );
}
