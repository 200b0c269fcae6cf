import { z } from "zod";
import { createLibraryEntry } from "../../../app/goals/library-create";
import { editLibraryEntry } from "../../../app/goals/library-edit";
import { exportLibrary } from "../../../app/goals/library-export";
import { listLibrary } from "../../../app/goals/library-list";
import { restoreLibraryEntry, retireLibraryEntry } from "../../../app/goals/library-retire";
import { LIBRARY_SORTS, type LibraryFilter } from "../../../app/ports";
import { yearInChina } from "../../../core/calendar";
import { INDICATOR_KINDS, OPERATORS } from "../../../core/goals/types";
import { libraryWorkbook } from "../../../io/library-export";
import { type Api, actorOf, type ServerContext } from "../../context";
import { idParam, paging, yearQuery } from "../query";

const bool = z.enum(["true", "false"]).transform((v) => v === "true");

const filterQuery = z.object({
  sector: z.string().trim().max(40).optional(),
  level1: z.string().trim().max(20).optional(),
  level2: z.string().trim().max(30).optional(),
  q: z.string().trim().max(100).optional(),
  curated: bool.optional(),
  retired: bool.optional(),
  sort: z.enum(LIBRARY_SORTS).default("recommended"),
  order: z.enum(["asc", "desc"]).default("desc"),
});

const toFilter = (q: z.infer<typeof filterQuery>): LibraryFilter => ({
  sector: q.sector || undefined,
  level1: q.level1 || undefined,
  level2: q.level2 || undefined,
  q: q.q || undefined,
  curated: q.curated,
  retired: q.retired,
});

// Lengths, markup and the template are checked by the use case, with messages naming the field.
const entryBody = z.object({
  fiscalYear: yearQuery.optional(),
  sector: z.string().max(200),
  level1: z.string().max(200),
  level2: z.string().max(200),
  name: z.string().max(1000),
  kind: z.enum(INDICATOR_KINDS),
  operator: z.enum(OPERATORS).nullable().default(null),
  unit: z.string().max(200).nullable().default(null),
  explanation: z.string().max(5000).nullable().default(null),
});
const versionBody = z.object({ version: z.number().int().positive() });

export default function indicatorLibraryRoutes(app: Api, ctx: ServerContext) {
  // The year whose indicator template an entry is checked against: the one the page works in, else this year.
  const withYear = <T extends { fiscalYear?: number | undefined }>(body: T) => ({
    ...body,
    fiscalYear: body.fiscalYear ?? yearInChina(ctx.deps.clock.now()),
  });

  app.get(
    "/api/v1/goals/library",
    {
      config: { access: "goal.read" },
      schema: {
        operationId: "listLibrary",
        tags: ["goals"],
        summary: "指标库：按行业、一级/二级指标、名称、来源、状态筛选，排序分页，附往年目标值",
        querystring: filterQuery.extend(paging),
      },
    },
    async (req) => {
      const { page, pageSize, sort, order } = req.query;
      return listLibrary(ctx.deps, actorOf(req), toFilter(req.query), { page, pageSize, sort, order });
    },
  );
  app.get(
    "/api/v1/goals/library/xlsx",
    {
      config: { access: "goal.read" },
      schema: {
        operationId: "exportLibrary",
        tags: ["goals"],
        summary: "导出当前筛选的指标库为 Excel",
        querystring: filterQuery,
      },
    },
    async (req, reply) => {
      const found = await exportLibrary(ctx.deps, actorOf(req), toFilter(req.query), req.query.sort, req.query.order);
      const buffer = await libraryWorkbook(found.rows, found.truncated);
      return reply
        .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header(
          "content-disposition",
          `attachment; filename="indicator_library.xlsx"; filename*=UTF-8''${encodeURIComponent("绩效指标库.xlsx")}`,
        )
        .send(buffer);
    },
  );
  app.post(
    "/api/v1/goals/library",
    {
      config: { access: "goal.configure" },
      schema: {
        operationId: "createLibraryEntry",
        tags: ["goals"],
        summary: "财政新增指标库指标（财政推荐）；一级、二级指标须在该年度指标体系中",
        body: entryBody,
      },
    },
    async (req) => createLibraryEntry(ctx.deps, actorOf(req), withYear(req.body)),
  );
  app.put(
    "/api/v1/goals/library/:id",
    {
      config: { access: "goal.configure" },
      schema: {
        operationId: "updateLibraryEntry",
        tags: ["goals"],
        summary: "财政修改指标（修改后即为财政推荐；须带 version）",
        params: idParam,
        body: entryBody.extend(versionBody.shape),
      },
    },
    async (req) => editLibraryEntry(ctx.deps, actorOf(req), req.params.id, withYear(req.body)),
  );
  app.post(
    "/api/v1/goals/library/:id/retire",
    {
      config: { access: "goal.configure" },
      schema: {
        operationId: "retireLibraryEntry",
        tags: ["goals"],
        summary: "停用指标：不再推荐，记录保留",
        params: idParam,
        body: versionBody,
      },
    },
    async (req) => retireLibraryEntry(ctx.deps, actorOf(req), req.params.id, req.body),
  );
  app.post(
    "/api/v1/goals/library/:id/restore",
    {
      config: { access: "goal.configure" },
      schema: {
        operationId: "restoreLibraryEntry",
        tags: ["goals"],
        summary: "恢复已停用的指标",
        params: idParam,
        body: versionBody,
      },
    },
    async (req) => restoreLibraryEntry(ctx.deps, actorOf(req), req.params.id, req.body),
  );
}
