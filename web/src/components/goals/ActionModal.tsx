import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Form, Input, Modal, Select, Typography } from "antd";
import type { ReactNode } from "react";
import type { IndicatorRow } from "./indicatorForm";

export type CommentAction = "return" | "revise" | "approve";

/** One reviewer comment on one indicator, while it is being written. */
export interface RowCommentDraft {
  id: number;
  index: number | null;
  text: string;
}

export interface CommentDraft {
  comment: string;
  rows: RowCommentDraft[];
}

export const EMPTY_DRAFT: CommentDraft = { comment: "", rows: [] };

const TEXT: Record<CommentAction, { title: string; label: string; ok: string; placeholder: string }> = {
  return: {
    title: "退回绩效目标表",
    label: "退回意见",
    ok: "确定退回",
    placeholder: "说明需要修改的内容，如：受益人数与上年相比明显下降，请核实",
  },
  revise: {
    title: "调整已批复的绩效目标",
    label: "调整原因",
    ok: "生成调整版本",
    placeholder: "如：项目预算调减，相应调整受益人数目标",
  },
  approve: { title: "审核通过", label: "审核意见（可不填）", ok: "审核通过", placeholder: "如：同意" },
};

let nextId = 1;

/**
 * The dialog of the actions that take a comment: 退回 (required, and optionally one comment per
 * indicator), 调整 (a required reason) and 审核通过 (optional).
 */
export function ActionModal({
  action,
  draft,
  rows,
  busy,
  error,
  intro,
  onChange,
  onCancel,
  onOk,
}: {
  action: CommentAction | null;
  draft: CommentDraft;
  rows: readonly IndicatorRow[];
  busy: boolean;
  error: ReactNode;
  intro: ReactNode;
  onChange: (d: CommentDraft) => void;
  onCancel: () => void;
  onOk: () => void;
}) {
  const text = action ? TEXT[action] : TEXT.approve;
  const required = action === "return" || action === "revise";
  const missing = required && draft.comment.trim() === "";
  const rowOptions = rows.map((r, i) => ({
    value: i,
    label: `第${i + 1}行 ${r.level2 ? `${r.level2}/` : ""}${r.name || "（未填名称）"}`,
  }));
  const setRow = (id: number, patch: Partial<RowCommentDraft>) =>
    onChange({ ...draft, rows: draft.rows.map((r) => (r.id === id ? { ...r, ...patch } : r)) });

  return (
    <Modal
      open={action !== null}
      title={text.title}
      okText={text.ok}
      okButtonProps={{ danger: action === "return", disabled: missing, ...{ "data-testid": "goal-action-ok" } }}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={onOk}
      width={action === "revise" ? 520 : 640}
      destroyOnHidden
    >
      {intro && <div style={{ marginBottom: 12 }}>{intro}</div>}
      {error}
      <Form layout="vertical">
        <Form.Item label={text.label} required={required} style={{ marginBottom: 12 }}>
          <Input.TextArea
            data-testid="goal-action-comment"
            autoFocus={draft.rows.length === 0}
            rows={3}
            maxLength={2000}
            placeholder={text.placeholder}
            value={draft.comment}
            onChange={(e) => onChange({ ...draft, comment: e.target.value })}
          />
        </Form.Item>
        {(action === "return" || action === "approve") && (
          <Form.Item
            label={action === "return" ? "逐项意见（可选）" : "逐项备注（可选）"}
            extra="针对具体指标的意见显示在该指标下方，单位可逐条答复。也可在指标表中点该行的“写意见”直接填写。"
            style={{ marginBottom: 0 }}
          >
            {draft.rows.map((r) => (
              <div key={r.id} style={{ display: "flex", gap: 8, marginBottom: 8, flexWrap: "wrap" }}>
                <Select
                  aria-label="指标"
                  style={{ width: 230, maxWidth: "100%", flex: "none" }}
                  placeholder="选择指标"
                  value={r.index ?? undefined}
                  options={rowOptions}
                  showSearch={{ optionFilterProp: "label" }}
                  onChange={(index: number) => setRow(r.id, { index })}
                />
                <Input.TextArea
                  aria-label="该指标的意见"
                  data-testid="goal-row-comment-input"
                  placeholder="该指标的意见"
                  autoSize={{ minRows: 1, maxRows: 6 }}
                  style={{ flex: "1 1 240px", width: "auto" }}
                  maxLength={500}
                  value={r.text}
                  onChange={(e) => setRow(r.id, { text: e.target.value })}
                />
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label="删除该条意见"
                  onClick={() => onChange({ ...draft, rows: draft.rows.filter((x) => x.id !== r.id) })}
                />
              </div>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => onChange({ ...draft, rows: [...draft.rows, { id: nextId++, index: null, text: "" }] })}
            >
              添加逐项意见
            </Button>
          </Form.Item>
        )}
        {missing && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            请填写{text.label}。
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}

/** A new row comment for the indicator at `index`, unless there is one already. */
export function withRowComment(draft: CommentDraft, index: number): CommentDraft {
  if (draft.rows.some((r) => r.index === index)) return draft;
  return { ...draft, rows: [...draft.rows, { id: nextId++, index, text: "" }] };
}

/**
 * The per-indicator comments as the API takes them: {"<uid>": "text"}, empty ones left out. Draft
 * rows hold the row as shown; `stored` turns it into the key the server knows the indicator by.
 */
export function indicatorCommentsOf(
  draft: CommentDraft,
  stored: (shown: number) => string = String,
): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const r of draft.rows) {
    const text = r.text.trim();
    if (r.index === null || text === "") continue;
    const key = String(stored(r.index));
    out[key] = out[key] ? `${out[key]}；${text}` : text;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

export const unusedDraft = (d: CommentDraft): boolean => d.comment.trim() === "" && d.rows.every((r) => !r.text.trim());

/** The draft's comment on the row at `index` changed (an inline editor under the row writes it). */
export function withRowText(draft: CommentDraft, index: number, text: string): CommentDraft {
  return { ...draft, rows: draft.rows.map((r) => (r.index === index ? { ...r, text } : r)) };
}

/** The draft without its comment on the row at `index`. */
export const withoutRow = (draft: CommentDraft, index: number): CommentDraft => ({
  ...draft,
  rows: draft.rows.filter((r) => r.index !== index),
});
