import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import {
  idParam,
  publicPublication,
  publicRegion,
  publicRegions,
  publicYear,
  publicYearBodies,
  regionParam,
  versionParam,
  yearParam,
} from "../../../app/disclosure/public";
import { dataPackage } from "../../../core/disclosure/datapackage";
import { tableCsv } from "../../../io/public-csv";
import type { Api, ServerContext } from "../../context";
import { sendDownload } from "../../download";
import { indexPage, NOT_FOUND_PAGE, publicationPage, regionPage, yearPage } from "../../public/pages";

/**
 * 信息公开网站: the public portal, server-rendered, no account. It serves every region of the deployment under
 * its code (`/public/<region>/…`); `/public/` lists the regions with something published. Only published versions
 * are reachable: anything else (a draft, a submitted or returned version, another region's id, an id that is no
 * number or too large, a path that leads nowhere) is the same 404 page.
 *
 * Caching: pages and the year's data package change when something is published, so shared caches keep them five
 * minutes and revalidate by ETag; a version's CSV and JSON never change once published and are kept a day.
 */
const HTML = "text/html; charset=utf-8";
const PAGE_CACHE = "public, max-age=300";
const FROZEN_CACHE = "public, max-age=86400, immutable";

function send(req: FastifyRequest, reply: FastifyReply, type: string, body: string, cache: string) {
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
  reply.header("cache-control", cache).header("etag", etag).header("content-type", type);
  if (req.headers["if-none-match"] === etag) return reply.status(304).send();
  return reply.send(body);
}

const notFound = (reply: FastifyReply) =>
  reply.status(404).header("cache-control", "no-store").header("content-type", HTML).send(NOT_FOUND_PAGE);

const FILE = /^([0-9]+)(?:\.(csv|json))?$/;
const DATA_FILE = /^([0-9]+)-v([0-9]+)-([0-9]+)\.csv$/;

export default function publicPortal(app: Api, ctx: ServerContext) {
  const deps = ctx.deps;
  const opts = { schema: { hide: true }, config: { access: "public" as const } };
  const get = (paths: string[], handler: (req: FastifyRequest, reply: FastifyReply) => Promise<unknown>) => {
    for (const path of paths) app.get(path, opts, handler);
  };

  get(["/public", "/public/"], async (req, reply) =>
    send(req, reply, HTML, indexPage(await publicRegions(deps)), PAGE_CACHE),
  );

  get(["/public/:region", "/public/:region/"], async (req, reply) => {
    const region = regionParam((req.params as { region: string }).region);
    const found = region === null ? null : await publicRegion(deps, region);
    return found ? send(req, reply, HTML, regionPage(found), PAGE_CACHE) : notFound(reply);
  });

  get(["/public/:region/:year", "/public/:region/:year/"], async (req, reply) => {
    const p = req.params as { region: string; year: string };
    const region = regionParam(p.region);
    const year = yearParam(p.year);
    const found = region === null || year === null ? null : await publicYear(deps, region, year);
    return found && region !== null && year !== null
      ? send(req, reply, HTML, yearPage(region, found.regionName, year, found.items), PAGE_CACHE)
      : notFound(reply);
  });

  get(["/public/:region/:year/datapackage.json"], async (req, reply) => {
    const p = req.params as { region: string; year: string };
    const region = regionParam(p.region);
    const year = yearParam(p.year);
    const found = region === null || year === null ? null : await publicYearBodies(deps, region, year);
    if (!found || region === null || year === null) return notFound(reply);
    const descriptor = dataPackage({ code: region, name: found.regionName }, year, found.versions);
    return send(req, reply, "application/json; charset=utf-8", JSON.stringify(descriptor, null, 2), PAGE_CACHE);
  });

  // A table of the year's data package: data/<publication>-v<version>-<table number>.csv (a published version's
  // file, so it never changes).
  get(["/public/:region/:year/data/:file"], async (req, reply) => {
    const p = req.params as { region: string; year: string; file: string };
    const region = regionParam(p.region);
    const year = yearParam(p.year);
    const m = DATA_FILE.exec(p.file);
    const id = m ? idParam(m[1]!) : null;
    const number = m ? versionParam(m[2]!) : null;
    const index = m ? versionParam(m[3]!) : null;
    if (region === null || year === null || id === null || number === null || index === null) return notFound(reply);
    const found = await publicPublication(deps, region, id, number);
    const table = found?.version.body.tables[index - 1];
    if (!found || found.version.fiscalYear !== year || !table) return notFound(reply);
    return csv(
      req,
      reply,
      `p${id}-v${number}-${index}.csv`,
      `${found.version.title}-${table.title}.csv`,
      tableCsv(table),
    );
  });

  const csv = (req: FastifyRequest, reply: FastifyReply, asciiName: string, name: string, body: string) => {
    const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
    reply.header("cache-control", FROZEN_CACHE).header("etag", etag);
    if (req.headers["if-none-match"] === etag) return reply.status(304).send();
    return sendDownload(reply, { mediaType: "text/csv; charset=utf-8", asciiName, name, body: Buffer.from(body) });
  };

  get(["/public/:region/p/:id", "/public/:region/p/:id/v/:file"], async (req, reply) => {
    const p = req.params as { region: string; id: string; file?: string };
    const region = regionParam(p.region);
    const id = idParam(p.id);
    const m = p.file === undefined ? null : FILE.exec(p.file);
    const number = m ? versionParam(m[1]!) : null;
    const format = m?.[2] ?? "html";
    if (region === null || id === null || (p.file !== undefined && number === null)) return notFound(reply);
    const found = await publicPublication(deps, region, id, number);
    if (!found) return notFound(reply);
    const v = found.version;
    if (format === "csv") {
      const key = (req.query as { table?: unknown }).table;
      const table = v.body.tables.find((t) => t.key === key);
      if (!table) return notFound(reply);
      return csv(
        req,
        reply,
        `p${id}-v${v.number}-${v.body.tables.indexOf(table) + 1}.csv`,
        `${v.title}-${table.title}.csv`,
        tableCsv(table),
      );
    }
    if (format === "json") {
      const { body, ...about } = v;
      const json = JSON.stringify(
        { ...about, region: { code: region, name: found.regionName }, amountUnit: "分", body },
        null,
        2,
      );
      return send(req, reply, "application/json; charset=utf-8", json, FROZEN_CACHE);
    }
    return send(req, reply, HTML, publicationPage(region, found.regionName, v, found.history), PAGE_CACHE);
  });

  // Every other address under /public: the same page as a draft's.
  get(["/public/*"], async (_req, reply) => notFound(reply));
}
