import { DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Table, Tag, Tooltip, Typography } from "antd";
import { useState } from "react";
import type { Grade } from "../../../../src/core/selfeval/grade";
import { DEFAULT_GRADE_LABELS } from "../../../../src/core/selfeval/grade";
import {
  importSelfEvalWorkbook,
  type SelfEvalImportResult,
  type SelfEvalImportSheet,
  selfEvalWorkbookUrl,
} from "../../api/selfeval/workbook";
import { useSession } from "../../auth/session";
import { ImportWizard } from "../excel/ImportWizard";

const STATUS: Record<SelfEvalImportSheet["status"], { color: string; text: string }> = {
  changed: { color: "processing", text: "将更新" },
  unchanged: { color: "default", text: "无变化" },
  error: { color: "error", text: "有错误" },
  skipped: { color: "default", text: "已跳过" },
};

type Issue = SelfEvalImportResult["issues"][number];
type Change = SelfEvalImportSheet["changes"][number];
type Score = SelfEvalImportSheet["before"];

const scoreText = (s: Score, labels: Record<Grade, string>) =>
  s === null
    ? "—"
    : s.total === null
      ? `尚无总分（${s.unscorable} 项无法计分）`
      : `${s.total.toFixed(2)}${s.grade ? ` ${labels[s.grade]}` : ""}`;

function IssueList({ issues, testId }: { issues: Issue[]; testId?: string }) {
  return (
    <Table<Issue>
      data-testid={testId}
      size="small"
      rowKey={(i) => `${i.sheet}-${i.cell}-${i.code}-${i.message}`}
      dataSource={issues}
      pagination={issues.length > 10 ? { pageSize: 10, showSizeChanger: false, size: "small" } : false}
      columns={[
        { title: "工作表", dataIndex: "sheet", width: 130, ellipsis: true },
        { title: "单元格", dataIndex: "cell", width: 70, render: (c: string | null) => c ?? "—" },
        { title: "列", dataIndex: "column", width: 110, render: (c: string | null) => c ?? "—" },
        // The message repeats sheet and cell for the CLI; here they have their own columns.
        { title: "问题", dataIndex: "message", render: (m: string) => m.replace(/^工作表“[^”]*”[^：]*：/, "") },
      ]}
    />
  );
}

/** What one sheet would change, cell by cell, the score before and after, and its own problems. */
function SheetDetail({ s, labels }: { s: SelfEvalImportSheet; labels: Record<Grade, string> }) {
  return (
    <div style={{ display: "flex", flexDirection: "column", gap: 8 }}>
      {s.issues.length > 0 && <IssueList issues={s.issues} />}
      {s.note && <Typography.Text type="secondary">{s.note}</Typography.Text>}
      {s.changes.length > 0 && (
        <Table<Change>
          size="small"
          rowKey={(c) => `${c.cell}-${c.label}`}
          dataSource={s.changes}
          pagination={s.changes.length > 10 ? { pageSize: 10, showSizeChanger: false, size: "small" } : false}
          columns={[
            { title: "单元格", dataIndex: "cell", width: 70, render: (c: string | null) => c ?? "—" },
            { title: "填报内容", dataIndex: "label", width: 240 },
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
      {s.status === "changed" && (
        <Typography.Text>
          自评得分：{scoreText(s.before, labels)} → <b>{scoreText(s.after, labels)}</b>
          {s.incomplete > 0 && (
            <Typography.Text type="secondary">
              ；导入后提交前还有 {s.incomplete} 处须完善（可在系统中继续填写）
            </Typography.Text>
          )}
        </Typography.Text>
      )}
    </div>
  );
}

function Preview({ r, labels }: { r: SelfEvalImportResult; labels: Record<Grade, string> }) {
  return (
    <>
      <Alert
        data-testid="selfeval-import-summary"
        type={r.counts.errors > 0 ? "error" : r.counts.changed > 0 ? "info" : "success"}
        showIcon
        title={`${r.fiscalYear}年度项目支出自评表 ${r.counts.sheets} 张：将更新 ${r.counts.changed} 张，无变化 ${r.counts.unchanged} 张，有错误 ${r.counts.withErrors} 张${r.counts.skipped ? `，跳过非自评表的工作表 ${r.counts.skipped} 个` : ""}`}
        description={
          r.counts.errors > 0
            ? `共 ${r.counts.errors} 处错误，请在 Excel 中改正后重新上传；有错误时不会写入任何数据。`
            : r.counts.changed > 0
              ? "确认后，所有更新的自评表在一次操作中保存（提交仍在系统中进行），并记入审计日志。"
              : "文件与系统中的自评表一致，无需导入。"
        }
      />
      {r.counts.errors > 0 && (
        <>
          <Typography.Text strong>错误清单</Typography.Text>
          <IssueList issues={r.issues} testId="selfeval-import-issues" />
        </>
      )}
      <Table<SelfEvalImportSheet>
        data-testid="selfeval-import-preview"
        size="small"
        rowKey="sheet"
        dataSource={r.sheets}
        pagination={r.sheets.length > 10 ? { pageSize: 10, showSizeChanger: false, size: "small" } : false}
        expandable={{
          rowExpandable: (s) => s.status !== "unchanged",
          defaultExpandedRowKeys: r.sheets
            .filter((s) => s.status === "changed" || s.status === "error")
            .map((s) => s.sheet),
          expandedRowRender: (s) => <SheetDetail s={s} labels={labels} />,
        }}
        columns={[
          { title: "工作表", dataIndex: "sheet", width: 130, ellipsis: true },
          { title: "项目", dataIndex: "name", ellipsis: true, render: (n: string | null) => n ?? "—" },
          {
            title: "实施单位",
            dataIndex: "unitName",
            width: 150,
            ellipsis: true,
            render: (n: string | null) => n ?? "—",
          },
          { title: "自评表状态", dataIndex: "statusText", width: 120, render: (t: string | null) => t ?? "—" },
          {
            title: "修改",
            key: "changes",
            width: 80,
            render: (_: unknown, s) => (s.changes.length > 0 ? `${s.changes.length} 处` : "—"),
          },
          {
            title: "结果",
            dataIndex: "status",
            width: 90,
            render: (st: SelfEvalImportSheet["status"], s) => (
              <Tag color={STATUS[st].color} data-testid={`selfeval-import-status-${s.sheet}`}>
                {STATUS[st].text}
                {st === "error" ? ` ${s.issues.length}` : ""}
              </Tag>
            ),
          },
        ]}
      />
    </>
  );
}

/**
 * 下载自评表 / 导入自评表 on the forms list. A unit downloads its project forms (the official 项目支出绩效自评表,
 * one sheet per form, prefilled cells locked), a department its own and its units' (or the unit chosen);
 * finance names a department or a unit in the filters. Importing is for those who fill forms.
 */
export function SelfEvalWorkbookButtons({
  year,
  departmentId,
  unitId,
  labels,
}: {
  year: number;
  departmentId?: number | undefined;
  unitId?: number | undefined;
  /** The year's grade names (优/良… or 一等…). */
  labels?: Record<Grade, string> | undefined;
}) {
  const { me } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [importing, setImporting] = useState(false);
  const isBureau = me.org.kind === "bureau";
  const canExport = !isBureau || departmentId !== undefined || unitId !== undefined;
  const fills = me.role === "unit" || me.role === "department";
  const download = (
    <Button
      icon={<DownloadOutlined />}
      href={canExport ? selfEvalWorkbookUrl({ year, departmentId, unitId }) : undefined}
      download
      disabled={!canExport}
      data-testid="selfeval-workbook-download"
    >
      下载自评表
    </Button>
  );
  return (
    <>
      {canExport ? (
        <Tooltip title="项目支出绩效自评表：每张自评表一个工作表，预填内容已锁定，可离线填写后导入（部门整体支出自评请在系统中填写）">
          {download}
        </Tooltip>
      ) : (
        <Tooltip title="请先在“主管部门”或“实施单位”中选择要下载的部门或单位">
          <span>{download}</span>
        </Tooltip>
      )}
      {fills && (
        <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="selfeval-workbook-import">
          导入自评表
        </Button>
      )}
      <ImportWizard<SelfEvalImportResult>
        open={importing}
        title="导入自评表（项目支出绩效自评表 Excel）"
        testId="selfeval-import"
        hint={
          <>
            请使用“下载自评表”下载的文件，填写实际完成值、定性指标得分和偏差原因分析后上传；预填内容（指标、目标值、分值、预算和执行数）不可修改。
            只有填报中或被退回的自评表可以修改；未改动的表不会写入。下载后如有人在系统中保存过，请重新下载。
          </>
        }
        fileHint={{
          wrongType: "请选择 .xlsx 格式的 Excel 文件（用“下载自评表”下载后填写）",
          tooLarge: "文件超过 10 MB，请按单位分批下载、填写和导入",
        }}
        send={(mode, file) => importSelfEvalWorkbook(year, mode, file)}
        renderPreview={(r) => <Preview r={r} labels={labels ?? DEFAULT_GRADE_LABELS} />}
        onCommitted={(r) => {
          void queryClient.invalidateQueries({ queryKey: ["selfeval"] });
          void message.success(`已导入：更新 ${r.counts.changed} 张自评表，${r.counts.unchanged} 张无变化`);
        }}
        onClose={() => setImporting(false)}
      />
    </>
  );
}
