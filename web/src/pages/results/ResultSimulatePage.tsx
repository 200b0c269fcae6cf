import { DiffOutlined, ExperimentOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Empty, Select, Space, Spin, Tabs, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { errorMessage } from "../../api/client";
import { type RuleSet, useAdoptions, useComparison, useRuleSets, useSimulation } from "../../api/results/results";
import { useYear } from "../../auth/session";
import { intParam } from "../../components/list/useListQuery";
import { PageError } from "../../components/PageError";
import { PageTitle } from "../../components/PageTitle";
import { AdoptButton } from "../../components/results/AdoptButton";
import { ComparisonView } from "../../components/results/ComparisonView";
import { ruleSetText } from "../../components/results/labels";
import { SimulationView } from "../../components/results/SimulationView";
import { count, dateTime, wan } from "../../format";

const MAX_COMPARED = 6;

/** Every version of every rule set, grouped by name, the current version first. */
function versionOptions(sets: readonly RuleSet[]) {
  return sets.map((rs) => ({
    label: rs.name,
    title: rs.name,
    options: [rs, ...rs.earlier].map((v, i) => ({
      value: v.id,
      label: `${ruleSetText(v)}${i === 0 ? "（现行）" : ""}`,
    })),
  }));
}

const idsParam = (v: string | null): number[] =>
  [...new Set((v ?? "").split(",").map((x) => intParam(x)))].filter((x): x is number => x !== undefined);

/**
 * 模拟与采纳: one rule set applied to the year's data as it is now (totals, per department, per rule, every
 * project with its reason), 2–6 rule sets side by side, and the adoption of the one simulated. What is
 * shown is kept in the address (tab, rule set, compared rule sets), so a link reopens it.
 */
export default function ResultSimulatePage() {
  const { year } = useYear();
  const [params, setParams] = useSearchParams();
  const sets = useRuleSets(year);
  const adoptions = useAdoptions(year);
  const tab = params.get("tab") === "compare" ? "compare" : "simulate";
  const ruleSetId = intParam(params.get("ruleSet")) ?? null;
  const comparedIds = idsParam(params.get("compare"));
  const [picked, setPicked] = useState<number | undefined>(ruleSetId ?? undefined);
  const [pickedMany, setPickedMany] = useState<number[]>(comparedIds);
  const options = useMemo(() => versionOptions(sets.data?.ruleSets ?? []), [sets.data]);
  const known = useMemo(
    () => new Set((sets.data?.ruleSets ?? []).flatMap((rs) => [rs.id, ...rs.earlier.map((v) => v.id)])),
    [sets.data],
  );
  const sim = useSimulation(year, ruleSetId !== null && known.has(ruleSetId) ? ruleSetId : null);
  const cmp = useComparison(
    year,
    comparedIds.length >= 2 && comparedIds.every((id) => known.has(id)) ? comparedIds : null,
  );
  const current = adoptions.data?.adoptions.find((a) => a.status === "current") ?? null;

  const setParam = (patch: Record<string, string | undefined>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) v === undefined ? next.delete(k) : next.set(k, v);
      return next;
    });

  if (sets.error && !sets.data) return <PageError error={sets.error} onRetry={() => void sets.refetch()} />;
  const none = sets.data !== undefined && sets.data.ruleSets.length === 0;

  return (
    <>
      <PageTitle title="模拟与采纳" sub={`${year}年度评价结果 → ${year + 1}年度预算安排 · 金额单位：万元`} />
      {current ? (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="result-current-adoption"
          title={
            <>
              {year}年度已采纳 {ruleSetText(current.ruleSet)}（第{current.seq}次采纳，{current.adoptedByName ?? "—"}{" "}
              {dateTime(current.adoptedAt)}）：调整 {count(current.adjusted)} 项，核减 {wan(current.cut)} 万元。{" "}
              <Link to="/results/adjustments">查看调整清单</Link>
            </>
          }
        />
      ) : (
        adoptions.data && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`${year}年度尚未采纳结果应用规则：先模拟、比较，再采纳其中一个规则集。`}
          />
        )
      )}
      {none ? (
        <Card>
          <Empty description={`${year}年度还没有结果应用规则集`}>
            <Link to="/results/rules">去新建规则集</Link>
          </Empty>
        </Card>
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(k) => setParam({ tab: k === "compare" ? "compare" : undefined })}
          items={[
            {
              key: "simulate",
              label: "模拟",
              children: (
                <>
                  <Card size="small" style={{ marginBottom: 12 }}>
                    <Space wrap>
                      <Select
                        aria-label="规则集"
                        placeholder="选择规则集"
                        style={{ width: 340 }}
                        loading={sets.isPending}
                        options={options}
                        value={picked}
                        onChange={(v: number) => setPicked(v)}
                        data-testid="simulate-rule-set"
                      />
                      <Button
                        type="primary"
                        icon={<ExperimentOutlined />}
                        disabled={picked === undefined}
                        loading={sim.isFetching}
                        onClick={() => {
                          if (picked === ruleSetId) void sim.refetch();
                          else setParam({ ruleSet: picked === undefined ? undefined : String(picked) });
                        }}
                        data-testid="simulate-run"
                      >
                        模拟
                      </Button>
                      {sim.data && <AdoptButton sim={sim.data} current={current} />}
                      {sim.data && current?.ruleSet.id === sim.data.ruleSet.id && (
                        <Tag color="green">现行采纳的规则集</Tag>
                      )}
                    </Space>
                  </Card>
                  {sim.error && (
                    <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorMessage(sim.error)} />
                  )}
                  {sim.isFetching && !sim.data ? (
                    <Card>
                      <Spin tip="正在按当前数据模拟…">
                        <div style={{ height: 80 }} />
                      </Spin>
                    </Card>
                  ) : sim.data ? (
                    <SimulationView key={sim.data.ruleSet.id} sim={sim.data} />
                  ) : (
                    !sim.error && (
                      <Typography.Paragraph type="secondary">
                        选择一个规则集后点“模拟”：按当前的评价结果、部门绩效考核得分、整改和监控情况，计算它对{year + 1}
                        年度预算申请的调整，不写入任何数据。
                      </Typography.Paragraph>
                    )
                  )}
                </>
              ),
            },
            {
              key: "compare",
              label: "比较",
              children: (
                <>
                  <Card size="small" style={{ marginBottom: 12 }}>
                    <Space wrap>
                      <Select
                        aria-label="比较的规则集"
                        mode="multiple"
                        placeholder={`选择 2–${MAX_COMPARED} 个规则集`}
                        style={{ minWidth: 420 }}
                        loading={sets.isPending}
                        options={options}
                        value={pickedMany}
                        maxCount={MAX_COMPARED}
                        onChange={(v: number[]) => setPickedMany(v)}
                        data-testid="compare-rule-sets"
                      />
                      <Button
                        type="primary"
                        icon={<DiffOutlined />}
                        disabled={pickedMany.length < 2}
                        loading={cmp.isFetching}
                        onClick={() => {
                          if (pickedMany.join(",") === comparedIds.join(",")) void cmp.refetch();
                          else setParam({ compare: pickedMany.join(",") });
                        }}
                        data-testid="compare-run"
                      >
                        比较
                      </Button>
                    </Space>
                  </Card>
                  {cmp.error && (
                    <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorMessage(cmp.error)} />
                  )}
                  {cmp.isFetching && !cmp.data ? (
                    <Card>
                      <Spin tip="正在按当前数据比较…">
                        <div style={{ height: 80 }} />
                      </Spin>
                    </Card>
                  ) : cmp.data ? (
                    <ComparisonView cmp={cmp.data} />
                  ) : (
                    !cmp.error && (
                      <Typography.Paragraph type="secondary">
                        选择 2 到 {MAX_COMPARED}{" "}
                        个规则集（可以是同一规则集的不同版本）后点“比较”：按同一份当前数据逐个模拟，并排列出合计、分部门和分项目的结果，标出结果不同的项目。
                      </Typography.Paragraph>
                    )
                  )}
                </>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
