import { InboxOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { Alert, Button, Modal, Space, Steps, Typography, Upload } from "antd";
import { type ReactNode, useState } from "react";
import { MAX_UPLOAD_BYTES } from "../../../../src/core/imports/spec";
import { errorMessage } from "../../api/client";

/** What every workbook import answers: how many sheets would change, and how many errors stop it. */
interface Counted {
  counts: { changed: number; errors: number };
}

/**
 * The two steps of a workbook import: choose an .xlsx file (checked here for type and size), preview what it
 * would change (`renderPreview` shows the server's answer), then confirm; nothing is written while the file
 * has errors or changes nothing. The goal tables, the monitoring reports and the self-evaluation forms each
 * give their own texts and preview.
 */
export function ImportWizard<R extends Counted>({
  open,
  title,
  hint,
  fileHint,
  testId,
  send,
  renderPreview,
  onCommitted,
  onClose,
}: {
  open: boolean;
  title: string;
  /** What file to use and what it may change, above the upload. */
  hint: ReactNode;
  /** What to do with a file that is not .xlsx or too large. */
  fileHint: { wrongType: string; tooLarge: string };
  /** Prefix of the test ids: `${testId}-upload`, `-preview-button`, `-commit`, `-error`. */
  testId: string;
  send: (mode: "preview" | "commit", file: File) => Promise<R>;
  renderPreview: (r: R) => ReactNode;
  /** After a commit: refresh the pages and tell the user. */
  onCommitted: (r: R) => void;
  onClose: () => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const preview = useMutation({ mutationFn: (f: File) => send("preview", f) });
  const commit = useMutation({
    mutationFn: (f: File) => send("commit", f),
    onSuccess: (r) => {
      onCommitted(r);
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
    if (!/\.xlsx$/i.test(f.name)) return setFileError(fileHint.wrongType);
    if (f.size > MAX_UPLOAD_BYTES) return setFileError(fileHint.tooLarge);
    setFile(f);
  }

  const canCommit = r !== undefined && r.counts.errors === 0 && r.counts.changed > 0;
  return (
    <Modal
      open={open}
      title={title}
      width={1000}
      onCancel={close}
      mask={{ closable: false }}
      footer={
        step === 0 ? (
          <Space>
            <Button onClick={close}>取消</Button>
            <Button
              type="primary"
              disabled={!file}
              loading={preview.isPending}
              onClick={() => file && preview.mutate(file)}
              data-testid={`${testId}-preview-button`}
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
              data-testid={`${testId}-commit`}
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
          <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>
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
            data-testid={`${testId}-upload`}
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
              data-testid={`${testId}-error`}
            />
          )}
        </>
      )}
      {r && (
        <Space orientation="vertical" size={12} style={{ width: "100%" }}>
          {renderPreview(r)}
          {commit.error && <Alert type="error" showIcon title="导入失败" description={errorMessage(commit.error)} />}
        </Space>
      )}
    </Modal>
  );
}
