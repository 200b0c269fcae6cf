import { Empty, Pagination, Spin } from "antd";
import type { Key, ReactNode } from "react";
import { Link } from "react-router";

/** What one row shows as a card on a phone: the key fields of the row the table's columns spread out. */
export interface CardOf {
  /** The row's name; with `to` the whole card opens it. */
  title: ReactNode;
  to?: string | undefined;
  /** The status, at the top right. */
  tag?: ReactNode;
  /** Short label/value pairs under the title (code, unit, due date, updated …); a value may go without a label. */
  fields?: readonly { label: string; value: ReactNode }[];
  /** Buttons at the bottom right (催办 …); they stay clickable over the card's link. */
  extra?: ReactNode;
}

interface Props<T> {
  rows: readonly T[] | undefined;
  rowKey: (row: T) => Key;
  card: (row: T) => CardOf;
  loading: boolean;
  testId: string;
  emptyText: string;
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}

/**
 * A list as one card per row, for a phone's width: title (the link), status tag, a few fields, actions,
 * and a simple pager. `ListTable` shows it instead of its table when the screen is narrow and the page
 * gives a `card` renderer; a page may also use it directly.
 */
export function CardList<T>({
  rows,
  rowKey,
  card,
  loading,
  testId,
  emptyText,
  page,
  pageSize,
  total,
  onPage,
}: Props<T>) {
  return (
    <Spin spinning={loading}>
      <style>{CARD_LIST_CSS}</style>
      <div className="jx-card-list" data-testid={testId} data-view="cards">
        {rows && rows.length > 0
          ? rows.map((row) => {
              const c = card(row);
              return (
                <div key={rowKey(row)} className="jx-card" data-testid="list-card">
                  <div className="jx-card-head">
                    <div className="jx-card-title">
                      {c.to ? (
                        <Link to={c.to} className="jx-card-link">
                          {c.title}
                        </Link>
                      ) : (
                        c.title
                      )}
                    </div>
                    {c.tag && <div className="jx-card-tag">{c.tag}</div>}
                  </div>
                  {c.fields && c.fields.length > 0 && (
                    <div className="jx-card-fields">
                      {c.fields.map((f, i) => (
                        <span key={f.label || `f${i}`}>
                          {f.label && <span className="jx-card-label">{f.label}</span>}
                          {f.value}
                        </span>
                      ))}
                    </div>
                  )}
                  {c.extra && <div className="jx-card-extra">{c.extra}</div>}
                </div>
              );
            })
          : !loading && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />}
      </div>
      {total > pageSize && (
        <Pagination
          simple
          size="small"
          align="center"
          style={{ marginTop: 12 }}
          current={page}
          pageSize={pageSize}
          total={total}
          showSizeChanger={false}
          onChange={onPage}
        />
      )}
    </Spin>
  );
}

const CARD_LIST_CSS = `
.jx-card-list { display: flex; flex-direction: column; gap: 8px; }
.jx-card { position: relative; padding: 10px 12px; border: 1px solid #e5e8ed; border-radius: 6px; background: #fff; }
.jx-card:active { background: #f5f8fc; }
.jx-card-head { display: flex; align-items: flex-start; gap: 8px; }
.jx-card-title { flex: 1; min-width: 0; font-weight: 600; line-height: 22px; overflow-wrap: anywhere; }
.jx-card-link::after { content: ""; position: absolute; inset: 0; }
.jx-card-tag { flex: none; }
.jx-card-fields { display: flex; flex-wrap: wrap; gap: 2px 14px; margin-top: 4px; font-size: 12px; line-height: 20px; color: rgba(0,0,0,0.65); }
.jx-card-label { color: rgba(0,0,0,0.45); margin-right: 4px; }
.jx-card-extra { position: relative; z-index: 1; display: flex; justify-content: flex-end; gap: 8px; margin-top: 8px; }
`;
