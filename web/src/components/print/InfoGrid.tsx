import type { ReactNode } from "react";

/**
 * The bordered block of particulars at the head of an official form (项目名称, 主管部门, 资金…): a
 * fixed-layout table whose column widths (percent) are given, filled with <Label> and <Value> cells.
 * A value left empty prints as a blank cell to be filled in by hand. Rows are not cut across pages, except
 * a row marked `className="jx-doc-breakable"` (a long text that may run on to the next page).
 */
export function InfoGrid({
  widths,
  testId,
  children,
}: {
  widths: readonly number[];
  testId?: string;
  children: ReactNode;
}) {
  return (
    <table data-testid={testId}>
      <colgroup>
        {widths.map((w, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
          <col key={i} style={{ width: `${w}%` }} />
        ))}
      </colgroup>
      <tbody>{children}</tbody>
    </table>
  );
}

interface CellProps {
  colSpan?: number;
  rowSpan?: number;
  testId?: string;
  children?: ReactNode;
}

/** A grey, bold, centred caption cell. */
export function Label({ colSpan, rowSpan, testId, children }: CellProps) {
  return (
    <td className="jx-doc-label" colSpan={colSpan} rowSpan={rowSpan} data-testid={testId}>
      {children}
    </td>
  );
}

/** A value cell; `align` centres amounts and short codes. Empty: a blank to fill in by hand. */
export function Value({
  colSpan,
  rowSpan,
  testId,
  align,
  children,
}: CellProps & { align?: "left" | "center" | "amount" }) {
  const blank = children === undefined || children === null || children === "";
  const className = align === "center" ? "jx-doc-center" : align === "amount" ? "jx-doc-amount" : undefined;
  return (
    <td className={className} colSpan={colSpan} rowSpan={rowSpan} data-testid={testId}>
      {blank ? "\u00a0" : children}
    </td>
  );
}
