import type { GoalIndicator } from "../../../../src/core/goals/types";
import { rowSpans } from "../print/spans";
import { points, targetText, weightHundredths } from "./indicatorForm";

/** Column widths (percent of the sheet): 满意度指标 and 可持续影响指标 on one line, the explanation widest. */
const WIDTHS = [12, 16, 24, 14, 8, 26];

/**
 * The indicator grid of a goal table on paper: 一级指标 and 二级指标 merged down their rows, 三级指标,
 * 指标值 (operator, target and unit), 分值 and 指标解释, with a 合计 row. The header row repeats on every
 * printed page. `rows` come in the order they are to be printed (grouped by the year's template).
 */
export function GoalIndicatorPrintGrid({ rows }: { rows: readonly GoalIndicator[] }) {
  const level1Spans = rowSpans(rows.map((r) => r.level1));
  const level2Spans = rowSpans(rows.map((r) => `${r.level1}\u0000${r.level2}`));
  return (
    <table data-testid="print-indicators">
      <colgroup>
        {WIDTHS.map((w, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
          <col key={i} style={{ width: `${w}%` }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th>一级指标</th>
          <th>二级指标</th>
          <th>三级指标</th>
          <th>指标值</th>
          <th>分值</th>
          <th>指标解释</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={6} className="jx-doc-center">
              （未填写绩效指标）
            </td>
          </tr>
        )}
        {rows.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a printed list, not edited
          <tr key={i} data-testid="print-indicator-row">
            {level1Spans[i]! > 0 && (
              <td className="jx-doc-center" rowSpan={level1Spans[i]}>
                {r.level1}
              </td>
            )}
            {level2Spans[i]! > 0 && (
              <td className="jx-doc-center" rowSpan={level2Spans[i]}>
                {r.level2}
              </td>
            )}
            <td>{r.name}</td>
            <td className="jx-doc-center">{targetText(r)}</td>
            <td className="jx-doc-num">{points(Math.round(r.weight * 100))}</td>
            <td>{r.explanation ?? ""}</td>
          </tr>
        ))}
        {rows.length > 0 && (
          <tr>
            <td className="jx-doc-label" colSpan={4}>
              合计
            </td>
            <td className="jx-doc-num" data-testid="print-weight-total">
              {points(weightHundredths(rows))}
            </td>
            <td />
          </tr>
        )}
      </tbody>
    </table>
  );
}
