import { DownloadOutlined, HistoryOutlined, InboxOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  Button,
  Card,
  Col,
  Progress,
  Radio,
  Result,
  Row,
  Space,
  Statistic,
  Steps,
  Tabs,
  Typography,
  Upload,
} from "antd";
import { useEffect, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { IMPORT_KIND_LABELS, IMPORT_KINDS, type ImportKind, MAX_UPLOAD_BYTES } from "../../../src/core/imports/spec";
import { ApiError, errorMessage } from "../api/client";
import { importTemplateUrl, runImport } from "../api/endpoints";
import type { ImportIssue, ImportResult } from "../api/types";
import { ChangedRowsTable, IssuesTable, NewRowsTable } from "../components/importView";
import { PageTitle } from "../components/PageTitle";
import { count } from "../format";

const ACCEPT = ".xlsx,.csv,.json";
const KIND_HINTS: Record<ImportKind, string> = {
  orgs: "主管部门和预算单位的编码、名称、上级、联系人",
  projects: "项目编码、名称、单位、类别及各项预算数",
  execution: "各项目每月的支付数",
  "dept-budgets": "各主管部门的整体预算数",
  "dept-execution": "各主管部门整体支出每月的支付数",
  requests: "下一预算年度各项目的申请金额及刚性支出标记（项目须为本年度已有项目）",
};

/** Where the data of a kind is seen after an import. */
const KIND_PAGES: Partial<Record<ImportKind, { to: string; label: string }>> = {
  orgs: { to: "/orgs", label: "查看单位" },
  "dept-budgets": { to: "/dept-budgets", label: "查看部门整体预算" },
  requests: { to: "/results/requests", label: "查看下年度预算申请" },
};
const PROJECTS_PAGE = { to: "/projects", label: "查看项目库" };

/** "共 12 个错误，涉及 5 行": one row may carry several errors. */
export const errorsText = (errors: number, rows: number) => `共 ${count(errors)} 个错误，涉及 ${count(rows)} 行`;

/** "已跳过 2 行示例": the template's example rows are never imported. */
function ExamplesSkipped({ n }: { n: number }) {
  if (n === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="import-examples-skipped"
      title={`已跳过 ${count(n)} 行示例（第一列“示例标记”为“示例”的模板示例行不会导入）`}
    />
  );
}

function Counts({ r }: { r: ImportResult }) {
  const bad = r.counts.errors > 0;
  const items: { key: string; title: string; value: number; suffix: string; color?: string; note?: string }[] = [
    { key: "total", title: "总行数", value: r.counts.total, suffix: "行" },
    { key: "new", title: "新增", value: r.counts.new, suffix: "行", color: "#389e0d" },
    { key: "changed", title: "变更", value: r.counts.changed, suffix: "行", color: "#1f5fae" },
    { key: "unchanged", title: "未变", value: r.counts.unchanged, suffix: "行", color: "#8c8c8c" },
    {
      key: "errors",
      title: "错误",
      value: r.counts.errors,
      suffix: "个",
      color: bad ? "#cf1322" : "#8c8c8c",
      note: bad ? `涉及 ${count(r.counts.errorRows)} 行` : undefined,
    },
  ];
  return (
    <Row gutter={12} style={{ marginBottom: 16 }}>
      {items.map((i) => (
        <Col key={i.key} flex="1 1 0">
          <Card size="small" style={{ height: "100%" }} data-testid={`import-count-${i.key}`}>
            <Statistic title={i.title} value={i.value} suffix={i.suffix} styles={{ content: { color: i.color } }} />
            {i.note && (
              <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="import-error-rows">
                {i.note}
              </Typography.Text>
            )}
          </Card>
        </Col>
      ))}
    </Row>
  );
}

/** A progress bar for a request whose length is unknown: it creeps towards 95% until the answer comes. */
function Creeping() {
  const [p, setP] = useState(5);
  useEffect(() => {
    const t = setInterval(() => setP((x) => Math.min(95, x + (95 - x) * 0.08)), 300);
    return () => clearInterval(t);
  }, []);
  return <Progress percent={Math.round(p)} status="active" data-testid="import-progress" />;
}

export default function ImportsPage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [step, setStep] = useState(0);
  // A page that imports one kind links here with ?kind=…, preselected.
  const [params] = useSearchParams();
  const asked = params.get("kind");
  const [kind, setKind] = useState<ImportKind>(
    IMPORT_KINDS.includes(asked as ImportKind) ? (asked as ImportKind) : "projects",
  );
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  const preview = useMutation({
    mutationFn: () => runImport(kind, "preview", file as File),
    onSuccess: () => setStep(1),
  });
  const commit = useMutation({
    mutationFn: () => runImport(kind, "commit", file as File),
    onSuccess: () => {
      // everything shown elsewhere may have changed
      void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== "me" && q.queryKey[0] !== "meta" });
    },
  });

  const restart = () => {
    setStep(0);
    setFile(null);
    preview.reset();
    commit.reset();
  };

  const pickFile = (f: File) => {
    setFileError(null);
    preview.reset();
    const ext = f.name.toLowerCase().split(".").pop() ?? "";
    if (!["xlsx", "csv", "json"].includes(ext)) {
      setFileError("只支持 .xlsx、.csv 或 .json 文件");
      return;
    }
    if (f.size > MAX_UPLOAD_BYTES) {
      setFileError(`文件过大（${(f.size / 1024 / 1024).toFixed(1)} MB），最大 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`);
      return;
    }
    if (f.size === 0) {
      setFileError("文件是空的");
      return;
    }
    setFile(f);
  };

  const r = preview.data;
  const donePage = KIND_PAGES[kind] ?? PROJECTS_PAGE;
  const canCommit = !!r && r.counts.errors === 0 && r.counts.new + r.counts.changed > 0;

  return (
    <>
      <PageTitle
        title="数据导入"
        sub="从一体化系统导出的表格导入，先预览、后提交，出错时不写入任何数据"
        extra={
          <Link to="/imports/history" data-testid="import-history-link">
            <Button icon={<HistoryOutlined />}>导入记录</Button>
          </Link>
        }
      />
      <Card>
        <Steps
          current={step}
          style={{ marginBottom: 24 }}
          items={[{ title: "选择类型和文件" }, { title: "预览" }, { title: "提交" }]}
        />

        {step === 0 && (
          <>
            <Typography.Title level={5}>1. 选择导入类型</Typography.Title>
            <Radio.Group
              value={kind}
              onChange={(e) => {
                setKind(e.target.value as ImportKind);
                preview.reset();
              }}
              style={{ width: "100%", marginBottom: 24 }}
              data-testid="import-kind"
            >
              <Row gutter={[12, 12]}>
                {IMPORT_KINDS.map((k) => (
                  <Col key={k} xs={24} md={12} xl={6}>
                    <Card size="small" style={{ height: "100%", borderColor: kind === k ? "#1f5fae" : undefined }}>
                      <Radio value={k}>
                        <b>{IMPORT_KIND_LABELS[k]}</b>
                      </Radio>
                      <Typography.Paragraph type="secondary" style={{ margin: "6px 0", fontSize: 12 }}>
                        {KIND_HINTS[k]}
                      </Typography.Paragraph>
                      <a href={importTemplateUrl(k)} download data-testid={`template-${k}`}>
                        <DownloadOutlined /> 下载模板
                      </a>
                    </Card>
                  </Col>
                ))}
              </Row>
            </Radio.Group>

            <Typography.Title level={5}>2. 选择文件</Typography.Title>
            <Upload.Dragger
              accept={ACCEPT}
              maxCount={1}
              multiple={false}
              beforeUpload={(f) => {
                pickFile(f);
                return false;
              }}
              onRemove={() => {
                setFile(null);
                preview.reset();
              }}
              fileList={file ? [{ uid: "file", name: file.name, size: file.size, status: "done" }] : []}
              data-testid="import-upload"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">点击或将文件拖到此处</p>
              <p className="ant-upload-hint">支持 .xlsx、.csv、.json，单个文件不超过 10 MB；请使用上方的模板</p>
            </Upload.Dragger>
            {fileError && <Alert type="error" showIcon title={fileError} style={{ marginTop: 12 }} />}
            {preview.error && (
              <Alert
                type="error"
                showIcon
                title="文件无法预览"
                description={errorMessage(preview.error)}
                style={{ marginTop: 12 }}
                data-testid="import-error"
              />
            )}
            <div style={{ marginTop: 24, textAlign: "right" }}>
              <Button type="primary" disabled={!file} loading={preview.isPending} onClick={() => preview.mutate()}>
                下一步：预览
              </Button>
            </div>
          </>
        )}

        {step === 1 && r && (
          <>
            <Typography.Paragraph>
              文件：<b>{r.fileName}</b>　类型：<b>{IMPORT_KIND_LABELS[r.kind] ?? r.kind}</b>
            </Typography.Paragraph>
            <Counts r={r} />
            <ExamplesSkipped n={r.counts.examples} />
            {r.counts.errors > 0 ? (
              <>
                <Alert
                  type="error"
                  showIcon
                  data-testid="import-errors-alert"
                  style={{ marginBottom: 12 }}
                  title={`${errorsText(r.counts.errors, r.counts.errorRows)}，请修正文件后重新上传，本次不会写入任何数据`}
                />
                <IssuesTable issues={r.issues} total={r.counts.errors} rows={r.counts.errorRows} />
              </>
            ) : r.counts.new + r.counts.changed === 0 ? (
              <Alert
                type="info"
                showIcon
                title="文件中的数据与系统中的完全一致，无需导入。"
                style={{ marginBottom: 12 }}
              />
            ) : (
              <Alert
                type="success"
                showIcon
                style={{ marginBottom: 12 }}
                title={`校验通过：将新增 ${r.counts.new} 行、变更 ${r.counts.changed} 行。请核对下方样例后提交。`}
              />
            )}
            {r.counts.new + r.counts.changed > 0 && (
              <Tabs
                style={{ marginTop: 8 }}
                items={[
                  {
                    key: "new",
                    label: `新增（${r.counts.new}）`,
                    children: <NewRowsTable kind={r.kind} rows={r.newRows} total={r.counts.new} />,
                  },
                  {
                    key: "changed",
                    label: `变更（${r.counts.changed}）`,
                    children: <ChangedRowsTable kind={r.kind} rows={r.changedRows} total={r.counts.changed} />,
                  },
                ]}
              />
            )}
            <div style={{ marginTop: 24, display: "flex", justifyContent: "space-between" }}>
              <Button onClick={() => setStep(0)}>上一步：重新选择文件</Button>
              <Button
                type="primary"
                disabled={!canCommit}
                data-testid="import-commit"
                onClick={() => {
                  setStep(2);
                  commit.mutate();
                }}
              >
                提交导入
              </Button>
            </div>
          </>
        )}

        {step === 2 && (
          <>
            {commit.isPending && (
              <div style={{ maxWidth: 520, margin: "32px auto", textAlign: "center" }}>
                <Typography.Paragraph>正在导入，请勿关闭或刷新页面…</Typography.Paragraph>
                <Creeping />
              </div>
            )}
            {commit.data && (
              <Result
                status="success"
                title="导入完成"
                data-testid="import-done"
                subTitle={`${commit.data.fileName}：新增 ${commit.data.counts.new} 行，变更 ${commit.data.counts.changed} 行，未变 ${commit.data.counts.unchanged} 行${commit.data.counts.examples > 0 ? `，已跳过 ${commit.data.counts.examples} 行示例` : ""}。`}
                extra={
                  <Space>
                    <Button type="primary" onClick={restart}>
                      继续导入
                    </Button>
                    <Button onClick={() => navigate(donePage.to)}>{donePage.label}</Button>
                    <Button onClick={() => navigate("/imports/history")}>查看导入记录</Button>
                  </Space>
                }
              />
            )}
            {commit.error && <CommitFailed error={commit.error} onBack={restart} />}
          </>
        )}
      </Card>
    </>
  );
}

function CommitFailed({ error, onBack }: { error: unknown; onBack: () => void }) {
  const details = error instanceof ApiError ? (error.details as { issues?: ImportIssue[] } | undefined) : undefined;
  const issues = details?.issues ?? [];
  const total =
    (error instanceof ApiError && (error.details as { total?: number } | undefined)?.total) || issues.length;
  return (
    <>
      <Result
        status="error"
        title="导入失败，未写入任何数据"
        subTitle={errorMessage(error)}
        data-testid="import-failed"
        extra={
          <Button type="primary" onClick={onBack}>
            重新选择文件
          </Button>
        }
      />
      {issues.length > 0 && <IssuesTable issues={issues} total={total} />}
    </>
  );
}
