/**
 * A key evaluation's report as Word (issue 13): four experts' submitted sheets on the default 19-indicator
 * framework, every indicator commented by some expert, the parts people write left empty so every drafted
 * paragraph is produced. Timed: `draftReport` alone (the figures and the text), and the whole
 * `draftReport` + `evaluationReportDocx` (what the download route does after its reads).
 * Baseline, same run: the same paragraphs and one table of the same cells written with the `docx` package
 * directly (one font, no merges, no header or footer), without the drafting. The benchmark checks that both
 * files hold the same paragraphs and the same number of table rows.
 */
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import JSZip from "jszip";
import { DEFAULT_EVALUATION_FRAMEWORK } from "../src/core/evaluations/framework";
import { draftReport, type EvaluationReport, type EvaluationReportData } from "../src/core/evaluations/report";
import { KEY_EVALUATION } from "../src/core/evaluations/report-fixture";
import { evaluationReportDocx } from "../src/io/evaluation-report-docx";
import { type BenchRow, log, median, min, ms, now, ratio } from "./stats";

const RUNS = 31;
const EXPERTS = ["王建国", "李芳", "张伟", "刘洋"];
const COMMENTS = ["佐证材料不完整", "部分指标未量化", "进度滞后", "满意度调查样本偏少", "资金拨付不及时"];

/** Four sheets that lose points on different indicators (by position), each loss commented. */
function data(): EvaluationReportData {
  const rows = DEFAULT_EVALUATION_FRAMEWORK.rows;
  const sheets = EXPERTS.map((member, e) => {
    const points: Record<string, number> = {};
    const comments: Record<string, string> = {};
    rows.forEach((r, i) => {
      const lose = (i + e) % 3 === 0;
      points[r.uid] = lose ? Math.round(r.points * (70 + ((i * 7 + e * 5) % 25))) / 100 : r.points;
      if (lose) comments[r.uid] = COMMENTS[(i + e) % COMMENTS.length]!;
    });
    return { member, points, comments };
  });
  const team = EXPERTS.map((name, i) => ({
    name,
    employer: "市财经大学",
    title: "教授",
    fields: ["财政"],
    lead: i === 0,
  }));
  return { ...KEY_EVALUATION, team, sheets };
}

/** The report's paragraphs and table cells as plain text, in order: what the baseline writes. */
function flatten(r: EvaluationReport) {
  const paragraphs: string[] = [r.title, ...(r.subtitle === null ? [] : [r.subtitle])];
  let cells: string[][] = [];
  for (const s of r.sections) {
    paragraphs.push(s.heading);
    for (const b of s.blocks)
      if (b.kind === "table") cells = [[...b.header], ...b.rows.map((x) => [...x.cells])];
      else paragraphs.push(b.text);
  }
  if (r.signer !== null) paragraphs.push(r.signer);
  if (r.date !== null) paragraphs.push(r.date);
  return { paragraphs, cells };
}

function baseline(paragraphs: readonly string[], cells: readonly string[][]): Promise<Buffer> {
  const p = (text: string) => new Paragraph({ children: [new TextRun({ text, font: "仿宋_GB2312", size: 32 })] });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: cells.map(
      (row) =>
        new TableRow({
          children: row.map(
            (text) =>
              new TableCell({
                children: [
                  new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, size: 24 })] }),
                ],
              }),
          ),
        }),
    ),
  });
  return Packer.toBuffer(new Document({ sections: [{ children: [...paragraphs.map(p), table] }] }));
}

/** The paragraphs outside the table, and the table's row count: what both files must hold alike. */
async function contentOf(docx: Buffer): Promise<string> {
  const xml = (await (await JSZip.loadAsync(docx)).file("word/document.xml")?.async("string")) ?? "";
  const text = (x: string) => [...x.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
  const outside = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, "");
  const paragraphs = [...outside.matchAll(/<w:p(?: [^>]*)?>([\s\S]*?)<\/w:p>/g)]
    .map((m) => text(m[1]!))
    .filter((t) => t !== "");
  return JSON.stringify({ paragraphs, rows: xml.match(/<w:tr[ >]/g)?.length ?? 0 });
}

export async function evaluationReportBench(): Promise<{ rows: BenchRow[]; notes: string[] }> {
  const input = data();
  const report = draftReport(input);
  const { paragraphs, cells } = flatten(report);
  const draft: number[] = [];
  const whole: number[] = [];
  const base: number[] = [];
  let ours: Buffer = Buffer.alloc(0);
  let theirs: Buffer = Buffer.alloc(0);
  // Warm both paths once (module code, docx's XML templates), then alternate so noise hits both alike.
  await evaluationReportDocx(draftReport(input));
  await baseline(paragraphs, cells);
  for (let i = 0; i < RUNS; i++) {
    let start = now();
    draftReport(input);
    draft.push(now() - start);
    start = now();
    ours = await evaluationReportDocx(draftReport(input));
    whole.push(now() - start);
    start = now();
    const flat = flatten(report);
    theirs = await baseline(flat.paragraphs, flat.cells);
    base.push(now() - start);
  }
  const same = (await contentOf(ours)) === (await contentOf(theirs));
  log(
    `draft ${ms(median(draft))} ms; draft + docx ${ms(median(whole))} ms (${(ours.length / 1024).toFixed(0)} KB); ` +
      `baseline ${ms(median(base))} ms (${(theirs.length / 1024).toFixed(0)} KB); same text: ${same}`,
  );
  const figures = `${EXPERTS.length} experts × ${DEFAULT_EVALUATION_FRAMEWORK.rows.length} indicators`;
  return {
    rows: [
      {
        benchmark: "evaluation report",
        metric: `draftReport (figures + text), ${figures}, median / min of ${RUNS}`,
        value: `${ms(median(draft))} / ${ms(min(draft))} ms`,
        target: "",
        status: "",
      },
      {
        benchmark: "evaluation report",
        metric: `draftReport + evaluationReportDocx (${(ours.length / 1024).toFixed(0)} KB), median / min`,
        value: `${ms(median(whole))} / ${ms(min(whole))} ms`,
        target: "",
        status: "",
      },
      {
        benchmark: "evaluation report",
        metric: `baseline: same paragraphs + one plain table with docx directly (${(theirs.length / 1024).toFixed(0)} KB)`,
        value: `${ms(median(base))} / ${ms(min(base))} ms`,
        target: "",
        status: "",
      },
      {
        benchmark: "evaluation report",
        metric: `ratio (medians); same text in both files: ${same ? "yes" : "NO"}`,
        value: ratio(median(whole) / median(base)),
        target: "",
        status: "",
      },
    ],
    notes: [],
  };
}
