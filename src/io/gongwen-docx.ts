import {
  AlignmentType,
  BorderStyle,
  Footer,
  Header,
  HighlightColor,
  LineRuleType,
  PageNumber,
  Paragraph,
  type Table,
  TextRun,
} from "docx";

/**
 * The official document layout (GB/T 9704) shared by the Word files the system writes: A4 with 公文 margins,
 * the title in 黑体 二号, headings 一、 in 黑体 三号, （一） in 楷体 三号, the body in 仿宋 三号 at a fixed 28 pt line
 * with a two-character first-line indent, a page header and "— n —" page numbers. Chinese font names go into
 * eastAsia (Word picks the font per script: a name in ascii only leaves Chinese text in the default font);
 * figures and Latin text use Times New Roman.
 */
export const FANGSONG = "仿宋_GB2312";
export const KAITI = "楷体_GB2312";
export const HEITI = "黑体";
export const SONG = "宋体";
export const LATIN = "Times New Roman";
// The hint makes Word set the characters both scripts share (“”、—) in the Chinese font, not Times.
export const font = (eastAsia: string) => ({ ascii: LATIN, hAnsi: LATIN, cs: LATIN, eastAsia, hint: "eastAsia" });

/** Sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt, 五号 10.5 pt. */
export const ERHAO = 44;
export const SANHAO = 32;
export const SIHAO = 28;
export const XIAOSI = 24;
export const WUHAO = 21;
/** 28 pt fixed line, and two characters of 三号 for the first-line indent, in twips. */
export const LINE = { line: 560, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
export const INDENT = { firstLine: 640 };

/**
 * Formatting lives in named styles, not on each run: the team edits the draft in Word, and what they type
 * after a heading or a body paragraph takes the official look by itself (and the file is smaller).
 */
export const BODY = "ReportBody";
export const CELL = "ReportCell";
export const black = { bold: false, italics: false, color: "000000" };
export const STYLES = {
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
export const NOT_XML = /(?![\t\n\r])\p{Cc}|[\uFFFE\uFFFF]|\p{Cs}/gu;
export const text = (t: string, extra: { bold?: boolean; highlight?: boolean } = {}) =>
  new TextRun({
    text: t.replace(NOT_XML, ""),
    bold: extra.bold,
    highlight: extra.highlight ? HighlightColor.YELLOW : undefined,
  });

/** A4 with 公文 margins, the header line and the centred page number, around the given paragraphs. */
export const gongwenSection = (header: string, children: (Paragraph | Table)[]) => ({
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
          children: [new TextRun({ text: header, font: font(SONG), size: WUHAO })],
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
  children,
});
