import { actOnReview } from "../../../app/selfeval/act-on-review";
import { assignReviews } from "../../../app/selfeval/assign-reviews";
import { drawReviewSample, getReviewDraw } from "../../../app/selfeval/draw-sample";
import { addConflict, listFirms, removeConflict } from "../../../app/selfeval/firms";
import { guidanceLetter } from "../../../app/selfeval/guidance-letter";
import { listReviews, reviewRows } from "../../../app/selfeval/list-reviews";
import { readReview } from "../../../app/selfeval/read-review";
import { reviewStats } from "../../../app/selfeval/review-stats";
import { saveReview } from "../../../app/selfeval/save-review";
import * as r from "../../../contracts/selfeval-review";
import { guidanceLetterDocx } from "../../../io/guidance-letter-docx";
import { reviewResultsWorkbook } from "../../../io/review-results-export";
import { type Api, actorOf, type ServerContext } from "../../context";
import { sendDownload, sendXlsx } from "../../download";

/** 抽查复核: the sample, firms and conflicts, assignment, re-scoring, confirmation, statistics. */
export default function reviewRoutes(app: Api, ctx: ServerContext) {
  app.post(
    "/api/v1/review/draws",
    { config: { access: r.drawReviewSample.access }, schema: r.drawReviewSample.schema },
    async (req) => drawReviewSample(ctx.deps, actorOf(req), req.body),
  );
  app.get(
    "/api/v1/review/draws",
    { config: { access: r.getReviewDraw.access }, schema: r.getReviewDraw.schema },
    async (req) => getReviewDraw(ctx.deps, actorOf(req), req.query.year),
  );
  app.get(
    "/api/v1/review/firms",
    { config: { access: r.listReviewFirms.access }, schema: r.listReviewFirms.schema },
    async (req) => listFirms(ctx.deps, actorOf(req)),
  );
  app.post(
    "/api/v1/review/conflicts",
    { config: { access: r.addReviewConflict.access }, schema: r.addReviewConflict.schema },
    async (req) => addConflict(ctx.deps, actorOf(req), req.body),
  );
  app.delete(
    "/api/v1/review/conflicts/:id",
    { config: { access: r.removeReviewConflict.access }, schema: r.removeReviewConflict.schema },
    async (req, reply) => {
      await removeConflict(ctx.deps, actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  );
  app.post(
    "/api/v1/review/assignments",
    { config: { access: r.assignReviews.access }, schema: r.assignReviews.schema },
    async (req) => assignReviews(ctx.deps, actorOf(req), req.body),
  );
  app.get(
    "/api/v1/review/items",
    { config: { access: r.listReviews.access }, schema: r.listReviews.schema },
    async (req) => {
      const { year, q, ...rest } = req.query;
      const found = await listReviews(ctx.deps, actorOf(req), { ...rest, fiscalYear: year, q: q || undefined });
      return { ...found, page: rest.page, pageSize: rest.pageSize };
    },
  );
  app.get(
    "/api/v1/review/items.xlsx",
    { config: { access: r.exportReviewResults.access }, schema: r.exportReviewResults.schema },
    async (req, reply) => {
      const { year, q, ...rest } = req.query;
      const found = await reviewRows(ctx.deps, actorOf(req), { ...rest, fiscalYear: year, q: q || undefined });
      const body = await reviewResultsWorkbook({ fiscalYear: year, ...found });
      return sendXlsx(reply, `review-results_${year}.xlsx`, `${year}年度抽查复核结果.xlsx`, body);
    },
  );
  app.get(
    "/api/v1/review/items/:id",
    { config: { access: r.getReview.access }, schema: r.getReview.schema },
    async (req) => (await readReview(ctx.deps.uow.read, actorOf(req), req.params.id)).view,
  );
  app.put(
    "/api/v1/review/items/:id",
    { config: { access: r.saveReview.access }, schema: r.saveReview.schema },
    async (req) => saveReview(ctx.deps, actorOf(req), req.params.id, req.body),
  );
  app.post(
    "/api/v1/review/items/:id/actions",
    { config: { access: r.actOnReview.access }, schema: r.actOnReview.schema },
    async (req) => actOnReview(ctx.deps, actorOf(req), req.params.id, req.body),
  );
  app.get(
    "/api/v1/review/letter.docx",
    { config: { access: r.getGuidanceLetter.access }, schema: r.getGuidanceLetter.schema },
    async (req, reply) => {
      const found = await guidanceLetter(ctx.deps, actorOf(req), {
        fiscalYear: req.query.year,
        orgId: req.query.orgId,
      });
      const body = await guidanceLetterDocx(found.letter);
      return sendDownload(reply, { mediaType: r.DOCX, asciiName: found.asciiName, name: found.fileName, body });
    },
  );
  app.get(
    "/api/v1/review/stats",
    { config: { access: r.getReviewStats.access }, schema: r.getReviewStats.schema },
    async (req) => reviewStats(ctx.deps, actorOf(req), req.query.year),
  );
}
