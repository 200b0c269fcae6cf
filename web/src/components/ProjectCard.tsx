import { Tag } from "antd";
import type { ProjectRow } from "../api/types";
import { rateOf, wan } from "../format";
import type { CardOf } from "./list/CardList";

/** A project of the list as a phone card: name, code, unit, budget, executed and the execution rate. */
export function projectCard(p: ProjectRow): CardOf {
  return {
    title: p.name,
    to: `/projects/${p.id}`,
    tag: p.isKey ? (
      <Tag color="red" style={{ marginInlineEnd: 0 }}>
        重点
      </Tag>
    ) : undefined,
    fields: [
      { label: "编码", value: <span className="jx-num">{p.code}</span> },
      { label: "实施单位", value: p.unit.name },
      { label: "全年预算", value: <span className="jx-num">{wan(p.adjustedBudget)} 万元</span> },
      { label: "执行", value: <span className="jx-num">{wan(p.executed)} 万元</span> },
      { label: "执行率", value: <span className="jx-num">{rateOf(p.executed, p.adjustedBudget)}</span> },
    ],
  };
}
