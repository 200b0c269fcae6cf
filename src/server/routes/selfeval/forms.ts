import { actOnSelfEvalForm } from "../../../app/selfeval/act-on-form";
import { actOnSelfEvalForms } from "../../../app/selfeval/act-on-forms";
import { answerSelfEvalComment } from "../../../app/selfeval/answer-comment";
import { getSelfEvalFormReview } from "../../../app/selfeval/form-review";
import { getSelfEvalForm } from "../../../app/selfeval/get-form";
import { listSelfEvalForms } from "../../../app/selfeval/list-forms";
import { saveSelfEvalForm } from "../../../app/selfeval/save-form";
import * as s from "../../../contracts/selfeval";
import * as threads from "../../../contracts/selfeval-threads";
import { type Api, actorOf, type ServerContext } from "../../context";

/** Self-evaluation forms: the list with scores, one form, saving, the workflow and its review record. */
export default function selfEvalFormRoutes(app: Api, ctx: ServerContext) {
  app.get(
    "/api/v1/selfeval/forms",
    { config: { access: s.listSelfEvalForms.access }, schema: s.listSelfEvalForms.schema },
    async (req) => {
      const { q, year, ...rest } = req.query;
      const found = await listSelfEvalForms(ctx.deps, actorOf(req), { ...rest, fiscalYear: year, q: q || undefined });
      return { ...found, page: rest.page, pageSize: rest.pageSize };
    },
  );
  app.get(
    "/api/v1/selfeval/forms/:id",
    { config: { access: s.getSelfEvalForm.access }, schema: s.getSelfEvalForm.schema },
    async (req) => getSelfEvalForm(ctx.deps, actorOf(req), req.params.id),
  );
  app.put(
    "/api/v1/selfeval/forms/:id",
    { config: { access: s.saveSelfEvalForm.access }, schema: s.saveSelfEvalForm.schema },
    async (req) => saveSelfEvalForm(ctx.deps, actorOf(req), req.params.id, req.body),
  );
  app.post(
    "/api/v1/selfeval/forms/actions",
    { config: { access: s.actOnSelfEvalForms.access }, schema: s.actOnSelfEvalForms.schema },
    async (req) => actOnSelfEvalForms(ctx.deps, actorOf(req), req.body),
  );
  app.post(
    "/api/v1/selfeval/forms/:id/actions",
    { config: { access: s.actOnSelfEvalForm.access }, schema: s.actOnSelfEvalForm.schema },
    async (req) => actOnSelfEvalForm(ctx.deps, actorOf(req), req.params.id, req.body),
  );
  app.get(
    "/api/v1/selfeval/forms/:id/review",
    { config: { access: threads.getSelfEvalFormReview.access }, schema: threads.getSelfEvalFormReview.schema },
    async (req) => getSelfEvalFormReview(ctx.deps, actorOf(req), req.params.id),
  );
  app.put(
    "/api/v1/selfeval/forms/:id/comments/:commentId/answer",
    { config: { access: threads.answerSelfEvalComment.access }, schema: threads.answerSelfEvalComment.schema },
    async (req) => answerSelfEvalComment(ctx.deps, actorOf(req), req.params.id, req.params.commentId, req.body),
  );
}
