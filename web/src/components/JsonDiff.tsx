/** Before and after of an audited change side by side, changed keys highlighted. */

import { Typography } from "antd";
import type { CSSProperties } from "react";
import { yuan } from "../format";
import { fieldLabel, MONEY_FIELDS } from "./labels";

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const show = (v: unknown): string => {
  if (v === undefined) return "";
  if (v === null) return "null";
  if (typeof v === "string") return v;
  return JSON.stringify(v, null, 1);
};

/** A value of field `k`: money fields also in 元, so that a clerk can read them. */
const showField = (k: string, v: unknown): string =>
  MONEY_FIELDS.has(k) && typeof v === "number" ? `${yuan(v)} 元` : show(v);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

const BOOKKEEPING = new Set(["version", "updatedAt", "createdAt"]);

/** Keys whose value differs, leaving out bookkeeping (version, timestamps). */
export function changedKeys(before: unknown, after: unknown): string[] {
  if (!isPlainObject(before) || !isPlainObject(after)) return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].filter((k) => !BOOKKEEPING.has(k) && !same(before[k], after[k]));
}

const cell: CSSProperties = {
  padding: "4px 8px",
  borderBottom: "1px solid #f0f0f0",
  verticalAlign: "top",
  whiteSpace: "pre-wrap",
  wordBreak: "break-all",
  fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",
  fontSize: 12,
};

export function JsonDiff({ before, after }: { before: unknown; after: unknown }) {
  if (!isPlainObject(before) && !isPlainObject(after)) {
    return (
      <div style={{ display: "grid", gridTemplateColumns: "1fr 1fr", gap: 12 }} data-testid="json-diff">
        <div>
          <Typography.Text type="secondary">修改前</Typography.Text>
          <pre style={{ ...cell, background: "#fafafa" }}>{show(before) || "（无）"}</pre>
        </div>
        <div>
          <Typography.Text type="secondary">修改后</Typography.Text>
          <pre style={{ ...cell, background: "#fafafa" }}>{show(after) || "（无）"}</pre>
        </div>
      </div>
    );
  }
  const b = isPlainObject(before) ? before : {};
  const a = isPlainObject(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return (
    <table style={{ width: "100%", borderCollapse: "collapse", tableLayout: "fixed" }} data-testid="json-diff">
      <thead>
        <tr style={{ background: "#fafafa", textAlign: "left" }}>
          <th style={{ ...cell, width: 180, fontFamily: "inherit" }}>字段</th>
          <th style={{ ...cell, fontFamily: "inherit" }}>修改前{before == null ? "（无，新建）" : ""}</th>
          <th style={{ ...cell, fontFamily: "inherit" }}>修改后{after == null ? "（无，已删除）" : ""}</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((k) => {
          const changed = !same(b[k], a[k]);
          const bg = changed ? "#fff7e6" : undefined;
          return (
            <tr key={k} data-changed={changed || undefined} style={{ background: bg }}>
              <td style={{ ...cell, fontWeight: changed ? 600 : 400, fontFamily: "inherit" }} title={k}>
                {fieldLabel(k)}
              </td>
              <td style={{ ...cell, color: changed ? "#a8071a" : undefined }}>{k in b ? showField(k, b[k]) : ""}</td>
              <td style={{ ...cell, color: changed ? "#135200" : undefined }}>{k in a ? showField(k, a[k]) : ""}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
