import { and, eq, sql } from "drizzle-orm";
import type { OrgRecord, OrgRepo } from "../../app/org/ports";
import type { OrgKind } from "../../core/roles";
import type { Executor } from "../client";
import { orgs, regions } from "../schema";
import { rows } from "./rows";
import { orgScopeSql } from "./scope-sql";

interface OrgRow {
  id: number;
  region_code: string;
  code: string;
  name: string;
  kind: OrgKind;
  parent_id: number | null;
  path: string;
  sector: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  sort_order: number;
  version: number;
}

const fromRow = (r: OrgRow): OrgRecord => ({
  id: r.id,
  regionCode: r.region_code,
  code: r.code,
  name: r.name,
  kind: r.kind,
  parentId: r.parent_id,
  path: r.path,
  sector: r.sector,
  contactName: r.contact_name,
  contactPhone: r.contact_phone,
  sortOrder: r.sort_order,
  version: r.version,
});

const toRecord = (r: typeof orgs.$inferSelect): OrgRecord => ({
  id: r.id,
  regionCode: r.regionCode,
  code: r.code,
  name: r.name,
  kind: r.kind as OrgKind,
  parentId: r.parentId,
  path: r.path,
  sector: r.sector,
  contactName: r.contactName,
  contactPhone: r.contactPhone,
  sortOrder: r.sortOrder,
  version: r.version,
});

export function orgRepo(ex: Executor): OrgRepo {
  return {
    async listInScope(scope) {
      const list = await rows<OrgRow>(
        ex,
        sql`select id, region_code, code, name, kind, parent_id, path, sector, contact_name, contact_phone, sort_order, version
            from orgs o where ${orgScopeSql(scope)} order by sort_order, code`,
      );
      return list.map(fromRow);
    },
    async byId(id) {
      const [r] = await ex.select().from(orgs).where(eq(orgs.id, id));
      return r ? toRecord(r) : null;
    },
    async byCode(regionCode, code) {
      const [r] = await ex
        .select()
        .from(orgs)
        .where(and(eq(orgs.regionCode, regionCode), eq(orgs.code, code)));
      return r ? toRecord(r) : null;
    },
    async allInRegion(regionCode) {
      return (await ex.select().from(orgs).where(eq(orgs.regionCode, regionCode))).map(toRecord);
    },
    async insert(org) {
      const [r] = await ex.insert(orgs).values(org).returning();
      return toRecord(r!);
    },
    async update(id, version, patch) {
      const [r] = await ex
        .update(orgs)
        .set({ ...patch, version: sql`${orgs.version} + 1`, updatedAt: sql`app_now()` })
        .where(and(eq(orgs.id, id), eq(orgs.version, version)))
        .returning();
      return r ? toRecord(r) : null;
    },
    async ensureRegion(code, name) {
      await ex.insert(regions).values({ code, name }).onConflictDoNothing();
    },
    async listRegions() {
      return ex.select({ code: regions.code, name: regions.name }).from(regions).orderBy(regions.code);
    },
    async regionName(code) {
      const [r] = await ex.select({ name: regions.name }).from(regions).where(eq(regions.code, code));
      return r?.name ?? null;
    },
  };
}
