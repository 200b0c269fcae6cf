import { dateInChina } from "../../core/calendar";
import { AppError } from "../../core/errors";
import { scopeIncludesOrg } from "../../core/scope";
import type { Actor, Deps } from "../context";
import { compareScores, viewerOf } from "./read-review";
import { selfEvalRulesFor } from "./selfeval-rules";

/**
 * The guidance letter (指导意见书) to one organisation after the spot-check review: its confirmed reviews
 * (the forms it fills: a unit's projects, a department's own budget and projects), each with the self and
 * review score, the items the review scored differently with the reviewer's comment, and the guidance. A
 * unit or department gets its own; finance any organisation's. io/guidance-letter-docx.ts writes the file.
 */
export async function guidanceLetter(deps: Deps, actor: Actor, input: { fiscalYear: number; orgId: number }) {
  const viewer = viewerOf(actor);
  const repos = deps.uow.read;
  const org = await repos.orgs.byId(input.orgId);
  if (!org || org.regionCode !== actor.regionCode || (org.kind !== "unit" && org.kind !== "department"))
    throw new AppError("not_found", "NOT_FOUND", "没有该单位");
  const rules = await selfEvalRulesFor(repos, actor.regionCode, input.fiscalYear);
  const records = (
    await repos.selfevalReviews.reviews(viewer, { fiscalYear: input.fiscalYear, status: "confirmed" })
  ).filter(
    (r) => (r.subjectKind === "deptWide" || r.unit.id === r.department.id ? r.department.id : r.unit.id) === org.id,
  );
  if (records.length === 0)
    // An organisation outside the viewer's scope is not named: its name is not theirs to learn.
    throw scopeIncludesOrg(viewer.scope, org)
      ? new AppError("not_found", "NOT_FOUND", `${org.name}没有已确认的${input.fiscalYear}年度抽查复核结果`)
      : new AppError("not_found", "NOT_FOUND", "没有该单位");
  const forms = new Map(
    (
      await repos.selfeval.details(
        { kind: "region", regionCode: actor.regionCode },
        { fiscalYear: input.fiscalYear, ids: records.map((r) => r.formId) },
      )
    ).map((f) => [f.id, f]),
  );
  const region = await repos.orgs.regionName(actor.regionCode);
  return {
    fileName: `${input.fiscalYear}年度自评抽查复核指导意见_${org.name}.docx`,
    asciiName: `review-guidance_${input.fiscalYear}_${org.code}.docx`,
    letter: {
      fiscalYear: input.fiscalYear,
      issuer: `${region ?? ""}财政局`,
      unitName: org.name,
      firmNames: [...new Set(records.flatMap((r) => (r.firm ? [r.firm.name] : [])))],
      date: dateInChina(deps.clock.now()).replace(
        /^(\d{4})-(\d{2})-(\d{2})$/,
        (_m, y, mo, d) => `${y}年${Number(mo)}月${Number(d)}日`,
      ),
      items: records.flatMap((r) => {
        const form = forms.get(r.formId);
        if (!form) return [];
        const s = compareScores(r, form, rules);
        const self = new Map(s.self.items.map((x) => [x.uid, x]));
        const names = new Map(form.items.map((i) => [i.uid, i.name]));
        return [
          {
            code: r.code,
            name: r.name,
            selfTotal: s.self.total,
            reviewTotal: s.review.total,
            reviewGrade: s.review.grade ? rules.gradeLabels[s.review.grade] : null,
            guidance: r.guidance,
            findings: r.items
              .filter((i) => (i.comment ?? "").trim() !== "")
              .map((i) => ({
                indicator: names.get(i.uid) ?? i.uid,
                selfPoints: self.get(i.uid)?.points ?? null,
                reviewPoints: i.points,
                comment: i.comment ?? "",
              })),
          },
        ];
      }),
    },
  };
}
