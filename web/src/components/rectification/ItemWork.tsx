import { UploadOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Descriptions, Input, Space, Timeline, Typography, Upload } from "antd";
import { useState } from "react";
import { ATTACHMENT_ACCEPT, ATTACHMENT_KINDS_TEXT, MAX_ATTACHMENT_BYTES } from "../../../../src/core/attachments";
import { errorMessage } from "../../api/client";
import {
  actOnRectificationItem,
  type RectificationNoticeItem,
  rectificationKeys,
  uploadRectificationEvidence,
  useRectificationItem,
} from "../../api/rectification/rectification";
import { dateTime } from "../../format";
import { EvidenceList } from "../monitoring/FollowUpWork";
import { useIsPhone } from "../phone/useIsPhone";
import { useLeaveGuard } from "../unsaved/useLeaveGuard";
import { RectificationStatus } from "./RectificationStatus";

type Action = "answer" | "accept" | "return";

const HISTORY_LABELS: Record<string, string> = {
  issue: "下达整改通知",
  attach: "上传佐证材料",
  detach: "删除佐证材料",
  answer: "反馈整改情况",
  accept: "验收通过",
  return: "退回重改",
  remind: "催办",
};

/** 办理记录: who did what to the item, and when, with their note. */
function History({ id }: { id: number }) {
  const { data } = useRectificationItem(id);
  if (!data || data.history.length === 0) return null;
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        办理记录
      </Typography.Title>
      <Timeline
        data-testid="rectification-history"
        items={data.history.map((h) => ({
          children: (
            <>
              <Typography.Text strong>{HISTORY_LABELS[h.action] ?? h.action}</Typography.Text>{" "}
              <Typography.Text type="secondary">
                {h.actorName} · {dateTime(h.at)}
              </Typography.Text>
              {h.reason && h.reason !== HISTORY_LABELS[h.action] && <div>{h.reason}</div>}
            </>
          ),
        }))}
      />
    </>
  );
}

const DONE: Record<Action, string> = { answer: "已提交整改情况", accept: "已验收", return: "已退回重改" };

/**
 * One item's work: what was asked, the unit's measures and evidence, finance's note. The addressee uploads
 * evidence and answers; finance accepts or returns with a note. Only what the item's read allows is offered.
 */
export function ItemWork({ item, onDone }: { item: RectificationNoticeItem; onDone: () => void }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState(false);
  const phone = useIsPhone();
  useLeaveGuard(text.trim() !== "");
  const refresh = () => qc.invalidateQueries({ queryKey: rectificationKeys.all });
  const answering = item.allowedActions.includes("answer");
  const judging = item.allowedActions.includes("accept") || item.allowedActions.includes("return");

  const run = async (action: Action) => {
    setError(null);
    if (action === "answer" && text.trim() === "") return setError("请填写整改措施：做了什么、何时完成、结果如何");
    if (action === "answer" && item.files.length === 0) return setError("请先上传整改佐证材料");
    if (action === "return" && text.trim() === "") return setError("退回时须填写退回意见，说明还需如何整改");
    setBusy(true);
    try {
      await actOnRectificationItem(item.id, { version: item.version, action, text: text.trim() || undefined });
      setText("");
      message.success(DONE[action]);
      await refresh();
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const upload = async (file: File) => {
    setError(null);
    if (file.size > MAX_ATTACHMENT_BYTES) return setError(`“${file.name}”超过 10 MB 上限`);
    setUploading(true);
    try {
      await uploadRectificationEvidence(item.id, file);
      message.success(`已上传：${file.name}`);
      await refresh();
    } catch (e) {
      setError(`“${file.name}”未上传：${errorMessage(e)}`);
    } finally {
      setUploading(false);
    }
  };

  return (
    <div data-testid="rectification-work">
      <Descriptions
        column={1}
        size="small"
        bordered={!phone}
        layout={phone ? "vertical" : "horizontal"}
        style={{ marginBottom: 16 }}
      >
        <Descriptions.Item label="状态">
          <RectificationStatus item={item} />
        </Descriptions.Item>
        <Descriptions.Item label="存在问题">{item.problem}</Descriptions.Item>
        <Descriptions.Item label="整改要求">{item.requirement}</Descriptions.Item>
        <Descriptions.Item label="整改期限">{item.deadline}</Descriptions.Item>
        <Descriptions.Item label="整改措施">
          {item.answer || <Typography.Text type="secondary">尚未反馈</Typography.Text>}
        </Descriptions.Item>
        {item.verdictNote && (
          <Descriptions.Item label={item.status === "accepted" ? "验收意见" : "退回意见"}>
            {item.verdictNote}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Title level={5}>佐证材料</Typography.Title>
      <EvidenceList a={item} onChanged={() => void refresh()} />
      {answering && item.canUpload && (
        <Space direction="vertical" style={{ width: "100%", marginTop: 8 }}>
          <Upload
            accept={ATTACHMENT_ACCEPT}
            showUploadList={false}
            multiple
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={uploading} data-testid="rectification-upload">
              上传佐证材料
            </Button>
          </Upload>
          <Typography.Text type="secondary">可上传 {ATTACHMENT_KINDS_TEXT}，每个不超过 10 MB</Typography.Text>
        </Space>
      )}
      {item.status === "returned" && answering && (
        <Alert
          style={{ marginTop: 12 }}
          type="warning"
          showIcon
          message="财政已退回本项，请按退回意见继续整改后重新反馈"
        />
      )}
      {(answering || judging) && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {answering ? "整改措施" : "验收意见"}
          </Typography.Title>
          <Input.TextArea
            rows={4}
            maxLength={10000}
            showCount
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={
              answering ? "整改措施：做了什么、何时完成、结果如何" : "验收或退回意见（退回时必填：说明还需如何整改）"
            }
            aria-label={answering ? "整改措施" : "财政意见"}
            data-testid="rectification-text"
          />
          {error && <Alert type="error" showIcon role="alert" message={error} data-testid="rectification-error" />}
          <Space style={{ marginTop: 8 }} wrap>
            {answering && (
              <Button
                type="primary"
                loading={busy}
                onClick={() => void run("answer")}
                data-testid="rectification-answer"
              >
                提交整改情况
              </Button>
            )}
            {item.allowedActions.includes("accept") && (
              <Button
                type="primary"
                loading={busy}
                onClick={() => void run("accept")}
                data-testid="rectification-accept"
              >
                验收通过
              </Button>
            )}
            {item.allowedActions.includes("return") && (
              <Button danger loading={busy} onClick={() => void run("return")} data-testid="rectification-return">
                退回重改
              </Button>
            )}
          </Space>
        </>
      )}
      {!answering && !judging && error && <Alert type="error" showIcon message={error} />}
      <History id={item.id} />
    </div>
  );
}
