import { Select, Typography } from "antd";
import { useState } from "react";
import type { RectificationSource } from "../../../../src/core/evaluations/rectification";
import { useEvaluations } from "../../api/evaluations/evaluations";
import { useMonitoringReports, useMonitoringRounds } from "../../api/monitoring/reports";
import { useReviews } from "../../api/review/review";

/** The record a notice comes from, with the organisations it may be sent to (its unit, its department). */
export interface PickedSource {
  id: number;
  name: string;
  unit: { id: number; name: string };
  department: { id: number; name: string };
  /** The notice's title to suggest, when the source's kind says more than the picker's (重点评价, 部门评价). */
  noticeTitle?: string;
}

const label = (r: { code: string; name: string; unit: { name: string } }) => `${r.name}（${r.code}）· ${r.unit.name}`;

/** A monitoring report of the year: the round (the latest by default), then the report, searched by the server. */
function MonitoringSource({ year, value, onPick }: Props) {
  const rounds = useMonitoringRounds(year);
  const [roundId, setRoundId] = useState<number | undefined>();
  const [q, setQ] = useState("");
  const list = rounds.data?.rounds ?? [];
  const round = roundId ?? list.at(-1)?.id;
  const reports = useMonitoringReports(
    { roundId: round ?? 0, q: q || undefined, page: 1, pageSize: 50 },
    round !== undefined,
  );
  if (rounds.data && list.length === 0)
    return <Typography.Text type="secondary">{year}年度尚未下达监控</Typography.Text>;
  const rows = reports.data?.rows ?? [];
  return (
    // A wrapping row, not a Space: a Space item grows with its content and would push a phone's page wider.
    <div style={{ display: "flex", flexWrap: "wrap", gap: 8 }}>
      <Select
        aria-label="监控轮次"
        style={{ width: 160 }}
        value={round}
        loading={rounds.isPending}
        options={list.map((r) => ({ value: r.id, label: `截至${r.cutoffMonth}月监控` }))}
        onChange={(v: number) => {
          setRoundId(v);
          onPick(undefined);
        }}
      />
      <Select
        aria-label="监控表"
        data-testid="rectification-source"
        style={{ flex: "1 1 260px", minWidth: 0, maxWidth: 420 }}
        placeholder="按项目编码、名称或单位查找监控表"
        showSearch
        filterOption={false}
        onSearch={setQ}
        loading={reports.isFetching}
        value={value?.id}
        options={rows.map((r) => ({ value: r.id, label: `${label(r)} · ${r.statusText}` }))}
        onChange={(id: number) => {
          const r = rows.find((x) => x.id === id);
          onPick(r && { id: r.id, name: r.name, unit: r.unit, department: r.department });
        }}
        notFoundContent={reports.isFetching ? "查找中…" : "没有符合的监控表"}
      />
    </div>
  );
}

/** A spot-check review of the year, searched by the server. */
function ReviewSource({ year, value, onPick }: Props) {
  const [q, setQ] = useState("");
  const reviews = useReviews({ year, q: q || undefined, page: 1, pageSize: 50 });
  const rows = reviews.data?.rows ?? [];
  return (
    <Select
      aria-label="复核任务"
      data-testid="rectification-source"
      style={{ width: 460, maxWidth: "100%" }}
      placeholder="按项目编码、名称或单位查找复核任务"
      showSearch
      filterOption={false}
      onSearch={setQ}
      loading={reviews.isFetching}
      value={value?.id}
      options={rows.map((r) => ({ value: r.id, label: `${label(r)} · ${r.statusText}` }))}
      onChange={(id: number) => {
        const r = rows.find((x) => x.id === id);
        onPick(r && { id: r.id, name: r.name, unit: r.unit, department: r.department });
      }}
      notFoundContent={reviews.isFetching ? "查找中…" : "没有符合的复核任务"}
    />
  );
}

/** A finalised evaluation of the year (either kind), searched by the server by project code, name or unit. */
function EvaluationSource({ year, value, onPick }: Props) {
  const [q, setQ] = useState("");
  const evaluations = useEvaluations({ year, status: "final", q: q || undefined, page: 1, pageSize: 50 });
  const rows = evaluations.data?.rows ?? [];
  // The preselected evaluation stays labelled while a search shows others.
  const options = rows.map((r) => ({
    value: r.id,
    label: `${label({ ...r.project, unit: r.unit })} · ${r.kindLabel}`,
  }));
  if (value && !rows.some((r) => r.id === value.id))
    options.unshift({ value: value.id, label: `${value.name} · ${value.unit.name}` });
  return (
    <Select
      aria-label="评价"
      data-testid="rectification-source"
      style={{ width: 460, maxWidth: "100%" }}
      placeholder="按项目编码、名称或实施单位查找已定稿的评价"
      showSearch
      filterOption={false}
      onSearch={setQ}
      loading={evaluations.isFetching}
      value={value?.id}
      options={options}
      onChange={(id: number) => {
        const r = rows.find((x) => x.id === id);
        onPick(r && evaluationSource(r));
      }}
      notFoundContent={evaluations.isFetching ? "查找中…" : `${year}年度没有符合的已定稿评价`}
    />
  );
}

/** An evaluation as a notice's source: sent to the project's implementing unit. */
export const evaluationSource = (e: {
  id: number;
  kind: "key" | "department";
  project: { name: string };
  unit: { id: number; name: string };
  department: { id: number; name: string };
}): PickedSource => ({
  id: e.id,
  name: e.project.name,
  unit: e.unit,
  department: e.department,
  noticeTitle: `${e.project.name}${e.kind === "key" ? "重点评价" : "部门评价"}整改通知`,
});

interface Props {
  year: number;
  value: PickedSource | undefined;
  onPick: (s: PickedSource | undefined) => void;
}

/** Picks the source record from its list: a monitoring report, a spot-check review or a finalised evaluation. */
export function SourcePicker({ source, ...props }: Props & { source: RectificationSource }) {
  if (source === "monitoring") return <MonitoringSource {...props} />;
  if (source === "review") return <ReviewSource {...props} />;
  return <EvaluationSource {...props} />;
}
