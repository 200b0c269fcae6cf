import { departmentScores } from "../../../app/results/department-scores";
import { getDeptScoreTemplate, saveDeptScoreTemplate } from "../../../app/results/dept-score-template";
import * as r from "../../../contracts/results-department-scores";
import { departmentScoresWorkbook } from "../../../io/department-scores-xlsx";
import { type Api, actorOf, type ServerContext } from "../../context";
import { sendXlsx } from "../../download";

/** 部门绩效考核: the year's table, its workbook, and the template's versions. */
export default function departmentScoreRoutes(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/results/department-scores",
    { config: { access: r.getDepartmentScores.access }, schema: r.getDepartmentScores.schema },
    async (req) => departmentScores(ctx.deps, actorOf(req), req.query.year),
  );
  app.get(
    "/api/v1/results/department-scores.xlsx",
    { config: { access: r.exportDepartmentScores.access }, schema: r.exportDepartmentScores.schema },
    async (req, reply) => {
      const body = await departmentScoresWorkbook(await departmentScores(ctx.deps, actorOf(req), req.query.year));
      const y = req.query.year;
      return sendXlsx(reply, `department-scores_${y}.xlsx`, `${y}年度部门绩效考核.xlsx`, body);
    },
  );
  app.get(
    "/api/v1/results/department-scores/template",
    { config: { access: r.getDeptScoreTemplate.access }, schema: r.getDeptScoreTemplate.schema },
    async (req) => getDeptScoreTemplate(ctx.deps, actorOf(req), req.query.year),
  );
  app.put(
    "/api/v1/results/department-scores/template",
    { config: { access: r.saveDeptScoreTemplate.access }, schema: r.saveDeptScoreTemplate.schema },
    async (req) => saveDeptScoreTemplate(ctx.deps, actorOf(req), req.query.year, req.body),
  );
}
