/** Builds a tree from flat organisation rows (parents before or after children, any order). */
export interface FlatOrg {
  id: number;
  parentId: number | null;
  sortOrder: number;
  code: string;
}

export type TreeNode<T> = T & { children: TreeNode<T>[] };

export function buildTree<T extends FlatOrg>(rows: readonly T[]): TreeNode<T>[] {
  const nodes = new Map<number, TreeNode<T>>();
  for (const r of rows) nodes.set(r.id, { ...r, children: [] });
  const roots: TreeNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    // A node whose parent is outside the viewer's scope becomes a root of what they see.
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const order = (a: FlatOrg, b: FlatOrg) =>
    a.sortOrder - b.sortOrder || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const sortDeep = (list: TreeNode<T>[]) => {
    list.sort(order);
    for (const n of list) sortDeep(n.children);
  };
  sortDeep(roots);
  return roots;
}
