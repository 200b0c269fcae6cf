import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";

/**
 * 抽查复核指导意见书: the letter finance sends a unit after the spot-check review, as a Word file in the
 * usual official layout (公文: title in 黑体 二号, body in 仿宋 三号, numbered sections 一、二、…), with the
 * table of self and review scores and, per project, the reviewer's comments and guidance.
 */
export interface GuidanceLetter {
  fiscalYear: number;
  issuer: string;
  unitName: string;
  firmNames: string[];
  date: string;
  items: {
    code: string;
    name: string;
    selfTotal: number | null;
    reviewTotal: number | null;
    reviewGrade: string | null;
    guidance: string;
    findings: { indicator: string; selfPoints: number | null; reviewPoints: number | null; comment: string }[];
  }[];
}

const FANGSONG = "仿宋_GB2312";
const HEITI = "黑体";
const body = (text: string, opts: { indent?: boolean; bold?: boolean } = {}) =>
  new Paragraph({
    indent: opts.indent === false ? undefined : { firstLine: 640 },
    spacing: { line: 560 },
    children: [new TextRun({ text, font: FANGSONG, size: 32, bold: opts.bold ?? false })],
  });
const heading = (text: string) =>
  new Paragraph({
    indent: { firstLine: 640 },
    spacing: { line: 560 },
    children: [new TextRun({ text, font: HEITI, size: 32 })],
  });
const fmt = (n: number | null) => (n === null ? "—" : n.toFixed(2));
const cell = (text: string, bold = false) =>
  new TableCell({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text, font: FANGSONG, size: 24, bold })],
      }),
    ],
  });
const SECTION = ["一", "二", "三", "四", "五"];

export async function guidanceLetterDocx(letter: GuidanceLetter): Promise<Buffer> {
  const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    // In twips, about the text width of an A4 page with official margins: the name column gets the room.
    columnWidths: [700, 1500, 3700, 1200, 1200, 1100],
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
        children: ["序号", "项目编码", "项目名称", "自评得分", "复核得分", "复核等级"].map((t) => cell(t, true)),
      }),
      ...letter.items.map(
        (i, n) =>
          new TableRow({
            children: [
              cell(String(n + 1)),
              cell(i.code),
              cell(i.name),
              cell(fmt(i.selfTotal)),
              cell(fmt(i.reviewTotal)),
              cell(i.reviewGrade ?? "—"),
            ],
          }),
      ),
    ],
  });
  const findings = letter.items.flatMap((i) => [
    body(`（${letter.items.indexOf(i) + 1}）${i.name}`, { bold: true }),
    ...(i.findings.length === 0
      ? [body("复核得分与自评一致。")]
      : i.findings.map((f) =>
          body(`“${f.indicator}”：自评 ${fmt(f.selfPoints)} 分，复核 ${fmt(f.reviewPoints)} 分。${f.comment}`),
        )),
    body(`指导意见：${i.guidance || "无"}`),
  ]);
  const firms = letter.firmNames.length > 0 ? `委托${letter.firmNames.join("、")}` : "";
  const doc = new Document({
    styles: { default: { document: { run: { font: FANGSONG, size: 32 } } } },
    sections: [
      {
        properties: {
          page: { margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } },
        },
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            spacing: { after: 400, line: 560 },
            children: [
              new TextRun({
                text: `关于${letter.fiscalYear}年度单位自评抽查复核情况的指导意见`,
                font: HEITI,
                size: 44,
              }),
            ],
          }),
          body(`${letter.unitName}：`, { indent: false }),
          body(
            `根据${letter.fiscalYear}年度预算绩效管理工作安排，我局${firms}对你单位 ${letter.items.length} 个自评对象进行了抽查复核。现将复核情况及指导意见反馈如下：`,
          ),
          heading(`${SECTION[0]}、复核结果`),
          table,
          heading(`${SECTION[1]}、发现的问题及指导意见`),
          ...findings,
          heading(`${SECTION[2]}、工作要求`),
          body("请对照上述意见认真整改，完善绩效目标设置和佐证材料，在以后年度自评中如实、准确填报，提高自评质量。"),
          new Paragraph({ spacing: { before: 600 } }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [new TextRun({ text: letter.issuer, font: FANGSONG, size: 32 })],
          }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [new TextRun({ text: letter.date, font: FANGSONG, size: 32 })],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
