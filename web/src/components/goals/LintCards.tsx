import { Card, Col, Row, Statistic } from "antd";
import type { FindingsSummary } from "../../../../src/core/goals/quality";
import { count, rateOf } from "../../format";
import { ERROR_TEXT, WARNING_TEXT } from "./colors";

interface Item {
  key: string;
  title: string;
  value: number;
  suffix: string;
  color?: string;
  note?: string;
}

/** 智能审核 in five figures: tables checked, tables with errors / warnings, errors, warnings. */
export function LintCards({ totals, loading }: { totals: FindingsSummary["totals"] | undefined; loading: boolean }) {
  const t = totals ?? { tables: 0, tablesWithErrors: 0, tablesWithWarnings: 0, errors: 0, warnings: 0 };
  const items: Item[] = [
    { key: "tables", title: "目标表总数", value: t.tables, suffix: "张" },
    {
      key: "tables-with-errors",
      title: "有错误的表",
      value: t.tablesWithErrors,
      suffix: "张",
      color: t.tablesWithErrors > 0 ? ERROR_TEXT : undefined,
      note: t.tables > 0 ? `占 ${rateOf(t.tablesWithErrors, t.tables)}，须修改后方可提交` : undefined,
    },
    {
      key: "tables-with-warnings",
      title: "有提示的表",
      value: t.tablesWithWarnings,
      suffix: "张",
      color: t.tablesWithWarnings > 0 ? WARNING_TEXT : undefined,
      note: t.tables > 0 ? `占 ${rateOf(t.tablesWithWarnings, t.tables)}，建议完善` : undefined,
    },
    { key: "errors", title: "错误数", value: t.errors, suffix: "处", color: t.errors > 0 ? ERROR_TEXT : undefined },
    {
      key: "warnings",
      title: "提示数",
      value: t.warnings,
      suffix: "处",
      color: t.warnings > 0 ? WARNING_TEXT : undefined,
    },
  ];
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="goal-lint-cards">
      {items.map((c) => (
        <Col key={c.key} flex="1 1 180px">
          <Card size="small" data-testid={`goal-stat-${c.key}`} style={{ height: "100%" }}>
            <Statistic
              title={c.title}
              value={c.value}
              formatter={() => count(c.value)}
              suffix={c.suffix}
              loading={loading}
              styles={{ content: c.color ? { color: c.color } : undefined }}
            />
            <div style={{ fontSize: 12, color: "rgba(0,0,0,0.45)", minHeight: 20 }}>{c.note ?? ""}</div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
