import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
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
import { BODY, CELL, font, gongwenSection, KAITI, STYLES, text } from "./gongwen-docx";

/**
 * The evaluation report as a Word file in the official layout (GB/T 9704): A4 with 公文 margins, the title in
 * 黑体 二号, headings 一、 in 黑体 三号, （一） in 楷体 三号, the body in 仿宋 三号 at a fixed 28 pt line with a
 * two-character first-line indent, the score table in 仿宋 小四 with borders, the region and year in the header
 * and "— n —" page numbers. Chinese font names go into eastAsia (Word picks the font per script: a name in
 * ascii only leaves Chinese text in the default font); figures and Latin text use Times New Roman.
 * Lines the system drafted and people must complete (【…】) are highlighted so none survives unnoticed.
 */
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
      gongwenSection(report.header, [
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
      ]),
    ],
  });
  return Packer.toBuffer(doc);
}
