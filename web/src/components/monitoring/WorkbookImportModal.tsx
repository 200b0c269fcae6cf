import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Space, Table, Tag, Typography } from "antd";
import type { MonitoringSheetIssue } from "../../../../src/core/monitoring/sheet";
import {
  importMonitoringWorkbook,
  isMonitoringQuery,
  type MonitoringImportResult,
  type MonitoringImportSheet,
} from "../../api/monitoring/workbook";
import { ImportWizard } from "../excel/ImportWizard";

const STATUS: Record<MonitoringImportSheet["status"], { color: string; text: string }> = {
  changed: { color: "processing", text: "将更新" },
  unchanged: { color: "default", text: "无变化" },
  error: { color: "error", text: "有错误" },
};

type Change = MonitoringImportSheet["changes"][number];

function IssueList({ issues, testId }: { issues: MonitoringSheetIssue[]; testId?: string }) {
  return (
    <Table<MonitoringSheetIssue>
      data-testid={testId}
      size="small"
      rowKey={(i) => `${i.sheet}-${i.cell}-${i.code}-${i.message}`}
      dataSource={issues}
      pagination={issues.length > 10 ? { pageSize: 10, showSizeChanger: false, size: "small" } : false}
      columns={[
        { title: "工作表", dataIndex: "sheet", width: 130, ellipsis: true },
        { title: "单元格", dataIndex: "cell", width: 70, render: (c: string | null) => c ?? "—" },
        { title: "列", dataIndex: "column", width: 110, render: (c: string | null) => c ?? "—" },
        {
          title: "问题",
          dataIndex: "message",
          // The message repeats sheet and cell for the CLI; here they have their own columns.
          render: (m: string) => m.replace(/^工作表“[^”]*”[^：]*：/, ""),
        },
      ]}
    />
  );
}

/** What one sheet would change, cell by cell, and its own problems. */
function SheetDetail({ s }: { s: MonitoringImportSheet }) {
  return (
    <Space orientation="vertical" size={8} style={{ width: "100%" }}>
      {s.issues.length > 0 && <IssueList issues={s.issues} />}
      {s.changes.length > 0 && (
        <Table<Change>
          size="small"
          rowKey={(c) => `${c.cell}-${c.label}`}
          dataSource={s.changes}
          pagination={s.changes.length > 10 ? { pageSize: 10, showSizeChanger: false, size: "small" } : false}
          columns={[
            { title: "单元格", dataIndex: "cell", width: 70, render: (c: string | null) => c ?? "—" },
            { title: "填报内容", dataIndex: "label", width: 260 },
            {
              title: "系统中",
              dataIndex: "before",
              render: (v: string) => (v === "" ? <Typography.Text type="secondary">（空）</Typography.Text> : v),
            },
            {
              title: "文件中",
              dataIndex: "after",
              render: (v: string) => (v === "" ? <Typography.Text type="secondary">（清空）</Typography.Text> : v),
            },
          ]}
        />
      )}
      {s.status !== "error" && s.incomplete > 0 && (
        <Typography.Text type="secondary">
          导入后还有 {s.incomplete} 项须补充才能提交（可继续在系统中填写，或改好文件后再次导入）。
        </Typography.Text>
      )}
    </Space>
  );
}

function PreviewTable({ r }: { r: MonitoringImportResult }) {
  return (
    <Table<MonitoringImportSheet>
      data-testid="monitoring-import-preview"
      size="small"
      rowKey="sheet"
      dataSource={r.sheets}
      pagination={r.sheets.length > 10 ? { pageSize: 10, showSizeChanger: false, size: "small" } : false}
      expandable={{
        rowExpandable: (s) => s.status !== "unchanged",
        defaultExpandedRowKeys: r.sheets.filter((s) => s.status !== "unchanged").map((s) => s.sheet),
        expandedRowRender: (s) => <SheetDetail s={s} />,
      }}
      columns={[
        { title: "工作表", dataIndex: "sheet", width: 130, ellipsis: true },
        { title: "监控对象", dataIndex: "name", ellipsis: true, render: (n: string | null) => n ?? "—" },
        {
          title: "实施单位",
          dataIndex: "unitName",
          width: 160,
          ellipsis: true,
          render: (n: string | null) => n ?? "—",
        },
        { title: "监控表状态", dataIndex: "statusText", width: 120, render: (t: string | null) => t ?? "—" },
        {
          title: "修改",
          key: "changes",
          width: 90,
          render: (_: unknown, s) => (s.changes.length > 0 ? `${s.changes.length} 处` : "—"),
        },
        {
          title: "结果",
          dataIndex: "status",
          width: 90,
          render: (st: MonitoringImportSheet["status"], s) => (
            <Tag color={STATUS[st].color} data-testid={`monitoring-import-status-${s.sheet}`}>
              {STATUS[st].text}
              {st === "error" ? ` ${s.issues.length}` : ""}
            </Tag>
          ),
        },
      ]}
    />
  );
}

/**
 * 导入填报表: upload a workbook downloaded with 下载填报表 and filled offline, see per sheet what would change
 * (cell, old and new value) and every error with its sheet and cell, then confirm. Nothing is written
 * unless every sheet is sound; then all changed reports are saved at once.
 */
export function WorkbookImportModal({
  roundId,
  open,
  onClose,
}: {
  roundId: number;
  open: boolean;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return (
    <ImportWizard<MonitoringImportResult>
      open={open}
      title="导入填报表（绩效运行监控表 Excel）"
      testId="monitoring-import"
      hint={
        <>
          请使用本轮次“下载填报表”下载的文件，在黄色单元格中填写后上传；预填内容（执行数、指标、目标值）不可修改。
          只有填报中或被退回的监控表可以修改；未改动的表不会写入。下载后如有人在系统中保存过，请重新下载。
        </>
      }
      fileHint={{
        wrongType: "请选择 .xlsx 格式的 Excel 文件（用“下载填报表”下载后填写）",
        tooLarge: "文件超过 10 MB，请按单位分批下载、填写和导入",
      }}
      send={(mode, file) => importMonitoringWorkbook(roundId, mode, file)}
      renderPreview={(r) => (
        <>
          <Alert
            data-testid="monitoring-import-summary"
            type={r.counts.errors > 0 ? "error" : r.counts.changed > 0 ? "info" : "success"}
            showIcon
            title={`${r.round.fiscalYear}年度截至${r.round.cutoffMonth}月监控表 ${r.counts.sheets} 份：将更新 ${r.counts.changed} 份，无变化 ${r.counts.unchanged} 份，有错误 ${r.counts.withErrors} 份`}
            description={
              r.counts.errors > 0
                ? `共 ${r.counts.errors} 处错误，请在 Excel 中改正后重新上传；有错误时不会写入任何数据。`
                : r.counts.changed > 0
                  ? "确认后，所有更新的监控表在一次操作中保存为草稿（提交仍在系统中进行），并记入审计日志。"
                  : "文件与系统中的监控表一致，无需导入。"
            }
          />
          {r.counts.errors > 0 && (
            <>
              <Typography.Text strong>错误清单</Typography.Text>
              <IssueList issues={r.issues} testId="monitoring-import-issues" />
            </>
          )}
          <PreviewTable r={r} />
        </>
      )}
      onCommitted={(r) => {
        void queryClient.invalidateQueries({ predicate: isMonitoringQuery });
        message.success(`已导入：更新 ${r.counts.changed} 份监控表，${r.counts.unchanged} 份无变化`);
      }}
      onClose={onClose}
    />
  );
}
