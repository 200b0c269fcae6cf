import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { App, Button, Input, List, Space, Tag, Typography, Upload } from "antd";
import { useState } from "react";
import { ATTACHMENT_ACCEPT, ATTACHMENT_KINDS_TEXT, MAX_ATTACHMENT_BYTES } from "../../../../src/core/attachments";
import { errorMessage } from "../../api/client";
import {
  actOnFollowUp,
  type FollowUp,
  followUpKeys,
  removeEvidence,
  uploadEvidence,
} from "../../api/monitoring/follow-ups";
import { dateTime, fileSize } from "../../format";
import { useLeaveGuard } from "../unsaved/useLeaveGuard";

const STATUS_COLORS: Record<string, string> = {
  open: "blue",
  submitted: "gold",
  returned: "red",
  closed: "green",
};

/** The status of an action as a tag, with 已逾期 when the unit is late. */
export function FollowUpStatus({ a }: { a: Pick<FollowUp, "status" | "statusText" | "overdue"> }) {
  return (
    <Space size={4}>
      <Tag color={STATUS_COLORS[a.status]}>{a.statusText}</Tag>
      {a.overdue && <Tag color="error">已逾期</Tag>}
    </Space>
  );
}

/**
 * 佐证材料: the files of a record (a follow-up action, a rectification item, an evaluation), each to download; the
 * owner may remove them while it may still upload.
 */
export function EvidenceList({ a, onChanged }: { a: Pick<FollowUp, "files" | "canUpload">; onChanged: () => void }) {
  const { message, modal } = App.useApp();
  if (a.files.length === 0) return <Typography.Text type="secondary">尚未上传佐证材料</Typography.Text>;
  const remove = (id: number, name: string) =>
    modal.confirm({
      title: `删除“${name}”？`,
      okText: "删除",
      okButtonProps: { danger: true },
      cancelText: "取消",
      onOk: async () => {
        try {
          await removeEvidence(id);
          message.success("已删除");
          onChanged();
        } catch (e) {
          message.error(errorMessage(e));
        }
      },
    });
  return (
    <List
      size="small"
      data-testid="evidence-list"
      dataSource={a.files}
      renderItem={(f) => (
        <List.Item
          actions={
            a.canUpload
              ? [
                  <Button
                    key="rm"
                    type="link"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={`删除 ${f.name}`}
                    onClick={() => remove(f.id, f.name)}
                  />,
                ]
              : []
          }
        >
          <Space>
            <PaperClipOutlined />
            <a href={f.url} download={f.name}>
              {f.name}
            </a>
            <Typography.Text type="secondary">
              {fileSize(f.size)} · {f.uploaderName} · {dateTime(f.createdAt)}
            </Typography.Text>
          </Space>
        </List.Item>
      )}
    />
  );
}

/**
 * What the viewer may do with an action now: the owning unit uploads its evidence and submits what it did;
 * finance closes it or returns it with a comment. Nothing for anyone else.
 */
export function FollowUpWork({ a }: { a: FollowUp }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState(false);
  useLeaveGuard(text.trim() !== "");
  const refresh = () => qc.invalidateQueries({ queryKey: followUpKeys.all });

  const run = async (action: "submit" | "close" | "return") => {
    setError(null);
    if (action === "submit" && text.trim() === "") return setError("请填写整改情况说明");
    if (action === "submit" && a.files.length === 0) return setError("请先上传整改佐证材料");
    if (action === "return" && text.trim() === "") return setError("退回时须填写退回意见");
    setBusy(true);
    try {
      await actOnFollowUp(a.id, { version: a.version, action, text: text.trim() || undefined });
      setText("");
      message.success(action === "submit" ? "已提交整改情况" : action === "close" ? "已办结" : "已退回");
      await refresh();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const upload = async (file: File) => {
    setError(null);
    if (file.size > MAX_ATTACHMENT_BYTES) {
      setError(`“${file.name}”超过 10 MB 上限`);
      return;
    }
    setUploading(true);
    try {
      await uploadEvidence(a.id, file);
      message.success(`已上传：${file.name}`);
      await refresh();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setUploading(false);
    }
  };

  if (a.allowedActions.length === 0) return null;
  const owner = a.allowedActions.includes("submit");
  return (
    <div data-testid="follow-up-work" style={{ marginTop: 12 }}>
      {owner && (
        <Space direction="vertical" style={{ width: "100%" }}>
          <Upload
            accept={ATTACHMENT_ACCEPT}
            showUploadList={false}
            multiple
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={uploading} data-testid="evidence-upload">
              上传佐证材料
            </Button>
          </Upload>
          <Typography.Text type="secondary">可上传 {ATTACHMENT_KINDS_TEXT}，每个不超过 10 MB</Typography.Text>
        </Space>
      )}
      <Input.TextArea
        style={{ marginTop: 12 }}
        rows={3}
        maxLength={2000}
        showCount
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={owner ? "整改情况说明：做了什么、何时完成、结果如何" : "办结或退回意见（退回时必填）"}
        aria-label={owner ? "整改情况说明" : "财政意见"}
        data-testid="follow-up-text"
      />
      {error && (
        <Typography.Text type="danger" role="alert" data-testid="follow-up-error">
          {error}
        </Typography.Text>
      )}
      <Space style={{ marginTop: 8 }}>
        {owner && (
          <Button type="primary" loading={busy} onClick={() => void run("submit")} data-testid="follow-up-submit">
            提交整改情况
          </Button>
        )}
        {a.allowedActions.includes("close") && (
          <Button type="primary" loading={busy} onClick={() => void run("close")} data-testid="follow-up-close">
            办结
          </Button>
        )}
        {a.allowedActions.includes("return") && (
          <Button danger loading={busy} onClick={() => void run("return")} data-testid="follow-up-return">
            退回
          </Button>
        )}
      </Space>
    </div>
  );
}
