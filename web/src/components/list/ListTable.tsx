import { Table, type TableProps } from "antd";
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
};

/** A server-paged table: its pager and sort arrows follow the address, and clicks write to it. */
export function ListTable<T extends object>({ list, data, loading, testId, empty, ...rest }: Props<T>) {
  return (
    <Table<T>
      data-testid={testId}
      size="small"
      {...rest}
      loading={loading}
      dataSource={data?.rows}
      locale={{ emptyText: list.hasFilters ? empty.filtered : empty.none }}
      pagination={serverPaging(list.page, list.pageSize, data?.total ?? 0)}
      onChange={(...args) => list.onTableChange<T>(...args)}
    />
  );
}
