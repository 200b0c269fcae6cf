import { QuestionCircleOutlined } from "@ant-design/icons";
import { Button, Table, Tag, Tooltip, Typography } from "antd";
import { useMemo, useState } from "react";
import { type FindingsByRule, GOAL_RULES, GOAL_RULES_BY_CODE } from "../../../../src/core/goals/quality";
import { count } from "../../format";
import { goalSeverityLabel } from "../labels";
import { SEVERITY_TAG } from "./colors";

interface Row extends FindingsByRule {
  explanation: string;
}

/** The rules with their findings; a click on a rule filters the findings below. Rules without findings on request. */
export function RuleTable({
  rules,
  selected,
  onSelect,
  loading,
}: {
  rules: FindingsByRule[];
  selected: string | undefined;
  onSelect: (code: string | undefined) => void;
  loading: boolean;
}) {
  const [showAll, setShowAll] = useState(false);
  const rows = useMemo<Row[]>(() => {
    const found = rules.map((r) => ({ ...r, explanation: GOAL_RULES_BY_CODE.get(r.code)?.explanation ?? "" }));
    const seen = new Set(rules.map((r) => r.code));
    const quiet = GOAL_RULES.filter((r) => !seen.has(r.code)).map((r) => ({
      code: r.code,
      title: r.title,
      severity: r.severity,
      count: 0,
      tables: 0,
      explanation: r.explanation,
    }));
    return showAll ? [...found, ...quiet] : found;
  }, [rules, showAll]);
  const quietCount = GOAL_RULES.filter((r) => !rules.some((f) => f.code === r.code)).length;

  return (
    <>
      <Table<Row>
        data-testid="goal-rule-table"
        rowKey="code"
        size="small"
        loading={loading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: loading ? " " : "未发现问题" }}
        rowClassName={(r) => (r.code === selected ? "jx-goal-selected" : r.count > 0 ? "jx-goal-clickable" : "")}
        onRow={(r) => ({
          onClick: () => r.count > 0 && onSelect(r.code === selected ? undefined : r.code),
          title: r.count > 0 ? "点击查看该规则的问题明细" : undefined,
        })}
        columns={[
          {
            title: "规则",
            dataIndex: "title",
            render: (title: string, r) => (
              <span style={{ color: r.count === 0 ? "rgba(0,0,0,0.45)" : undefined }}>
                {title}{" "}
                <Tooltip title={r.explanation} placement="right">
                  <QuestionCircleOutlined
                    aria-label={`${title}：为什么要查`}
                    style={{ color: "rgba(0,0,0,0.45)", cursor: "help" }}
                    onClick={(e) => e.stopPropagation()}
                  />
                </Tooltip>
              </span>
            ),
          },
          {
            title: "级别",
            dataIndex: "severity",
            width: 64,
            render: (s: string) => <Tag color={SEVERITY_TAG[s]}>{goalSeverityLabel(s)}</Tag>,
          },
          {
            title: "处数",
            dataIndex: "count",
            width: 72,
            align: "right",
            sorter: (a, b) => a.count - b.count,
            render: count,
          },
          {
            title: "涉及表数",
            dataIndex: "tables",
            width: 90,
            align: "right",
            sorter: (a, b) => a.tables - b.tables,
            render: count,
          },
        ]}
      />
      {!loading && quietCount > 0 && (
        <Typography.Text type="secondary" style={{ display: "block", marginTop: 8, fontSize: 12 }}>
          共 {GOAL_RULES.length} 条审核规则，{quietCount} 条未发现问题。
          <Button type="link" size="small" onClick={() => setShowAll((v) => !v)} style={{ padding: 0 }}>
            {showAll ? "只看发现问题的规则" : "显示全部规则"}
          </Button>
        </Typography.Text>
      )}
    </>
  );
}
