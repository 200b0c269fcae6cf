import { dateInChina } from "../../../../src/core/calendar";
import type { RectificationNotice } from "../../api/rectification/rectification";
import { InfoGrid, Label, Value } from "../print/InfoGrid";
import { PrintFooter, PrintHeader } from "../print/PrintPage";
import { SignatureBlock } from "../print/SignatureBlock";

/** The particulars: a label column, then 整改单位 / 主管部门 / 问题来源 / 下达日期 in pairs. */
const INFO_WIDTHS = [16, 34, 16, 34];
/** The items: 序号, 存在问题, 整改要求, 整改期限, 整改情况 (what the unit answered, blank to write in). */
const GRID_WIDTHS = [6, 28, 28, 12, 26];

/**
 * One notice as the 整改通知书 finance sends and the unit signs for: the particulars, one row per item (the
 * unit's measures as answered so far, else a blank to write in), the boxes of the issuing finance office and
 * of the unit's receipt, and a discreet footer.
 */
export function RectificationPrintSheet({ data: n, printedAt }: { data: RectificationNotice; printedAt: string }) {
  const source = `${n.sourceText}${n.project ? `：${n.project.name}（${n.project.code}）` : ""}`;
  return (
    <>
      <PrintHeader
        title="绩效整改通知书"
        subtitle={`（${n.fiscalYear}年度）`}
        left={<span>整改单位：{n.unit.name}</span>}
        right={`共 ${n.items.length} 项`}
      />
      <InfoGrid widths={INFO_WIDTHS} testId="print-particulars">
        <tr>
          <Label>通知标题</Label>
          <Value colSpan={3} testId="print-notice-title">
            {n.title}
          </Value>
        </tr>
        <tr>
          <Label>整改单位</Label>
          <Value>{n.unit.name}</Value>
          <Label>主管部门</Label>
          <Value>{n.department.name}</Value>
        </tr>
        <tr>
          <Label>问题来源</Label>
          <Value>{source}</Value>
          <Label>下达日期</Label>
          <Value align="center">{dateInChina(new Date(n.createdAt))}</Value>
        </tr>
      </InfoGrid>
      <table data-testid="print-items">
        <colgroup>
          {GRID_WIDTHS.map((w, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
            <col key={i} style={{ width: `${w}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th>序号</th>
            <th>存在问题</th>
            <th>整改要求</th>
            <th>整改期限</th>
            <th>整改情况</th>
          </tr>
        </thead>
        <tbody>
          {n.items.map((it) => (
            <tr key={it.id} data-testid="print-item-row">
              <td className="jx-doc-center">{it.seq}</td>
              <td>{it.problem}</td>
              <td>{it.requirement}</td>
              <td className="jx-doc-center">{it.deadline}</td>
              <td>{it.answer || "\u00a0"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <SignatureBlock
        labelWidth={16}
        boxes={[
          { label: "财政部门", lines: ["经办人"], seal: true },
          { label: "整改单位签收", lines: ["单位负责人", "签收人", "联系电话"], seal: true },
        ]}
      />
      <PrintFooter
        parts={[
          `待整改 ${n.counts.issued} 项，已反馈 ${n.counts.answered} 项，已验收 ${n.counts.accepted} 项，退回重改 ${n.counts.returned} 项`,
          n.issuedByName && `下达人：${n.issuedByName}`,
          `打印时间：${printedAt}`,
        ]}
      />
    </>
  );
}
