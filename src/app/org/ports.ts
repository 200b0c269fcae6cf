import type { OrgKind } from "../../core/roles";
import type { Scope } from "../../core/scope";

/** Ports of the organisation tree (机构): the regions, departments, units and firms. src/db implements them. */

export interface OrgRecord {
  id: number;
  regionCode: string;
  code: string;
  name: string;
  kind: OrgKind;
  parentId: number | null;
  path: string;
  sector: string | null;
  contactName: string | null;
  contactPhone: string | null;
  sortOrder: number;
  version: number;
}

export interface OrgRef {
  id: number;
  code: string;
  name: string;
}

export interface OrgRepo {
  listInScope(scope: Scope): Promise<OrgRecord[]>;
  byId(id: number): Promise<OrgRecord | null>;
  byCode(regionCode: string, code: string): Promise<OrgRecord | null>;
  allInRegion(regionCode: string): Promise<OrgRecord[]>;
  insert(org: Omit<OrgRecord, "id" | "version">): Promise<OrgRecord>;
  /** Returns null when `version` is stale (someone else changed it). */
  update(
    id: number,
    version: number,
    patch: Partial<Pick<OrgRecord, "name" | "sector" | "contactName" | "contactPhone">>,
  ): Promise<OrgRecord | null>;
  ensureRegion(code: string, name: string): Promise<void>;
  regionName(code: string): Promise<string | null>;
  listRegions(): Promise<{ code: string; name: string }[]>;
}
