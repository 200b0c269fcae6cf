import { DownloadOutlined, PlusOutlined, ReloadOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Input, Popconfirm, Select, Space, Table, Tag, Typography } from "antd";
import type { SorterResult } from "antd/es/table/interface";
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
} from "../../api/indicator-library";
import { useSession, useYear } from "../../auth/session";
import { LibraryEntryModal } from "../../components/indicator-library/LibraryEntryModal";
import { PastTargets, targetText } from "../../components/indicator-library/PastTargets";
import { PageError } from "../../components/PageError";
import { PageTitle } from "../../components/PageTitle";
import { pageSizeParam, serverPaging, useUrlList } from "../../components/urlList";
import { DASH } from "../../format";

const SORTS: LibrarySort[] = ["recommended", "uses", "lastYear", "name", "sector", "updatedAt"];

const flag = (v: string | null): boolean | undefined => (v === "true" ? true : v === "false" ? false : undefined);

/** The list's state in the query string, so a link or the back button restores it. In use (not retired) by default. */
function useListState() {
  const { params, page, pageSize, update, reset } = useUrlList();
  const sort = params.get("sort");
  const retired = params.get("retired");
  const filters: LibraryFilters = {
    q: params.get("q")?.trim() || undefined,
    sector: params.get("sector") || undefined,
    level1: params.get("level1") || undefined,
    level2: params.get("level2") || undefined,
    curated: flag(params.get("curated")),
    retired: retired === "all" ? undefined : (flag(retired) ?? false),
    sort: SORTS.includes(sort as LibrarySort) ? (sort as LibrarySort) : undefined,
    order: params.get("order") === "asc" ? "asc" : params.get("order") === "desc" ? "desc" : undefined,
  };
  return { filters, retiredParam: retired ?? "false", page, pageSize, update, reset };
}

/** 指标库: indicators approved goal tables used, with their past targets; finance confirms, adds and retires them. */
export default function IndicatorLibraryPage() {
  const { can } = useSession();
  const { year } = useYear();
  const mayCurate = can("goal.configure");
  const { filters, retiredParam, page, pageSize, update, reset } = useListState();
  const list = useLibrary({ ...filters, page, pageSize });
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

  const sortOrder = (key: LibrarySort) =>
    filters.sort === key ? (filters.order === "asc" ? ("ascend" as const) : ("descend" as const)) : null;
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
  const hasFilters =
    [filters.q, filters.sector, filters.level1, filters.level2, filters.curated].some((v) => v !== undefined) ||
    retiredParam !== "false";

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
            <Button icon={<DownloadOutlined />} href={libraryExportUrl(filters)} download data-testid="library-export">
              导出Excel
            </Button>
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap size={[12, 8]}>
          <Input.Search
            key={filters.q ?? ""}
            aria-label="搜索指标"
            data-testid="library-search"
            placeholder="指标名称或解释"
            defaultValue={filters.q}
            allowClear
            enterButton="查询"
            style={{ width: 260 }}
            onSearch={(v) => update({ q: v.trim() || undefined })}
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
          <Button icon={<ReloadOutlined />} onClick={reset} disabled={!hasFilters && !filters.sort}>
            重置
          </Button>
        </Space>
      </Card>
      <Card size="small">
        <Table<LibraryEntry>
          data-testid="library-table"
          rowKey="id"
          size="small"
          loading={list.isFetching}
          dataSource={data?.rows}
          scroll={{ x: 1100 }}
          locale={{ emptyText: hasFilters ? "没有符合条件的指标" : "指标库中还没有指标" }}
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
          pagination={serverPaging(page, pageSize, data?.total ?? 0)}
          onChange={(pg, _f, sorter, extra) => {
            if (extra.action === "paginate") {
              update({ page: pg.current, pageSize: pageSizeParam(pg.pageSize) });
            } else if (extra.action === "sort") {
              const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<LibraryEntry> | undefined;
              const key = s?.order ? (s.columnKey as LibrarySort) : undefined;
              update({ sort: key, order: key ? (s?.order === "ascend" ? "asc" : "desc") : undefined });
            }
          }}
          columns={[
            {
              title: "指标名称",
              key: "name",
              dataIndex: "name",
              width: 240,
              sorter: true,
              sortOrder: sortOrder("name"),
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
              key: "sector",
              dataIndex: "sector",
              width: 104,
              ellipsis: true,
              sorter: true,
              sortOrder: sortOrder("sector"),
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
              key: "uses",
              dataIndex: "uses",
              width: 96,
              align: "right",
              sorter: true,
              sortOrder: sortOrder("uses"),
              render: (n: number) => <span className="jx-num">{n.toLocaleString("zh-CN")}</span>,
            },
            {
              title: "最近使用",
              key: "lastYear",
              dataIndex: "lastYear",
              width: 96,
              align: "center",
              sorter: true,
              sortOrder: sortOrder("lastYear"),
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
