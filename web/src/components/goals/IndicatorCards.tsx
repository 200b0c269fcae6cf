import { MessageOutlined } from "@ant-design/icons";
import type { ColumnType } from "antd/es/table";
import type { ReactNode } from "react";
import type { IndicatorRow } from "./indicatorForm";

/** An entry of the indicator tree: a level-1 heading or an indicator row (as IndicatorTable lists them). */
export type IndicatorItem =
  | { type: "group"; key: string; level1: string; known: boolean; rows: IndicatorRow[] }
  | { type: "row"; key: string; row: IndicatorRow; index: number };

/**
 * Where each cell goes on a card's six-column grid, in order: the level and the name on their own lines,
 * then kind, operator and weight three to a line, target and unit two, the explanation last.
 */
const LAYOUT: Record<string, { order: number; span: number }> = {
  level: { order: 1, span: 6 },
  name: { order: 2, span: 6 },
  kind: { order: 3, span: 2 },
  operator: { order: 4, span: 2 },
  weight: { order: 5, span: 2 },
  target: { order: 6, span: 3 },
  unit: { order: 7, span: 3 },
  explanation: { order: 8, span: 6 },
};
const placeOf = (c: ColumnType<IndicatorItem>) => LAYOUT[String(c.key)] ?? { order: 9, span: 6 };

/**
 * The indicator tree on a phone: a heading per level 1, then one card per indicator with its fields
 * stacked (the same editors and texts as the table's cells, labelled by the column titles), and its
 * findings, comment threads and answer fields under it. The card's head (第n行 and the name) stays at
 * the top of the screen while the card's fields are edited.
 */
export function IndicatorCards({
  items,
  columns,
  groupOf,
  notesOf,
  markOf,
  commented,
  flashKey,
  onFocusRow,
}: {
  items: readonly IndicatorItem[];
  columns: readonly ColumnType<IndicatorItem>[];
  groupOf: (item: IndicatorItem) => ReactNode;
  notesOf: (item: IndicatorItem) => ReactNode[];
  /** The row's error or hint mark. */
  markOf: (index: number) => ReactNode;
  /** The row has reviewers' comments (shown under its fields): its head says so. */
  commented: (row: IndicatorRow) => boolean;
  flashKey?: string | null | undefined;
  onFocusRow?: ((key: string) => void) | undefined;
}) {
  const cell = (c: ColumnType<IndicatorItem>, item: IndicatorItem, i: number): ReactNode =>
    c.render ? (c.render(undefined, item, i) as ReactNode) : null;
  const no = columns.find((c) => c.key === "no");
  const tools = columns.filter((c) => c.key === "ops" || c.key === "comment");
  const fields = columns
    .filter((c) => c !== no && !tools.includes(c))
    .sort((a, b) => placeOf(a).order - placeOf(b).order);
  // A read-only card has kind, target and weight: one line of three.
  const spanOf = (c: ColumnType<IndicatorItem>) => (c.key === "target" && fields.length < 7 ? 2 : placeOf(c).span);

  return (
    <div className="jx-ic-list" data-testid="goal-indicators" data-view="cards">
      <style>{INDICATOR_CARDS_CSS}</style>
      {items.length === 0 && <div className="jx-ic-empty">暂无指标</div>}
      {items.map((item, i) => {
        if (item.type === "group")
          return (
            <div key={item.key} className={`jx-ic-group${item.known ? "" : " jx-ic-group-other"}`}>
              {groupOf(item)}
            </div>
          );
        const { row, index } = item;
        const notes = notesOf(item);
        return (
          <section
            key={item.key}
            className={`jx-ic-card${item.key === flashKey ? " jx-gt-flash" : ""}`}
            data-testid="goal-indicator-card"
            data-row-key={item.key}
            aria-label={`第${index + 1}行 ${row.name}`}
            onFocus={() => onFocusRow?.(item.key)}
          >
            <header className="jx-ic-head">
              <span className="jx-ic-no">
                第{index + 1}行{markOf(index)}
              </span>
              <span className="jx-ic-name" data-testid="goal-indicator-card-name">
                {row.name.trim() || "（未填名称）"}
              </span>
              {commented(row) && (
                <MessageOutlined className="jx-ic-commented" aria-label="有审核意见" title="有审核意见，见本卡片下方" />
              )}
              {tools.map((c) => (
                <span key={String(c.key)} className="jx-ic-tools">
                  {cell(c, item, i)}
                </span>
              ))}
            </header>
            <div className="jx-ic-fields">
              {fields.map((c) => (
                <div key={String(c.key)} className="jx-ic-field" style={{ gridColumn: `span ${spanOf(c)}` }}>
                  <div className="jx-ic-label">{c.title as ReactNode}</div>
                  <div className="jx-ic-value">{cell(c, item, i)}</div>
                </div>
              ))}
            </div>
            {notes.length > 0 && <div className="jx-gt-notes jx-ic-notes">{notes}</div>}
          </section>
        );
      })}
    </div>
  );
}

const INDICATOR_CARDS_CSS = `
.jx-ic-list { display: flex; flex-direction: column; gap: 8px; }
.jx-ic-group { padding: 8px 10px; border-radius: 4px; background: #f0f5ff; font-weight: 600; }
.jx-ic-group-other { background: #fff1f0; }
.jx-ic-card { border: 1px solid #e5e8ed; border-radius: 6px; background: #fff; }
.jx-ic-head { position: sticky; top: 56px; z-index: 3; display: flex; align-items: center; gap: 6px; min-height: 36px;
  padding: 4px 4px 4px 10px; border-bottom: 1px solid #eef0f3; border-radius: 6px 6px 0 0; background: #f7f9fc; }
.jx-ic-no { flex: none; font-weight: 600; white-space: nowrap; }
.jx-ic-name { flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.jx-ic-tools { flex: none; }
.jx-ic-fields { display: grid; grid-template-columns: repeat(6, minmax(0, 1fr)); gap: 8px; padding: 8px 10px; }
.jx-ic-commented { flex: none; color: #0958d9; }
.jx-ic-label { margin-bottom: 2px; font-size: 12px; color: rgba(0,0,0,0.5); }
.jx-ic-value { min-width: 0; overflow-wrap: anywhere; }
.jx-ic-notes { padding: 0 10px 10px; }
.jx-ic-empty { padding: 16px; text-align: center; color: rgba(0,0,0,0.45); }
`;
