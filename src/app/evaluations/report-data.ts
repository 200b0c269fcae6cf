import { dateInChina } from "../../core/calendar";
import { AppError } from "../../core/errors";
import { draftReport, type EvaluationReportData } from "../../core/evaluations/report";
import { PROJECT_CATEGORY_LABELS } from "../../core/project";
import type { Actor, Deps, Repos } from "../context";
import type { EvaluationRecord } from "./ports";
import { mayReadReport } from "./present";
import { readEvaluation } from "./read-evaluation";

/** The report's data from the evaluation as stored: the submitted sheets only, the team from the expert pool. */
export async function reportData(repos: Repos, actor: Actor, e: EvaluationRecord): Promise<EvaluationReportData> {
  const expertIds = e.members.flatMap((m) => (m.expert ? [m.expert.id] : []));
  const [regionName, project, experts] = await Promise.all([
    repos.orgs.regionName(actor.regionCode),
    repos.projects.get({ kind: "region", regionCode: actor.regionCode }, e.project.id),
    expertIds.length > 0 ? repos.experts.many(actor.regionCode, expertIds) : Promise.resolve([]),
  ]);
  const pool = new Map(experts.map((x) => [x.id, x]));
  return {
    regionName: regionName ?? "",
    fiscalYear: e.fiscalYear,
    project: {
      code: e.project.code,
      name: e.project.name,
      department: e.department.name,
      unit: e.unit.name,
      amountFen: e.amount,
      category: project ? PROJECT_CATEGORY_LABELS[project.category] : "",
    },
    kind: e.kind,
    firmName: e.firm?.name ?? null,
    team: e.members.flatMap((m) => {
      if (!m.expert) return [];
      const x = pool.get(m.expert.id);
      return [
        {
          name: m.expert.name,
          employer: x?.employer ?? "",
          title: x?.title ?? "",
          fields: x?.fields ?? m.expert.fields,
          lead: m.isLead,
        },
      ];
    }),
    framework: e.framework.rows,
    sheets: e.members
      .filter((m) => m.submittedAt !== null)
      .map((m) => ({
        member: m.expert?.name ?? e.owner.name,
        points: Object.fromEntries(m.scores.map((s) => [s.uid, s.points])),
        comments: Object.fromEntries(m.scores.filter((s) => s.comment.trim() !== "").map((s) => [s.uid, s.comment])),
      })),
    override: e.overridePoints === null ? null : BigInt(Math.round(e.overridePoints * 100)),
    overrideReason: e.overrideReason,
    parts: {
      basics: e.report.basics ?? "",
      work: e.report.work ?? "",
      problems: e.report.problems ?? "",
      recommendations: e.report.recommendations ?? "",
    },
    finalisedOn: e.status === "final" && e.finalisedAt !== null ? dateInChina(new Date(e.finalisedAt)) : null,
  };
}

/** The report drafted from the data, for download as Word: 404 outside the viewer's evaluations, 403 too early. */
export async function evaluationReport(deps: Deps, actor: Actor, id: number) {
  const repos = deps.uow.read;
  const e = await readEvaluation(repos, actor, id);
  if (!mayReadReport(actor, e))
    throw new AppError(
      "forbidden",
      "EVALUATION_REPORT_NOT_YET",
      actor.role === "expert" ? "提交本人评分后才能查看评价报告（背靠背评分）" : "评价定稿后才能查看评价报告",
    );
  const report = draftReport(await reportData(repos, actor, e));
  const state = e.status === "final" ? "定稿" : "草稿";
  return {
    report,
    fileName: `${e.project.name}绩效评价报告（${state}）.docx`,
    asciiName: `evaluation-report_${e.project.code}_${e.status === "final" ? "final" : "draft"}.docx`,
  };
}
