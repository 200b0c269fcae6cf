import { CloudUploadOutlined } from "@ant-design/icons";
import { Button, Card, Select, Space, Tag, Tooltip, Typography } from "antd";
import { Link } from "react-router";
import { IMPORT_KIND_LABELS, IMPORT_KINDS, type ImportKind } from "../../../src/core/imports/spec";
import { useImportHistory } from "../api/hooks";
import type { ImportBatch } from "../api/types";
import { FilterBar } from "../components/list/FilterBar";
import { ListTable } from "../components/list/ListTable";
import { oneOf, useListQuery } from "../components/list/useListQuery";
import { PageError } from "../components/PageError";
import { PageTitle } from "../components/PageTitle";
import { count, dateTime } from "../format";

const parseFilters = (params: URLSearchParams) => ({ kind: oneOf(IMPORT_KINDS, params.get("kind")) });
const SORTS = ["at"] as const;

const kindLabel = (k: string) => IMPORT_KIND_LABELS[k as ImportKind] ?? k;
const n = (c: Record<string, number>, k: string) => count(c[k] ?? 0);

/** 导入记录: every committed import of the region, who sent which file when, and what it wrote. */
export default function ImportHistoryPage() {
  const lq = useListQuery({ parse: parseFilters, sorts: SORTS, firstOrder: "desc" });
  const { filters, update } = lq;
  const list = useImportHistory({
    kind: filters.kind,
    order: lq.order ?? "desc",
    page: lq.page,
    pageSize: lq.pageSize,
  });
  if (list.error && !list.data) return <PageError error={list.error} onRetry={() => void list.refetch()} />;

  return (
    <>
      <PageTitle
        title="导入记录"
        sub="本区已提交的每一次导入：谁、何时、导入了哪个文件、写入了多少行。有错误的文件不写入任何数据，也不留记录。"
        extra={
          <Link to="/imports">
            <Button type="primary" icon={<CloudUploadOutlined />}>
              导入数据
            </Button>
          </Link>
        }
      />
      <FilterBar onReset={lq.reset} canReset={lq.changed}>
        <Select
          aria-label="导入类型"
          placeholder="全部导入类型"
          allowClear
          style={{ width: 200 }}
          value={filters.kind}
          options={IMPORT_KINDS.map((k) => ({ value: k, label: IMPORT_KIND_LABELS[k] }))}
          onChange={(kind?: string) => update({ kind })}
          data-testid="import-history-kind"
        />
      </FilterBar>
      <Card size="small">
        <ListTable<ImportBatch>
          list={lq}
          data={list.data}
          loading={list.isFetching}
          testId="import-history-table"
          rowKey="id"
          scroll={{ x: 960 }}
          empty={{ filtered: "没有这一类型的导入记录", none: "还没有导入记录" }}
          columns={[
            { title: "批次", dataIndex: "id", width: 70 },
            { title: "提交时间", dataIndex: "at", width: 170, render: dateTime, ...lq.sortable("at") },
            {
              title: "导入人",
              dataIndex: "actorName",
              width: 180,
              ellipsis: true,
              render: (a: string | null) =>
                a ?? (
                  <Tooltip title="命令行导入或演示数据载入，不属于任何登录账号">
                    <Typography.Text type="secondary">系统导入</Typography.Text>
                  </Tooltip>
                ),
            },
            { title: "类型", dataIndex: "kind", width: 140, render: (k: string) => <Tag>{kindLabel(k)}</Tag> },
            {
              title: "文件",
              dataIndex: "fileName",
              ellipsis: true,
              render: (f: string, r) => (
                <Tooltip title={`SHA-256：${r.sha256}`}>
                  <span>{f}</span>
                </Tooltip>
              ),
            },
            {
              title: "总行数",
              key: "total",
              width: 90,
              align: "right",
              render: (_: unknown, r) => n(r.counts, "total"),
            },
            {
              title: "结果",
              key: "result",
              width: 300,
              render: (_: unknown, r) => (
                <Space size={4} wrap>
                  <Tag color="success">已写入</Tag>
                  <span>
                    新增 {n(r.counts, "new")}，变更 {n(r.counts, "changed")}，未变 {n(r.counts, "unchanged")}
                  </span>
                  {(r.counts.examples ?? 0) > 0 && (
                    <Typography.Text type="secondary">（跳过示例 {n(r.counts, "examples")} 行）</Typography.Text>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
