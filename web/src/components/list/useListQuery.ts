import type { TableProps } from "antd";
import type { SorterResult, SortOrder } from "antd/es/table/interface";
import { pageSizeParam, useUrlList } from "./urlList";

/** Keys of the query string that are not filters: a list is "filtered" when any other key is present. */
const NOT_FILTERS = new Set(["page", "pageSize", "sort", "order"]);

export interface ListSpec<F, S extends string> {
  /** The filters from the query string; unknown or malformed values are left out, never sent. */
  parse: (params: URLSearchParams) => F;
  /** The sorts the server accepts; any other `sort` in the address is ignored. */
  sorts?: readonly S[];
  /** The order a column gets when it is first sorted (amounts and counts read best from the largest). */
  firstOrder?: "asc" | "desc";
}

/**
 * A server-paged list's whole state (filters, sort, order, page, page size) in the query string, so that a
 * link, a reload or the back button restores it; and the wiring of an antd Table to it.
 */
export function useListQuery<F, S extends string = never>(spec: ListSpec<F, S>) {
  const { params, page, pageSize, update, reset } = useUrlList();
  const rawSort = params.get("sort");
  const sort = spec.sorts?.includes(rawSort as S) ? (rawSort as S) : undefined;
  const rawOrder = params.get("order");
  const order: "asc" | "desc" | undefined = rawOrder === "asc" || rawOrder === "desc" ? rawOrder : undefined;
  const firstOrder = spec.firstOrder ?? "asc";
  const hasFilters = [...params.keys()].some((k) => !NOT_FILTERS.has(k));

  /** What a sortable column declares: antd shows the arrow of the sort in the address. */
  const sortable = (key: S) => ({
    key,
    sorter: true,
    sortDirections: (firstOrder === "desc" ? ["descend", "ascend"] : ["ascend", "descend"]) as SortOrder[],
    sortOrder: (sort === key ? ((order ?? firstOrder) === "desc" ? "descend" : "ascend") : null) as SortOrder,
  });

  /** Paging and sorting clicks, written to the address (the query follows from it). */
  const onTableChange = <T>(...[pg, , sorter, extra]: Parameters<NonNullable<TableProps<T>["onChange"]>>) => {
    if (extra.action === "paginate") {
      update({ page: pg.current, pageSize: pageSizeParam(pg.pageSize) });
    } else if (extra.action === "sort") {
      const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<T> | undefined;
      const key = s?.order ? (s.columnKey as S) : undefined;
      update({ sort: key, order: key ? (s?.order === "descend" ? "desc" : "asc") : undefined });
    }
  };

  return {
    filters: spec.parse(params),
    params,
    sort,
    order,
    page,
    pageSize,
    hasFilters,
    /** Anything to reset: a filter or a sort. */
    changed: hasFilters || sort !== undefined,
    update,
    reset,
    sortable,
    onTableChange,
  };
}

export type ListQuery<F, S extends string = never> = ReturnType<typeof useListQuery<F, S>>;

/** A positive integer from the query string, else undefined. */
export { intParam } from "./urlList";

/** One of `allowed`, else undefined. */
export const oneOf = <V extends string>(allowed: readonly V[], v: string | null): V | undefined =>
  allowed.includes(v as V) ? (v as V) : undefined;

/** "true" / "false" as a boolean, else undefined. */
export const flagParam = (v: string | null): boolean | undefined =>
  v === "true" ? true : v === "false" ? false : undefined;

/** Trimmed text, or undefined when empty. */
export const textParam = (v: string | null): string | undefined => v?.trim() || undefined;
