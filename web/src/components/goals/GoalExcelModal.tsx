import { InboxOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Modal, Space, Steps, Table, Tag, Typography, Upload } from "antd";
import { useState } from "react";
import { GOAL_SHEET_HEADERS, type GoalSheetIssue } from "../../../../src/core/goals/goal-sheet";
import { MAX_UPLOAD_BYTES } from "../../../../src/core/imports/spec";
import { errorMessage } from "../../api/client";
import {
  type GoalImportResult,
  type GoalImportSheet,
  goalTableKeys,
  importGoalTablesXlsx,
} from "../../api/goals/goal-tables";

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
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const preview = useMutation({ mutationFn: (f: File) => importGoalTablesXlsx("preview", f) });
  const commit = useMutation({
    mutationFn: (f: File) => importGoalTablesXlsx("commit", f),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: goalTableKeys.all });
      message.success(`已导入：更新 ${r.counts.changed} 张绩效目标表，${r.counts.unchanged} 张无变化`);
      close();
    },
  });
  const r = preview.data;
  const step = r ? 1 : 0;

  function reset() {
    setFile(null);
    setFileError(null);
    preview.reset();
    commit.reset();
  }
  function close() {
    reset();
    onClose();
  }
  function pick(f: File) {
    reset();
    if (!/\.xlsx$/i.test(f.name)) return setFileError("请选择 .xlsx 格式的 Excel 文件（从“导出Excel”下载后填写）");
    if (f.size > MAX_UPLOAD_BYTES) return setFileError("文件超过 10 MB，请按主管部门分批导入");
    setFile(f);
  }

  const canCommit = r !== undefined && r.counts.errors === 0 && r.counts.changed > 0;
  return (
    <Modal
      open={open}
      title="导入绩效目标表（Excel）"
      width={1000}
      onCancel={close}
      maskClosable={false}
      footer={
        step === 0 ? (
          <Space>
            <Button onClick={close}>取消</Button>
            <Button
              type="primary"
              disabled={!file}
              loading={preview.isPending}
              onClick={() => file && preview.mutate(file)}
              data-testid="goal-import-preview-button"
            >
              下一步：预览
            </Button>
          </Space>
        ) : (
          <Space>
            <Button onClick={reset} disabled={commit.isPending}>
              重新选择文件
            </Button>
            <Button
              type="primary"
              disabled={!canCommit}
              loading={commit.isPending}
              onClick={() => file && commit.mutate(file)}
              data-testid="goal-import-commit"
            >
              确认导入
            </Button>
          </Space>
        )
      }
    >
      <Steps
        current={step}
        size="small"
        style={{ marginBottom: 16 }}
        items={[{ title: "选择文件" }, { title: "预览并确认" }]}
      />
      {step === 0 && (
        <>
          <Typography.Paragraph type="secondary">
            请使用“导出Excel”下载的文件（每张绩效目标表一个工作表），在 Excel
            中修改后上传。只有草稿或被退回的表可以修改； 未改动的表不会写入。文件的指标体系版本须与本年度一致。
          </Typography.Paragraph>
          <Upload.Dragger
            accept=".xlsx"
            maxCount={1}
            multiple={false}
            beforeUpload={(f) => {
              pick(f);
              return false;
            }}
            onRemove={reset}
            fileList={file ? [{ uid: "file", name: file.name, size: file.size, status: "done" }] : []}
            data-testid="goal-import-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击或将 Excel 文件拖到此处</p>
            <p className="ant-upload-hint">.xlsx，单个文件不超过 10 MB</p>
          </Upload.Dragger>
          {fileError && <Alert type="error" showIcon title={fileError} style={{ marginTop: 12 }} />}
          {preview.error && (
            <Alert
              type="error"
              showIcon
              title="文件无法导入"
              description={errorMessage(preview.error)}
              style={{ marginTop: 12 }}
              data-testid="goal-import-error"
            />
          )}
        </>
      )}
      {r && (
        <Space orientation="vertical" size={12} style={{ width: "100%" }}>
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
          {commit.error && <Alert type="error" showIcon title="导入失败" description={errorMessage(commit.error)} />}
        </Space>
      )}
    </Modal>
  );
}
