import { AppError } from "../../core/errors";
import { checkText } from "../../core/report/check-text";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import { annualFigures } from "./annual-figures";

/**
 * 核对 a report written outside the system: its own arithmetic always; its recognised figures against the
 * data too when a year of the region is named.
 */
export async function checkReportText(deps: Deps, actor: Actor, input: { text: string; fiscalYear?: number }) {
  let values: Awaited<ReturnType<typeof annualFigures>> | undefined;
  if (input.fiscalYear !== undefined) {
    authorize(actor, "report.read");
    const years = await deps.uow.read.projects.years(actor.regionCode);
    if (!years.includes(input.fiscalYear))
      throw new AppError(
        "validation",
        "REQUEST_INVALID",
        `本区划没有${input.fiscalYear}年度的数据${years.length ? `（已有：${years.join("、")}）` : ""}，无法与数据核对`,
        { field: "fiscalYear" },
      );
    values = await annualFigures(deps, actor, input.fiscalYear);
  }
  return { fiscalYear: input.fiscalYear ?? null, findings: checkText(input.text, values) };
}
