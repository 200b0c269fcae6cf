import { evaluationSummary } from "../../../app/evaluations/summary";
import * as s from "../../../contracts/evaluations-summary";
import { evaluationSummaryWorkbook } from "../../../io/evaluation-summary-xlsx";
import { type Api, actorOf, type ServerContext } from "../../context";
import { sendXlsx } from "../../download";

/** The year's evaluation summary and its workbook. */
export default function evaluationSummaryRoutes(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/evaluations/summary",
    { config: { access: s.getEvaluationSummary.access }, schema: s.getEvaluationSummary.schema },
    async (req) => evaluationSummary(ctx.deps, actorOf(req), req.query.year),
  );
  app.get(
    "/api/v1/evaluations/summary.xlsx",
    { config: { access: s.exportEvaluationSummary.access }, schema: s.exportEvaluationSummary.schema },
    async (req, reply) => {
      const body = await evaluationSummaryWorkbook(await evaluationSummary(ctx.deps, actorOf(req), req.query.year));
      const y = req.query.year;
      return sendXlsx(reply, `evaluation-summary_${y}.xlsx`, `${y}年度绩效评价汇总.xlsx`, body);
    },
  );
}
