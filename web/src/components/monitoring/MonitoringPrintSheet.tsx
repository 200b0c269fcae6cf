import { OPERATOR_LABELS } from "../../../../src/core/goals/types";
import { LIGHT_LABELS, LIKELIHOOD_LABELS, MONITORING_KIND_LABELS } from "../../../../src/core/monitoring/types";
import { itemAnswerLabels } from "../../../../src/core/monitoring/validate-report";
import type { MonitoringReportDetail } from "../../api/monitoring/reports";
import { wan } from "../../format";
import { InfoGrid, Label, Value } from "../print/InfoGrid";
import { PrintFooter, PrintHeader } from "../print/PrintPage";
import { SignatureBlock, type SignatureBox } from "../print/SignatureBlock";
import { rowSpans } from "../print/spans";
import { pct } from "./labels";

/** 8 columns: a label column, then the particulars (2 + 2 + 1 + 2 …). */
const INFO_WIDTHS = [14, 12.28, 12.29, 12.29, 12.28, 12.29, 12.29, 12.28];
/** The indicator grid: 一级, 二级, 三级指标, 年度目标值, the six answers, 预警. */
const GRID_WIDTHS = [7, 8, 12, 8, 8, 8, 7, 8, 13, 14, 7];

/** The indicators grouped by 一级 then 二级指标 in the order they first appear, so that their cells merge. */
function grouped<T extends { level1: string; level2: string }>(items: readonly T[]): T[] {
  const first = new Map<string, number>();
  items.forEach((i, at) => {
    if (!first.has(i.level1)) first.set(i.level1, at);
    const key = `${i.level1}\u0000${i.level2}`;
    if (!first.has(key)) first.set(key, at);
  });
  return items
    .map((i, at) => ({ i, at }))
    .sort(
      (a, b) =>
        first.get(a.i.level1)! - first.get(b.i.level1)! ||
        first.get(`${a.i.level1}\u0000${a.i.level2}`)! - first.get(`${b.i.level1}\u0000${b.i.level2}`)! ||
        a.at - b.at,
    )
    .map((x) => x.i);
}

const dash = (v: string | null | undefined) => (v === null || v === undefined || v.trim() === "" ? "" : v);

/**
 * One monitoring report as the official 绩效运行监控表: title and cut-off month, the particulars, budget
 * execution (预算数, 1—N 月执行数, 执行率, 时间进度, 预计全年执行数), 总体目标 and its progress, the indicator grid
 * with the unit's answers, the warning and its reasons, the boxes to sign and seal, and a discreet footer.
 */
export function MonitoringPrintSheet({ data: d, printedAt }: { data: MonitoringReportDetail; printedAt: string }) {
  const n = d.round.cutoffMonth;
  const labels = itemAnswerLabels(n);
  const ex = d.execution;
  const selfDeclared = d.subjectKind === "deptWide" || d.unit.id === d.department.id;
  const boxes: SignatureBox[] = [
    { label: "填报单位（盖章）", lines: ["单位负责人", "填报人", "联系电话"] },
    ...(selfDeclared ? [] : [{ label: "主管部门审核意见", lines: ["审核人"], seal: true }]),
    { label: "财政部门复核意见", lines: ["复核人"], seal: true },
  ];
  const items = grouped(d.items);
  const l1 = rowSpans(items.map((i) => i.level1));
  const l2 = rowSpans(items.map((i) => `${i.level1}\u0000${i.level2}`));
  return (
    <>
      <PrintHeader
        title={d.subjectKind === "deptWide" ? "部门整体支出绩效运行监控表" : "项目支出绩效运行监控表"}
        subtitle={`（${d.round.fiscalYear}年度，截至${n}月）`}
        left={<span>填报单位：{selfDeclared ? d.department.name : d.unit.name}</span>}
        right="金额单位：万元"
      />
      <InfoGrid widths={INFO_WIDTHS} testId="print-particulars">
        <tr>
          <Label>{d.subjectKind === "deptWide" ? "部门名称" : "项目名称"}</Label>
          <Value colSpan={4} testId="print-subject-name">
            {d.name}
          </Value>
          <Label>编码</Label>
          <Value colSpan={2} align="center">
            {d.code}
          </Value>
        </tr>
        <tr>
          <Label>主管部门</Label>
          <Value colSpan={2}>{d.department.name}</Value>
          <Label>实施单位</Label>
          <Value colSpan={2}>{d.unit.name}</Value>
          <Label>监控类型</Label>
          <Value align="center">{MONITORING_KIND_LABELS[d.kind]}</Value>
        </tr>
        <tr>
          <Label>全年预算数</Label>
          <Value align="amount">{wan(ex.budget)}</Value>
          <Label>1—{n}月执行数</Label>
          <Value align="amount">{wan(ex.executed)}</Value>
          <Label>执行率</Label>
          <Value align="center">{pct(ex.rate)}</Value>
          <Label>时间进度</Label>
          <Value align="center">{ex.timeProgress}%</Value>
        </tr>
        <tr>
          <Label>预计全年执行数</Label>
          <Value align="amount">{d.expectedYearEnd === null ? "" : wan(d.expectedYearEnd)}</Value>
          <Label>超预算说明</Label>
          <Value colSpan={5}>{dash(d.executionNote)}</Value>
        </tr>
        <tr className="jx-doc-breakable">
          <Label>年度总体目标</Label>
          <Value colSpan={7}>{d.overallGoal}</Value>
        </tr>
        <tr className="jx-doc-breakable">
          <Label>总体目标完成情况</Label>
          <Value colSpan={7}>{dash(d.overallStatus)}</Value>
        </tr>
      </InfoGrid>
      <table data-testid="print-indicators">
        <colgroup>
          {GRID_WIDTHS.map((w, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
            <col key={i} style={{ width: `${w}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th>一级指标</th>
            <th>二级指标</th>
            <th>三级指标</th>
            <th>年度目标值</th>
            <th>{labels.progress}</th>
            <th>{labels.expected}</th>
            <th>{labels.likelihood}</th>
            <th>{labels.cause}</th>
            <th>{labels.causeNote}</th>
            <th>{labels.measures}</th>
            <th>预警</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i, at) => (
            <tr key={i.uid} data-testid="print-indicator-row">
              {l1[at]! > 0 && (
                <td className="jx-doc-center" rowSpan={l1[at]}>
                  {i.level1}
                </td>
              )}
              {l2[at]! > 0 && (
                <td className="jx-doc-center" rowSpan={l2[at]}>
                  {i.level2}
                </td>
              )}
              <td>{i.name}</td>
              <td className="jx-doc-center">
                {i.operator ? OPERATOR_LABELS[i.operator] : ""}
                {i.target}
                {i.unit ?? ""}
              </td>
              <td className="jx-doc-center">{dash(i.progress)}</td>
              <td className="jx-doc-center">{dash(i.expected)}</td>
              <td className="jx-doc-center">{i.likelihood ? LIKELIHOOD_LABELS[i.likelihood] : ""}</td>
              <td className="jx-doc-center">{dash(i.cause)}</td>
              <td>{dash(i.causeNote)}</td>
              <td>{dash(i.measures)}</td>
              <td className="jx-doc-center">{LIGHT_LABELS[i.light]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <InfoGrid widths={[14, 86]} testId="print-warning">
        <tr className="jx-doc-breakable">
          <Label>预警情况</Label>
          <Value>
            {LIGHT_LABELS[d.light]}
            {d.reasons.length > 0 && `：${d.reasons.join("；")}`}
          </Value>
        </tr>
      </InfoGrid>
      <SignatureBlock boxes={boxes} labelWidth={14} />
      <PrintFooter parts={[`状态：${d.statusText}`, `预警规则：${d.rulesVersion}`, `打印时间：${printedAt}`]} />
    </>
  );
}
