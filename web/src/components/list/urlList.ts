/** A list page's state in the query string (filters, sort, page), and its server-side paging. */
import type { TablePaginationConfig } from "antd";
import { useSearchParams } from "react-router";

export const PAGE_SIZES = [20, 50, 100];
const DEFAULT_PAGE_SIZE = 20;

/** A positive integer from the query string, else undefined. */
export const intParam = (v: string | null): number | undefined => {
  const n = Number(v);
  return v && Number.isInteger(n) && n > 0 ? n : undefined;
};

/**
 * The query string as a list's state, so that a link or the back button restores the list. `update`
 * sets some keys (undefined or "" removes them); any change other than the page goes back to page 1.
 */
export function useUrlList() {
  const [params, setParams] = useSearchParams();
  const requested = intParam(params.get("pageSize"));
  const update = (patch: Record<string, string | number | boolean | undefined>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined || v === "") next.delete(k);
        else next.set(k, String(v));
      }
      if (!("page" in patch)) next.delete("page");
      return next;
    });
  return {
    params,
    page: intParam(params.get("page")) ?? 1,
    pageSize: requested && PAGE_SIZES.includes(requested) ? requested : DEFAULT_PAGE_SIZE,
    update,
    reset: () => setParams(new URLSearchParams()),
  };
}

/** The pager every server-paged list shows. */
export const serverPaging = (page: number, pageSize: number, total: number): TablePaginationConfig => ({
  current: page,
  pageSize,
  total,
  showSizeChanger: true,
  pageSizeOptions: PAGE_SIZES,
  showQuickJumper: true,
  showTotal: (t) => `共 ${t} 条`,
});

/** The page-size part of a paginate event as the query string keeps it (the default is left out). */
export const pageSizeParam = (pageSize: number | undefined): number | undefined =>
  pageSize === DEFAULT_PAGE_SIZE ? undefined : pageSize;
