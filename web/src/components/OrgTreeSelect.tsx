import { TreeSelect } from "antd";
import { useMemo } from "react";
import type { OrgKind } from "../../../src/core/roles";
import { useOrgTree } from "../api/hooks";
import type { OrgNode } from "../api/types";
import { orgKindLabel } from "./labels";

interface TreeOption {
  value: number;
  title: string;
  search: string;
  disabled: boolean;
  children: TreeOption[];
}

const toOptions = (nodes: OrgNode[], kinds: readonly OrgKind[] | undefined): TreeOption[] =>
  nodes.map((n) => ({
    value: n.id,
    title: `${n.name}（${n.code}）`,
    search: `${n.code} ${n.name}`,
    disabled: kinds !== undefined && !kinds.includes(n.kind),
    children: toOptions(n.children, kinds),
  }));

/**
 * Picks an organisation from the tree; with `kind`, only organisations of that kind (or of those kinds)
 * can be chosen.
 */
export function OrgTreeSelect({
  value,
  onChange,
  kind,
  id,
  placeholder,
  testId,
}: {
  value?: number;
  onChange?: (v: number | undefined) => void;
  kind?: OrgKind | readonly OrgKind[];
  id?: string;
  placeholder?: string;
  testId?: string;
}) {
  const tree = useOrgTree();
  const kinds: readonly OrgKind[] | undefined =
    kind === undefined ? undefined : typeof kind === "string" ? [kind] : kind;
  // The kinds by name, so that a list written inline does not rebuild the tree on every render.
  const key = kinds?.join(",") ?? "";
  const treeData = useMemo(
    () => toOptions(tree.data?.nodes ?? [], key ? (key.split(",") as OrgKind[]) : undefined),
    [tree.data, key],
  );
  return (
    <TreeSelect<number>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      treeData={treeData}
      loading={tree.isPending}
      showSearch={{ treeNodeFilterProp: "search" }}
      allowClear
      treeDefaultExpandAll={false}
      treeDefaultExpandedKeys={tree.data?.nodes.map((n) => n.id)}
      data-testid={testId}
      placeholder={placeholder ?? (kinds ? `请选择${kinds.map(orgKindLabel).join("或")}` : "请选择所属单位")}
      popupMatchSelectWidth={false}
      style={{ width: "100%" }}
      styles={{ popup: { root: { maxHeight: 400, overflow: "auto", minWidth: 360 } } }}
    />
  );
}
