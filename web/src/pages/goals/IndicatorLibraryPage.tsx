import { PlusOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Popconfirm, Select, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { INDICATOR_KIND_LABELS, OPERATOR_LABELS } from "../../../../src/core/goals/types";
import { errorMessage } from "../../api/client";
import {
  type LibraryEntry,
  type LibraryFilters,
  type LibrarySort,
  libraryExportUrl,
  libraryKeys,
  retireLibraryEntry,
  useGoalTemplate,
  useLibrary,
} from "../../api/goals/indicator-library";
import { useSession, useYear } from "../../auth/session";
import { LibraryEntryModal } from "../../components/goals/LibraryEntryModal";
import { PastTargets, targetText } from "../../components/goals/PastTargets";
import { ExportButton } from "../../components/list/ExportButton";
import { FilterBar } from "../../components/list/FilterBar";
import { ListTable } from "../../components/list/ListTable";
import { SearchFilter } from "../../components/list/SearchFilter";
import { flagParam, textParam, useListQuery } from "../../components/list/useListQuery";
import { PageError } from "../../components/PageError";
import { PageTitle } from "../../components/PageTitle";
import { DASH } from "../../format";

const SORTS: LibrarySort[] = ["recommended", "uses", "lastYear", "name", "sector", "updatedAt"];

/** The list's filters as the query string holds them. In use (not retired) by default; "all" shows both. */
const parseFilters = (params: URLSearchParams) => {
  const retired = params.get("retired");
  return {
    q: textParam(params.get("q")),
    sector: textParam(params.get("sector")),
    level1: textParam(params.get("level1")),
    level2: textParam(params.get("level2")),
    curated: flagParam(params.get("curated")),
    retired: retired === "all" ? undefined : (flagParam(retired) ?? false),
  };
};

/** 指标库: indicators approved goal tables used, with their past targets; finance confirms, adds and retires them. */
export default function IndicatorLibraryPage() {
  const { can } = useSession();
  const { year } = useYear();
  const mayCurate = can("goal.configure");
  const lq = useListQuery({ parse: parseFilters, sorts: SORTS, firstOrder: "desc" });
  const { filters, update } = lq;
  const retiredParam = lq.params.get("retired") ?? "false";
  const query: LibraryFilters = { ...filters, sort: lq.sort, order: lq.order };
  const list = useLibrary({ ...query, page: lq.page, pageSize: lq.pageSize });
  const template = useGoalTemplate(year);
  const [editing, setEditing] = useState<LibraryEntry | "new" | null>(null);
  const queryClient = useQueryClient();
  const { message } = App.useApp();

  const retire = useMutation({
    mutationFn: (e: LibraryEntry) => retireLibraryEntry(e.id, e.version, !e.retired),
    onSuccess: (e) => {
      message.success(e.retired ? `已停用“${e.name}”，不再向填报单位推荐` : `已恢复“${e.name}”`);
      void queryClient.invalidateQueries({ queryKey: libraryKeys.all });
      void queryClient.invalidateQueries({ queryKey: ["goal-tables", "suggestions"] });
    },
    onError: (e) => {
      message.error(errorMessage(e));
      void queryClient.invalidateQueries({ queryKey: libraryKeys.all });
    },
  });

  const data = list.data;
  if (list.error && !data) return <PageError error={list.error} onRetry={() => void list.refetch()} />;

  const levelValue = filters.level2
    ? `${filters.level1 ?? ""}|${filters.level2}`
    : filters.level1
      ? `${filters.level1}|`
      : undefined;
  const levelOptions = (template.data?.template.levels ?? []).map((l) => ({
    label: l.level1,
    title: l.level1,
    options: [
      { value: `${l.level1}|`, label: `全部${l.level1}` },
      ...l.level2.map((l2) => ({ value: `${l.level1}|${l2}`, label: l2 })),
    ],
  }));

  return (
    <>
      <PageTitle
        title="指标库"
        sub="由已批复的绩效目标表汇集，财政审定的标为“推荐”；填报目标表时按推荐和使用次数提供参考"
        extra={
          <Space>
            {mayCurate && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing("new")}
                data-testid="library-new"
              >
                新增指标
              </Button>
            )}
            <ExportButton href={libraryExportUrl(query)} testId="library-export" />
          </Space>
        }
      />
      <FilterBar onReset={lq.reset} canReset={lq.changed}>
        <SearchFilter
          label="搜索指标"
          testId="library-search"
          placeholder="指标名称或解释"
          value={filters.q}
          width={260}
          onSearch={(q) => update({ q })}
        />
        <Select
          aria-label="所属行业"
          data-testid="library-sector"
          placeholder="所属行业"
          allowClear
          showSearch
          style={{ width: 150 }}
          value={filters.sector}
          options={(data?.sectors ?? []).map((s) => ({ value: s, label: s }))}
          onChange={(v?: string) => update({ sector: v })}
        />
        <Select
          aria-label="指标层级"
          data-testid="library-level"
          placeholder="一级/二级指标"
          allowClear
          style={{ width: 190 }}
          value={levelValue}
          options={levelOptions}
          labelRender={(o) => {
            const [a, b] = String(o.value).split("|");
            return b ? b : `全部${a}`;
          }}
          onChange={(v?: string) => {
            const [l1, l2] = (v ?? "|").split("|");
            update({ level1: l1 || undefined, level2: l2 || undefined });
          }}
        />
        <Select
          aria-label="来源"
          data-testid="library-origin"
          placeholder="来源"
          allowClear
          style={{ width: 140 }}
          value={filters.curated === undefined ? undefined : String(filters.curated)}
          options={[
            { value: "true", label: "财政推荐" },
            { value: "false", label: "目标表汇集" },
          ]}
          onChange={(v?: string) => update({ curated: v })}
        />
        <Select
          aria-label="状态"
          data-testid="library-status"
          style={{ width: 120 }}
          value={retiredParam}
          options={[
            { value: "false", label: "在用" },
            { value: "true", label: "已停用" },
            { value: "all", label: "全部状态" },
          ]}
          onChange={(v: string) => update({ retired: v === "false" ? undefined : v })}
        />
      </FilterBar>
      <Card size="small">
        <ListTable<LibraryEntry>
          list={lq}
          data={data}
          loading={list.isFetching}
          testId="library-table"
          rowKey="id"
          scroll={{ x: 1100 }}
          empty={{ filtered: "没有符合条件的指标", none: "指标库中还没有指标" }}
          expandable={{
            expandedRowRender: (e) => (
              <div style={{ display: "flex", gap: 32, flexWrap: "wrap" }}>
                <PastTargets targets={e.targets} operator={e.operator} unit={e.unit} />
                <div style={{ maxWidth: 520 }}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    指标解释
                  </Typography.Text>
                  <div>{e.explanation || DASH}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    实际完成值：单位自评后在此列出
                  </Typography.Text>
                </div>
              </div>
            ),
          }}
          columns={[
            {
              title: "指标名称",
              ...lq.sortable("name"),
              dataIndex: "name",
              width: 240,
              render: (name: string, e) => (
                <span>
                  {name}
                  {e.curated ? (
                    <Tag color="gold" style={{ marginLeft: 6 }}>
                      推荐
                    </Tag>
                  ) : (
                    <Tag style={{ marginLeft: 6 }}>汇集</Tag>
                  )}
                  {e.retired && <Tag color="default">已停用</Tag>}
                </span>
              ),
            },
            {
              title: "所属行业",
              ...lq.sortable("sector"),
              dataIndex: "sector",
              width: 104,
              ellipsis: true,
            },
            {
              title: "二级指标",
              key: "level",
              width: 132,
              render: (_: unknown, e) => <span title={`${e.level1} / ${e.level2}`}>{e.level2}</span>,
            },
            {
              title: "类型",
              key: "kind",
              width: 96,
              render: (_: unknown, e) =>
                e.kind === "quantitative"
                  ? `${INDICATOR_KIND_LABELS.quantitative} ${e.operator ? OPERATOR_LABELS[e.operator] : ""} ${e.unit ?? ""}`
                  : INDICATOR_KIND_LABELS.qualitative,
            },
            {
              title: "常用目标值",
              key: "target",
              width: 180,
              render: (_: unknown, e) => {
                const latest = e.targets[0];
                return latest ? (
                  <span title={`${latest.fiscalYear}年`}>{targetText(latest, e.operator, e.unit)}</span>
                ) : (
                  DASH
                );
              },
            },
            {
              title: "使用次数",
              ...lq.sortable("uses"),
              dataIndex: "uses",
              width: 96,
              align: "right",
              render: (n: number) => <span className="jx-num">{n.toLocaleString("zh-CN")}</span>,
            },
            {
              title: "最近使用",
              ...lq.sortable("lastYear"),
              dataIndex: "lastYear",
              width: 96,
              align: "center",
              render: (y: number | null) => (y ? `${y}年` : DASH),
            },
            ...(mayCurate
              ? [
                  {
                    title: "操作",
                    key: "actions",
                    width: 110,
                    fixed: "right" as const,
                    render: (_: unknown, e: LibraryEntry) => (
                      <Space size={4}>
                        <Button size="small" type="link" onClick={() => setEditing(e)} data-testid="library-edit">
                          编辑
                        </Button>
                        <Popconfirm
                          title={e.retired ? `恢复“${e.name}”？` : `停用“${e.name}”？`}
                          description={
                            e.retired
                              ? "恢复后重新向填报单位推荐。"
                              : "停用后不再向填报单位推荐，记录和使用次数保留，可随时恢复。"
                          }
                          okText={e.retired ? "恢复" : "停用"}
                          cancelText="取消"
                          onConfirm={() => retire.mutate(e)}
                        >
                          <Button size="small" type="link" danger={!e.retired} data-testid="library-retire">
                            {e.retired ? "恢复" : "停用"}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {editing !== null && (
        <LibraryEntryModal
          entry={editing === "new" ? null : editing}
          year={year}
          template={template.data?.template}
          sectors={data?.sectors ?? []}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
