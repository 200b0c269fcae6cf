/** An audit entry's before and after as readable field changes; the raw JSON stays one click away. */
import { Collapse, Typography } from "antd";
import type { CSSProperties } from "react";
import { type FieldChange, fieldChanges } from "./auditFormat";

const cell: CSSProperties = {
  padding: "4px 8px",
  borderBottom: "1px solid #f0f0f0",
  verticalAlign: "top",
  whiteSpace: "pre-wrap",
  wordBreak: "break-word",
  fontSize: 13,
};
const mono: CSSProperties = {
  fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
  fontSize: 12,
  margin: 0,
  whiteSpace: "pre-wrap",
  wordBreak: "break-all",
};

const json = (v: unknown) => (v === undefined ? "" : JSON.stringify(v, null, 1));

/** A formatted value, or the structure as JSON behind a small toggle. */
function Value({ text, raw, present }: { text: string | null; raw: unknown; present: boolean }) {
  if (!present) return null;
  if (text !== null) return <>{text}</>;
  return (
    <details>
      <summary style={{ cursor: "pointer", color: "#8c8c8c" }}>展开原始数据</summary>
      <pre style={mono}>{json(raw)}</pre>
    </details>
  );
}

function FieldRows({ rows, showBefore, showAfter }: { rows: FieldChange[]; showBefore: boolean; showAfter: boolean }) {
  return (
    <>
      {rows.map((r) => (
        <tr key={r.key} data-changed={r.changed || undefined} style={{ background: r.changed ? "#fff7e6" : undefined }}>
          <td style={{ ...cell, width: 160, fontWeight: r.changed ? 600 : 400 }} title={r.key}>
            {r.label}
          </td>
          {showBefore && (
            <td style={{ ...cell, color: r.changed ? "#a8071a" : undefined }}>
              <Value text={r.before} raw={r.rawBefore} present={r.inBefore} />
            </td>
          )}
          {showAfter && (
            <td style={{ ...cell, color: r.changed ? "#135200" : undefined }}>
              <Value text={r.after} raw={r.rawAfter} present={r.inAfter} />
              {r.note && (
                <div style={{ color: "#595959", marginTop: 2 }} data-testid="audit-indicator-changes">
                  {r.note}
                </div>
              )}
            </td>
          )}
        </tr>
      ))}
    </>
  );
}

/**
 * Records (objects) are shown field by field with Chinese names, changed fields first and highlighted,
 * unchanged ones folded away; anything else (or any nested structure) as JSON behind a toggle.
 */
export function AuditChanges({ entity, before, after }: { entity: string; before: unknown; after: unknown }) {
  const rows = fieldChanges(entity, before, after);
  const rawJson = (
    <Collapse
      ghost
      size="small"
      items={[
        {
          key: "raw",
          label: <Typography.Text type="secondary">原始数据（JSON）</Typography.Text>,
          children: (
            <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: 12 }}>
              <div>
                <Typography.Text type="secondary">修改前</Typography.Text>
                <pre style={{ ...mono, background: "#fafafa", padding: 8 }}>{json(before ?? null)}</pre>
              </div>
              <div>
                <Typography.Text type="secondary">修改后</Typography.Text>
                <pre style={{ ...mono, background: "#fafafa", padding: 8 }}>{json(after ?? null)}</pre>
              </div>
            </div>
          ),
        },
      ]}
    />
  );
  if (rows === null) return <div data-testid="audit-changes">{rawJson}</div>;

  const showBefore = before != null;
  const showAfter = after != null;
  const changed = rows.filter((r) => r.changed);
  // A change shows its changed fields and folds the rest; a creation or deletion shows the whole record.
  const main = showBefore && showAfter ? changed : rows;
  const rest = showBefore && showAfter ? rows.filter((r) => !r.changed) : [];
  const head = (
    <thead>
      <tr style={{ background: "#fafafa", textAlign: "left" }}>
        <th style={{ ...cell, width: 160 }}>字段</th>
        {showBefore && <th style={cell}>修改前</th>}
        {showAfter && <th style={cell}>{showBefore ? "修改后" : "内容"}</th>}
      </tr>
    </thead>
  );
  return (
    <div data-testid="audit-changes">
      {main.length > 0 ? (
        <table style={{ width: "100%", borderCollapse: "collapse", tableLayout: "fixed" }}>
          {head}
          <tbody>
            <FieldRows rows={main} showBefore={showBefore} showAfter={showAfter} />
          </tbody>
        </table>
      ) : (
        <Typography.Text type="secondary">没有字段变化</Typography.Text>
      )}
      {rest.length > 0 && (
        <details style={{ marginTop: 4 }}>
          <summary style={{ cursor: "pointer", color: "#8c8c8c" }}>未变化的字段（{rest.length}）</summary>
          <table style={{ width: "100%", borderCollapse: "collapse", tableLayout: "fixed" }}>
            <tbody>
              <FieldRows rows={rest} showBefore={showBefore} showAfter={showAfter} />
            </tbody>
          </table>
        </details>
      )}
      {rawJson}
    </div>
  );
}
