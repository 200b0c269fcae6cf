import { Tooltip } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { ReportDocument, ReportFigure, ReportRun } from "../../api/report/annual";
import { HEI_STACK, SONG_STACK } from "../print/printCss";
import { blockRuns, type FindingTarget, type Piece, pieces, type Span } from "./reportText";

/** 公文 fonts: 仿宋 for the body, 楷体 for the run-in headings, 黑体 for the title and the parts (as the Word file). */
const FANG_STACK = `"仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", ${SONG_STACK}`;
const KAI_STACK = `"楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", ${SONG_STACK}`;

/**
 * The printed page: A4 with the margins of GB/T 9704 (37 mm top, 28 mm left, 26 mm right, 35 mm bottom),
 * 三号 (16pt) type on a 28pt line, 28 characters a line, as the Word file. Printed, only the sheet remains.
 */
export const REPORT_CSS = `
.jx-rp-desk { background: #eef0f3; padding: 20px 12px; border-radius: 6px; overflow-x: auto; }
.jx-rp-sheet { width: 210mm; min-height: 297mm; margin: 0 auto; padding: 37mm 26mm 35mm 28mm; box-sizing: border-box;
  background: #fff; box-shadow: 0 2px 12px rgba(0,0,0,0.12); color: #000; font-family: ${FANG_STACK};
  font-size: 16pt; line-height: 28pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.jx-rp-title { font-family: ${HEI_STACK}; font-size: 22pt; line-height: 1.45; font-weight: normal; text-align: center;
  margin: 0 0 28pt; color: #000; text-wrap: balance; }
.jx-rp-h1 { font-family: ${HEI_STACK}; font-size: 16pt; line-height: 28pt; font-weight: normal; text-indent: 2em; margin: 0; color: #000; }
.jx-rp-p { text-indent: 2em; text-align: justify; margin: 0; }
.jx-rp-lead { font-family: ${KAI_STACK}; }
.jx-rp-block { border-radius: 2px; scroll-margin: 120px; }
a.jx-rp-fig, a.jx-rp-fig:visited { color: inherit; text-decoration: underline dotted #1677ff; text-decoration-thickness: 1.5px;
  text-underline-offset: 5px; }
a.jx-rp-fig:hover, a.jx-rp-fig:focus-visible { color: #0958d9; background: #e6f4ff; }
.jx-rp-missing { background: #ffe58f; color: #000; padding: 0 1px; }
.jx-rp-flag { text-decoration: underline wavy #ff4d4f !important; text-decoration-thickness: 1.5px !important;
  text-underline-offset: 5px; }
.jx-rp-sentence { background: #fff1f0; }
.jx-rp-focus { background: #ffccc7 !important; outline: 2px solid #ff4d4f; outline-offset: 1px;
  animation: jx-rp-blink 0.5s ease-in-out 3; }
@keyframes jx-rp-blink { 50% { background: #ff7875; } }

@media (max-width: 767px) {
  .jx-rp-desk { padding: 0; background: none; }
  .jx-rp-sheet { width: auto; min-height: 0; padding: 16px 14px; font-size: 16px; line-height: 1.9; box-shadow: none;
    border: 1px solid #e5e8ed; }
  .jx-rp-title { font-size: 20px; margin-bottom: 16px; }
  .jx-rp-h1 { font-size: 16px; line-height: 1.9; }
}

@media print {
  @page { size: A4 portrait; margin: 37mm 26mm 35mm 28mm; }
  html, body, .ant-layout { background: #fff !important; }
  .ant-layout-header, .ant-layout-sider, .ant-breadcrumb, .jx-rp-noprint, .ant-tabs-nav, .ant-message,
  .ant-tooltip, .jx-content > .ant-typography { display: none !important; }
  .jx-rp-h1 { break-after: avoid; page-break-after: avoid; }
  .jx-rp-p { orphans: 2; widows: 2; }
  .jx-content { padding: 0 !important; }
  .jx-rp-desk { background: none; padding: 0; overflow: visible; }
  .jx-rp-sheet { width: auto; min-height: 0; padding: 0; box-shadow: none; border: 0; }
  a.jx-rp-fig { text-decoration: none; }
  .jx-rp-flag { text-decoration: none !important; }
  .jx-rp-sentence, .jx-rp-focus { background: none !important; outline: none; }
}
`;

export interface SheetProps {
  doc: ReportDocument;
  figures: readonly ReportFigure[];
  /** Where the check found something: the figure is underlined in red. */
  flagged: readonly FindingTarget[];
  /** The finding picked in the 核对 panel: its sentence and figure highlighted. */
  focus: FindingTarget | null;
  /** Changes on every pick, so that picking the same finding again blinks it again. */
  flash: number;
}

type Mark = Span & { name: string };

function figureNode(p: Piece, label: string | undefined, className: string): ReactNode {
  const { run } = p;
  if (run.missing)
    return (
      <Tooltip title="这个数字没有数据：请先完成相应工作，或在“编辑文字”中删去这句">
        <mark className={`jx-rp-missing ${className}`} data-figure={run.figure} data-testid="report-missing">
          {p.text}
        </mark>
      </Tooltip>
    );
  if (run.link)
    return (
      <Tooltip title={`${label ?? run.figure}（点击查看来源清单）`}>
        <Link to={run.link} className={`jx-rp-fig ${className}`} data-figure={run.figure} data-testid="report-figure">
          {p.text}
        </Link>
      </Tooltip>
    );
  return (
    <span className={className} data-figure={run.figure}>
      {p.text}
    </span>
  );
}

function Runs({
  runs,
  leadCount,
  marks,
  labels,
}: {
  runs: ReportRun[];
  leadCount: number;
  marks: Mark[];
  labels: ReadonlyMap<string, string>;
}) {
  return (
    <>
      {pieces(runs, marks).map((p, i) => {
        const className = [
          p.runIndex < leadCount ? "jx-rp-lead" : "",
          p.marks.includes("flag") ? "jx-rp-flag" : "",
          p.marks.includes("sentence") ? "jx-rp-sentence" : "",
          p.marks.includes("focus") ? "jx-rp-focus" : "",
        ]
          .filter(Boolean)
          .join(" ");
        const key = `${p.runIndex}:${i}`;
        if (p.run.figure) return <span key={key}>{figureNode(p, labels.get(p.run.figure), className)}</span>;
        return className ? (
          <span key={key} className={className}>
            {p.text}
          </span>
        ) : (
          <span key={key}>{p.text}</span>
        );
      })}
    </>
  );
}

/** The report as it will print: every computed figure a link to the list behind it, each missing one in yellow. */
export function ReportSheet({ doc, figures, flagged, focus, flash }: SheetProps) {
  const labels = new Map(figures.map((f) => [f.key, f.label]));
  const marksOf = (block: number): Mark[] => [
    ...flagged.filter((t) => t.block === block).map((t) => ({ ...t.figure, name: "flag" })),
    ...(focus?.block === block
      ? [...(focus.sentence ? [{ ...focus.sentence, name: "sentence" }] : []), { ...focus.figure, name: "focus" }]
      : []),
  ];
  return (
    <div className="jx-rp-desk">
      <style>{REPORT_CSS}</style>
      <article className="jx-rp-sheet" data-testid="report-sheet" key={flash}>
        <h1 className="jx-rp-title jx-rp-block" id="jx-rp-block--1" data-testid="report-title">
          <Runs runs={[{ text: doc.title }]} leadCount={0} marks={marksOf(-1)} labels={labels} />
        </h1>
        {doc.blocks.map((b, i) => {
          const runs = blockRuns(b);
          const leadCount = b.type === "paragraph" ? (b.lead?.length ?? 0) : 0;
          const Tag = b.type === "heading" ? "h2" : "p";
          return (
            <Tag
              // biome-ignore lint/suspicious/noArrayIndexKey: blocks have no identity but their place
              key={i}
              id={`jx-rp-block-${i}`}
              className={`${b.type === "heading" ? "jx-rp-h1" : "jx-rp-p"} jx-rp-block`}
              data-section={b.section}
            >
              <Runs runs={runs} leadCount={leadCount} marks={marksOf(i)} labels={labels} />
            </Tag>
          );
        })}
      </article>
    </div>
  );
}
