import { DownloadOutlined, InboxOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { Alert, App, Button, Card, Descriptions, Empty, Select, Space, Table, Tag, Typography, Upload } from "antd";
import { useState } from "react";
import { OPERATOR_LABELS } from "../../../../src/core/goals/types";
import { MAX_UPLOAD_BYTES } from "../../../../src/core/imports/spec";
import { errorMessage } from "../../api/client";
import {
  type CheckedFinding,
  type CheckedGoalTable,
  checkGoalWorkbookFile,
  checkGoalWorkbookXlsx,
  type GoalWorkbookCheck,
} from "../../api/goals/check-workbook";
import { useYear } from "../../auth/session";
import { PageTitle } from "../../components/PageTitle";
import { DASH, wan } from "../../format";

type Issue = GoalWorkbookCheck["sheets"][number]["issues"][number];

const SEVERITY = {
  error: { color: "error", text: "错误" },
  warning: { color: "warning", text: "提示" },
} as const;

function Findings({ findings, testId }: { findings: CheckedFinding[]; testId: string }) {
  if (findings.length === 0) return <Alert type="success" showIcon title="未发现问题" data-testid={`${testId}-none`} />;
  return (
    <Table<CheckedFinding>
      data-testid={testId}
      size="small"
      rowKey={(f, i) => `${f.code}-${f.cell}-${i}`}
      dataSource={findings}
      pagination={{ pageSize: 10, showSizeChanger: false, size: "small", hideOnSinglePage: true }}
      columns={[
        { title: "单元格", dataIndex: "cell", width: 76, render: (c: string | null) => c ?? DASH },
        { title: "规则", dataIndex: "title", width: 170 },
        {
          title: "级别",
          dataIndex: "severity",
          width: 70,
          render: (s: CheckedFinding["severity"]) => <Tag color={SEVERITY[s].color}>{SEVERITY[s].text}</Tag>,
        },
        { title: "问题", dataIndex: "message" },
        { title: "修改建议", dataIndex: "suggestion", width: 280, render: (s: string | null) => s ?? DASH },
      ]}
    />
  );
}

function Indicators({ t }: { t: CheckedGoalTable }) {
  const rows = t.table.indicators.map((ind, i) => ({ ...ind, i, at: t.at.indicators[i], written: t.writtenLevels[i] }));
  return (
    <Table
      size="small"
      rowKey="i"
      dataSource={rows}
      pagination={{ pageSize: 10, showSizeChanger: false, size: "small", hideOnSinglePage: true }}
      columns={[
        { title: "行", key: "row", width: 56, render: (_: unknown, r) => r.at?.row ?? DASH },
        {
          title: "一级/二级指标（按本年度指标体系）",
          key: "levels",
          width: 240,
          render: (_: unknown, r) => {
            const written = r.written ? `${r.written.level1}/${r.written.level2}` : "";
            const mapped = `${r.level1}/${r.level2}`;
            return written && written !== mapped ? (
              <span title={`表中原写：${written}`}>
                {mapped} <Typography.Text type="secondary">（原：{written}）</Typography.Text>
              </span>
            ) : (
              mapped
            );
          },
        },
        { title: "三级指标", dataIndex: "name" },
        {
          title: "指标值",
          key: "target",
          width: 160,
          render: (_: unknown, r) =>
            r.kind === "qualitative"
              ? r.target
              : `${r.operator ? OPERATOR_LABELS[r.operator] : ""}${r.target}${r.unit ?? ""}`,
        },
        ...(t.at.weights ? [{ title: "权重", dataIndex: "weight", width: 70 }] : []),
      ]}
    />
  );
}

function TableResult({ t, index }: { t: CheckedGoalTable; index: number }) {
  const f = t.table.funds;
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid={`goal-check-table-${index}`}
      title={
        <Space wrap>
          <span>
            【{t.part ? `${t.sheet} · ${t.part}` : t.sheet}】{t.table.subjectName}
          </span>
          <Tag>
            {t.fiscalYear}年度规则 {t.rulesVersion}
          </Tag>
          {t.errors > 0 && <Tag color="error">错误 {t.errors}</Tag>}
          {t.warnings > 0 && <Tag color="warning">提示 {t.warnings}</Tag>}
          {t.errors + t.warnings === 0 && <Tag color="success">未发现问题</Tag>}
        </Space>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        style={{ marginBottom: 12 }}
        items={[
          { key: "d", label: "主管部门", children: t.departmentName || DASH },
          { key: "u", label: "实施单位", children: t.unitName || DASH },
          {
            key: "f",
            label: "年度资金总额",
            children: f ? `${wan(f.total)} 万元（财政拨款 ${wan(f.fiscal)}，其他 ${wan(f.other)}）` : DASH,
          },
          { key: "g", label: "年度总体目标", span: 3, children: t.table.overallGoal || DASH },
          ...(t.longTermGoal ? [{ key: "l", label: "实施期目标", span: 3, children: t.longTermGoal }] : []),
        ]}
      />
      <Findings findings={t.findings} testId={`goal-check-findings-${index}`} />
      {t.notes.length > 0 && (
        <ul style={{ margin: "8px 0 0", paddingInlineStart: 20, color: "rgba(0,0,0,0.55)" }}>
          {t.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <details style={{ marginTop: 8 }}>
        <summary style={{ cursor: "pointer" }}>读取的指标（{t.table.indicators.length} 个）</summary>
        <Indicators t={t} />
      </details>
    </Card>
  );
}

/**
 * 检查外来目标表: a reviewer uploads goal tables received as Excel from another system (the 财政部 layout or a
 * county's own) and sees, per sheet, the table read and what the year's rules find, with the cell of each
 * finding. The server stores nothing; the Excel of the findings is made from the same file sent again.
 */
export default function GoalCheckPage() {
  const { year } = useYear();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [ruleYear, setRuleYear] = useState<number | undefined>(undefined);
  const check = useMutation({ mutationFn: (f: File) => checkGoalWorkbookFile(f, ruleYear) });
  const [exporting, setExporting] = useState(false);

  const pick = (f: File) => {
    check.reset();
    setFileError(null);
    setFile(null);
    if (!/\.xlsx$/i.test(f.name))
      return setFileError("请选择 .xlsx 格式的 Excel 文件；.xls 文件请先在 Excel 或 WPS 中另存为 .xlsx");
    if (f.size > MAX_UPLOAD_BYTES) return setFileError("文件超过 10 MB 上限，请把工作表分成几个文件再检查");
    setFile(f);
    check.mutate(f);
  };

  const exportXlsx = async () => {
    if (!file) return;
    setExporting(true);
    try {
      const blob = await checkGoalWorkbookXlsx(file, ruleYear);
      const a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = `${file.name.replace(/\.xlsx$/i, "")}_问题清单.xlsx`;
      a.click();
      URL.revokeObjectURL(a.href);
    } catch (e) {
      message.error(`导出失败：${errorMessage(e)}`);
    } finally {
      setExporting(false);
    }
  };

  const r = check.data;
  const issues: Issue[] = r ? r.sheets.flatMap((s) => s.issues) : [];
  return (
    <>
      <PageTitle
        title="检查外来目标表"
        sub="上传其他系统或区县报来的绩效目标表 Excel，按本区划的指标体系与审核规则逐表检查；不保存任何内容"
        extra={
          <Space>
            <Select<number | "sheet">
              style={{ width: 190 }}
              value={ruleYear ?? "sheet"}
              onChange={(v) => {
                setRuleYear(v === "sheet" ? undefined : v);
                check.reset();
              }}
              options={[
                { value: "sheet", label: "按表中年度的规则" },
                ...[year + 1, year, year - 1, year - 2].map((y) => ({ value: y, label: `按${y}年度的规则` })),
              ]}
              data-testid="goal-check-year"
            />
            <Button
              icon={<DownloadOutlined />}
              disabled={!r || r.counts.tables === 0}
              loading={exporting}
              onClick={() => void exportXlsx()}
              data-testid="goal-check-export"
            >
              导出问题清单
            </Button>
          </Space>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }} data-testid="goal-check-upload">
        <Upload.Dragger
          accept=".xlsx"
          maxCount={1}
          multiple={false}
          beforeUpload={(f) => {
            pick(f);
            return false;
          }}
          onRemove={() => {
            setFile(null);
            check.reset();
          }}
          fileList={file ? [{ uid: "file", name: file.name, size: file.size, status: "done" }] : []}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击或将绩效目标表 Excel 拖到此处</p>
          <p className="ant-upload-hint">
            .xlsx，单个文件不超过 10
            MB；每个工作表一张目标表，财政部格式或各地自制格式均可（含无权重列、指标值带单位等）
          </p>
        </Upload.Dragger>
        {fileError && (
          <Alert type="error" showIcon style={{ marginTop: 12 }} title={fileError} data-testid="goal-check-error" />
        )}
        {check.error && (
          <Alert
            type="error"
            showIcon
            style={{ marginTop: 12 }}
            title={errorMessage(check.error)}
            data-testid="goal-check-error"
          />
        )}
      </Card>
      {check.isPending && <Card loading />}
      {r && (
        <>
          <Alert
            data-testid="goal-check-summary"
            style={{ marginBottom: 16 }}
            type={r.counts.errors > 0 ? "error" : r.counts.warnings > 0 || r.counts.issues > 0 ? "warning" : "success"}
            showIcon
            title={`${r.fileName}：${r.counts.sheets} 个工作表，读出 ${r.counts.tables} 张目标表；错误 ${r.counts.errors} 处，提示 ${r.counts.warnings} 处，无法读取之处 ${r.counts.issues} 处`}
            description={`审核规则：${r.rules
              .map((x) => `${x.fiscalYear}年度 ${x.version} 版${x.setForYear === null ? "（内置默认）" : ""}`)
              .join("；")}。未保存任何内容。`}
          />
          {issues.length > 0 && (
            <Card size="small" title="未能读取之处" style={{ marginBottom: 16 }}>
              <Table<Issue>
                data-testid="goal-check-issues"
                size="small"
                rowKey={(i, n) => `${i.sheet}-${i.cell}-${n}`}
                dataSource={issues}
                pagination={{ pageSize: 10, showSizeChanger: false, size: "small", hideOnSinglePage: true }}
                columns={[
                  { title: "工作表", dataIndex: "sheet", width: 140 },
                  { title: "单元格", dataIndex: "cell", width: 76, render: (c: string | null) => c ?? DASH },
                  {
                    title: "说明",
                    dataIndex: "message",
                    render: (m: string) => m.replace(/^工作表“[^”]*”[^：]*：/, ""),
                  },
                ]}
              />
            </Card>
          )}
          {r.counts.tables === 0 ? (
            <Card>
              <Empty description="文件中没有读出绩效目标表" />
            </Card>
          ) : (
            r.sheets
              .flatMap((s) => s.tables)
              .map((t, i) => <TableResult key={`${t.sheet}·${t.part ?? ""}`} t={t} index={i} />)
          )}
        </>
      )}
    </>
  );
}
