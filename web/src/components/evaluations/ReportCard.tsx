import { UploadOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Input, Space, Typography, Upload } from "antd";
import { useState } from "react";
import { ATTACHMENT_ACCEPT, ATTACHMENT_KINDS_TEXT, MAX_ATTACHMENT_BYTES } from "../../../../src/core/attachments";
import {
  MAX_REPORT_PART,
  REPORT_PART_LABELS,
  REPORT_PARTS,
  type ReportPart,
} from "../../../../src/core/evaluations/list";
import { errorMessage } from "../../api/client";
import { evaluationKeys, uploadEvaluationEvidence, useEvaluationFiles } from "../../api/evaluations/evaluations";
import { EvidenceList } from "../monitoring/FollowUpWork";

export type ReportForm = Record<ReportPart, string>;

const PLACEHOLDERS: Record<ReportPart, string> = {
  basics: "项目立项背景、资金安排与使用、实施内容及绩效目标",
  work: "评价组织、方法、资料核查、现场勘查与问卷访谈等",
  problems: "评价发现的主要问题，逐条写明",
  recommendations: "针对问题的改进意见建议",
};

/** 评价报告 of a department evaluation: its four parts as plain text, edited while it is in the department's hands. */
export function ReportCard({
  form,
  editable,
  errors,
  onChange,
}: {
  form: ReportForm;
  editable: boolean;
  errors: ReadonlyMap<string, string>;
  onChange: (part: ReportPart, text: string) => void;
}) {
  return (
    <Card size="small" className="jx-ev-card" title="评价报告" data-testid="ev-report">
      {REPORT_PARTS.map((p, i) => (
        <div key={p} style={{ marginBottom: 12 }}>
          <div style={{ fontWeight: 600, marginBottom: 4 }}>
            {["一", "二", "三", "四"][i]}、{REPORT_PART_LABELS[p]}
          </div>
          {editable ? (
            <>
              <Input.TextArea
                aria-label={REPORT_PART_LABELS[p]}
                data-testid={`ev-report-${p}`}
                autoSize={{ minRows: 3, maxRows: 14 }}
                maxLength={MAX_REPORT_PART}
                placeholder={PLACEHOLDERS[p]}
                status={errors.has(p) ? "error" : undefined}
                value={form[p]}
                onChange={(e) => onChange(p, e.target.value)}
              />
              {errors.get(p) && <div className="jx-ev-error">{errors.get(p)}</div>}
            </>
          ) : (
            <div style={{ whiteSpace: "pre-wrap" }}>
              {form[p] || <Typography.Text type="secondary">未填写</Typography.Text>}
            </div>
          )}
        </div>
      ))}
    </Card>
  );
}

/** 佐证材料 of a department evaluation: the files, and upload / remove while the department may still change them. */
export function EvidenceCard({ id }: { id: number }) {
  const files = useEvaluationFiles(id, true);
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(false);
  const canAttach = files.data?.canAttach ?? false;
  const refresh = () => void qc.invalidateQueries({ queryKey: evaluationKeys.files(id) });
  const upload = async (file: File) => {
    if (file.size > MAX_ATTACHMENT_BYTES) return void message.error(`“${file.name}”超过 10 MB 上限`);
    setUploading(true);
    try {
      await uploadEvaluationEvidence(id, file);
      message.success(`已上传：${file.name}`);
      refresh();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setUploading(false);
    }
  };
  return (
    <Card
      size="small"
      className="jx-ev-card"
      title={`佐证材料${files.data ? `（${files.data.files.length}）` : ""}`}
      data-testid="ev-evidence"
      extra={
        canAttach ? (
          <Upload
            accept={ATTACHMENT_ACCEPT}
            showUploadList={false}
            multiple
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button size="small" icon={<UploadOutlined />} loading={uploading} data-testid="ev-evidence-upload">
              上传
            </Button>
          </Upload>
        ) : undefined
      }
    >
      {files.data ? (
        <Space direction="vertical" style={{ width: "100%" }}>
          <EvidenceList a={{ files: files.data.files, canUpload: canAttach }} onChanged={refresh} />
          {canAttach && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              可上传 {ATTACHMENT_KINDS_TEXT}，每个不超过 10 MB，最多 20 个
            </Typography.Text>
          )}
        </Space>
      ) : (
        "正在读取…"
      )}
    </Card>
  );
}
