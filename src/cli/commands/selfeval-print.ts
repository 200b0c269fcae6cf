import type { SelfEvalFinding } from "../../core/selfeval/check-sheet";
import { pointsText, toHundredths } from "../../core/selfeval/grade";
import type { SelfEvalReport } from "./selfeval";

/** The human report of `jixiao selfeval check`, in Chinese: per sheet its totals, then each finding by cell. */

const points = (n: number | null) => (n === null ? "—" : pointsText(toHundredths(n) ?? BigInt(Math.round(n * 100))));
const where = (cell: string | null) => (cell ?? "").padEnd(5);

function list(title: string, items: readonly { cell: string | null; line: string }[]) {
  if (items.length === 0) return;
  console.log(`  ${title} ${items.length} 处：`);
  for (const i of items) console.log(`    ${where(i.cell)} ${i.line}`);
}

const findingLine = (f: SelfEvalFinding) => `${f.item}：${f.message}`;

export function printSelfEvalReport(report: SelfEvalReport) {
  const { sheets, skipped } = report;
  console.log(`项目支出绩效自评表核对：${report.file}，共 ${sheets.length} 张表`);
  for (const r of report.rules)
    console.log(`评分规则${r.fiscalYear === null ? "" : `（${r.fiscalYear}年度）`}：${r.text}`);
  let sound = 0;
  let counts = { differences: 0, contradictions: 0, unscorable: 0 };
  for (const s of sheets) {
    const c = s.check;
    const grade = c.grade === null ? "" : `（${s.rules.rules.gradeLabels[c.grade]}）`;
    console.log("");
    console.log(`【${c.sheet}】${s.subjectName}${s.fiscalYear === null ? "" : `（${s.fiscalYear}年度）`}`);
    console.log(
      `  填报总分 ${points(c.statedTotal)}，核算总分 ${c.computedTotal === null ? "无法得出" : `${points(c.computedTotal)}${grade}`}`,
    );
    list(
      "与核算不符",
      c.differences.map((f) => ({ cell: f.cell, line: findingLine(f) })),
    );
    list(
      "自相矛盾",
      c.contradictions.map((f) => ({ cell: f.cell, line: findingLine(f) })),
    );
    list(
      "无法计分",
      c.unscorable.map((u) => ({ cell: u.cell, line: `${u.item}：${u.reason}` })),
    );
    for (const n of c.notes) console.log(`  说明：${n}`);
    for (const i of s.issues) console.log(`  读取提示：${i.message}`);
    const clean = c.differences.length + c.contradictions.length + c.unscorable.length === 0;
    if (clean) {
      sound++;
      console.log("  未发现问题。");
    }
    counts = {
      differences: counts.differences + c.differences.length,
      contradictions: counts.contradictions + c.contradictions.length,
      unscorable: counts.unscorable + c.unscorable.length,
    };
  }
  if (skipped.length > 0) {
    console.log("");
    console.log(`跳过 ${skipped.length} 个工作表（不是项目支出绩效自评表）：${skipped.map((s) => s.sheet).join("、")}`);
  }
  console.log("");
  console.log(
    `合计：${sheets.length} 张表，${sound} 张未发现问题，${sheets.length - sound} 张有问题（与核算不符 ${counts.differences} 处，自相矛盾 ${counts.contradictions} 处，无法计分 ${counts.unscorable} 处）`,
  );
}
