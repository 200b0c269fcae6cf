/**
 * Styles of the print views (the official forms on paper). On screen the form is an A4 sheet on a grey
 * desk with a toolbar; printed, only the sheet remains. Sizes are in pt and mm so that the screen and the
 * paper agree: 宋体 五号 (10.5pt) for the body, 黑体 for the title, black 0.75pt rules.
 */

/** 宋体 first, as on the paper forms; WenQuanYi for Linux desktops without it. */
export const SONG_STACK =
  '"SimSun", "宋体", "Songti SC", "STSong", "Noto Serif CJK SC", "Source Han Serif SC", "WenQuanYi Micro Hei", serif';
export const HEI_STACK =
  '"SimHei", "黑体", "Heiti SC", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

/** Page margins: the sheet on screen has the same padding, so lines break where they will on paper. */
export const PAGE_MARGIN = { top: 14, right: 12, bottom: 16, left: 12 } as const;

export type PrintOrientation = "portrait" | "landscape";

/** The sheet's width between the margins, in mm. */
export const printableWidthMm = (orientation: PrintOrientation = "portrait"): number =>
  (orientation === "portrait" ? 210 : 297) - PAGE_MARGIN.left - PAGE_MARGIN.right;

const m = PAGE_MARGIN;

/** The @page rule: A4 in the given orientation, with 第 n 页 共 N 页 at the foot of every page. */
export const pageRule = (orientation: PrintOrientation): string => `
@page {
  size: A4 ${orientation};
  margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;
  @bottom-center { content: "第 " counter(page) " 页，共 " counter(pages) " 页"; font-family: ${SONG_STACK}; font-size: 8pt; color: #555; }
}`;

export const PRINT_CSS = `
html, body { background: #e9ecf1; }
.jx-print-desk { min-height: 100vh; padding: 60px 0 40px; box-sizing: border-box; }
.jx-print-toolbar { position: fixed; top: 0; left: 0; right: 0; z-index: 10; height: 44px; padding: 0 16px;
  display: flex; align-items: center; gap: 8px; background: #fff; border-bottom: 1px solid #dfe3e8;
  box-shadow: 0 1px 4px rgba(0,0,0,0.06); }
.jx-print-toolbar-title { flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; color: #5f6b7a; }
.jx-print-sheet { margin: 0 auto; background: #fff; box-shadow: 0 2px 12px rgba(0,0,0,0.12); box-sizing: border-box;
  padding: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }
.jx-print-sheet-portrait { width: 210mm; min-height: 297mm; }
.jx-print-sheet-landscape { width: 297mm; min-height: 210mm; }

/* The side padding keeps the outer half of the tables' right rule inside the printable area. */
.jx-doc { padding: 0 1pt; font-family: ${SONG_STACK}; font-size: 10.5pt; line-height: 1.35; color: #000;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.jx-doc-title { font-family: ${HEI_STACK}; font-size: 18pt; font-weight: bold; text-align: center; letter-spacing: 1pt;
  margin: 0; line-height: 1.3; }
.jx-doc-subtitle { text-align: center; font-size: 12pt; margin: 2pt 0 8pt; }
.jx-doc-meta { display: flex; justify-content: space-between; align-items: flex-end; gap: 12pt; margin-bottom: 3pt; }
.jx-doc-meta > span:last-child { white-space: nowrap; }

.jx-doc table { width: 100%; border-collapse: collapse; table-layout: fixed; }
.jx-doc table + table { margin-top: -0.75pt; }
.jx-doc th, .jx-doc td { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: middle; text-align: left;
  overflow-wrap: anywhere; word-break: break-word; white-space: pre-wrap; }
.jx-doc th, .jx-doc td.jx-doc-label { background: #f2f2f2; font-weight: bold; text-align: center; }
.jx-doc td.jx-doc-center { text-align: center; }
.jx-doc .jx-doc-num { text-align: center; font-variant-numeric: tabular-nums; white-space: nowrap; }
.jx-doc .jx-doc-amount { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.jx-doc .jx-doc-blank { color: transparent; }
.jx-doc thead { display: table-header-group; }
.jx-doc tfoot { display: table-footer-group; }
.jx-doc tr { break-inside: avoid; page-break-inside: avoid; }
.jx-doc tr.jx-doc-breakable { break-inside: auto; page-break-inside: auto; }

.jx-sign-box { position: relative; height: 22mm; }
.jx-sign-lines { position: absolute; left: 4pt; right: 4pt; bottom: 3pt; display: flex; flex-direction: column;
  align-items: flex-end; gap: 3pt; }
.jx-sign-names { display: flex; flex-wrap: wrap; justify-content: flex-end; gap: 2pt 12pt; }
.jx-sign-line { white-space: nowrap; }
.jx-sign-line i { display: inline-block; width: 20mm; border-bottom: 0.75pt solid #000; font-style: normal; }
.jx-doc-footer { margin-top: 5pt; font-size: 8pt; color: #666; text-align: right; break-before: avoid; page-break-before: avoid; }

@media print {
  html, body { background: #fff; }
  .jx-print-toolbar { display: none !important; }
  .jx-print-desk { min-height: 0; padding: 0; }
  .jx-print-sheet { width: auto; min-height: 0; padding: 0; margin: 0; box-shadow: none; }
}
`;
