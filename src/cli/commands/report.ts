import { writeFile } from "node:fs/promises";
import { basename } from "node:path";
import { systemActor } from "../../app/auth/actor";
import { checkReportText } from "../../app/report/check-report-text";
import { draftAnnualReport } from "../../app/report/draft-annual-report";
import { checkText } from "../../core/report/check-text";
import type { Finding } from "../../core/report/finding";
import { documentMarkdown, documentText } from "../../core/report/render";
import { annualReportDocx } from "../../io/annual-report-docx";
import { annualReportHtml } from "../../io/annual-report-html";
import { readReportPath } from "../../io/read-report-file";
import { openRuntime, resolveRegion } from "../runtime";

const FORMATS = ["md", "docx", "html", "txt"] as const;

function yearOf(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const year = Number(text);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new Error(`年度无效：${text}`);
  return year;
}

/**
 * `jixiao report annual --year 2024 --format md|docx|html [--out FILE]`: the year's work report drafted from
 * the data with the default template, as the web view drafts it. Problems the check finds go to stderr.
 */
export async function reportAnnualCommand(options: { year: string; format?: string; out?: string; region?: string }) {
  const year = yearOf(options.year)!;
  const format = (options.format ?? "md") as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new Error(`格式无效：${options.format}（可选 ${FORMATS.join("、")}）`);
  if (format === "docx" && !options.out) throw new Error("Word 格式须用 --out 指定输出文件");
  const rt = await openRuntime();
  try {
    const region = await resolveRegion(rt, options.region);
    const { document, findings } = await draftAnnualReport(rt.deps, systemActor(region), { fiscalYear: year });
    const output =
      format === "docx"
        ? await annualReportDocx(document, { header: document.title })
        : format === "html"
          ? annualReportHtml(document)
          : format === "txt"
            ? `${documentText(document)}\n`
            : documentMarkdown(document);
    if (options.out) await writeFile(options.out, output);
    else process.stdout.write(output);
    for (const f of findings.filter((x) => x.severity === "error")) console.error(`核对：${f.message}`);
  } finally {
    await rt.close();
  }
}

const KIND_LABELS: Record<Finding["kind"], string> = {
  share: "占比",
  "count-sum": "个数合计",
  "amount-sum": "金额合计",
  data: "与数据不符",
  twice: "前后不一致",
  forced: "凑整",
  missing: "缺数据",
};

/**
 * `jixiao report check FILE.docx|md|txt [--year 2024] [--json]`: the consistency check of a report written
 * anywhere. Without --year it needs no database: only the text's own arithmetic. Exits 1 when it finds an
 * error, so a script can stop on it.
 */
export async function reportCheckCommand(file: string, options: { year?: string; region?: string; json?: boolean }) {
  const year = yearOf(options.year);
  const text = await readReportPath(file);
  let findings: Finding[];
  if (year === undefined) findings = checkText(text);
  else {
    const rt = await openRuntime();
    try {
      const region = await resolveRegion(rt, options.region);
      findings = (await checkReportText(rt.deps, systemActor(region), { text, fiscalYear: year })).findings;
    } finally {
      await rt.close();
    }
  }
  const errors = findings.filter((f) => f.severity === "error");
  if (options.json) console.log(JSON.stringify({ file: basename(file), fiscalYear: year ?? null, findings }, null, 2));
  else {
    console.log(
      `核对 ${basename(file)}${year === undefined ? "（只核对文中自身的计算）" : `（并与${year}年度数据核对）`}：${errors.length === 0 ? "未发现错误" : `发现 ${errors.length} 处错误`}`,
    );
    for (const f of findings)
      console.log(
        `  [${f.severity === "error" ? "错误" : "提示"}·${KIND_LABELS[f.kind]}] 文中 ${f.printed}，应为 ${f.computed}：${f.message}\n    原句：${f.sentence}`,
      );
  }
  if (errors.length > 0) process.exitCode = 1;
}
