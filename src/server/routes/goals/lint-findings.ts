import { allFindings, type FindingFilter, listFindings } from "../../../app/goals/list-findings";
import * as goalsChecks from "../../../contracts/goals-checks";
import { findingsWorkbook } from "../../../io/findings-export";
import { type Api, actorOf, type ServerContext } from "../../context";
import { sendXlsx } from "../../download";

const toFilter = (q: goalsChecks.FindingFilterQuery): FindingFilter => ({
  rule: q.rule,
  departmentCode: q.department,
  severity: q.severity,
  status: q.status,
  q: q.q,
});

export default function lintFindingsRoutes(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/goals/lint/findings",
    { config: { access: goalsChecks.listGoalFindings.access }, schema: goalsChecks.listGoalFindings.schema },
    async (req) =>
      listFindings(ctx.deps, actorOf(req), req.query.year, toFilter(req.query), req.query.page, req.query.pageSize),
  );
  app.get(
    "/api/v1/goals/lint/findings.xlsx",
    { config: { access: goalsChecks.exportGoalFindings.access }, schema: goalsChecks.exportGoalFindings.schema },
    async (req, reply) => {
      const found = await allFindings(ctx.deps, actorOf(req), req.query.year, toFilter(req.query));
      const buffer = await findingsWorkbook(found.rows, found.fiscalYear, found.rulesVersion);
      const name = `目标审核问题明细_${found.fiscalYear}.xlsx`;
      return sendXlsx(reply, `goal_findings_${found.fiscalYear}.xlsx`, name, buffer);
    },
  );
}
