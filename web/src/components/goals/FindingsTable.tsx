import { DownloadOutlined } from "@ant-design/icons";
import { Alert, Button, Input, Segmented, Select, Space, Table, Tag, Tooltip, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { GOAL_RULES_BY_CODE, type GoalFinding } from "../../../../src/core/goals/quality";
import { GOAL_STATUSES } from "../../../../src/core/goals/workflow";
import { isOpenTask, TASK_STATUS_LABELS } from "../../../../src/core/tasks/tasks";
import { goalFindingsExportUrl } from "../../api/endpoints";
import { useGoalFindings } from "../../api/hooks";
import type { GoalFindingFilters, GoalLintTable, GoalRevisionTaskRef } from "../../api/types";
import { count, DASH } from "../../format";
import { goalSeverityLabel, goalSubjectKindLabel } from "../labels";
import { useOpenFromHere, useRestoreScroll } from "../list/backTo";
import { pageSizeParam, serverPaging, useUrlList } from "../list/urlList";
import { oneOf, textParam } from "../list/useListQuery";
import { PageError } from "../PageError";
import { SEVERITY_TAG } from "./colors";
import { RevisionRequestModal, type RevisionSubject } from "./RevisionRequestModal";
import { GoalStatusTag, goalStatusOptions } from "./status";

interface Row {
  key: string;
  table: GoalLintTable;
  finding: GoalFinding;
  revisionTask: GoalRevisionTaskRef;
}

type Severity = "all" | "error" | "warning";
const SEVERITIES = ["error", "warning"] as const;

/** A request not finished yet: the table is being revised (or is about to be). */
const asked = (t: GoalRevisionTaskRef) => t !== null && (isOpenTask(t.status) || t.status === "submitted");

const TableName = ({ table, href }: { table: GoalLintTable; href: string | undefined }) => {
  const open = useOpenFromHere();
  return (
    <div>
      {href ? (
        <Link to={href} {...open}>
          {table.subjectName}
        </Link>
      ) : (
        table.subjectName
      )}
    </div>
  );
};

export interface FindingFilter {
  rule?: string;
  department?: string;
}

/** Query-string keys of the findings' own filters (the rule and department are the page's). */
export const FINDING_PARAMS = ["severity", "status", "q", "page", "pageSize"] as const;

/**
 * 问题明细: one row per finding, filtered by the rule or department chosen above, by level, by the
 * table's status and by table. Filtering and paging happen on the server; the export takes the same
 * filters. Every filter and the page are in the address, so a table opened from here comes back to the
 * same view. Finance may ask the declarer of an approved table with errors to revise it (要求调整).
 */
export function FindingsTable({
  year,
  filter,
  departmentName,
  onClear,
  linkOf,
  canAskRevision = false,
}: {
  year: number;
  filter: FindingFilter;
  /** The chosen department's name, for its filter tag. */
  departmentName: string | undefined;
  onClear: (which: keyof FindingFilter) => void;
  /** Where a table opens, if this account can open it. */
  linkOf?: (table: GoalLintTable) => string | undefined;
  /** Finance: offer 要求调整 on approved tables with errors. */
  canAskRevision?: boolean;
}) {
  const { params, page, pageSize, update } = useUrlList();
  const severity: Severity = oneOf(SEVERITIES, params.get("severity")) ?? "all";
  const status = oneOf(GOAL_STATUSES, params.get("status"));
  const q = textParam(params.get("q"));
  const [asking, setAsking] = useState<RevisionSubject | null>(null);
  const query: GoalFindingFilters = {
    rule: filter.rule,
    department: filter.department,
    severity: severity === "all" ? undefined : severity,
    status,
    q,
  };
  const found = useGoalFindings(year, query, page, pageSize, true);
  useRestoreScroll(found.data !== undefined);

  const rule = filter.rule ? GOAL_RULES_BY_CODE.get(filter.rule) : undefined;
  const rows: Row[] = (found.data?.rows ?? []).map((r, i) => ({
    key: `${r.table.id}-${(page - 1) * pageSize + i}`,
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
          onChange={(v) => update({ severity: v === "all" ? undefined : v })}
          options={[
            { value: "all", label: "全部" },
            { value: "error", label: "只看错误" },
            { value: "warning", label: "只看提示" },
          ]}
        />
        <Select
          aria-label="目标表状态"
          data-testid="finding-filter-status"
          placeholder="目标表状态"
          allowClear
          style={{ width: 150 }}
          value={status}
          options={goalStatusOptions}
          onChange={(v?: string) => update({ status: v })}
        />
        <Input.Search
          key={q ?? ""}
          aria-label="查找目标表"
          placeholder="项目编码或名称"
          allowClear
          defaultValue={q}
          style={{ width: 220 }}
          onSearch={(v) => update({ q: v.trim() || undefined })}
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
          ...serverPaging(page, pageSize, found.data?.total ?? 0),
          showTotal: (t) => `共 ${t} 处`,
          onChange: (current, size) => update({ page: current, pageSize: pageSizeParam(size) }),
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
            title: "状态",
            key: "status",
            width: 130,
            render: (_: unknown, { table, revisionTask }) => (
              <>
                <GoalStatusTag status={table.status} returnedBy={null} testId="finding-status" />
                {table.revision > 1 && (
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 4 }}>
                    第{table.revision}版
                  </Typography.Text>
                )}
                {revisionTask && asked(revisionTask) && (
                  <div style={{ marginTop: 2 }}>
                    <Tooltip title={`已要求调整，截止 ${revisionTask.dueOn}`}>
                      <Tag color="orange" data-testid="finding-revision-asked" style={{ marginInlineEnd: 0 }}>
                        调整中 · {TASK_STATUS_LABELS[revisionTask.status]}
                      </Tag>
                    </Tooltip>
                  </div>
                )}
              </>
            ),
          },
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
          ...(canAskRevision
            ? [
                {
                  title: "操作",
                  key: "actions",
                  width: 96,
                  fixed: "right" as const,
                  render: (_: unknown, { table, revisionTask }: Row) =>
                    table.status === "approved" && table.errors > 0 && !asked(revisionTask) ? (
                      <Button
                        size="small"
                        data-testid="finding-ask-revision"
                        onClick={() =>
                          setAsking({
                            id: table.id,
                            subjectCode: table.subjectCode,
                            subjectName: table.subjectName,
                            errors: table.errors,
                          })
                        }
                      >
                        要求调整
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      <RevisionRequestModal subject={asking} onClose={() => setAsking(null)} />
    </>
  );
}
