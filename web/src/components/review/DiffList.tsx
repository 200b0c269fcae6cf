import { Empty, Tag, Typography } from "antd";
import type { ItemChange, ReviewValue, SnapshotDiff } from "../../../../src/core/review/snapshot";

const STATUS: Record<ItemChange["status"], { text: string; color: string }> = {
  added: { text: "新增", color: "green" },
  removed: { text: "删除", color: "red" },
  changed: { text: "修改", color: "orange" },
};

const shown = (v: ReviewValue | undefined, format?: (field: string, v: ReviewValue) => string, field = "") =>
  v === null || v === undefined || v === "" ? "（空）" : format ? format(field, v) : String(v);

/** "新增 1 项 · 删除 1 项 · 修改 2 项", or "没有变化". */
export function diffSummary(d: SnapshotDiff, item = "项"): string {
  const parts = [
    d.counts.added > 0 ? `新增 ${d.counts.added} ${item}` : "",
    d.counts.removed > 0 ? `删除 ${d.counts.removed} ${item}` : "",
    d.counts.changed > 0 ? `修改 ${d.counts.changed} ${item}` : "",
    d.counts.fields > 0 ? `${d.fields.length} 处整体内容修改` : "",
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(" · ") : "没有变化";
}

/**
 * What changed between two snapshots of a reviewable record (shared by every module's review): the
 * record's own fields and its items, each with its old and new values. `labels` names the fields.
 */
export function DiffList({
  diff,
  labels,
  format,
  item = "项",
  testId,
}: {
  diff: SnapshotDiff;
  labels: Record<string, string>;
  format?: (field: string, v: ReviewValue) => string;
  item?: string;
  testId?: string;
}) {
  if (diff.fields.length === 0 && diff.items.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有变化" data-testid={testId} />;
  const label = (f: string) => labels[f] ?? f;
  return (
    <div className="jx-diff" data-testid={testId}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {diffSummary(diff, item)}
      </Typography.Text>
      {diff.fields.map((c) => (
        <div key={c.field} className="jx-diff-row">
          <Tag color="orange">修改</Tag>
          <b>{label(c.field)}</b>
          <div className="jx-diff-change">
            <del>{shown(c.before, format, c.field)}</del>
            <span className="jx-diff-arrow">→</span>
            <ins>{shown(c.after, format, c.field)}</ins>
          </div>
        </div>
      ))}
      {diff.items.map((i) => (
        <div key={`${i.status}:${i.key}`} className="jx-diff-row" data-testid="diff-item" data-status={i.status}>
          <Tag color={STATUS[i.status].color}>{STATUS[i.status].text}</Tag>
          {i.group && <Typography.Text type="secondary">{i.group}/</Typography.Text>}
          <b>{i.label || "（未命名）"}</b>
          {i.status === "changed" &&
            i.changes.map((c) => (
              <div key={c.field} className="jx-diff-change">
                {label(c.field)}：<del>{shown(c.before, format, c.field)}</del>
                <span className="jx-diff-arrow">→</span>
                <ins>{shown(c.after, format, c.field)}</ins>
              </div>
            ))}
          {i.status === "removed" && (
            <div className="jx-diff-change">
              <del>{valuesLine(i.before, label, format)}</del>
            </div>
          )}
          {i.status === "added" && (
            <div className="jx-diff-change">
              <ins>{valuesLine(i.after, label, format)}</ins>
            </div>
          )}
        </div>
      ))}
    </div>
  );
}

/** An added or removed item's values in one line ("目标值 50 · 计量单位 个 · 权重 10"). */
function valuesLine(
  values: Record<string, ReviewValue>,
  label: (f: string) => string,
  format?: (field: string, v: ReviewValue) => string,
) {
  return Object.entries(values)
    .filter(([, v]) => v !== null && v !== "")
    .map(([f, v]) => `${label(f)} ${shown(v, format, f)}`)
    .join(" · ");
}

/** Styles of the review blocks (diff, threads, rounds). */
export const REVIEW_CSS = `
.jx-diff { display: flex; flex-direction: column; gap: 6px; }
.jx-diff-row { line-height: 22px; }
.jx-diff-change { padding-left: 4px; font-size: 13px; word-break: break-word; }
.jx-diff del { color: #cf1322; background: #fff1f0; text-decoration: line-through; padding: 0 2px; }
.jx-diff ins { color: #389e0d; background: #f6ffed; text-decoration: none; padding: 0 2px; }
.jx-diff-arrow { margin: 0 6px; color: rgba(0,0,0,0.45); }
.jx-thread { display: flex; flex-direction: column; gap: 6px; font-size: 13px; }
.jx-thread-comment { border-left: 3px solid #91caff; padding: 2px 0 2px 8px; }
.jx-thread-comment.jx-thread-approve { border-left-color: #b7eb8f; }
.jx-thread-body { white-space: pre-wrap; word-break: break-word; color: #0958d9; }
.jx-thread-answer { white-space: pre-wrap; word-break: break-word; margin-top: 2px; color: #389e0d; }
.jx-thread-meta { font-size: 12px; color: rgba(0,0,0,0.5); }
`;
