import { checkDocument } from "../../core/report/check-document";
import { DEFAULT_TEMPLATE } from "../../core/report/default-template";
import { FIGURES, type FigureValues } from "../../core/report/figures";
import { decimalText } from "../../core/report/numbers";
import { renderReport } from "../../core/report/render";
import { type ReportTemplate, validateTemplate } from "../../core/report/template";
import type { Actor, Deps } from "../context";
import { annualFigures } from "./annual-figures";

/**
 * 年度预算绩效管理工作开展情况: the region's year drafted from a template (the default one unless finance
 * gives its own) and the figures computed now, with the check of every figure it prints.
 */
export async function draftAnnualReport(
  deps: Deps,
  actor: Actor,
  input: { fiscalYear: number; template?: ReportTemplate },
) {
  const template = input.template ?? DEFAULT_TEMPLATE;
  validateTemplate(template);
  const values = await annualFigures(deps, actor, input.fiscalYear);
  const document = renderReport(template, values);
  return {
    fiscalYear: input.fiscalYear,
    template,
    values,
    document,
    figures: presentFigures(values),
    findings: checkDocument(document, values),
  };
}

/** Every figure the template may quote, with its value as printed by default and the list behind it. */
export const presentFigures = (values: FigureValues) =>
  FIGURES.map((f) => {
    const v = values[f.key];
    return {
      key: f.key,
      label: f.label,
      section: f.section,
      unit: f.unit,
      value: v === undefined ? null : "text" in v ? v.text : decimalText(v.exact, f.decimals ?? 0),
      link: v?.link ?? null,
    };
  });
