import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Space, Table, Tag, Typography } from "antd";
import { GOAL_SHEET_HEADERS, type GoalSheetIssue } from "../../../../src/core/goals/goal-sheet";
import {
  type GoalImportResult,
  type GoalImportSheet,
  goalTableKeys,
  importGoalTablesXlsx,
} from "../../api/goals/goal-tables";
import { ImportWizard } from "../excel/ImportWizard";

const STATUS: Record<GoalImportSheet["status"], { color: string; text: string }> = {
  changed: { color: "processing", text: "将更新" },
  unchanged: { color: "default", text: "无变化" },
  error: { color: "error", text: "有错误" },
};

const fieldNames = (fields: readonly string[]) =>
  fields.map((f) => GOAL_SHEET_HEADERS[f as keyof typeof GOAL_SHEET_HEADERS] ?? f).join("、");

function IssueList({ issues, testId }: { issues: GoalSheetIssue[]; testId?: string }) {
  return (
    <Table<GoalSheetIssue>
      data-testid={testId}
      size="small"
      rowKey={(i) => `${i.sheet}-${i.cell}-${i.code}-${i.message}`}
      dataSource={issues}
      pagination={issues.length > 10 ? { pageSize: 10, showSizeChanger: false, size: "small" } : false}
      columns={[
        { title: "工作表", dataIndex: "sheet", width: 130, ellipsis: true },
        { title: "单元格", dataIndex: "cell", width: 70, render: (c: string | null) => c ?? "—" },
        { title: "列", dataIndex: "column", width: 100, render: (c: string | null) => c ?? "—" },
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

/** What one sheet would change: its new and changed indicators, removed ones, and its own problems. */
function SheetDetail({ s }: { s: GoalImportSheet }) {
  // Findings already listed as issues (blocking a changed table) are not repeated.
  const rest = s.findings.filter((f) => !s.issues.some((i) => i.cell === f.cell && i.code === f.code));
  const errors = rest.filter((f) => f.severity === "error").length;
  return (
    <Space orientation="vertical" size={8} style={{ width: "100%" }}>
      {s.issues.length > 0 && <IssueList issues={s.issues} />}
      {s.overallGoalChanged && <Typography.Text>年度总体目标已修改。</Typography.Text>}
      {s.changes.length > 0 && (
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {s.changes.map((c) => (
            <li key={c.index}>
              第{c.row}行“{c.name || "（未填名称）"}”：
              {c.change === "new" ? "新增指标" : `修改了${fieldNames(c.fields)}`}
            </li>
          ))}
        </ul>
      )}
      {s.removed.length > 0 && <Typography.Text>删除指标：{s.removed.join("、")}</Typography.Text>}
      {s.status !== "error" && rest.length > 0 && (
        <Typography.Text type="secondary">
          智能审核：{errors > 0 ? `错误 ${errors} 项、` : ""}提示 {rest.length - errors} 项。
          {s.status === "unchanged" ? "表未改动，不影响导入" : "提示不影响导入"}；
          {errors > 0 ? "错误须改正后才能提交。" : "提交前建议修改。"}
        </Typography.Text>
      )}
    </Space>
  );
}

function PreviewTable({ r }: { r: GoalImportResult }) {
  return (
    <Table<GoalImportSheet>
      data-testid="goal-import-preview"
      size="small"
      rowKey="sheet"
      dataSource={r.tables}
      pagination={r.tables.length > 10 ? { pageSize: 10, showSizeChanger: false, size: "small" } : false}
      expandable={{
        rowExpandable: (s) => s.status !== "unchanged" || s.findings.length > 0,
        defaultExpandedRowKeys: r.tables.filter((s) => s.status !== "unchanged").map((s) => s.sheet),
        expandedRowRender: (s) => <SheetDetail s={s} />,
      }}
      columns={[
        { title: "工作表", dataIndex: "sheet", width: 140, ellipsis: true },
        { title: "名称", dataIndex: "subjectName", ellipsis: true, render: (n: string | null) => n ?? "—" },
        { title: "目标表状态", dataIndex: "statusText", width: 110, render: (t: string | null) => t ?? "—" },
        {
          title: "指标",
          key: "indicators",
          width: 250,
          render: (_: unknown, s) =>
            s.id === null
              ? "—"
              : `新增 ${s.indicators.new}，修改 ${s.indicators.changed}，删除 ${s.indicators.removed}，未变 ${s.indicators.unchanged}`,
        },
        {
          title: "结果",
          dataIndex: "status",
          width: 90,
          render: (st: GoalImportSheet["status"], s) => (
            <Tag color={STATUS[st].color} data-testid={`goal-import-status-${s.sheet}`}>
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
 * 导入Excel: upload a workbook exported from the list (one sheet per goal table), see per sheet what
 * would change and every error with its sheet, cell and column, then confirm. Nothing is written
 * unless every sheet is sound.
 */
export function GoalExcelModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return (
    <ImportWizard<GoalImportResult>
      open={open}
      title="导入绩效目标表（Excel）"
      testId="goal-import"
      hint="请使用“导出Excel”下载的文件（每张绩效目标表一个工作表），在 Excel 中修改后上传。只有草稿或被退回的表可以修改；未改动的表不会写入。文件的指标体系版本须与本年度一致。"
      fileHint={{
        wrongType: "请选择 .xlsx 格式的 Excel 文件（从“导出Excel”下载后填写）",
        tooLarge: "文件超过 10 MB，请按主管部门分批导入",
      }}
      send={importGoalTablesXlsx}
      renderPreview={(r) => (
        <>
          <Alert
            data-testid="goal-import-summary"
            type={r.counts.errors > 0 ? "error" : r.counts.changed > 0 ? "info" : "success"}
            showIcon
            title={`${r.fiscalYear ?? ""}年度绩效目标表 ${r.counts.sheets} 张：将更新 ${r.counts.changed} 张，无变化 ${r.counts.unchanged} 张，有错误 ${r.counts.withErrors} 张`}
            description={
              r.counts.errors > 0
                ? `共 ${r.counts.errors} 处错误，请在 Excel 中改正后重新上传；有错误时不会写入任何数据。`
                : r.counts.changed > 0
                  ? "确认后，所有更新的表在一次操作中写入，并记入审计日志。"
                  : "文件与系统中的目标表一致，无需导入。"
            }
          />
          {r.counts.errors > 0 && (
            <>
              <Typography.Text strong>错误清单</Typography.Text>
              <IssueList issues={r.issues} testId="goal-import-issues" />
            </>
          )}
          <PreviewTable r={r} />
        </>
      )}
      onCommitted={(r) => {
        void queryClient.invalidateQueries({ queryKey: goalTableKeys.all });
        message.success(`已导入：更新 ${r.counts.changed} 张绩效目标表，${r.counts.unchanged} 张无变化`);
      }}
      onClose={onClose}
    />
  );
}
