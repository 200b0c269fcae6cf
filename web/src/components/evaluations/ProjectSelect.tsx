import { Select } from "antd";
import { useDeferredValue, useState } from "react";
import { useProjects } from "../../api/hooks";
import { wan } from "../../format";

/**
 * One project of a year, searched on the server by code or name (the account's own projects for a department):
 * each option with its unit and 全年预算数 in 万元.
 */
export function ProjectSelect({
  year,
  value,
  onChange,
  testId,
}: {
  year: number;
  value: number | undefined;
  onChange: (id: number | undefined) => void;
  testId?: string;
}) {
  const [search, setSearch] = useState("");
  const q = useDeferredValue(search.trim());
  const list = useProjects({ year, q: q || undefined, page: 1, pageSize: 30, sort: "code", order: "asc" });
  const rows = list.data?.rows ?? [];
  return (
    <Select<number>
      aria-label="项目"
      data-testid={testId}
      style={{ width: "100%" }}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      placeholder="输入项目编码或名称搜索"
      loading={list.isFetching}
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      notFoundContent={list.isFetching ? "正在查询…" : "没有符合的项目"}
      options={rows.map((p) => ({
        value: p.id,
        label: (
          <span>
            {p.name}
            <span style={{ color: "rgba(0,0,0,0.45)", fontSize: 12, marginLeft: 6 }}>
              {p.code} · {p.unit.name} · {wan(p.adjustedBudget)}万元
            </span>
          </span>
        ),
      }))}
    />
  );
}
