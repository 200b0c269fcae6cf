import { FileTextOutlined } from "@ant-design/icons";
import { Alert, Card, Descriptions, Empty, Select, Space, Switch, Tag, Typography } from "antd";
import { useMemo } from "react";
import { Link } from "react-router";
import { ADJUSTMENT_SORTS } from "../../../../src/core/results/list";
import { ADJUSTMENT_ACTIONS } from "../../../../src/core/results/rules";
import { useOrgTree } from "../../api/hooks";
import {
  type AdjustmentFilters,
  type AdjustmentRow,
  type Adoption,
  adjustmentsJsonUrl,
  adjustmentsXlsxUrl,
  useAdjustments,
} from "../../api/results/results";
import { useSession, useYear } from "../../auth/session";
import { OpenLink } from "../../components/list/backTo";
import type { CardOf } from "../../components/list/CardList";
import { ExportButton } from "../../components/list/ExportButton";
import { FilterBar } from "../../components/list/FilterBar";
import { ListTable } from "../../components/list/ListTable";
import { SearchFilter } from "../../components/list/SearchFilter";
import { flagParam, intParam, oneOf, textParam, useListQuery } from "../../components/list/useListQuery";
import { departmentOptions } from "../../components/orgs";
import { PageError } from "../../components/PageError";
import { PageTitle } from "../../components/PageTitle";
import { ActionTag, actionOptions, EvidenceLinks, ruleSetText, Wan } from "../../components/results/labels";
import { count, DASH, dateTime, wan } from "../../format";

const parseFilters = (params: URLSearchParams): AdjustmentFilters => ({
  adoptionId: intParam(params.get("adoptionId")),
  departmentId: intParam(params.get("departmentId")),
  action: oneOf(ADJUSTMENT_ACTIONS, params.get("action")),
  adjustedOnly: flagParam(params.get("adjustedOnly")),
  q: textParam(params.get("q")),
});

/** Short enough for the filter bar; who adopted it and when are in the header above. */
const adoptionText = (a: Adoption) =>
  `第${a.seq}次采纳：${ruleSetText(a.ruleSet)}（${dateTime(a.adoptedAt).slice(0, 10)}，${a.status === "superseded" ? "已被替换" : "现行"}）`;

/** The adoption the list is read from: rule set, who adopted it when and why, and its totals (the whole region's). */
function AdoptionHeader({ a, regionTotals }: { a: Adoption; regionTotals: boolean }) {
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="adoption-header">
      <Descriptions size="small" column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label="规则集">
          {ruleSetText(a.ruleSet)}{" "}
          {a.status === "superseded" ? <Tag color="default">已被替换</Tag> : <Tag color="green">现行</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label="采纳">第{a.seq}次</Descriptions.Item>
        <Descriptions.Item label="采纳人 / 时间">
          {a.adoptedByName ?? DASH} {dateTime(a.adoptedAt)}
        </Descriptions.Item>
        <Descriptions.Item label="理由" span={2}>
          {a.reason || DASH}
        </Descriptions.Item>
        <Descriptions.Item label="全区部门平均得分">{a.average ?? DASH}</Descriptions.Item>
        {a.supersededAt && <Descriptions.Item label="被替换时间">{dateTime(a.supersededAt)}</Descriptions.Item>}
        {regionTotals && (
          <Descriptions.Item label="全区合计" span={3}>
            <span data-testid="adoption-totals">
              申请 {count(a.projects)} 项 {wan(a.request)} 万元；调整 <b>{count(a.adjusted)}</b> 项，核减{" "}
              <b>{wan(a.cut)}</b> 万元，增加 {wan(a.raise)} 万元；调整后 {wan(a.newAmount)} 万元
            </span>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

const adjustmentCard = (r: AdjustmentRow): CardOf => ({
  title: r.projectName,
  to: `/results/adjustments/${r.id}`,
  tag: <ActionTag action={r.action} />,
  fields: [
    { label: "编码", value: r.projectCode },
    { label: "单位", value: r.unitName },
    { label: "申请", value: `${wan(r.request)}万元` },
    { label: "核减", value: `${wan(r.cut)}万元` },
    { label: "调整后", value: `${wan(r.newAmount)}万元` },
  ],
});

/**
 * 调整清单: the lines of an adoption (the current one unless another is chosen), frozen when it was adopted:
 * filtered, sorted and paged by the server, exported to Excel or JSON for the budget system with the same
 * filters. Finance and the auditor see the region's; a department its units', a unit its own (read only).
 */
export default function ResultAdjustmentsPage() {
  const { year } = useYear();
  const { me } = useSession();
  const wide = me.role !== "department" && me.role !== "unit";
  const lq = useListQuery({ parse: parseFilters, sorts: ADJUSTMENT_SORTS });
  const { filters, update } = lq;
  const query = { ...filters, year, sort: lq.sort, order: lq.order };
  const list = useAdjustments(query, lq.page, lq.pageSize);
  const tree = useOrgTree(wide);
  const deptOptions = useMemo(() => (wide ? departmentOptions(tree.data?.nodes) : []), [wide, tree.data]);
  const data = list.data;

  if (list.error && !data) return <PageError error={list.error} onRetry={() => void list.refetch()} />;
  const adoption = data?.adoption ?? null;
  const adoptions = data?.adoptions ?? [];
  const raised = (adoption?.raise ?? 0) > 0;
  // Choosing which adoption to read is not a filter of its lines.
  const filtered = [filters.q, filters.departmentId, filters.action, filters.adjustedOnly].some((f) => f !== undefined);
  const scopeNote = me.role === "unit" ? "本单位" : me.role === "department" ? "本部门所属单位" : "";

  return (
    <>
      <PageTitle
        title="调整清单"
        sub={`${year + 1}年度预算调整（依据${year}年度评价结果）· 金额单位：万元`}
        extra={
          adoption && (
            <Space wrap>
              <ExportButton href={adjustmentsXlsxUrl(query)} testId="adjustments-export" />
              <ExportButton href={adjustmentsJsonUrl(query)} testId="adjustments-export-json" label="导出JSON" />
            </Space>
          )
        }
      />
      {data && adoptions.length === 0 ? (
        <Card>
          <Empty description={`${year}年度尚未采纳结果应用规则，还没有调整清单`}>
            {me.permissions.includes("results.manage") && <Link to="/results/simulate">去模拟与采纳</Link>}
          </Empty>
        </Card>
      ) : (
        <>
          {adoption?.status === "superseded" && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title="这是已被替换的采纳，清单仅供查阅；现行清单请在“采纳”中选择现行的一次。"
            />
          )}
          {adoption && <AdoptionHeader a={adoption} regionTotals={wide} />}
          <FilterBar onReset={lq.reset} canReset={lq.changed}>
            <Select
              aria-label="采纳"
              style={{ width: 330 }}
              value={adoption?.id}
              placeholder="采纳"
              options={adoptions.map((a) => ({ value: a.id, label: adoptionText(a) }))}
              onChange={(id: number) =>
                update({ adoptionId: adoptions.find((a) => a.id === id)?.status === "current" ? undefined : id })
              }
              data-testid="adjustments-adoption"
            />
            <SearchFilter
              label="搜索项目"
              testId="adjustments-search"
              placeholder="项目编码或名称"
              value={filters.q}
              width={200}
              onSearch={(q) => update({ q })}
            />
            {wide && (
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
            <Select
              aria-label="处理方式"
              placeholder="处理方式"
              allowClear
              style={{ width: 120 }}
              value={filters.action}
              options={actionOptions}
              onChange={(v?: string) => update({ action: v })}
            />
            <Space size={6}>
              <Switch
                size="small"
                checked={filters.adjustedOnly === true}
                onChange={(on) => update({ adjustedOnly: on ? true : undefined })}
                data-testid="adjustments-adjusted-only"
              />
              <span>只看有调整的</span>
            </Space>
          </FilterBar>
          <Card size="small">
            <div style={{ marginBottom: 12 }} data-testid="adjustments-total">
              {data ? (
                <span>
                  {scopeNote}共 <b>{count(data.total)}</b> 项
                  {filtered && <Typography.Text type="secondary">（按当前筛选条件）</Typography.Text>}
                </span>
              ) : (
                "正在查询…"
              )}
            </div>
            <ListTable<AdjustmentRow>
              list={lq}
              data={data}
              loading={list.isFetching}
              testId="adjustments-list"
              rowKey="id"
              card={adjustmentCard}
              scroll={{ x: raised ? 1180 : 1080 }}
              onRow={(r) => ({ "data-code": r.projectCode }) as React.HTMLAttributes<HTMLElement>}
              empty={{ filtered: "没有符合条件的调整", none: scopeNote ? `${scopeNote}没有被调整的项目` : "清单为空" }}
              columns={[
                {
                  title: "项目",
                  ...lq.sortable("code"),
                  width: 190,
                  render: (_: unknown, r) => (
                    <div style={{ lineHeight: "18px" }}>
                      <OpenLink to={`/results/adjustments/${r.id}`}>{r.projectName}</OpenLink>
                      <div>
                        <Typography.Text type="secondary" className="jx-num" style={{ fontSize: 12 }}>
                          {r.projectCode}
                        </Typography.Text>
                      </div>
                    </div>
                  ),
                },
                {
                  title: "单位",
                  ...lq.sortable("department"),
                  width: 150,
                  render: (_: unknown, r) => (
                    <div title={`${r.unitName}（${r.departmentName}）`} style={{ lineHeight: "18px" }}>
                      <div style={{ overflow: "hidden", textOverflow: "ellipsis" }}>{r.unitName}</div>
                      <div style={{ fontSize: 12, color: "rgba(0,0,0,0.45)" }}>{r.departmentName}</div>
                    </div>
                  ),
                },
                { title: "处理", dataIndex: "action", width: 80, render: (a: string) => <ActionTag action={a} /> },
                {
                  title: "申请数",
                  ...lq.sortable("request"),
                  width: 100,
                  align: "right",
                  render: (_: unknown, r) => <Wan fen={r.request} />,
                },
                {
                  title: "核减",
                  ...lq.sortable("cut"),
                  width: 100,
                  align: "right",
                  render: (_: unknown, r) => <Wan fen={r.cut} />,
                },
                // Only when the adoption raises any: a column of 0.00 takes the reason's room.
                ...(raised
                  ? [
                      {
                        title: "增加",
                        width: 100,
                        align: "right" as const,
                        render: (_: unknown, r: AdjustmentRow) => <Wan fen={r.raise} />,
                      },
                    ]
                  : []),
                {
                  title: "调整后",
                  ...lq.sortable("newAmount"),
                  width: 100,
                  align: "right",
                  render: (_: unknown, r) => <Wan fen={r.newAmount} />,
                },
                {
                  title: "理由与依据",
                  render: (_: unknown, r) => (
                    <div>
                      <div>{r.reason || DASH}</div>
                      <EvidenceLinks evidence={r.evidence} />
                    </div>
                  ),
                },
                {
                  title: "告知",
                  width: 80,
                  render: (_: unknown, r) =>
                    r.taskId === null ? (
                      <Typography.Text type="secondary">{DASH}</Typography.Text>
                    ) : (
                      <OpenLink to={`/results/adjustments/${r.id}`}>
                        <FileTextOutlined />{" "}
                        {r.taskStatus === "done" ? "已阅" : r.taskStatus === "closed" ? "已关闭" : "未阅"}
                      </OpenLink>
                    ),
                },
              ]}
            />
          </Card>
        </>
      )}
    </>
  );
}
