import { z } from "zod";
import { allFindings, type FindingFilter, listFindings } from "../../../app/goals/list-findings";
import { findingsWorkbook } from "../../../io/findings-export";
import { type Api, actorOf, type ServerContext } from "../../context";
import { paging, yearQuery } from "../query";

const filterQuery = z.object({
  year: yearQuery,
  rule: z.string().max(60).optional(),
  department: z.string().max(20).optional(),
  severity: z.enum(["error", "warning"]).optional(),
  q: z.string().max(60).optional(),
});

const toFilter = (q: z.infer<typeof filterQuery>): FindingFilter => ({
  rule: q.rule,
  departmentCode: q.department,
  severity: q.severity,
  q: q.q,
});

export default function lintFindingsRoutes(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/goals/lint/findings",
    {
      config: { access: "goal.lint" },
      schema: {
        operationId: "listGoalFindings",
        tags: ["goals"],
        summary: "智能审核问题明细：按规则、部门、级别、项目筛选，分页",
        querystring: filterQuery.extend(paging),
      },
    },
    async (req) =>
      listFindings(ctx.deps, actorOf(req), req.query.year, toFilter(req.query), req.query.page, req.query.pageSize),
  );
  app.get(
    "/api/v1/goals/lint/findings.xlsx",
    {
      config: { access: "goal.lint" },
      schema: {
        operationId: "exportGoalFindings",
        tags: ["goals"],
        summary: "导出当前筛选的问题明细为 Excel",
        querystring: filterQuery,
      },
    },
    async (req, reply) => {
      const found = await allFindings(ctx.deps, actorOf(req), req.query.year, toFilter(req.query));
      const buffer = await findingsWorkbook(found.rows, found.fiscalYear, found.rulesVersion);
      const name = encodeURIComponent(`目标审核问题明细_${found.fiscalYear}.xlsx`);
      return reply
        .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header(
          "content-disposition",
          `attachment; filename="goal_findings_${found.fiscalYear}.xlsx"; filename*=UTF-8''${name}`,
        )
        .send(buffer);
    },
  );
}
