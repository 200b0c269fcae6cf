import { CheckOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Drawer, Empty, Input, Select, Skeleton, Space, Switch, Tag, Typography } from "antd";
import { useState } from "react";
import type { GoalRules } from "../../../../src/core/goals/goal-rules";
import { checkGoalTable, type GoalFinding } from "../../../../src/core/goals/quality";
import {
  type GoalIndicator,
  type GoalTable,
  INDICATOR_KIND_LABELS,
  OPERATOR_LABELS,
} from "../../../../src/core/goals/types";
import { errorMessage } from "../../api/client";
import { type IndicatorSuggestion, useIndicatorSuggestions } from "../../api/goals/goal-tables";
import { shortMessage } from "./IndicatorTable";
import { type IndicatorRow, useGoalRulesOfTable } from "./indicatorForm";
import { PastTargets } from "./PastTargets";

/**
 * What the quality rules say about a suggestion on its own: approved tables are not all sound, and a
 * popular indicator may still be filed in the wrong place ("满意度" under 效益) or worded vaguely.
 */
function concerns(s: IndicatorSuggestion, rules: GoalRules): GoalFinding[] {
  const indicator: GoalIndicator = {
    level1: s.level1,
    level2: s.level2,
    name: s.name,
    kind: s.kind === "quantitative" ? "quantitative" : "qualitative",
    operator: s.operator,
    target: s.commonTarget ?? "",
    unit: s.unit,
    weight: 1,
    explanation: null,
  };
  const table: GoalTable = {
    subjectKind: "project",
    subjectCode: "",
    subjectName: "",
    fiscalYear: 0,
    funds: null,
    overallGoal: "",
    indicators: [indicator],
  };
  return checkGoalTable(table, rules).findings.filter((f) => f.indicatorIndex === 0);
}

/** "验收合格率 ≥95%", "按期完成"; a curated entry no table has used yet has no usual target. */
function typical(s: IndicatorSuggestion): string {
  if (s.kind !== "quantitative") return s.commonTarget ? `${s.name}：${s.commonTarget}` : s.name;
  const op = s.operator ? OPERATOR_LABELS[s.operator] : "";
  return s.commonTarget ? `${s.name} ${op}${s.commonTarget}${s.unit ?? ""}` : `${s.name}（${op} ${s.unit ?? ""}）`;
}

export interface LibraryRequest {
  level1?: string | undefined;
  level2?: string | undefined;
}

/**
 * 指标库: finance's 推荐 entries first, then what approved tables of the same sector used most under a
 * level 2, with their usual target year by year, each with a button that adds it to the table.
 */
export function LibraryDrawer({
  request,
  sector,
  editable,
  rows,
  onAdd,
  onClose,
}: {
  request: LibraryRequest | null;
  sector: string | null;
  editable: boolean;
  rows: readonly IndicatorRow[];
  onAdd: (s: IndicatorSuggestion) => void;
  onClose: () => void;
}) {
  const open = request !== null;
  const rules = useGoalRulesOfTable();
  // The drawer keeps its own choice once open; a new request (another row, another group) resets it.
  const [state, setState] = useState<{
    from: LibraryRequest | null;
    level: string | undefined;
    q: string;
    same: boolean;
  }>({ from: null, level: undefined, q: "", same: true });
  let current = state;
  if (request && state.from !== request) {
    const level =
      request.level2 && request.level1
        ? `${request.level1}|${request.level2}`
        : request.level1
          ? `${request.level1}|`
          : undefined;
    current = { from: request, level, q: "", same: true };
    setState(current);
  }
  const [level1, level2] = (current.level ?? "|").split("|");
  const bySector = Boolean(sector) && current.same;
  const q = useIndicatorSuggestions(
    {
      level2: level2 || undefined,
      q: current.q || undefined,
      sector: bySector ? (sector ?? undefined) : undefined,
      limit: 30,
    },
    open,
  );
  const found = (q.data?.rows ?? []).filter((s) => !level1 || s.level1 === level1);
  const has = (s: IndicatorSuggestion) => rows.some((r) => r.level2.trim() === s.level2 && r.name.trim() === s.name);

  const levelOptions = rules.template.levels.map((l) => ({
    label: l.level1,
    title: l.level1,
    options: [
      { value: `${l.level1}|`, label: `全部${l.level1}` },
      ...l.level2.map((l2) => ({ value: `${l.level1}|${l2}`, label: l2 })),
    ],
  }));

  return (
    <Drawer open={open} onClose={onClose} title="指标库" size={520} destroyOnHidden={false} mask={{ closable: true }}>
      <div data-testid="goal-library">
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          来自指标库{bySector ? `（${sector}行业）` : ""}
          ：财政推荐的在前，其余按已批复目标表的使用次数排列，附往年目标值。
          {editable ? "点“添加”放入本表，再按本项目实际填写目标值和权重。" : ""}
        </Typography.Paragraph>
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            aria-label="二级指标"
            style={{ width: 190 }}
            placeholder="全部二级指标"
            allowClear
            value={current.level}
            options={levelOptions}
            labelRender={(o) => {
              const [a, b] = String(o.value).split("|");
              return b ? b : `全部${a}`;
            }}
            onChange={(level?: string) => setState({ ...current, level })}
          />
          <Input.Search
            aria-label="搜索指标名称"
            placeholder="指标名称"
            allowClear
            style={{ width: 170 }}
            onSearch={(v) => setState({ ...current, q: v.trim() })}
          />
          {sector && (
            <Space size={4}>
              <Switch size="small" checked={current.same} onChange={(same) => setState({ ...current, same })} />
              <span style={{ fontSize: 12 }}>仅看{sector}行业</span>
            </Space>
          )}
        </Space>
        {q.error ? (
          <Alert type="error" showIcon title={errorMessage(q.error)} />
        ) : q.isPending ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : found.length === 0 ? (
          <Empty
            description={bySector ? "本行业的指标库中没有这类指标，可关闭“仅看同行业”再查" : "没有找到可参考的指标"}
          />
        ) : (
          <div style={{ opacity: q.isFetching ? 0.6 : 1 }}>
            {found.map((s) => {
              const added = has(s);
              return (
                <div className="jx-gt-suggestion" key={s.id} data-testid="library-suggestion">
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <div>
                      <b>{s.name}</b>
                      {s.curated && (
                        <Tag color="gold" style={{ marginLeft: 8 }} title="财政审定推荐的指标">
                          推荐
                        </Tag>
                      )}
                      <Tag style={{ marginLeft: s.curated ? 0 : 8 }}>{s.level2}</Tag>
                      <Tag color={s.kind === "quantitative" ? "blue" : "default"}>
                        {INDICATOR_KIND_LABELS[s.kind] ?? s.kind}
                      </Tag>
                    </div>
                    <div style={{ fontSize: 13, marginTop: 2 }}>
                      {s.uses > 0
                        ? `同类项目常用：${typical(s)}（${s.uses.toLocaleString("zh-CN")} 张表使用）`
                        : `财政推荐：${typical(s)}（尚无已批复的目标表使用）`}
                    </div>
                    {s.explanation && (
                      <Typography.Text type="secondary" style={{ fontSize: 12, display: "block" }}>
                        {s.explanation}
                      </Typography.Text>
                    )}
                    {s.targets.length > 0 && (
                      <PastTargets targets={s.targets} operator={s.operator} unit={s.unit} compact />
                    )}
                    {concerns(s, rules).map((f) => (
                      <div
                        key={`${f.code}${f.field}`}
                        className={`jx-gt-note jx-gt-note-${f.severity}`}
                        style={{ fontSize: 12 }}
                      >
                        注意：{shortMessage(f)}
                        {f.suggestion && <span className="jx-gt-sugg">（{f.suggestion}）</span>}
                      </div>
                    ))}
                  </div>
                  {editable && (
                    <Button
                      size="small"
                      icon={added ? <CheckOutlined /> : <PlusOutlined />}
                      disabled={added}
                      onClick={() => onAdd(s)}
                    >
                      {added ? "已在表中" : "添加"}
                    </Button>
                  )}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </Drawer>
  );
}
