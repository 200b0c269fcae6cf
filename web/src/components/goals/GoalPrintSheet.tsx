import type { GoalIndicator, GoalSubjectKind } from "../../../../src/core/goals/types";
import { goalStatusText } from "../../../../src/core/goals/workflow";
import type { GoalTableDetail } from "../../api/goals/goal-tables";
import { wan } from "../../format";
import { InfoGrid, Label, Value } from "../print/InfoGrid";
import { PrintFooter, PrintHeader } from "../print/PrintPage";
import { SignatureBlock, type SignatureBox } from "../print/SignatureBlock";
import { GoalIndicatorPrintGrid } from "./GoalIndicatorPrintGrid";

/** The titles of the official forms (财预〔2020〕10号 and the local 申报表 that follow it). */
export const GOAL_PRINT_TITLES: Record<GoalSubjectKind, string> = {
  project: "项目支出绩效目标申报表",
  deptWide: "部门整体支出绩效目标申报表",
};

/**
 * 7 columns: the label column (wide enough for 主管部门审核意见 on one line), then six equal ones the
 * particulars span (2 + 1 + 3, 2 + 2 + 2).
 */
const INFO_WIDTHS = [18, 13.66, 13.67, 13.67, 13.67, 13.67, 13.66];

const SIGNERS = ["单位负责人", "填报人", "联系电话"];

/** A unit declares to its department, which reviews before finance; a department declares to finance. */
function signatureBoxes(kind: GoalSubjectKind): SignatureBox[] {
  const reviewers: SignatureBox[] = [
    ...(kind === "project" ? [{ label: "主管部门审核意见", lines: ["审核人"], seal: true }] : []),
    { label: "财政部门审核意见", lines: ["审核人"], seal: true },
  ];
  return [{ label: "填报单位（盖章）", lines: SIGNERS }, ...reviewers];
}

/**
 * One goal table as the official 绩效目标申报表: title and year, the particulars (blank lines for what the
 * system does not hold: 项目负责人, 联系电话), funds in 万元, 年度总体目标, the indicator grid, the boxes to
 * sign and seal, and a discreet line with the revision, status and print time.
 */
export function GoalPrintSheet({
  data,
  rows,
  unitName,
  printedAt,
}: {
  data: GoalTableDetail;
  /** The indicators in print order (grouped by the year's template). */
  rows: readonly GoalIndicator[];
  /** 实施单位 of a project table; null while unknown (printed blank). */
  unitName: string | null;
  /** "2024-05-06 09:30" */
  printedAt: string;
}) {
  const t = data.table;
  const project = t.subjectKind === "project";
  const f = t.funds;
  const declarer = project ? unitName : data.departmentName;
  return (
    <>
      <PrintHeader
        title={GOAL_PRINT_TITLES[t.subjectKind]}
        subtitle={`（${t.fiscalYear}年度）`}
        left={<span data-testid="print-declarer">填报单位：{declarer ?? "\u3000".repeat(12)}</span>}
        right="金额单位：万元"
      />
      <InfoGrid widths={INFO_WIDTHS} testId="print-particulars">
        <tr>
          <Label>{project ? "项目名称" : "部门名称"}</Label>
          <Value colSpan={6} testId="print-subject-name">
            {t.subjectName}
          </Value>
        </tr>
        <tr>
          <Label>{project ? "项目编码" : "部门编码"}</Label>
          {project ? (
            <>
              <Value colSpan={2} align="center">
                {t.subjectCode}
              </Value>
              <Label>主管部门</Label>
              <Value colSpan={3}>{data.departmentName}</Value>
            </>
          ) : (
            <Value colSpan={6}>{t.subjectCode}</Value>
          )}
        </tr>
        {project && (
          <tr>
            <Label>实施单位</Label>
            <Value colSpan={6} testId="print-unit">
              {unitName}
            </Value>
          </tr>
        )}
        <tr>
          <Label>{project ? "项目负责人" : "部门负责人"}</Label>
          <Value colSpan={2} />
          <Label>联系电话</Label>
          <Value colSpan={3} />
        </tr>
        <tr>
          <Label rowSpan={2}>{project ? "资金情况" : "年度预算资金"}</Label>
          <Label colSpan={2}>年度资金总额</Label>
          <Label colSpan={2}>其中：财政拨款</Label>
          <Label colSpan={2}>其他资金</Label>
        </tr>
        <tr data-testid="print-funds">
          <Value colSpan={2} align="center">
            {f ? wan(f.total) : ""}
          </Value>
          <Value colSpan={2} align="center">
            {f ? wan(f.fiscal) : ""}
          </Value>
          <Value colSpan={2} align="center">
            {f ? wan(f.other) : ""}
          </Value>
        </tr>
        <tr className="jx-doc-breakable">
          <Label>年度总体目标</Label>
          <Value colSpan={6} testId="print-overall-goal">
            {t.overallGoal}
          </Value>
        </tr>
      </InfoGrid>
      <GoalIndicatorPrintGrid rows={rows} />
      <SignatureBlock boxes={signatureBoxes(t.subjectKind)} labelWidth={INFO_WIDTHS[0]} />
      <PrintFooter
        parts={[
          `第${data.revision}版`,
          goalStatusText({ status: data.status, version: data.revision, returnedBy: data.returnedBy }),
          `指标体系版本 ${data.templateVersion}`,
          `打印于 ${printedAt}`,
        ]}
      />
    </>
  );
}
