import { evaluationCoverage } from "../../../app/evaluations/coverage";
import { exportExperts } from "../../../app/evaluations/experts";
import { firmLedger } from "../../../app/evaluations/firm-ledger";
import * as e from "../../../contracts/evaluations";
import { evaluationStatsWorkbook, expertsWorkbook } from "../../../io/evaluation-exports";
import { type Api, actorOf, type ServerContext } from "../../context";
import { sendXlsx } from "../../download";

/** Excel exports of the expert pool and of the year's evaluation statistics. */
export default function evaluationExportRoutes(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/evaluations/experts.xlsx",
    { config: { access: e.exportExperts.access }, schema: e.exportExperts.schema },
    async (req, reply) => {
      const { active, ...q } = req.query;
      const rows = await exportExperts(ctx.deps, actorOf(req), {
        ...q,
        active: active === undefined ? undefined : active === "true",
      });
      return sendXlsx(reply, "experts.xlsx", "专家库.xlsx", await expertsWorkbook(rows));
    },
  );
  app.get(
    "/api/v1/evaluations/stats.xlsx",
    { config: { access: e.exportEvaluationStats.access }, schema: e.exportEvaluationStats.schema },
    async (req, reply) => {
      const actor = actorOf(req);
      const year = req.query.year;
      const [coverage, ledger] = await Promise.all([
        evaluationCoverage(ctx.deps, actor, year),
        firmLedger(ctx.deps, actor, { fiscalYear: year }),
      ]);
      const file = await evaluationStatsWorkbook(coverage, ledger.firms);
      return sendXlsx(reply, `evaluation-stats-${year}.xlsx`, `${year}年度评价统计.xlsx`, file);
    },
  );
}
