import { FilePdfOutlined, FileWordOutlined, UploadOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, List, Tag, Typography, Upload } from "antd";
import { useState } from "react";
import { MAX_ATTACHMENT_BYTES } from "../../../../src/core/attachments";
import { errorMessage } from "../../api/client";
import {
  attachmentUrl,
  type EvaluationDetail,
  evaluationKeys,
  evaluationReportDocxUrl,
  uploadEvaluationReport,
} from "../../api/evaluations/evaluations";
import { dateTime, fileSize } from "../../format";

/** The final versions are Word or PDF; the server checks the bytes. */
const REPORT_ACCEPT = ".docx,.pdf";

/**
 * 评价报告: the draft as Word from the data, and the team's final versions kept newest first, the newest being
 * the current one (现行版本). Upload only for those the server lets upload; its refusals are shown as it words them.
 */
export function ReportFilesCard({ data, canUpload }: { data: EvaluationDetail; canUpload: boolean }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const versions = data.reportVersions;

  const upload = async (file: File) => {
    setError(null);
    if (file.size > MAX_ATTACHMENT_BYTES)
      return setError(`“${file.name}”超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB 上限，未上传`);
    setUploading(true);
    try {
      await uploadEvaluationReport(data.id, file);
      message.success(`已上传定稿报告：${file.name}`);
      // The versions come with the detail; the upload is also a line of the history.
      await Promise.all([
        qc.invalidateQueries({ queryKey: evaluationKeys.detail(data.id) }),
        qc.invalidateQueries({ queryKey: evaluationKeys.history(data.id) }),
      ]);
    } catch (e) {
      setError(`“${file.name}”未上传：${errorMessage(e)}`);
    } finally {
      setUploading(false);
    }
  };

  return (
    <Card
      size="small"
      className="jx-ev-card"
      title={data.kind === "key" ? "评价报告" : "评价报告文件"}
      data-testid="ev-report-files"
    >
      <div style={{ display: "flex", flexWrap: "wrap", gap: 8, marginBottom: 8 }}>
        <Button
          icon={<FileWordOutlined />}
          href={evaluationReportDocxUrl(data.id)}
          download
          data-testid="ev-report-docx"
        >
          下载报告初稿（Word）
        </Button>
        {canUpload && (
          <Upload
            accept={REPORT_ACCEPT}
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={uploading} data-testid="ev-report-upload">
              上传定稿报告
            </Button>
          </Upload>
        )}
      </div>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        初稿按评价数据生成{data.status === "final" ? "" : "（定稿前为草稿）"}，评价组修改后
        {canUpload ? "在此" : "由主评专家或财政"}上传定稿：Word（.docx）或 PDF，不超过{" "}
        {MAX_ATTACHMENT_BYTES / 1024 / 1024} MB。每次上传都保留为一个版本，最新一份为现行版本。
      </Typography.Paragraph>
      {error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          title={error}
          data-testid="ev-report-error"
          closable={{ onClose: () => setError(null) }}
        />
      )}
      <List
        size="small"
        bordered
        data-testid="ev-report-versions"
        locale={{ emptyText: "尚未上传定稿报告" }}
        dataSource={versions}
        renderItem={(v, i) => (
          <List.Item data-testid="ev-report-version">
            <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: "4px 8px", minWidth: 0 }}>
              {v.name.toLowerCase().endsWith(".pdf") ? <FilePdfOutlined /> : <FileWordOutlined />}
              <a href={attachmentUrl(v.id)} download={v.name} style={{ wordBreak: "break-all" }}>
                {v.name}
              </a>
              {i === 0 ? (
                <Tag color="green" data-testid="ev-report-current">
                  现行版本
                </Tag>
              ) : (
                <Tag>第{versions.length - i}版</Tag>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {v.uploaderName} · {dateTime(v.createdAt).slice(0, 16)} · {fileSize(v.size)}
              </Typography.Text>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
