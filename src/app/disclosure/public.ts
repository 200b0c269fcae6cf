import type { Deps } from "../context";
import type { PublicItem, PublicVersion } from "./ports";

/**
 * The public portal's reads (信息公开网站, no account): only published versions, through the repository's public
 * queries, whose one FROM holds `status = 'published'`. Every address part is checked here before any query: a
 * region is six digits, a year 2000–2100, an id a positive PostgreSQL integer, a version number a positive
 * smallint; anything else finds nothing (null), exactly as an id of a draft or of another region does.
 */
const REGION = /^\d{6}$/;
const NUMBER = /^[1-9]\d{0,9}$/;

export const regionParam = (s: string): string | null => (REGION.test(s) ? s : null);
export const yearParam = (s: string): number | null => {
  if (!/^\d{4}$/.test(s)) return null;
  const y = Number(s);
  return y >= 2000 && y <= 2100 ? y : null;
};
export const idParam = (s: string): number | null => {
  if (!NUMBER.test(s)) return null;
  const n = Number(s);
  return n <= 2_147_483_647 ? n : null;
};
export const versionParam = (s: string): number | null => {
  const n = idParam(s);
  return n !== null && n <= 32_767 ? n : null;
};

/** What the portal's cached answers are valid for: anything newly published (or a region renamed) changes it. */
export const publicStamp = (deps: Deps) => deps.uow.read.disclosure.publicStamp();

/** The regions that have published something, with their years (newest first). */
export async function publicRegions(deps: Deps) {
  return deps.uow.read.disclosure.publicRegions();
}

/** A region with its years that have something published; null when it has none. */
export async function publicRegion(deps: Deps, region: string) {
  const found = (await deps.uow.read.disclosure.publicRegions()).find((r) => r.code === region);
  return found ?? null;
}

/** A region's year: the newest published version of each of its publications; null when there is none. */
export async function publicYear(
  deps: Deps,
  region: string,
  year: number,
): Promise<{ regionName: string; items: PublicItem[] } | null> {
  const [regionName, items] = await Promise.all([
    deps.uow.read.orgs.regionName(region),
    deps.uow.read.disclosure.publicYear(region, year),
  ]);
  return regionName === null || items.length === 0 ? null : { regionName, items };
}

/**
 * One published version (the newest when `number` is null) with every published version of the publication, for
 * the links to earlier ones and their 更正说明; null when there is no such published version in the region.
 */
export async function publicPublication(
  deps: Deps,
  region: string,
  id: number,
  number: number | null,
): Promise<{ regionName: string; version: PublicVersion; history: PublicItem[] } | null> {
  const read = deps.uow.read;
  const [regionName, version, history] = await Promise.all([
    read.orgs.regionName(region),
    read.disclosure.publicVersion(region, id, number),
    read.disclosure.publicHistory(region, id),
  ]);
  return regionName === null || version === null ? null : { regionName, version, history };
}

/** The newest published version of every publication of a region's year, with their tables (the data package). */
export async function publicYearBodies(
  deps: Deps,
  region: string,
  year: number,
): Promise<{ regionName: string; versions: PublicVersion[] } | null> {
  const [regionName, versions] = await Promise.all([
    deps.uow.read.orgs.regionName(region),
    deps.uow.read.disclosure.publicYearBodies(region, year),
  ]);
  return regionName === null || versions.length === 0 ? null : { regionName, versions };
}
