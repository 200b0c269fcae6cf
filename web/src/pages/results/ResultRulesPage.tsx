import { CopyOutlined, EditOutlined, ExperimentOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { ruleLabel } from "../../../../src/core/results/rule-label";
import type { ResultRule } from "../../../../src/core/results/rules";
import { type RuleSet, type RuleSetVersion, useRuleSets } from "../../api/results/results";
import { useSession, useYear } from "../../auth/session";
import { PageError } from "../../components/PageError";
import { PageTitle } from "../../components/PageTitle";
import { type EditorMode, RuleSetEditor } from "../../components/results/RuleSetEditor";
import { DASH, dateTime } from "../../format";

/** The rules one a line, exemptions first (they apply first), then by priority as they are tried. */
function RuleLines({ rules }: { rules: readonly ResultRule[] }) {
  const ordered = [...rules].sort(
    (a, b) =>
      (a.kind === "exemption" ? 0 : a.priority) - (b.kind === "exemption" ? 0 : b.priority) ||
      rules.indexOf(a) - rules.indexOf(b),
  );
  return (
    <div data-testid="rule-lines">
      {ordered.map((r) => (
        <div key={rules.indexOf(r)} style={{ lineHeight: "22px" }}>
          {r.kind !== "exemption" && (
            <Typography.Text type="secondary" style={{ fontSize: 12, marginRight: 6 }}>
              {r.priority}.
            </Typography.Text>
          )}
          {ruleLabel(r)}
        </div>
      ))}
    </div>
  );
}

const who = (v: RuleSetVersion) => (
  <span style={{ lineHeight: "18px" }}>
    <div>{v.createdByName ?? DASH}</div>
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {dateTime(v.createdAt)}
    </Typography.Text>
  </span>
);

/** The earlier versions of a rule set, newest first, each with its rules and why it was changed. */
function Earlier({ rs }: { rs: RuleSet }) {
  return (
    <Table<RuleSetVersion>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={rs.earlier}
      data-testid="rule-set-earlier"
      columns={[
        { title: "版本", dataIndex: "version", width: 80, render: (v: number) => `第${v}版` },
        { title: "规则", render: (_: unknown, v) => <RuleLines rules={v.rules} /> },
        { title: "设定人 / 时间", width: 170, render: (_: unknown, v) => who(v) },
        { title: "修改说明", dataIndex: "note", width: 240, render: (n: string) => n || DASH },
      ]}
    />
  );
}

/**
 * 结果应用规则: the results year's rule sets (each name with its current version and the earlier ones) and
 * their editor. A new name starts at 第1版; a change writes the next version with its 修改说明, so an adoption
 * keeps pointing at the rules it applied.
 */
export default function ResultRulesPage() {
  const { year } = useYear();
  const { can } = useSession();
  const canEdit = can("results.manage");
  const sets = useRuleSets(year);
  const [editing, setEditing] = useState<EditorMode | null>(null);
  const d = sets.data;

  if (sets.error && !d) return <PageError error={sets.error} onRetry={() => void sets.refetch()} />;

  return (
    <>
      <PageTitle
        title="结果应用规则"
        sub={`${year}年度评价结果 → ${year + 1}年度预算安排`}
        extra={
          canEdit && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing({ kind: "new" })}
              data-testid="rule-set-new"
            >
              新建规则集
            </Button>
          )
        }
      />
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="规则集定好后，先在“模拟与采纳”中模拟、比较，再采纳其中一个；采纳时按当时的数据生成并冻结调整清单。"
      />
      <Card size="small">
        <Table<RuleSet>
          size="small"
          rowKey="id"
          loading={sets.isPending}
          dataSource={d?.ruleSets ?? []}
          pagination={false}
          data-testid="rule-sets"
          locale={{ emptyText: `${year}年度还没有结果应用规则集` }}
          expandable={{
            rowExpandable: (rs) => rs.earlier.length > 0,
            expandedRowRender: (rs) => <Earlier rs={rs} />,
            columnTitle: "",
          }}
          onRow={(rs) => ({ "data-name": rs.name }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: "规则集",
              width: 220,
              render: (_: unknown, rs) => (
                <Space direction="vertical" size={0}>
                  <b>{rs.name}</b>
                  <Space size={4}>
                    <Tag color="blue">第{rs.version}版</Tag>
                    {rs.earlier.length > 0 && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        另有 {rs.earlier.length} 个早期版本
                      </Typography.Text>
                    )}
                  </Space>
                </Space>
              ),
            },
            { title: "规则（按适用顺序）", render: (_: unknown, rs) => <RuleLines rules={rs.rules} /> },
            { title: "设定人 / 时间", width: 170, render: (_: unknown, rs) => who(rs) },
            { title: "修改说明", dataIndex: "note", width: 200, render: (n: string) => n || DASH },
            {
              title: "操作",
              width: 120,
              render: (_: unknown, rs) => (
                <Space direction="vertical" size={0}>
                  <Link to={`/results/simulate?ruleSet=${rs.id}`}>
                    <ExperimentOutlined /> 模拟
                  </Link>
                  {canEdit && (
                    <Button
                      type="link"
                      size="small"
                      style={{ padding: 0 }}
                      icon={<EditOutlined />}
                      onClick={() => setEditing({ kind: "version", base: rs })}
                      data-testid="rule-set-edit"
                    >
                      修改
                    </Button>
                  )}
                  {canEdit && (
                    <Button
                      type="link"
                      size="small"
                      style={{ padding: 0 }}
                      icon={<CopyOutlined />}
                      onClick={() => setEditing({ kind: "copy", base: rs })}
                    >
                      另存为
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing && (
        <RuleSetEditor year={year} mode={editing} onClose={() => setEditing(null)} onSaved={() => setEditing(null)} />
      )}
    </>
  );
}
