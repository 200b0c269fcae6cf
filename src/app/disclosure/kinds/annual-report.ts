import type { FigureFinding, PublicationBody, PublishedTable } from "../../../core/disclosure/types";
import { checkText } from "../../../core/report/check-text";
import { DEFAULT_TEMPLATE } from "../../../core/report/default-template";
import { FIGURE_BY_KEY, REPORT_SECTION_LABELS } from "../../../core/report/figures";
import type { Finding } from "../../../core/report/finding";
import type { ReportDocument } from "../../../core/report/render";
import type { ReportTemplate } from "../../../core/report/template";
import { draftAnnualReport } from "../../report/draft-annual-report";
import type { PublicationKindDef } from "./kind";

const runText = (runs: readonly { text: string }[]) => runs.map((r) => r.text).join("");

/** The drafted report as the publication's text: parts as headings, each run-in heading kept in its paragraph. */
export const reportBlocks = (doc: ReportDocument): NonNullable<PublicationBody["blocks"]> =>
  doc.blocks.map((b) =>
    b.type === "heading"
      ? { type: "heading1" as const, text: runText(b.runs) }
      : { type: "paragraph" as const, text: runText([...(b.lead ?? []), ...b.runs]) },
  );

/**
 * The text the check reads: what the portal prints, one paragraph a line: the introduction (which the drafter
 * types, so its figures are checked too) and the blocks.
 */
const bodyText = (body: PublicationBody) =>
  [...(body.intro.trim() === "" ? [] : [body.intro]), ...(body.blocks ?? []).map((b) => b.text)].join("\n");

const MISSING = /【无数据：([^】]*)】/g;

const asFinding = (f: Finding): FigureFinding => ({
  table: "报告正文",
  row: f.sentence,
  column: (f.figure && FIGURE_BY_KEY.get(f.figure)?.label) || "",
  printed: f.printed,
  expected: f.computed || null,
  message: f.message,
});

/**
 * 年度预算绩效管理工作报告 as a publication: the text drafted from finance's template (the default one at first)
 * and the data now; its figures as a table for the open data, each with its label and section. The check reads
 * the text as it will be published: every figure against the data at its printed precision, the text's own
 * shares and sums, a figure quoted twice, and every 【无数据】 left in it.
 */
export const annualReport: PublicationKindDef = {
  // The default title reads "2025年度预算绩效管理工作开展情况", as the seed titles its report.
  label: "预算绩效管理工作开展情况",
  derivesText: true,
  async prepare(deps, actor, { fiscalYear, template }) {
    const draft = await draftAnnualReport(deps, actor, {
      fiscalYear,
      template: (template as ReportTemplate | undefined) ?? DEFAULT_TEMPLATE,
    });
    const figures: PublishedTable = {
      key: "figures",
      title: `${fiscalYear}年度预算绩效管理工作报告中的数字`,
      columns: [
        { key: "section", title: "部分", type: "text" },
        { key: "figure", title: "指标", type: "text" },
        { key: "value", title: "数值", type: "text" },
        { key: "unit", title: "单位", type: "text" },
        { key: "key", title: "代码", type: "text" },
      ],
      rows: draft.figures
        .filter((f) => f.value !== null && f.unit !== "")
        .map((f) => ({
          section: REPORT_SECTION_LABELS[f.section as keyof typeof REPORT_SECTION_LABELS] ?? f.section,
          figure: f.label,
          value: f.value,
          unit: f.unit,
          key: f.key,
        })),
    };
    return { intro: "", blocks: reportBlocks(draft.document), tables: [figures], template: draft.template };
  },
  async check(deps, actor, body, fiscalYear) {
    const text = bodyText(body);
    const fresh = await draftAnnualReport(deps, actor, {
      fiscalYear,
      template: (body.template as ReportTemplate | undefined) ?? DEFAULT_TEMPLATE,
    });
    const found = checkText(text, fresh.values)
      .filter((f) => f.severity === "error")
      .map(asFinding);
    const missing = [...text.matchAll(MISSING)].map(
      (m): FigureFinding => ({
        table: "报告正文",
        row: m[0],
        column: m[1] ?? "",
        printed: m[0],
        expected: null,
        message: `“${m[1]}”没有数据：请先完成相应工作，或在模板中删去这句`,
      }),
    );
    // The figures table against the data now, as the other kinds' tables are checked.
    const stale = (body.tables[0]?.rows ?? []).flatMap((r): FigureFinding[] => {
      const now = fresh.figures.find((x) => x.key === r.key);
      return now && now.value !== null && now.value !== r.value
        ? [
            {
              table: body.tables[0]!.title,
              row: String(r.figure),
              column: "数值",
              printed: String(r.value),
              expected: String(now.value),
              message: `${r.figure}：数据已变为 ${now.value}${r.unit}，稿中为 ${r.value}${r.unit}，请“更新数据”`,
            },
          ]
        : [];
    });
    return [...found, ...missing, ...stale];
  },
};
