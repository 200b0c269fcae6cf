import type { ActionKind } from "../../core/monitoring/types";
import { uploadAttachment } from "../attachments/upload";
import type { Actor, Deps } from "../context";
import { actOnMonitoringAction } from "../monitoring/act-on-action";
import { assignMonitoringAction } from "../monitoring/assign-action";
import { getMonitoringAction } from "../monitoring/get-action";
import { readReport } from "../monitoring/get-report";
import { demoActor, type SetDay } from "./replay-declaration";

/** A one-page PDF with a line of text: the demo's evidence file (a scanned voucher in real life). */
export function evidencePdf(line: string): Buffer {
  const text = line.replace(/[()\\]/g, "");
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  for (const [i, o] of objects.entries()) {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  }
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) body += `${String(o).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

const REQUIREMENTS: Record<ActionKind, string> = {
  speed_up: "执行进度明显滞后于时间进度，请制定支出计划，加快项目实施和资金支付，并报送支付凭证",
  adjust_goal: "部分绩效指标预计完全不可能完成，请按程序申请调整绩效目标",
  adjust_budget: "预计年末结余较大，请提出预算调整意见",
  suspend: "项目实施条件发生变化，暂缓拨付剩余资金，待整改后恢复",
};

/**
 * Finance's follow-up after its review (复核), replayed through the use cases: every red report it approved
 * gets an action (调整绩效目标 when an indicator cannot be reached, else 加快执行进度), and one yellow report
 * in three a 加快执行进度. The owners answer most of them with a voucher in October and finance closes most
 * of those; the rest stay open past their due day, as in a real year.
 */
export async function replayFollowUps(
  deps: Deps,
  setDay: SetDay,
  finance: Actor,
  y: number,
  reports: readonly number[],
): Promise<number[]> {
  setDay(`${y}-09-27`);
  const assigned: number[] = [];
  let yellow = 0;
  for (const id of reports) {
    const { detail, view } = await readReport(deps.uow.read, finance, id);
    if (detail.status !== "approved" || (view.light !== "red" && view.light !== "yellow")) continue;
    if (view.light === "yellow" && yellow++ % 3 !== 0) continue;
    const impossible = view.items.some((it) => it.likelihood === "impossible");
    const kind: ActionKind = view.light === "red" && impossible ? "adjust_goal" : "speed_up";
    const action = await assignMonitoringAction(deps, finance, id, {
      kind,
      requirement: REQUIREMENTS[kind],
      dueOn: `${y}-10-31`,
    });
    assigned.push(action.id);
  }
  for (const [i, id] of assigned.entries()) {
    const action = await getMonitoringAction(deps, finance, id);
    // 调整绩效目标 closes only once the revision is approved: the demo leaves those with the units.
    if (action.kind === "adjust_goal" || i % 4 === 3) continue;
    const owner = await demoActor(
      deps,
      action.org.id === action.department.id ? `dept${action.org.code}` : `unit${action.org.code}`,
    );
    setDay(`${y}-10-${String(10 + (i % 15)).padStart(2, "0")}`);
    await uploadAttachment(deps, owner, {
      entity: "monitoring_action",
      recordId: id,
      fileName: "支付凭证.pdf",
      bytes: evidencePdf(`Payment vouchers, action ${id}`),
    });
    const version = (await getMonitoringAction(deps, owner, id)).version;
    await actOnMonitoringAction(deps, owner, id, {
      version,
      action: "submit",
      text: "已制定支出计划，加快合同结算和资金支付，截至10月执行率明显提高，附支付凭证",
    });
    if (i % 5 === 4) continue; // still waiting for finance
    setDay(`${y}-11-${String(1 + (i % 20)).padStart(2, "0")}`);
    const next = (await getMonitoringAction(deps, finance, id)).version;
    await actOnMonitoringAction(deps, finance, id, { version: next, action: "close", text: "整改到位，予以办结" });
  }
  return assigned;
}
