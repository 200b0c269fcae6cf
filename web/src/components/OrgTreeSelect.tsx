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

const toOptions = (nodes: OrgNode[], kind: OrgKind | undefined): TreeOption[] =>
  nodes.map((n) => ({
    value: n.id,
    title: `${n.name}（${n.code}）`,
    search: `${n.code} ${n.name}`,
    disabled: kind !== undefined && n.kind !== kind,
    children: toOptions(n.children, kind),
  }));

/** Picks an organisation from the tree; with `kind`, only organisations of that kind can be chosen. */
export function OrgTreeSelect({
  value,
  onChange,
  kind,
  id,
}: {
  value?: number;
  onChange?: (v: number | undefined) => void;
  kind?: OrgKind;
  id?: string;
}) {
  const tree = useOrgTree();
  const treeData = useMemo(() => toOptions(tree.data?.nodes ?? [], kind), [tree.data, kind]);
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
      placeholder={kind ? `请选择${orgKindLabel(kind)}` : "请选择所属单位"}
      popupMatchSelectWidth={false}
      style={{ width: "100%" }}
      styles={{ popup: { root: { maxHeight: 400, overflow: "auto", minWidth: 360 } } }}
    />
  );
}
