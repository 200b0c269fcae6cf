import type { RectificationSource, RectificationStatus } from "../../core/evaluations/rectification";
import type { RectificationSort } from "../../core/evaluations/rectification-notice";
import type { Scope } from "../../core/scope";
import type { TaskStatus } from "../../core/tasks/tasks";
import type { OrgRef } from "../org/ports";
import type { Page } from "../ports";

/** Ports of 整改 (rectification notices and their items). src/db implements them (db/repos/rectification). */

export type { RectificationSort };

/** The record a notice's problems come from, as a notice needs it. */
export interface RectificationSourceRecord {
  fiscalYear: number;
  /** The organisations a notice from it may be addressed to (the project's unit; a report's unit or department). */
  orgIds: number[];
  project: { id: number; code: string; name: string } | null;
  /** How the source is named in titles and messages. */
  label: string;
  /** Whether its findings stand: an evaluation once final (before, its scores and problems may still change). */
  settled: boolean;
}

export interface NoticeRecord {
  id: number;
  fiscalYear: number;
  source: RectificationSource;
  sourceId: number;
  title: string;
  unit: OrgRef;
  /** The unit's department (the unit itself when the notice is addressed to a department). */
  department: OrgRef;
  project: { id: number; code: string; name: string } | null;
  issuedByName: string | null;
  createdAt: string;
  version: number;
  /** Its items by status, and how many are overdue (as of the list's `today`). */
  counts: { items: number; issued: number; answered: number; accepted: number; returned: number; overdue: number };
}

export interface ItemRecord {
  id: number;
  noticeId: number;
  seq: number;
  problem: string;
  requirement: string;
  deadline: string;
  status: RectificationStatus;
  answer: string;
  answeredAt: string | null;
  verdictNote: string | null;
  acceptedAt: string | null;
  notice: { id: number; fiscalYear: number; source: RectificationSource; sourceId: number; title: string };
  unit: OrgRef;
  department: OrgRef;
  project: { id: number; code: string; name: string } | null;
  taskId: number | null;
  taskStatus: TaskStatus | null;
  attachments: number;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface RectificationFilter {
  fiscalYear?: number | undefined;
  /** Notices with an item in this status; items in it. */
  status?: RectificationStatus | undefined;
  unitId?: number | undefined;
  departmentId?: number | undefined;
  source?: RectificationSource | undefined;
  noticeId?: number | undefined;
  /** Only overdue ones (as of `today`): items overdue, notices with one. */
  overdue?: boolean | undefined;
}

export interface RectificationPaging {
  sort: RectificationSort;
  order: "asc" | "desc";
  page: number;
  pageSize: number;
}

export interface NewNotice {
  fiscalYear: number;
  source: RectificationSource;
  sourceId: number;
  unitId: number;
  title: string;
  issuedBy: number | null;
  items: { problem: string; requirement: string; deadline: string; taskTitle: string }[];
}

export interface RectificationRepo {
  /** The source record in the region, or null when there is none. */
  source(regionCode: string, source: RectificationSource, sourceId: number): Promise<RectificationSourceRecord | null>;
  /**
   * Inserts the notice, its items and one 整改落实 task per item (to do, owned by the unit); the ids. Null when
   * the source already has a notice to this organisation (the unique index, also against one written meanwhile).
   */
  insert(regionCode: string, n: NewNotice): Promise<{ id: number; items: { id: number; taskId: number }[] } | null>;
  getNotice(scope: Scope, id: number, today: string): Promise<NoticeRecord | null>;
  listNotices(
    scope: Scope,
    filter: RectificationFilter,
    today: string,
    paging: RectificationPaging,
  ): Promise<Page<NoticeRecord>>;
  getItem(scope: Scope, id: number): Promise<ItemRecord | null>;
  listItems(
    scope: Scope,
    filter: RectificationFilter,
    today: string,
    paging: RectificationPaging,
  ): Promise<Page<ItemRecord>>;
  /** Every item's status and deadline of the year in the scope, for the counts. */
  statuses(scope: Scope, fiscalYear: number): Promise<{ status: RectificationStatus; deadline: string }[]>;
  /** Locks the item's row for this transaction and reads its state. */
  lockItem(regionCode: string, id: number): Promise<{ status: RectificationStatus; version: number } | null>;
  /** Moves the item at `version` (the caller holds the lock) and its task; the new version, null when stale. */
  setItemStatus(
    regionCode: string,
    id: number,
    version: number,
    next: {
      status: RectificationStatus;
      answer?: string;
      answeredAt?: Date | null;
      verdictNote?: string | null;
      acceptedAt: Date | null;
    },
    taskStatus: TaskStatus,
  ): Promise<number | null>;
}
