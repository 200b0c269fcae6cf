import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  HighlightColor,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  VerticalMergeType,
  WidthType,
} from "docx";
import type { EvaluationReport, ReportBlock, ScoreTableRow } from "../core/evaluations/report";

/**
 * The evaluation report as a Word file in the official layout (GB/T 9704): A4 with 公文 margins, the title in
 * 黑体 二号, headings 一、 in 黑体 三号, （一） in 楷体 三号, the body in 仿宋 三号 at a fixed 28 pt line with a
 * two-character first-line indent, the score table in 仿宋 小四 with borders, the region and year in the header
 * and "— n —" page numbers. Chinese font names go into eastAsia (Word picks the font per script: a name in
 * ascii only leaves Chinese text in the default font); figures and Latin text use Times New Roman.
 * Lines the system drafted and people must complete (【…】) are highlighted so none survives unnoticed.
 */
const FANGSONG = "仿宋_GB2312";
const KAITI = "楷体_GB2312";
const HEITI = "黑体";
const SONG = "宋体";
const LATIN = "Times New Roman";
// The hint makes Word set the characters both scripts share (“”、—) in the Chinese font, not Times.
const font = (eastAsia: string) => ({ ascii: LATIN, hAnsi: LATIN, cs: LATIN, eastAsia, hint: "eastAsia" });

/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt, 五号 10.5 pt. */
const ERHAO = 44;
const SANHAO = 32;
const SIHAO = 28;
const XIAOSI = 24;
const WUHAO = 21;
/** 28 pt fixed line, and two characters of 三号 for the first-line indent, in twips. */
const LINE = { line: 560, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const INDENT = { firstLine: 640 };

/**
 * Formatting lives in named styles, not on each run: the team edits the draft in Word, and what they type
 * after a heading or a body paragraph takes the official look by itself (and the file is smaller).
 */
const BODY = "ReportBody";
const CELL = "ReportCell";
const black = { bold: false, italics: false, color: "000000" };
const STYLES = {
  default: {
    document: { run: { font: font(FANGSONG), size: SANHAO, language: { value: "en-US", eastAsia: "zh-CN" } } },
    title: {
      next: BODY,
      run: { ...black, font: font(HEITI), size: ERHAO },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 720, lineRule: LineRuleType.EXACT } },
    },
    heading1: {
      next: BODY,
      run: { ...black, font: font(HEITI), size: SANHAO },
      paragraph: { indent: INDENT, spacing: LINE, keepNext: true, outlineLevel: 0 },
    },
    heading2: {
      next: BODY,
      run: { ...black, font: font(KAITI), size: SANHAO },
      paragraph: { indent: INDENT, spacing: LINE, keepNext: true, outlineLevel: 1 },
    },
  },
  paragraphStyles: [
    {
      id: BODY,
      name: "报告正文",
      quickFormat: true,
      run: { font: font(FANGSONG), size: SANHAO },
      paragraph: { indent: INDENT, spacing: LINE, alignment: AlignmentType.JUSTIFIED },
    },
    {
      id: CELL,
      name: "表格文字",
      run: { font: font(FANGSONG), size: XIAOSI },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 300, lineRule: LineRuleType.AUTO } },
    },
  ],
};

// XML 1.0 forbids these, and Word refuses a file holding one: whatever got into a comment or a part is dropped here.
const NOT_XML = /(?![\t\n\r])\p{Cc}|[\uFFFE\uFFFF]|\p{Cs}/gu;
const text = (t: string, extra: { bold?: boolean; highlight?: boolean } = {}) =>
  new TextRun({
    text: t.replace(NOT_XML, ""),
    bold: extra.bold,
    highlight: extra.highlight ? HighlightColor.YELLOW : undefined,
  });

function block(b: Exclude<ReportBlock, { kind: "table" }>): Paragraph {
  if (b.kind === "subheading") return new Paragraph({ heading: HeadingLevel.HEADING_2, children: [text(b.text)] });
  return new Paragraph({ style: BODY, children: [text(b.text, { highlight: b.draft && b.text.startsWith("【") })] });
}

/** Text width of A4 with 公文 margins (210 mm − 28 − 26), split so the indicator's name gets the room. */
const WIDTHS = [1150, 1450, 2544, 800, 1400, 1500];
const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };

const cell = (
  value: string,
  opts: { bold?: boolean; left?: boolean; span?: number; merge?: "restart" | "continue"; width?: number } = {},
) =>
  new TableCell({
    columnSpan: opts.span,
    verticalMerge:
      opts.merge === undefined
        ? undefined
        : opts.merge === "restart"
          ? VerticalMergeType.RESTART
          : VerticalMergeType.CONTINUE,
    verticalAlign: VerticalAlign.CENTER,
    width: opts.width === undefined ? undefined : { size: opts.width, type: WidthType.DXA },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [
      new Paragraph({
        style: CELL,
        alignment: opts.left ? AlignmentType.LEFT : undefined,
        children: [text(value, { bold: opts.bold })],
      }),
    ],
  });

/** Level 1 and level 2 cells merged down over their rows, as the printed tables show them. */
function tableRow(r: ScoreTableRow, prev: ScoreTableRow | undefined): TableRow {
  const [l1, l2, name, ...figures] = r.cells;
  const nums = figures.map((t) => cell(t, { bold: r.kind !== "indicator" }));
  const sameL1 = prev !== undefined && prev.kind !== "level1" && prev.cells[0] === l1;
  const first = cell(sameL1 ? "" : l1, { merge: sameL1 ? "continue" : "restart" });
  if (r.kind === "total" || r.kind === "override")
    return new TableRow({ cantSplit: true, children: [cell(l1, { bold: true, span: 3 }), ...nums] });
  if (r.kind === "level1")
    return new TableRow({ cantSplit: true, children: [first, cell(l2, { bold: true, span: 2 }), ...nums] });
  const sameL2 = sameL1 && prev?.kind === "indicator" && prev.cells[1] === l2;
  return new TableRow({
    cantSplit: true,
    children: [
      first,
      cell(sameL2 ? "" : l2, { merge: sameL2 ? "continue" : "restart" }),
      cell(name, { left: true }),
      ...nums,
    ],
  });
}

function scoreTable(header: readonly string[], rows: readonly ScoreTableRow[]): Table {
  return new Table({
    width: { size: WIDTHS.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: WIDTHS,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: {
      top: border,
      bottom: border,
      left: border,
      right: border,
      insideHorizontal: border,
      insideVertical: border,
    },
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: header.map((t, i) => cell(t, { bold: true, width: WIDTHS[i] })),
      }),
      ...rows.map((r, i) => tableRow(r, rows[i - 1])),
    ],
  });
}

const right = (t: string) =>
  new Paragraph({
    style: BODY,
    alignment: AlignmentType.RIGHT,
    indent: { firstLine: 0, right: 640 },
    children: [text(t)],
  });

export async function evaluationReportDocx(report: EvaluationReport): Promise<Buffer> {
  const body = report.sections.flatMap((s) => [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [text(s.heading)] }),
    ...s.blocks.flatMap((b) =>
      b.kind === "table"
        ? [scoreTable(b.header, b.rows), new Paragraph({ spacing: { after: 120 }, children: [] })]
        : [block(b)],
    ),
  ]);
  const closing = [report.signer, report.date].filter((t): t is string => t !== null);
  const doc = new Document({
    title: report.title,
    styles: STYLES,
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: 2098, bottom: 1984, left: 1588, right: 1474, header: 1134, footer: 1134 },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
                children: [new TextRun({ text: report.header, font: font(SONG), size: WUHAO })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: font(SONG), size: SIHAO })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            spacing: { after: report.subtitle === null ? 480 : 120 },
            children: [text(report.title)],
          }),
          ...(report.subtitle === null
            ? []
            : [
                new Paragraph({
                  style: BODY,
                  alignment: AlignmentType.CENTER,
                  indent: { firstLine: 0 },
                  spacing: { after: 480 },
                  children: [new TextRun({ text: report.subtitle, font: font(KAITI) })],
                }),
              ]),
          ...body,
          ...(closing.length === 0 ? [] : [new Paragraph({ style: BODY, children: [] }), ...closing.map(right)]),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
