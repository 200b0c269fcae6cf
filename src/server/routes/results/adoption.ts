import { acknowledgeAdjustment } from "../../../app/results/acknowledge";
import { exportAdjustments, getAdjustment, listAdjustments, listAdoptions } from "../../../app/results/adjustments";
import { adoptRuleSet } from "../../../app/results/adopt";
import { listResultRuleSets, saveResultRuleSet } from "../../../app/results/rule-sets";
import { compareRuleSets, simulateRuleSet } from "../../../app/results/simulate-rule-set";
import { resultsSummary } from "../../../app/results/summary";
import * as m from "../../../contracts/results";
import { AppError } from "../../../core/errors";
import { adjustmentsWorkbook } from "../../../io/results-export";
import { type Api, actorOf, type ServerContext } from "../../context";
import { sendXlsx } from "../../download";

const yuanText = (fen: number) =>
  `${fen < 0 ? "-" : ""}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, "0")}`;

/** 结果应用: rule sets, simulation and comparison, adoption, the frozen list and its exports, the summary. */
export default function resultsRoutes(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/results/rule-sets",
    { config: { access: m.listResultRuleSets.access }, schema: m.listResultRuleSets.schema },
    async (req) => listResultRuleSets(ctx.deps, actorOf(req), req.query.year),
  );
  app.post(
    "/api/v1/results/rule-sets",
    { config: { access: m.saveResultRuleSet.access }, schema: m.saveResultRuleSet.schema },
    async (req, reply) => reply.status(201).send(await saveResultRuleSet(ctx.deps, actorOf(req), req.body)),
  );
  app.post(
    "/api/v1/results/simulations",
    { config: { access: m.simulateResultRuleSet.access }, schema: m.simulateResultRuleSet.schema },
    async (req) => simulateRuleSet(ctx.deps, actorOf(req), req.body.fiscalYear, req.body.ruleSetId),
  );
  app.post(
    "/api/v1/results/comparisons",
    { config: { access: m.compareResultRuleSets.access }, schema: m.compareResultRuleSets.schema },
    async (req) => compareRuleSets(ctx.deps, actorOf(req), req.body.fiscalYear, req.body.ruleSetIds),
  );
  app.post(
    "/api/v1/results/adoptions",
    { config: { access: m.adoptResultRuleSet.access }, schema: m.adoptResultRuleSet.schema },
    async (req, reply) => reply.status(201).send(await adoptRuleSet(ctx.deps, actorOf(req), req.body)),
  );
  app.get(
    "/api/v1/results/adoptions",
    { config: { access: m.listResultAdoptions.access }, schema: m.listResultAdoptions.schema },
    async (req) => listAdoptions(ctx.deps, actorOf(req), req.query.year),
  );
  app.get(
    "/api/v1/results/adjustments",
    { config: { access: m.listResultAdjustments.access }, schema: m.listResultAdjustments.schema },
    async (req) => {
      const { year, ...q } = req.query;
      const found = await listAdjustments(ctx.deps, actorOf(req), { ...q, fiscalYear: year });
      return { ...found, page: q.page, pageSize: q.pageSize };
    },
  );
  app.get(
    "/api/v1/results/adjustments/export.xlsx",
    { config: { access: m.exportResultAdjustments.access }, schema: m.exportResultAdjustments.schema },
    async (req, reply) => {
      const { year, ...q } = req.query;
      const found = await exportAdjustments(ctx.deps, actorOf(req), { ...q, fiscalYear: year });
      const title = found.adoption
        ? `${year + 1}年度预算调整清单（${found.adoption.ruleSet.name} 第${found.adoption.ruleSet.version}版，第${found.adoption.seq}次采纳）`
        : `${year + 1}年度预算调整清单（尚未采纳）`;
      const buffer = await adjustmentsWorkbook(found.rows, title);
      return sendXlsx(reply, `adjustments-${year + 1}.xlsx`, `${year + 1}年度预算调整清单.xlsx`, buffer);
    },
  );
  app.get(
    "/api/v1/results/adjustments/export.json",
    { config: { access: m.exportResultAdjustmentsJson.access }, schema: m.exportResultAdjustmentsJson.schema },
    async (req, reply) => {
      const { year, ...q } = req.query;
      const found = await exportAdjustments(ctx.deps, actorOf(req), { ...q, fiscalYear: year });
      if (!found.adoption) throw new AppError("not_found", "NOT_FOUND", `${year}年度尚未采纳结果应用清单`);
      void reply.header("content-disposition", `attachment; filename="adjustments-${year + 1}.json"`);
      return {
        budgetYear: year + 1,
        adoption: found.adoption,
        rows: found.rows.map((r) => ({
          projectCode: r.projectCode,
          projectName: r.projectName,
          departmentName: r.departmentName,
          unitName: r.unitName,
          action: r.action,
          requestFen: r.request,
          cutFen: r.cut,
          raiseFen: r.raise,
          newAmountFen: r.newAmount,
          request: yuanText(r.request),
          newAmount: yuanText(r.newAmount),
          reason: r.reason,
        })),
      };
    },
  );
  app.get(
    "/api/v1/results/adjustments/:id",
    { config: { access: m.getResultAdjustment.access }, schema: m.getResultAdjustment.schema },
    async (req) => getAdjustment(ctx.deps, actorOf(req), req.params.id),
  );
  app.post(
    "/api/v1/results/adjustments/:id/acknowledge",
    { config: { access: m.acknowledgeResultAdjustment.access }, schema: m.acknowledgeResultAdjustment.schema },
    async (req) => acknowledgeAdjustment(ctx.deps, actorOf(req), req.params.id),
  );
  app.get(
    "/api/v1/results/summary",
    { config: { access: m.getResultsSummary.access }, schema: m.getResultsSummary.schema },
    async (req) => resultsSummary(ctx.deps, actorOf(req), req.query.year),
  );
}
