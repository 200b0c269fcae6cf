import { MessageOutlined } from "@ant-design/icons";
import { Button, Input, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { ROUND_OUTCOME_LABELS } from "../../../../src/core/review/outcome";
import type { ReviewCommentRow } from "../../api/goals/goal-review";
import { dateTime } from "../../format";
import { useIsPhone } from "../phone/useIsPhone";

const DESK = { department: "主管部门", finance: "财政" } as const;

/** "主管部门 张三 · 第1次提交 · 退回意见 · 2024-11-03 09:30". */
function metaOf(c: ReviewCommentRow): string {
  const round = c.roundSeq ? `第${c.roundSeq}次提交` : "";
  const kind = c.stage === "return" ? "退回意见" : "审核通过时备注";
  return [`${DESK[c.reviewer]} ${c.authorName}`, round, kind, dateTime(c.createdAt).slice(0, 16)]
    .filter(Boolean)
    .join(" · ");
}

/**
 * The comments on one item (or on the whole record) across rounds, each with its answer: what a
 * reviewer wrote, whether the declarer answered, and — while the record is back with the declarer —
 * a field to answer. Shared by every module's review.
 */
export function CommentThread({
  comments,
  onAnswer,
  testId = "review-thread",
  stacked = false,
}: {
  comments: readonly ReviewCommentRow[];
  onAnswer?: ((c: ReviewCommentRow, text: string) => Promise<boolean>) | undefined;
  testId?: string;
  /** The answer field on its own line with the button under it, as on a phone: for a thread in a narrow cell. */
  stacked?: boolean;
}) {
  if (comments.length === 0) return null;
  return (
    <div className="jx-thread" data-testid={testId}>
      {comments.map((c) => (
        <ThreadComment key={c.id} comment={c} onAnswer={c.answerable ? onAnswer : undefined} stacked={stacked} />
      ))}
    </div>
  );
}

function ThreadComment({
  comment: c,
  onAnswer,
  stacked,
}: {
  comment: ReviewCommentRow;
  onAnswer?: ((c: ReviewCommentRow, text: string) => Promise<boolean>) | undefined;
  stacked: boolean;
}) {
  const [text, setText] = useState(c.answer ?? "");
  const [saving, setSaving] = useState(false);
  const needsAnswer = c.stage === "return";
  const changed = text.trim() !== (c.answer ?? "");
  const stack = useIsPhone() || stacked;
  const save = async () => {
    if (!onAnswer) return;
    setSaving(true);
    await onAnswer(c, text);
    setSaving(false);
  };
  const field = (
    <Input.TextArea
      aria-label={`答复：${c.itemLabel || "整体意见"}`}
      data-testid="review-answer-input"
      autoSize={{ minRows: stack ? 2 : 1, maxRows: 6 }}
      maxLength={1000}
      placeholder="答复该意见：说明如何修改，或为何不改"
      value={text}
      onChange={(e) => setText(e.target.value)}
    />
  );
  const button = (
    <Button data-testid="review-answer-save" disabled={!changed} loading={saving} onClick={() => void save()}>
      {c.answer ? "更新答复" : "保存答复"}
    </Button>
  );
  return (
    <div
      className={`jx-thread-comment jx-thread-${c.stage}`}
      data-testid="review-comment"
      data-answered={c.answer ? "yes" : "no"}
    >
      <div className="jx-thread-meta">
        <MessageOutlined /> {metaOf(c)}
        {needsAnswer &&
          (c.answer ? (
            <Tag color="green" style={{ marginLeft: 6 }}>
              已答复
            </Tag>
          ) : (
            <Tag color={onAnswer ? "orange" : "default"} style={{ marginLeft: 6 }}>
              未答复
            </Tag>
          ))}
        {c.roundOutcome === "withdrawn" && <Tag>{ROUND_OUTCOME_LABELS.withdrawn}</Tag>}
      </div>
      <div className="jx-thread-body">{c.body}</div>
      {c.answer && !onAnswer && (
        <div className="jx-thread-answer" data-testid="review-answer">
          答复（{c.answeredByName}）：{c.answer}
        </div>
      )}
      {onAnswer &&
        (stack ? (
          // A phone's width: the field takes the line, the button goes under it.
          <div style={{ marginTop: 4, display: "flex", flexDirection: "column", alignItems: "flex-end", gap: 4 }}>
            {field}
            {button}
          </div>
        ) : (
          <Space.Compact block style={{ marginTop: 4, alignItems: "flex-start" }}>
            {field}
            {button}
          </Space.Compact>
        ))}
      {onAnswer && c.answer && !changed && (
        <Typography.Text type="success" style={{ fontSize: 12 }}>
          已保存答复，重新提交时一并报送
        </Typography.Text>
      )}
    </div>
  );
}
