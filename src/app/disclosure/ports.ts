import type { FigureFinding, PublicationBody, PublicationKind, VersionStatus } from "../../core/disclosure/types";
import type { TaskStatus } from "../../core/tasks/tasks";
import type { Expected } from "../expect-state";
import type { OrgRef } from "../org/ports";
import type { Page } from "../ports";

/** Ports of 信息公开 (publications, their versions, their tasks, and the public portal's reads). src/db implements them. */

export const PUBLICATION_SORTS = ["fiscalYear", "kind", "title", "updatedAt", "publishedAt"] as const;
export type PublicationSort = (typeof PUBLICATION_SORTS)[number];

/** A person named on a version: the drafter, the approver chosen, the one who approved. */
export interface PersonRef {
  id: number;
  name: string;
}

export interface VersionRecord {
  id: number;
  publicationId: number;
  number: number;
  status: VersionStatus;
  title: string;
  body: PublicationBody;
  changeNote: string;
  draftedBy: PersonRef;
  approver: PersonRef | null;
  approvedBy: PersonRef | null;
  submittedAt: string | null;
  publishedAt: string | null;
  returnedAt: string | null;
  returnComment: string | null;
  checkOverrideReason: string | null;
  checkFindings: FigureFinding[] | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A version in a list: without its body. */
export type VersionSummary = Omit<VersionRecord, "body">;

export interface PublicationRecord {
  id: number;
  fiscalYear: number;
  kind: PublicationKind;
  title: string;
  department: OrgRef | null;
  createdAt: string;
  updatedAt: string;
  /** Numbers of the newest version and of the newest published one. */
  latestVersion: number;
  publishedVersion: number | null;
  /** The newest version's state, and when the newest published version was published. */
  latest: { id: number; number: number; status: VersionStatus; draftedBy: PersonRef; approver: PersonRef | null };
  publishedAt: string | null;
  version: number;
}

export interface PublicationFilter {
  fiscalYear?: number | undefined;
  kind?: PublicationKind | undefined;
  /** The newest version's status. */
  status?: VersionStatus | undefined;
  departmentId?: number | undefined;
}

export interface PublicationPaging {
  sort: PublicationSort;
  order: "asc" | "desc";
  page: number;
  pageSize: number;
}

export interface NewPublication {
  fiscalYear: number;
  kind: PublicationKind;
  title: string;
  departmentId: number | null;
  createdBy: number;
  body: PublicationBody;
}

/** The open (not published) version of a publication, locked with its publication for a write. */
export interface LockedVersion {
  id: number;
  number: number;
  status: VersionStatus;
  version: number;
  draftedBy: number;
  approverId: number | null;
}

export interface VersionPatch {
  status: VersionStatus;
  title?: string;
  body?: PublicationBody;
  changeNote?: string;
  submittedAt?: Date;
  approverId?: number;
  approvedBy?: number;
  publishedAt?: Date;
  returnedAt?: Date;
  returnComment?: string;
  checkOverrideReason?: string;
  checkFindings?: FigureFinding[];
}

export interface PublicationTask {
  fiscalYear: number;
  kind: "publication_draft" | "publication_approve";
  orgId: number;
  ownerUserId: number;
  versionId: number;
  title: string;
  dueOn: string;
  status: TaskStatus;
}

export interface ApproverChoice {
  id: number;
  username: string;
  displayName: string;
  orgId: number;
}

/** A published version as the portal lists it (no body). */
export interface PublicItem {
  publicationId: number;
  fiscalYear: number;
  kind: PublicationKind;
  department: OrgRef | null;
  number: number;
  title: string;
  changeNote: string;
  draftedByName: string;
  approvedByName: string;
  publishedAt: string;
}

export interface PublicVersion extends PublicItem {
  body: PublicationBody;
}

export interface DisclosureRepo {
  /** Creates the publication and its version 1 (a draft); null when the year already has one of its kind (and department). */
  insert(regionCode: string, p: NewPublication): Promise<{ id: number; versionId: number } | null>;
  list(regionCode: string, filter: PublicationFilter, paging: PublicationPaging): Promise<Page<PublicationRecord>>;
  get(regionCode: string, id: number): Promise<PublicationRecord | null>;
  /** Every version, newest first, with bodies. */
  versions(regionCode: string, publicationId: number): Promise<VersionRecord[]>;
  /**
   * Locks the publication's row, then reads its newest version (locked too). Null when there is no such
   * publication in the region.
   */
  lockLatest(
    regionCode: string,
    publicationId: number,
  ): Promise<{
    publication: { version: number; latestVersion: number; publishedVersion: number | null };
    latest: LockedVersion;
  } | null>;
  /** Writes the version at `expected` (version and status); its new row version, null when stale. */
  updateVersion(
    regionCode: string,
    versionId: number,
    expected: Expected<VersionStatus>,
    patch: VersionPatch,
  ): Promise<number | null>;
  /** A new draft version copying `body`; null when the publication already has an open version (the partial unique index). */
  insertVersion(
    regionCode: string,
    publicationId: number,
    number: number,
    v: { title: string; body: PublicationBody; draftedBy: number },
  ): Promise<number | null>;
  /** Keeps the publication's pointers and title in step with its versions (bumps its row version). */
  touch(
    regionCode: string,
    id: number,
    patch: { title?: string; latestVersion?: number; publishedVersion?: number },
  ): Promise<void>;
  /**
   * Issues (or reissues: a resubmission after a return) the task of a version's step; the task's id. One task per
   * version and kind (the tasks' unique index): issued again, it is given to the new owner and opened again.
   */
  upsertTask(regionCode: string, t: PublicationTask): Promise<number>;
  /** Moves a version's task of this kind; its id, null when the version has none. */
  setTaskStatus(
    regionCode: string,
    kind: PublicationTask["kind"],
    versionId: number,
    status: TaskStatus,
  ): Promise<number | null>;
  /** Active accounts of the region whose role may approve (for the submit form). */
  approvers(regionCode: string, roles: readonly string[]): Promise<ApproverChoice[]>;

  // The public portal: only published versions, never anything else.
  /** Regions with something published: code, name and the years. */
  publicRegions(): Promise<{ code: string; name: string; years: number[] }[]>;
  /** The newest published version of every publication of a region's year. */
  publicYear(regionCode: string, fiscalYear: number): Promise<PublicItem[]>;
  /** Every published version of one publication, newest first (no bodies). */
  publicHistory(regionCode: string, publicationId: number): Promise<PublicItem[]>;
  /** One published version with its body; the newest when `number` is null. */
  publicVersion(regionCode: string, publicationId: number, number: number | null): Promise<PublicVersion | null>;
  /** The newest published version of every publication of a region's year, with bodies (the data package). */
  publicYearBodies(regionCode: string, fiscalYear: number): Promise<PublicVersion[]>;
  /**
   * Changes whenever anything is published anywhere (published versions only ever grow, and a region's name
   * changes rarely): the portal's cached pages are valid while it is the same.
   */
  publicStamp(): Promise<string>;
  /** Publications first published in a calendar year (China time), oldest first: what the year's report lists. */
  publishedDuring(regionCode: string, calendarYear: number): Promise<PublicItem[]>;
}
