import { createLibraryEntry } from "../../../app/goals/library-create";
import { editLibraryEntry } from "../../../app/goals/library-edit";
import { exportLibrary } from "../../../app/goals/library-export";
import { listLibrary } from "../../../app/goals/library-list";
import { restoreLibraryEntry, retireLibraryEntry } from "../../../app/goals/library-retire";
import type { LibraryFilter } from "../../../app/goals/ports";
import * as goalsLibrary from "../../../contracts/goals-library";
import { yearInChina } from "../../../core/calendar";
import { libraryWorkbook } from "../../../io/library-export";
import { type Api, actorOf, type ServerContext } from "../../context";
import { sendXlsx } from "../../download";

const toFilter = (q: goalsLibrary.LibraryFilterQuery): LibraryFilter => ({
  sector: q.sector || undefined,
  level1: q.level1 || undefined,
  level2: q.level2 || undefined,
  q: q.q || undefined,
  curated: q.curated,
  retired: q.retired,
});

export default function indicatorLibraryRoutes(app: Api, ctx: ServerContext) {
  // The year whose indicator template an entry is checked against: the one the page works in, else this year.
  const withYear = <T extends { fiscalYear?: number | undefined }>(body: T) => ({
    ...body,
    fiscalYear: body.fiscalYear ?? yearInChina(ctx.deps.clock.now()),
  });

  app.get(
    "/api/v1/goals/library",
    { config: { access: goalsLibrary.listLibrary.access }, schema: goalsLibrary.listLibrary.schema },
    async (req) => {
      const { page, pageSize, sort, order } = req.query;
      return listLibrary(ctx.deps, actorOf(req), toFilter(req.query), { page, pageSize, sort, order });
    },
  );
  app.get(
    "/api/v1/goals/library/xlsx",
    { config: { access: goalsLibrary.exportLibrary.access }, schema: goalsLibrary.exportLibrary.schema },
    async (req, reply) => {
      const found = await exportLibrary(ctx.deps, actorOf(req), toFilter(req.query), req.query.sort, req.query.order);
      const buffer = await libraryWorkbook(found.rows, found.truncated);
      return sendXlsx(reply, "indicator_library.xlsx", "绩效指标库.xlsx", buffer);
    },
  );
  app.post(
    "/api/v1/goals/library",
    { config: { access: goalsLibrary.createLibraryEntry.access }, schema: goalsLibrary.createLibraryEntry.schema },
    async (req) => createLibraryEntry(ctx.deps, actorOf(req), withYear(req.body)),
  );
  app.put(
    "/api/v1/goals/library/:id",
    { config: { access: goalsLibrary.updateLibraryEntry.access }, schema: goalsLibrary.updateLibraryEntry.schema },
    async (req) => editLibraryEntry(ctx.deps, actorOf(req), req.params.id, withYear(req.body)),
  );
  app.post(
    "/api/v1/goals/library/:id/retire",
    { config: { access: goalsLibrary.retireLibraryEntry.access }, schema: goalsLibrary.retireLibraryEntry.schema },
    async (req) => retireLibraryEntry(ctx.deps, actorOf(req), req.params.id, req.body),
  );
  app.post(
    "/api/v1/goals/library/:id/restore",
    { config: { access: goalsLibrary.restoreLibraryEntry.access }, schema: goalsLibrary.restoreLibraryEntry.schema },
    async (req) => restoreLibraryEntry(ctx.deps, actorOf(req), req.params.id, req.body),
  );
}
