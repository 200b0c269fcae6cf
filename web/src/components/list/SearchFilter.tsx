import { Input } from "antd";

/**
 * The search box of a list's filter bar: searches on Enter or 查询, clears with ×, and shows the word
 * kept in the address (re-mounted when it changes, e.g. after 重置).
 */
export function SearchFilter({
  value,
  onSearch,
  label,
  placeholder,
  testId,
  width = 280,
}: {
  value: string | undefined;
  onSearch: (q: string | undefined) => void;
  label: string;
  placeholder: string;
  testId?: string;
  width?: number;
}) {
  return (
    <Input.Search
      key={value ?? ""}
      aria-label={label}
      data-testid={testId}
      placeholder={placeholder}
      defaultValue={value}
      allowClear
      enterButton="查询"
      style={{ width }}
      onSearch={(v) => onSearch(v.trim() || undefined)}
    />
  );
}
