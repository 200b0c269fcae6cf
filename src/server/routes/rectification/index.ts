import { actOnRectificationItem } from "../../../app/rectification/act-on-item";
import { getRectificationCounts } from "../../../app/rectification/counts";
import { getRectificationItem } from "../../../app/rectification/get-item";
import { getRectificationNotice } from "../../../app/rectification/get-notice";
import { issueRectificationNotice } from "../../../app/rectification/issue-notice";
import { listRectificationItems, listRectificationNotices } from "../../../app/rectification/list";
import * as m from "../../../contracts/rectification";
import { rectificationItemsWorkbook } from "../../../io/rectification-export";
import { type Api, actorOf, type ServerContext } from "../../context";
import { sendXlsx } from "../../download";

/** 整改: finance issues notices, the unit answers each item with evidence, finance accepts or returns it. */
export default function rectificationRoutes(app: Api, ctx: ServerContext) {
  app.post(
    "/api/v1/rectification/notices",
    { config: { access: m.issueRectificationNotice.access }, schema: m.issueRectificationNotice.schema },
    async (req, reply) => reply.status(201).send(await issueRectificationNotice(ctx.deps, actorOf(req), req.body)),
  );
  app.get(
    "/api/v1/rectification/notices",
    { config: { access: m.listRectificationNotices.access }, schema: m.listRectificationNotices.schema },
    async (req) => {
      const { sort, order, page, pageSize, year, ...filter } = req.query;
      const found = await listRectificationNotices(
        ctx.deps,
        actorOf(req),
        { ...filter, fiscalYear: year },
        { sort, order, page, pageSize },
      );
      return { ...found, page, pageSize };
    },
  );
  app.get(
    "/api/v1/rectification/notices/:id",
    { config: { access: m.getRectificationNotice.access }, schema: m.getRectificationNotice.schema },
    async (req) => getRectificationNotice(ctx.deps, actorOf(req), req.params.id),
  );
  app.get(
    "/api/v1/rectification/items",
    { config: { access: m.listRectificationItems.access }, schema: m.listRectificationItems.schema },
    async (req) => {
      const { sort, order, page, pageSize, year, ...filter } = req.query;
      const found = await listRectificationItems(
        ctx.deps,
        actorOf(req),
        { ...filter, fiscalYear: year },
        { sort, order, page, pageSize },
      );
      return { ...found, page, pageSize };
    },
  );
  app.get(
    "/api/v1/rectification/items/export.xlsx",
    { config: { access: m.exportRectificationItems.access }, schema: m.exportRectificationItems.schema },
    async (req, reply) => {
      const { sort, order, year, ...filter } = req.query;
      const found = await listRectificationItems(
        ctx.deps,
        actorOf(req),
        { ...filter, fiscalYear: year },
        { sort, order, page: 1, pageSize: 5000 },
      );
      const buffer = await rectificationItemsWorkbook(found.rows, year ? `${year}年度整改事项` : "整改事项");
      return sendXlsx(reply, "rectification-items.xlsx", "整改事项.xlsx", buffer);
    },
  );
  app.get(
    "/api/v1/rectification/counts",
    { config: { access: m.getRectificationCounts.access }, schema: m.getRectificationCounts.schema },
    async (req) => getRectificationCounts(ctx.deps, actorOf(req), req.query.year),
  );
  app.get(
    "/api/v1/rectification/items/:id",
    { config: { access: m.getRectificationItem.access }, schema: m.getRectificationItem.schema },
    async (req) => getRectificationItem(ctx.deps, actorOf(req), req.params.id),
  );
  app.post(
    "/api/v1/rectification/items/:id/actions",
    { config: { access: m.actOnRectificationItem.access }, schema: m.actOnRectificationItem.schema },
    async (req) => actOnRectificationItem(ctx.deps, actorOf(req), req.params.id, req.body),
  );
}
