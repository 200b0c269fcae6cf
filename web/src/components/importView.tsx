/** Tables of an import preview: errors, sample new rows, changed fields. */
import { Table, Tag, Typography } from "antd";
import { type FieldSpec, IMPORT_SPECS, type ImportKind } from "../../../src/core/imports/spec";
import type { ImportChange, ImportIssue, ImportResult } from "../api/types";
import { yuan } from "../format";
import { categoryLabel, orgKindLabel } from "./labels";

/** A cell value as the clerk wrote it in the template: money in 元, 是/否, Chinese labels. */
export function cellText(spec: FieldSpec | undefined, value: unknown): string {
  if (value === null || value === undefined || value === "") return "（空）";
  if (spec?.type === "money" && typeof value === "number") return yuan(value);
  if (spec?.type === "bool" && typeof value === "boolean") return value ? "是" : "否";
  if (spec?.type === "category" && typeof value === "string") return categoryLabel(value);
  if (spec?.type === "orgKind" && typeof value === "string") return orgKindLabel(value);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * The errors of a file, with how many there are and on how many rows (one row may carry several): `rows`
 * from the server, else counted from the list when it is complete.
 */
export function IssuesTable({ issues, total, rows }: { issues: ImportIssue[]; total: number; rows?: number }) {
  const onRows = rows ?? (total <= issues.length ? new Set(issues.map((i) => i.row)).size : undefined);
  const summary = `共 ${total} 个错误${onRows === undefined ? "" : `，涉及 ${onRows} 行`}`;
  return (
    <>
      <Table<ImportIssue>
        data-testid="import-issues"
        rowKey={(i) => `${i.row}-${i.column}-${i.code}-${i.message}`}
        size="small"
        dataSource={issues}
        pagination={{
          pageSize: 20,
          showSizeChanger: false,
          showTotal: () => summary,
        }}
        columns={[
          { title: "行", dataIndex: "row", width: 80, align: "right" },
          { title: "列", dataIndex: "column", width: 200, render: (c: string) => c || "—" },
          { title: "问题", dataIndex: "message" },
        ]}
      />
      {total > issues.length && (
        <Typography.Text type="secondary">
          {summary}，仅列出前 {issues.length} 个。
        </Typography.Text>
      )}
    </>
  );
}

export function NewRowsTable({
  kind,
  rows,
  total,
}: {
  kind: ImportKind;
  rows: ImportResult["newRows"];
  total: number;
}) {
  // A column only for the clerk's eye (a project's name beside its code) is not imported: no column here.
  const specs = IMPORT_SPECS[kind].filter((s) => !s.informative);
  return (
    <>
      <Table<Record<string, unknown>>
        data-testid="import-new-rows"
        rowKey={(_, i) => String(i)}
        size="small"
        dataSource={rows}
        pagination={false}
        scroll={{ x: Math.max(800, specs.length * 140), y: 360 }}
        columns={specs.map((s) => ({
          title: s.header,
          dataIndex: s.key,
          key: s.key,
          width: s.type === "text" ? 220 : 140,
          align: s.type === "money" ? ("right" as const) : undefined,
          ellipsis: true,
          render: (v: unknown) => cellText(s, v),
        }))}
      />
      {total > rows.length && (
        <Typography.Text type="secondary">
          共 {total} 行新增，仅显示前 {rows.length} 行。
        </Typography.Text>
      )}
    </>
  );
}

export function ChangedRowsTable({
  kind,
  rows,
  total,
}: {
  kind: ImportKind;
  rows: ImportResult["changedRows"];
  total: number;
}) {
  const specs = IMPORT_SPECS[kind];
  const specOf = (c: ImportChange) => specs.find((s) => s.key === c.field);
  return (
    <>
      <Table
        data-testid="import-changed-rows"
        rowKey="key"
        size="small"
        dataSource={rows}
        pagination={false}
        scroll={{ y: 360 }}
        columns={[
          { title: "编码", dataIndex: "key", width: 200 },
          {
            title: "变更内容（原值 → 新值）",
            key: "changes",
            render: (_: unknown, r: ImportResult["changedRows"][number]) => (
              <div>
                {r.changes.map((c) => (
                  <div key={c.field}>
                    <Tag>{c.label || specOf(c)?.header || c.field}</Tag>
                    <Typography.Text delete type="secondary">
                      {cellText(specOf(c), c.before)}
                    </Typography.Text>
                    {" → "}
                    <Typography.Text strong>{cellText(specOf(c), c.after)}</Typography.Text>
                  </div>
                ))}
              </div>
            ),
          },
        ]}
      />
      {total > rows.length && (
        <Typography.Text type="secondary">
          共 {total} 行变更，仅显示前 {rows.length} 行。
        </Typography.Text>
      )}
    </>
  );
}
