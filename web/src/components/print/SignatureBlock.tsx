/**
 * The foot of an official form: one box per signing party (填报单位, 主管部门, 财政部门…), each with room
 * for an opinion and a seal, and at its bottom right the lines to sign on (单位负责人 ____) and below them the date
 * (年 月 日). A box is never cut across pages; the block may be, between boxes.
 */

export interface SignatureBox {
  /** 填报单位（盖章）, 主管部门审核意见… */
  label: string;
  /** Lines to sign on, e.g. ["单位负责人", "填报人", "联系电话"]. */
  lines?: readonly string[];
  /** Prints （盖章） before the date. */
  seal?: boolean;
}

/** "年 月 日" with room for the figures. */
export const DATE_BLANKS = "\u3000\u3000年\u3000\u3000月\u3000\u3000日";

export function SignatureBlock({
  boxes,
  labelWidth = 18,
  testId = "print-signatures",
}: {
  boxes: readonly SignatureBox[];
  /** Percent of the width, to line up with the InfoGrid's label column. */
  labelWidth?: number;
  testId?: string;
}) {
  return (
    <table className="jx-sign" data-testid={testId}>
      <colgroup>
        <col style={{ width: `${labelWidth}%` }} />
        <col />
      </colgroup>
      <tbody>
        {boxes.map((box) => (
          <tr key={box.label}>
            <td className="jx-doc-label">{box.label}</td>
            <td className="jx-sign-box">
              <div className="jx-sign-lines">
                <div className="jx-sign-names">
                  {(box.lines ?? []).map((line) => (
                    <span key={line} className="jx-sign-line">
                      {line}：<i>{"\u00a0"}</i>
                    </span>
                  ))}
                  {box.seal && <span className="jx-sign-line">（盖章）</span>}
                </div>
                <span className="jx-sign-line">{DATE_BLANKS}</span>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
