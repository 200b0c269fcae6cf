import type { LibraryEntryFields, LibrarySort } from "../../core/goals/indicator-library";
import type { GoalTableSort } from "../../core/goals/list";
import type { GoalIndicator, GoalSubjectKind, GoalTable, IndicatorKind } from "../../core/goals/types";
import type { GoalStatus } from "../../core/goals/workflow";
import type { RollingDrawCandidate, RollingDrawParams, RollingDrawResult } from "../../core/sampling/rolling-draw";
import type { Scope } from "../../core/scope";
import type { Expected } from "../expect-state";
import type { OrgRef } from "../org/ports";
import type { Page, Paging } from "../ports";

/**
 * Ports of the goals module: goal tables, their workflow and history, the indicator library, the on-site
 * review and the Excel exchange. src/db implements them.
 */

/** A goal table as stored, with where it belongs. */
export interface StoredGoalTable {
  id: number;
  status: GoalStatus;
  revision: number;
  departmentCode: string;
  departmentName: string;
  unitCode: string;
  table: GoalTable;
}

export interface GoalTableRecord extends StoredGoalTable {
  version: number;
  returnedBy: "department" | "finance" | null;
  templateVersion: string;
  revisionReason: string | null;
  updatedAt: string;
}

export interface GoalTransitionRecord {
  at: string;
  actorName: string;
  action: string;
  fromStatus: GoalStatus;
  toStatus: GoalStatus;
  comment: string | null;
  /** Per-indicator comments keyed by the indicator's uid. */
  indicatorComments: Record<string, string> | null;
  /** The revision of the table the transition belongs to (history spans revisions). */
  revision: number;
}

export interface GoalListFilter {
  fiscalYear: number;
  status?: string | undefined;
  departmentId?: number | undefined;
  /** The implementing unit (a department for its department-wide table and the projects it runs itself). */
  unitId?: number | undefined;
  subjectKind?: "project" | "deptWide" | undefined;
  /** Part of the subject's code or name, or of the implementing unit's name. */
  q?: string | undefined;
}

/** A list's sort; without one, department-wide tables first, then by subject code. */
export interface GoalListSort {
  sort: GoalTableSort;
  order: "asc" | "desc";
}

/** A goal table as the list shows it: with its unit's name and, for a revision in progress, the version in force. */
export interface GoalListRecord extends GoalTableRecord {
  unitName: string;
  /** The approved revision still in force while a later one is being revised (not yet approved); else null. */
  inForce: { id: number; revision: number } | null;
}

/** An entry of the indicator library (指标库). Sector, level 2 and name identify it. */
export interface IndicatorLibraryEntry extends LibraryEntryFields {
  id: number;
  /** Entered or confirmed by finance (推荐); fed entries are not, until finance edits them. */
  curated: boolean;
  /** Withdrawn by finance: kept, but no longer suggested. */
  retired: boolean;
  /** Approvals of goal tables that used it (a revision approved again counts again), and the latest year. */
  uses: number;
  lastYear: number | null;
  version: number;
  updatedAt: string;
}

/** Targets approved goal tables set for an indicator in one fiscal year. */
export interface PastTargets {
  fiscalYear: number;
  /** The most frequent target text, and the range of the numeric targets (null when none is a number). */
  commonTarget: string;
  minTarget: number | null;
  maxTarget: number | null;
  /** Approved tables that used it that year (per project or department, the approved revision in effect). */
  tables: number;
}

/**
 * What self-evaluations reported for an indicator in one fiscal year. Self-evaluation is a later
 * module: until it records results, every `actuals` list is empty.
 */
export interface PastActuals {
  fiscalYear: number;
  commonActual: string;
  tables: number;
}

/** Past targets of one library key: per year (newest first) and over all years. */
export interface TargetHistory {
  years: PastTargets[];
  overall: Omit<PastTargets, "fiscalYear"> | null;
}

export { LIBRARY_SORTS, type LibrarySort } from "../../core/goals/indicator-library";

export interface LibraryFilter {
  sector?: string | undefined;
  level1?: string | undefined;
  level2?: string | undefined;
  /** Part of the name or the explanation. */
  q?: string | undefined;
  /** true: entered or confirmed by finance; false: fed from approved tables only. */
  curated?: boolean | undefined;
  retired?: boolean | undefined;
}

/** A library entry as the declaration form is offered it: merged over sectors when no sector is asked. */
export interface LibrarySuggestionRow
  extends Omit<IndicatorLibraryEntry, "sector" | "retired" | "version" | "updatedAt"> {
  /** Null when the entry stands for the same indicator in every sector. */
  sector: string | null;
}

/** 指标库 suggestion for a goal table: the entry, its past targets and (later) past results. */
export interface IndicatorSuggestion extends LibrarySuggestionRow {
  /** Years approved tables used it, oldest first; the most frequent target and the numeric range overall. */
  years: number[];
  commonTarget: string;
  minTarget: number | null;
  maxTarget: number | null;
  /** Per fiscal year, newest first. */
  targets: PastTargets[];
  /** Per fiscal year from self-evaluation (later module): empty for now. */
  actuals: PastActuals[];
}

export interface IndicatorLibraryRepo {
  /** Adds one approved table's indicators (uses +1, last year); curated wording is never overwritten. */
  feedFromTable(goalTableId: number): Promise<{ entries: number; added: number }>;
  /**
   * Recomputes the fed part from every approved table of the region: counts and the most common
   * wording of entries finance has not curated; fed entries no table uses any more go, unless retired.
   */
  rebuild(regionCode: string): Promise<{ entries: number; added: number; removed: number }>;
  list(regionCode: string, filter: LibraryFilter, paging: Paging<LibrarySort>): Promise<Page<IndicatorLibraryEntry>>;
  /** The whole filtered view, for Excel export (bounded by the caller). */
  listAll(
    regionCode: string,
    filter: LibraryFilter,
    sort: LibrarySort,
    order: "asc" | "desc",
    limit: number,
  ): Promise<IndicatorLibraryEntry[]>;
  /** Sectors the library holds, for the filter. */
  sectors(regionCode: string): Promise<string[]>;
  get(regionCode: string, id: number): Promise<IndicatorLibraryEntry | null>;
  find(
    regionCode: string,
    key: { sector: string; level2: string; name: string },
  ): Promise<IndicatorLibraryEntry | null>;
  /** A curated entry; null when the sector, level 2 and name are taken. */
  insert(regionCode: string, entry: LibraryEntryFields): Promise<IndicatorLibraryEntry | null>;
  /**
   * Replaces the wording and marks the entry curated; null when `version` is stale or, with `unused`,
   * when an approved table has used the entry meanwhile.
   */
  update(
    id: number,
    version: number,
    entry: LibraryEntryFields,
    guard: { unused: boolean },
  ): Promise<IndicatorLibraryEntry | null>;
  setRetired(id: number, version: number, retired: boolean): Promise<IndicatorLibraryEntry | null>;
  /** Entries not retired, curated first, then by uses. */
  suggest(
    regionCode: string,
    q: { sector: string | null; level2: string | null; text: string | null; limit: number },
  ): Promise<LibrarySuggestionRow[]>;
  /**
   * Past targets of each key (sector null: any sector) from approved goal tables, keyed by `targetKey`;
   * the usual target and range only from uses of the entry's kind.
   */
  targetHistory(
    regionCode: string,
    keys: readonly { sector: string | null; level2: string; name: string; kind: IndicatorKind }[],
  ): Promise<Map<string, TargetHistory>>;
  /** Every key the library can be asked past targets for: each entry, and each indicator across sectors. */
  targetKeys(
    regionCode: string,
  ): Promise<{ sector: string | null; level2: string; name: string; kind: IndicatorKind }[]>;
  /** A fingerprint of what past targets read: the region's goal tables, library, projects and organisations. */
  targetStamp(regionCode: string): Promise<string>;
}

export interface GoalRepo {
  get(scope: Scope, id: number): Promise<GoalTableRecord | null>;
  list(
    scope: Scope,
    filter: GoalListFilter,
    page: number,
    pageSize: number,
    sort?: GoalListSort,
  ): Promise<Page<GoalListRecord>>;
  transitions(id: number): Promise<GoalTransitionRecord[]>;
  /**
   * Replaces the overall goal and the indicators; null (nothing written) unless the table is still in the
   * expected version and status.
   */
  save(
    id: number,
    expected: Expected,
    overallGoal: string,
    indicators: readonly GoalIndicator[],
    templateVersion: string,
  ): Promise<number | null>;
  /** Moves the table to its next state; null unless it is still in the expected version and status. */
  setState(
    id: number,
    expected: Expected,
    state: { status: string; returnedBy: "department" | "finance" | null },
  ): Promise<number | null>;
  recordTransition(
    id: number,
    t: Omit<GoalTransitionRecord, "at" | "revision"> & { actorId: number | null },
  ): Promise<void>;
  /**
   * A new current revision copying the approved one (which stays, no longer current); null unless the
   * table is still current in the expected version and status.
   */
  revise(id: number, expected: Expected, reason: string): Promise<number | null>;
  /** A draft table for a project that has none (its declarer starts it); null when it has one. */
  startProjectTable(regionCode: string, projectId: number, templateVersion: string): Promise<number | null>;
  /** The current table of a project (by its year and code), if any. */
  currentOfProject(regionCode: string, projectId: number): Promise<{ id: number; status: GoalStatus } | null>;
  /** Locks a table's row for the rest of the transaction and reads its state (writes beside the table's own). */
  lockState(regionCode: string, id: number): Promise<{ status: GoalStatus; version: number } | null>;
  /** Bulk insert of goal tables with their indicators (the demo, later imports), in the caller's transaction. */
  insertMany(
    regionCode: string,
    tables: readonly { table: GoalTable; status: string; templateVersion: string }[],
    actorName: string,
  ): Promise<number>;
  /** Every current goal table of a year with its indicators: two set-based queries, no query per table. */
  listCurrent(regionCode: string, fiscalYear: number): Promise<StoredGoalTable[]>;
  /**
   * A fingerprint of everything the year's checks read: goal tables (any write bumps a version),
   * projects and department budgets (funds), organisations (names) and rule sets. Changes whenever any
   * of it does; one cheap query.
   */
  checkStamp(regionCode: string, fiscalYear: number): Promise<string>;
}

/** A goal table with its implementing unit's name: what an Excel sheet of it shows. */
export interface GoalExchangeRecord extends GoalTableRecord {
  unitName: string;
}

/** Which tables the Excel exchange reads: one by id (any revision), or a year's current tables. */
export type GoalExchangeQuery =
  | { id: number }
  | {
      fiscalYear: number;
      departmentId?: number | undefined;
      /** Only these subjects (the sheets of an uploaded workbook). */
      subjects?: readonly { subjectKind: GoalSubjectKind; subjectCode: string }[] | undefined;
    };

/** Goal tables read and written many at a time by the Excel import and export. */
export interface GoalImportRepo {
  /** Tables in the scope with their indicators: two set-based queries, department-wide tables first. */
  tables(scope: Scope, q: GoalExchangeQuery): Promise<GoalExchangeRecord[]>;
  /**
   * Replaces the overall goal and all indicators of many tables at once (one statement each for the
   * tables, the old and the new indicators) and bumps their versions. Indicators without a uid get a
   * new one. Null when any table is no longer in its expected version and status; the caller's
   * transaction then rolls back.
   */
  replaceTables(
    tables: readonly { id: number; expected: Expected; overallGoal: string; indicators: readonly GoalIndicator[] }[],
    templateVersion: string,
  ): Promise<{ id: number; version: number }[] | null>;
}

/** A recorded draw for the on-site review of goal tables. */
export interface StoredReviewDraw {
  id: number;
  fiscalYear: number;
  algorithm: string;
  params: RollingDrawParams;
  population: RollingDrawCandidate[];
  result: RollingDrawResult;
  createdAt: string;
}

export interface ReviewVisit {
  id: number;
  drawId: number;
  fiscalYear: number;
  department: OrgRef;
  reviewedOn: string | null;
  findings: string;
  guidance: string;
  version: number;
  /** Goal tables linked to the guidance: whether they were acted on, and their current state. */
  tables: {
    goalTableId: number;
    subjectCode: string;
    subjectName: string;
    status: GoalStatus;
    revision: number;
    actedOn: boolean;
    note: string | null;
  }[];
}

export interface ReviewRepo {
  /** The region's departments with the years each was reviewed on site (from recorded draws). */
  population(regionCode: string): Promise<RollingDrawCandidate[]>;
  insertDraw(
    regionCode: string,
    draw: Omit<StoredReviewDraw, "id" | "createdAt">,
    actorId: number | null,
  ): Promise<number>;
  draws(regionCode: string, fiscalYear?: number): Promise<StoredReviewDraw[]>;
  draw(regionCode: string, id: number): Promise<StoredReviewDraw | null>;
  visits(regionCode: string, drawId: number): Promise<ReviewVisit[]>;
  visit(regionCode: string, id: number): Promise<ReviewVisit | null>;
  updateVisit(
    id: number,
    version: number,
    patch: { reviewedOn: string | null; findings: string; guidance: string },
  ): Promise<number | null>;
  linkTable(visitId: number, goalTableId: number, actedOn: boolean, note: string | null): Promise<void>;
  /** Removes a link; answers what it was (null when the table was not linked). */
  unlinkTable(
    regionCode: string,
    visitId: number,
    goalTableId: number,
  ): Promise<{ actedOn: boolean; note: string | null } | null>;
}

/** One revision (版本) of a goal table: revision 1 is the first declaration, each 调整 adds one. */
export interface GoalRevision {
  id: number;
  revision: number;
  status: GoalStatus;
  isCurrent: boolean;
  revisionReason: string | null;
  updatedAt: string;
  /** When finance approved it (批复), or null. */
  approvedAt: string | null;
}

/**
 * Goal tables across fiscal years and revisions: last year's table of a subject, the carry-over link
 * (上年结转) and the revisions of this year's table.
 */
export interface GoalHistoryRepo {
  /** Every revision of the table's project or department in its year, oldest first, when the scope sees it. */
  revisions(scope: Scope, id: number): Promise<GoalRevision[]>;
  /** Last year's current table of the same project or department, when the scope sees it. */
  previousOf(
    scope: Scope,
    table: Pick<GoalTable, "fiscalYear" | "subjectKind" | "subjectCode">,
  ): Promise<GoalTableRecord | null>;
  /** The table this one was carried over from, or null. */
  carriedFromOf(id: number): Promise<number | null>;
  setCarriedFrom(id: number, carriedFromId: number): Promise<void>;
  /**
   * Links every current table of a year that has no link yet to last year's current table of the same
   * subject, in one statement (bulk loads); answers how many were linked.
   */
  linkCarriedFrom(regionCode: string, fiscalYear: number): Promise<number>;
}
