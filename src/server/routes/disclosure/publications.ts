import { approvePublication } from "../../../app/disclosure/approve";
import { listApprovers } from "../../../app/disclosure/approvers";
import { checkPublication } from "../../../app/disclosure/check";
import { editPublicationDraft } from "../../../app/disclosure/edit-draft";
import { getPublication } from "../../../app/disclosure/get";
import { listPublications } from "../../../app/disclosure/list";
import { preparePublication } from "../../../app/disclosure/prepare";
import { refreshPublicationData } from "../../../app/disclosure/refresh-data";
import { returnPublication } from "../../../app/disclosure/return";
import { startCorrection } from "../../../app/disclosure/start-correction";
import { submitPublication } from "../../../app/disclosure/submit";
import * as m from "../../../contracts/disclosure";
import { type Api, actorOf, type ServerContext } from "../../context";

/** 信息公开 (signed in): prepare, edit, refresh, submit, approve or return, correct; lists, details and the check. */
export default function disclosureRoutes(app: Api, ctx: ServerContext) {
  const base = "/api/v1/disclosure/publications";
  app.get(base, { config: { access: m.listPublications.access }, schema: m.listPublications.schema }, async (req) => {
    const { sort, order, page, pageSize, year, ...filter } = req.query;
    const found = await listPublications(
      ctx.deps,
      actorOf(req),
      { ...filter, fiscalYear: year },
      { sort, order, page, pageSize },
    );
    return { ...found, page, pageSize };
  });
  app.post(
    base,
    { config: { access: m.preparePublication.access }, schema: m.preparePublication.schema },
    async (req, reply) => reply.status(201).send(await preparePublication(ctx.deps, actorOf(req), req.body)),
  );
  app.get(
    "/api/v1/disclosure/approvers",
    { config: { access: m.listApprovers.access }, schema: m.listApprovers.schema },
    async (req) => listApprovers(ctx.deps, actorOf(req)),
  );
  app.get(
    `${base}/:id`,
    { config: { access: m.getPublication.access }, schema: m.getPublication.schema },
    async (req) => getPublication(ctx.deps, actorOf(req), req.params.id),
  );
  app.get(
    `${base}/:id/check`,
    { config: { access: m.checkPublication.access }, schema: m.checkPublication.schema },
    async (req) => checkPublication(ctx.deps, actorOf(req), req.params.id),
  );
  app.put(
    `${base}/:id/draft`,
    { config: { access: m.editPublicationDraft.access }, schema: m.editPublicationDraft.schema },
    async (req) => editPublicationDraft(ctx.deps, actorOf(req), req.params.id, req.body),
  );
  app.post(
    `${base}/:id/refresh`,
    { config: { access: m.refreshPublicationData.access }, schema: m.refreshPublicationData.schema },
    async (req) => refreshPublicationData(ctx.deps, actorOf(req), req.params.id, req.body),
  );
  app.post(
    `${base}/:id/submit`,
    { config: { access: m.submitPublication.access }, schema: m.submitPublication.schema },
    async (req) => submitPublication(ctx.deps, actorOf(req), req.params.id, req.body),
  );
  app.post(
    `${base}/:id/approve`,
    { config: { access: m.approvePublication.access }, schema: m.approvePublication.schema },
    async (req) => approvePublication(ctx.deps, actorOf(req), req.params.id, req.body),
  );
  app.post(
    `${base}/:id/return`,
    { config: { access: m.returnPublication.access }, schema: m.returnPublication.schema },
    async (req) => returnPublication(ctx.deps, actorOf(req), req.params.id, req.body),
  );
  app.post(
    `${base}/:id/corrections`,
    { config: { access: m.startCorrection.access }, schema: m.startCorrection.schema },
    async (req, reply) =>
      reply.status(201).send(await startCorrection(ctx.deps, actorOf(req), req.params.id, req.body)),
  );
}
