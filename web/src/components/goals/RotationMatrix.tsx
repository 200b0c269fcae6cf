import { Segmented, Space, Table, Typography } from "antd";
import { useMemo, useState } from "react";
import { byCode, type DepartmentRef } from "./reviewData";

interface Row extends DepartmentRef {
  years: number[];
  last: number | null;
}

type Show = "all" | "never" | "reviewed";

/** 会审轮换情况: departments × years, a dot where a department was drawn; who has never been reviewed. */
export function RotationMatrix({
  departments,
  history,
  years,
}: {
  departments: DepartmentRef[];
  history: Map<string, number[]>;
  years: number[];
}) {
  const [show, setShow] = useState<Show>("all");
  const all = useMemo<Row[]>(() => {
    const known = new Map(departments.map((d) => [d.code, d]));
    // A department drawn once and since removed from the tree still shows its history.
    for (const code of history.keys()) if (!known.has(code)) known.set(code, { code, name: code });
    return [...known.values()].sort(byCode).map((d) => {
      const ys = history.get(d.code) ?? [];
      return { ...d, years: ys, last: ys.at(-1) ?? null };
    });
  }, [departments, history]);
  const never = all.filter((r) => r.years.length === 0).length;
  const rows = all.filter((r) => show === "all" || (show === "never" ? r.years.length === 0 : r.years.length > 0));

  return (
    <>
      <Space wrap style={{ marginBottom: 8 }}>
        <Segmented<Show>
          size="small"
          aria-label="显示哪些部门"
          value={show}
          onChange={setShow}
          options={[
            { value: "all", label: `全部 ${all.length}` },
            { value: "never", label: `从未会审 ${never}` },
            { value: "reviewed", label: `已会审 ${all.length - never}` },
          ]}
        />
      </Space>
      <Table<Row>
        data-testid="review-rotation"
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ y: 520 }}
        locale={{ emptyText: "没有符合条件的部门" }}
        columns={[
          {
            title: "部门",
            dataIndex: "name",
            render: (name: string, r) => (
              <span style={{ fontSize: 13 }} title={`部门编码 ${r.code}`}>
                {name}
              </span>
            ),
          },
          ...years.map((y) => ({
            title: String(y),
            key: String(y),
            width: 48,
            align: "center" as const,
            render: (_: unknown, r: Row) =>
              r.years.includes(y) ? (
                <span className="jx-rotation-mark" role="img" aria-label={`${y}年已会审`} title={`${y}年会审`} />
              ) : null,
          })),
          {
            title: "上次",
            key: "last",
            width: 76,
            sorter: (a: Row, b: Row) => (a.last ?? 0) - (b.last ?? 0),
            render: (_: unknown, r: Row) =>
              r.last === null ? <Typography.Text type="secondary">从未会审</Typography.Text> : `${r.last}年`,
          },
        ]}
      />
    </>
  );
}
