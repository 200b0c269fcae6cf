import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import {
  idParam,
  publicPublication,
  publicRegion,
  publicRegions,
  publicStamp,
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

/** What a portal address answers: a page or file, or null for the one 404 page. */
interface Answer {
  type: string;
  body: string;
  cache: string;
  /** A file to save (CSV): its ASCII and Chinese names. */
  download?: { asciiName: string; name: string };
}

interface Cached extends Answer {
  etag: string;
  stamp: string;
}

const etagOf = (body: string) => `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;

function send(req: FastifyRequest, reply: FastifyReply, a: Cached) {
  reply.header("cache-control", a.cache).header("etag", a.etag);
  if (req.headers["if-none-match"] === a.etag) return reply.status(304).send();
  if (a.download) return sendDownload(reply, { mediaType: a.type, ...a.download, body: Buffer.from(a.body) });
  return reply.header("content-type", a.type).send(a.body);
}

const notFound = (reply: FastifyReply) =>
  reply.status(404).header("cache-control", "no-store").header("content-type", HTML).send(NOT_FOUND_PAGE);

/**
 * Answers kept in memory by address while nothing new is published (one small query proves it): the portal is
 * read far more than it changes, and a published version never changes. Bounded in entries and in size.
 */
const MAX_ENTRIES = 2_000;
const MAX_BODY = 2 * 1024 * 1024;
/** Characters kept in all (about 2 bytes each): junk query strings can churn the cache but not grow it. */
const MAX_TOTAL = 32 * 1024 * 1024;

class AnswerCache {
  private readonly entries = new Map<string, Cached>();
  private total = 0;
  get(key: string, stamp: string): Cached | undefined {
    const hit = this.entries.get(key);
    if (!hit || hit.stamp !== stamp) return undefined;
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit;
  }
  set(key: string, value: Cached) {
    if (value.body.length > MAX_BODY) return;
    this.drop(key);
    this.entries.set(key, value);
    this.total += value.body.length;
    while (this.entries.size > MAX_ENTRIES || this.total > MAX_TOTAL) this.drop(this.entries.keys().next().value!);
  }
  private drop(key: string) {
    const old = this.entries.get(key);
    if (!old) return;
    this.total -= old.body.length;
    this.entries.delete(key);
  }
}

const FILE = /^([0-9]+)(?:\.(csv|json))?$/;
const DATA_FILE = /^([0-9]+)-v([0-9]+)-([0-9]+)\.csv$/;

export default function publicPortal(app: Api, ctx: ServerContext) {
  const deps = ctx.deps;
  const opts = { schema: { hide: true }, config: { access: "public" as const } };
  const cache = new AnswerCache();
  const get = (paths: string[], answer: (req: FastifyRequest) => Promise<Answer | null>) => {
    for (const path of paths)
      app.get(path, opts, async (req, reply) => {
        const stamp = await publicStamp(deps);
        const key = req.url;
        const hit = cache.get(key, stamp);
        if (hit) return send(req, reply, hit);
        const found = await answer(req);
        if (!found) return notFound(reply);
        const entry: Cached = { ...found, etag: etagOf(found.body), stamp };
        cache.set(key, entry);
        return send(req, reply, entry);
      });
  };
  const page = (body: string): Answer => ({ type: HTML, body, cache: PAGE_CACHE });

  get(["/public", "/public/"], async () => page(indexPage(await publicRegions(deps))));

  get(["/public/:region", "/public/:region/"], async (req) => {
    const region = regionParam((req.params as { region: string }).region);
    const found = region === null ? null : await publicRegion(deps, region);
    return found ? page(regionPage(found)) : null;
  });

  get(["/public/:region/:year", "/public/:region/:year/"], async (req) => {
    const p = req.params as { region: string; year: string };
    const region = regionParam(p.region);
    const year = yearParam(p.year);
    const found = region === null || year === null ? null : await publicYear(deps, region, year);
    return found && region !== null && year !== null
      ? page(yearPage(region, found.regionName, year, found.items))
      : null;
  });

  get(["/public/:region/:year/datapackage.json"], async (req) => {
    const p = req.params as { region: string; year: string };
    const region = regionParam(p.region);
    const year = yearParam(p.year);
    const found = region === null || year === null ? null : await publicYearBodies(deps, region, year);
    if (!found || region === null || year === null) return null;
    const descriptor = dataPackage({ code: region, name: found.regionName }, year, found.versions);
    return { type: "application/json; charset=utf-8", body: JSON.stringify(descriptor, null, 2), cache: PAGE_CACHE };
  });

  /** A published version's table as a CSV file: it never changes. */
  const csv = (asciiName: string, name: string, body: string): Answer => ({
    type: "text/csv; charset=utf-8",
    body,
    cache: FROZEN_CACHE,
    download: { asciiName, name },
  });

  // A table of the year's data package: data/<publication>-v<version>-<table number>.csv (a published version's
  // file, so it never changes).
  get(["/public/:region/:year/data/:file"], async (req) => {
    const p = req.params as { region: string; year: string; file: string };
    const region = regionParam(p.region);
    const year = yearParam(p.year);
    const m = DATA_FILE.exec(p.file);
    const id = m ? idParam(m[1]!) : null;
    const number = m ? versionParam(m[2]!) : null;
    const index = m ? versionParam(m[3]!) : null;
    if (region === null || year === null || id === null || number === null || index === null) return null;
    const found = await publicPublication(deps, region, id, number);
    const table = found?.version.body.tables[index - 1];
    if (!found || found.version.fiscalYear !== year || !table) return null;
    return csv(`p${id}-v${number}-${index}.csv`, `${found.version.title}-${table.title}.csv`, tableCsv(table));
  });

  get(["/public/:region/p/:id", "/public/:region/p/:id/v/:file"], async (req) => {
    const p = req.params as { region: string; id: string; file?: string };
    const region = regionParam(p.region);
    const id = idParam(p.id);
    const m = p.file === undefined ? null : FILE.exec(p.file);
    const number = m ? versionParam(m[1]!) : null;
    const format = m?.[2] ?? "html";
    if (region === null || id === null || (p.file !== undefined && number === null)) return null;
    const found = await publicPublication(deps, region, id, number);
    if (!found) return null;
    const v = found.version;
    if (format === "csv") {
      const key = (req.query as { table?: unknown }).table;
      const table = v.body.tables.find((t) => t.key === key);
      if (!table) return null;
      return csv(
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
      return { type: "application/json; charset=utf-8", body: json, cache: FROZEN_CACHE };
    }
    return page(publicationPage(region, found.regionName, v, found.history));
  });

  // Every other address under /public: the same page as a draft's.
  for (const path of ["/public/*"]) app.get(path, opts, async (_req, reply) => notFound(reply));
}
