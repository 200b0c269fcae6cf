import { DownloadOutlined } from "@ant-design/icons";
import { Alert, Button, Input, Segmented, Space, Table, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link } from "react-router";
import { GOAL_RULES_BY_CODE, type GoalFinding } from "../../../../src/core/goals/quality";
import { goalFindingsExportUrl } from "../../api/endpoints";
import { useGoalFindings } from "../../api/hooks";
import type { GoalFindingFilters, GoalLintTable } from "../../api/types";
import { count, DASH } from "../../format";
import { goalSeverityLabel, goalSubjectKindLabel } from "../labels";
import { PageError } from "../PageError";
import { SEVERITY_TAG } from "./colors";

interface Row {
  key: string;
  table: GoalLintTable;
  finding: GoalFinding;
}

type Severity = "all" | "error" | "warning";

const TableName = ({ table, href }: { table: GoalLintTable; href: string | undefined }) => (
  <div>{href ? <Link to={href}>{table.subjectName}</Link> : table.subjectName}</div>
);

export interface FindingFilter {
  rule?: string;
  department?: string;
}

/**
 * 问题明细: one row per finding, filtered by the rule or department chosen above, by level and by
 * table. Filtering and paging happen on the server; the export takes the same filters.
 */
export function FindingsTable({
  year,
  filter,
  departmentName,
  onClear,
  linkOf,
}: {
  year: number;
  filter: FindingFilter;
  /** The chosen department's name, for its filter tag. */
  departmentName: string | undefined;
  onClear: (which: keyof FindingFilter) => void;
  /** Where a table opens, if this account can open it. */
  linkOf?: (table: GoalLintTable) => string | undefined;
}) {
  const [severity, setSeverity] = useState<Severity>("all");
  const [q, setQ] = useState("");
  const [paging, setPaging] = useState({ current: 1, pageSize: 20 });
  const query: GoalFindingFilters = {
    rule: filter.rule,
    department: filter.department,
    severity: severity === "all" ? undefined : severity,
    q: q.trim() || undefined,
  };
  const found = useGoalFindings(year, query, paging.current, paging.pageSize, true);

  // A new filter starts again at the first page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the filters are the trigger, not read inside
  useEffect(() => setPaging((p) => ({ ...p, current: 1 })), [filter.rule, filter.department, severity, q, year]);

  const rule = filter.rule ? GOAL_RULES_BY_CODE.get(filter.rule) : undefined;
  const rows: Row[] = (found.data?.rows ?? []).map((r, i) => ({
    key: `${r.table.id}-${(paging.current - 1) * paging.pageSize + i}`,
    ...r,
  }));
  if (found.error && !found.data) return <PageError error={found.error} onRetry={() => void found.refetch()} />;

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        {filter.rule && (
          <Tag closable color="blue" onClose={() => onClear("rule")} data-testid="goal-filter-rule">
            规则：{rule?.title ?? filter.rule}
          </Tag>
        )}
        {filter.department && (
          <Tag closable color="blue" onClose={() => onClear("department")} data-testid="goal-filter-dept">
            部门：{departmentName ?? filter.department}
          </Tag>
        )}
        <Segmented<Severity>
          aria-label="级别"
          value={severity}
          onChange={setSeverity}
          options={[
            { value: "all", label: "全部" },
            { value: "error", label: "只看错误" },
            { value: "warning", label: "只看提示" },
          ]}
        />
        <Input.Search
          aria-label="查找目标表"
          placeholder="项目编码或名称"
          allowClear
          style={{ width: 220 }}
          onSearch={setQ}
        />
        {found.data && (
          <Typography.Text type="secondary">
            共 {count(found.data.total)} 处问题，涉及 {count(found.data.tables)} 张表
          </Typography.Text>
        )}
        <Button icon={<DownloadOutlined />} href={goalFindingsExportUrl(year, query)} download>
          导出Excel
        </Button>
      </Space>
      {rule && <Alert type="info" showIcon title={rule.explanation} style={{ marginBottom: 12 }} />}
      <Table<Row>
        data-testid="goal-findings-table"
        rowKey="key"
        size="small"
        loading={found.isFetching}
        dataSource={rows}
        scroll={{ x: 1100 }}
        locale={{ emptyText: found.isPending ? "正在加载问题明细…" : "没有符合条件的问题" }}
        pagination={{
          ...paging,
          total: found.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (t) => `共 ${t} 处`,
          onChange: (current, pageSize) => setPaging({ current, pageSize }),
        }}
        columns={[
          {
            title: "目标表",
            key: "table",
            width: 260,
            render: (_: unknown, { table }) => (
              <>
                <div>
                  <Tag color={table.subjectKind === "deptWide" ? "purple" : "default"} style={{ marginInlineEnd: 6 }}>
                    {goalSubjectKindLabel(table.subjectKind)}
                  </Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} copyable={{ text: table.subjectCode }}>
                    {table.subjectCode}
                  </Typography.Text>
                </div>
                <TableName table={table} href={linkOf?.(table)} />
              </>
            ),
          },
          { title: "部门", key: "department", width: 150, render: (_: unknown, { table }) => table.departmentName },
          {
            title: "级别",
            key: "severity",
            width: 150,
            render: (_: unknown, { finding }) => (
              <>
                <Tag color={SEVERITY_TAG[finding.severity]}>{goalSeverityLabel(finding.severity)}</Tag>
                <div style={{ fontSize: 12, color: "rgba(0,0,0,0.55)", marginTop: 2 }}>
                  {GOAL_RULES_BY_CODE.get(finding.code)?.title ?? finding.code}
                </div>
              </>
            ),
          },
          { title: "问题", key: "message", render: (_: unknown, { finding }) => finding.message },
          {
            title: "建议",
            key: "suggestion",
            render: (_: unknown, { finding }) =>
              finding.suggestion ?? <Typography.Text type="secondary">{DASH}</Typography.Text>,
          },
        ]}
      />
    </>
  );
}
