import { Table, type TableProps } from "antd";
import type { Key } from "react";
import { useIsPhone } from "../phone/useIsPhone";
import { CardList, type CardOf } from "./CardList";
import { serverPaging } from "./urlList";

/** What the table needs of a list's state (useListQuery). */
interface ListBinding {
  hasFilters: boolean;
  page: number;
  pageSize: number;
  onTableChange: <T>(...args: Parameters<NonNullable<TableProps<T>["onChange"]>>) => void;
}

type Props<T> = Omit<TableProps<T>, "pagination" | "onChange" | "dataSource" | "loading"> & {
  list: ListBinding;
  /** The page the server answered, kept on screen while the next one loads. */
  data: { total: number; rows: T[] } | undefined;
  loading: boolean;
  testId: string;
  /** What an empty list says with filters and without. */
  empty: { filtered: string; none: string };
  /** The row as a card: on a phone the list shows one card per row instead of the wide table. */
  card?: (row: T) => CardOf;
};

/**
 * A server-paged table: its pager and sort arrows follow the address, and clicks write to it. On a phone,
 * with a `card` renderer, the same page of rows as cards (`CardList`).
 */
export function ListTable<T extends object>({ list, data, loading, testId, empty, card, ...rest }: Props<T>) {
  const phone = useIsPhone();
  const emptyText = list.hasFilters ? empty.filtered : empty.none;
  if (phone && card) {
    const key = rest.rowKey;
    return (
      <CardList<T>
        rows={data?.rows}
        rowKey={(row) =>
          typeof key === "function" ? key(row) : ((row as Record<string, unknown>)[String(key ?? "key")] as Key)
        }
        card={card}
        loading={loading}
        testId={testId}
        emptyText={emptyText}
        page={list.page}
        pageSize={list.pageSize}
        total={data?.total ?? 0}
        onPage={(page) =>
          list.onTableChange<T>({ current: page, pageSize: list.pageSize }, {}, [], {
            action: "paginate",
            currentDataSource: [],
          })
        }
      />
    );
  }
  return (
    <Table<T>
      data-testid={testId}
      size="small"
      {...rest}
      loading={loading}
      dataSource={data?.rows}
      locale={{ emptyText }}
      pagination={serverPaging(list.page, list.pageSize, data?.total ?? 0)}
      onChange={(...args) => list.onTableChange<T>(...args)}
    />
  );
}
