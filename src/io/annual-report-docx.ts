import { AlignmentType, Document, HeadingLevel, HighlightColor, Packer, Paragraph, TextRun } from "docx";
import type { ReportDocument, Run } from "../core/report/render";
import { BODY, font, gongwenSection, KAITI, NOT_XML, STYLES, text } from "./gongwen-docx";

const runs = (rs: readonly Run[], extra: { lead?: boolean } = {}) =>
  rs.map((r) =>
    r.missing
      ? new TextRun({ text: r.text.replace(NOT_XML, ""), highlight: HighlightColor.YELLOW })
      : extra.lead
        ? new TextRun({ text: r.text.replace(NOT_XML, ""), font: font(KAITI) })
        : text(r.text),
  );

/**
 * The annual work report as a Word file in the official layout: parts 一、 as 黑体 headings, the run-in
 * （一） headings in 楷体 before their paragraph, the body in 仿宋; a figure the data could not give stays
 * highlighted. `signature` is the publication's （信息员：… 审核员：…） line, when it has one.
 */
export async function annualReportDocx(doc: ReportDocument, opts: { header: string; signature?: string }) {
  const body = doc.blocks.map((b) =>
    b.type === "heading"
      ? new Paragraph({ heading: HeadingLevel.HEADING_1, children: runs(b.runs) })
      : new Paragraph({ style: BODY, children: [...runs(b.lead ?? [], { lead: true }), ...runs(b.runs)] }),
  );
  const document = new Document({
    title: doc.title,
    styles: STYLES,
    sections: [
      gongwenSection(opts.header, [
        new Paragraph({ heading: HeadingLevel.TITLE, spacing: { after: 480 }, children: [text(doc.title)] }),
        ...body,
        ...(opts.signature
          ? [
              new Paragraph({ style: BODY, children: [] }),
              new Paragraph({
                style: BODY,
                alignment: AlignmentType.RIGHT,
                indent: { firstLine: 0, right: 640 },
                children: [text(opts.signature)],
              }),
            ]
          : []),
      ]),
    ],
  });
  return Packer.toBuffer(document);
}
