import type { AuditFields } from "../core/audit-chain";
import type { LibraryEntryFields, LibrarySort } from "../core/goals/indicator-library";
import type { GoalIndicator, GoalSubjectKind, GoalTable, IndicatorKind } from "../core/goals/types";
import type { GoalStatus } from "../core/goals/workflow";
import type {
  DeptBudgetRow,
  DeptExecutionRow,
  ExecutionRow,
  ImportRowsByKind,
  OrgRow,
  ProjectRow,
} from "../core/import-rows";
import type { ImportKind } from "../core/import-spec";
import type { Fen } from "../core/money";
import type { ProjectCategory, ProjectSort, SizeBand } from "../core/project";
import type { OrgKind, Role } from "../core/roles";
import type { RollingDrawCandidate, RollingDrawParams, RollingDrawResult } from "../core/sampling/rolling-draw";
import type { Scope } from "../core/scope";
import type { Expected } from "./expect-state";
import type { Memo } from "./memo";

/**
 * The repositories use cases depend on. src/db implements them (the only place with SQL);
 * tests and other shells may provide their own.
 */
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

export interface ProjectListItem {
  id: number;
  code: string;
  name: string;
  fiscalYear: number;
  department: OrgRef;
  unit: OrgRef;
  category: ProjectCategory;
  isKey: boolean;
  sector: string | null;
  initialBudget: Fen;
  adjustedBudget: Fen;
  fiscalFunds: Fen;
  otherFunds: Fen;
  executed: Fen;
  executionRate: number | null;
}

export interface ProjectDetail extends ProjectListItem {
  version: number;
  createdAt: string;
  updatedAt: string;
}

export { PROJECT_SORTS, type ProjectSort } from "../core/project";

export interface ProjectFilter {
  fiscalYear: number;
  q?: string | undefined;
  departmentId?: number | undefined;
  unitId?: number | undefined;
  category?: ProjectCategory | undefined;
  size?: SizeBand | undefined;
  isKey?: boolean | undefined;
}

export interface Paging<S extends string> {
  sort: S;
  order: "asc" | "desc";
  page: number;
  pageSize: number;
}

export interface Page<T> {
  total: number;
  rows: T[];
}

export interface DeptBudgetItem {
  department: OrgRef;
  initialBudget: Fen;
  adjustedBudget: Fen;
  fiscalFunds: Fen;
  otherFunds: Fen;
  executed: Fen;
  projectCount: number;
  projectBudget: Fen;
}

export interface DepartmentSummary {
  id: number;
  code: string;
  name: string;
  projectCount: number;
  adjustedBudget: Fen;
  executed: Fen;
}

/** A department's projects summed by implementing unit, for its home page. */
export interface UnitSummary {
  unit: OrgRef;
  projectCount: number;
  keyCount: number;
  adjustedBudget: Fen;
  executed: Fen;
}

export interface UserRecord {
  id: number;
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  regionCode: string;
  orgId: number;
  active: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  version: number;
}

export interface UserWithOrg extends UserRecord {
  org: OrgRecord;
  regionName: string;
}

export interface AuditEntry extends AuditFields {
  id: number;
}

export interface AuditFilter {
  regionCode?: string | undefined;
  entity?: string | undefined;
  /** Any of these entities (e.g. a project and its execution), instead of `entity`. */
  entities?: readonly string[] | undefined;
  entityId?: string | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

/** What an import compares against: the current values, in the typed-row shape, by key. */
export interface ImportSnapshot<R> {
  byKey: Map<string, R>;
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

export interface ProjectRepo {
  list(
    scope: Scope,
    filter: ProjectFilter,
    paging: Paging<ProjectSort>,
  ): Promise<Page<ProjectListItem> & { sums: { adjustedBudget: Fen; executed: Fen } }>;
  /** The whole filtered view, for Excel export (bounded by the caller). */
  listAll(
    scope: Scope,
    filter: ProjectFilter,
    sort: ProjectSort,
    order: "asc" | "desc",
    limit: number,
  ): Promise<ProjectListItem[]>;
  get(scope: Scope, id: number): Promise<ProjectDetail | null>;
  execution(projectId: number): Promise<{ month: number; executed: Fen }[]>;
  deptBudgets(scope: Scope, fiscalYear: number): Promise<DeptBudgetItem[]>;
  departmentSummaries(scope: Scope, fiscalYear: number): Promise<DepartmentSummary[]>;
  unitSummaries(scope: Scope, fiscalYear: number): Promise<UnitSummary[]>;
  years(regionCode: string): Promise<number[]>;
}

export interface UserRepo {
  byUsername(username: string): Promise<UserRecord | null>;
  byId(id: number): Promise<UserRecord | null>;
  withOrg(id: number): Promise<UserWithOrg | null>;
  list(
    regionCode: string,
    filter: { q?: string | undefined; role?: Role | undefined },
    page: number,
    pageSize: number,
  ): Promise<Page<UserRecord & { org: OrgRef }>>;
  insert(user: Omit<UserRecord, "id" | "version" | "lastLoginAt">): Promise<UserRecord>;
  update(
    id: number,
    version: number,
    /** Passwords are written by setPassword only. */
    patch: Partial<Pick<UserRecord, "displayName" | "role" | "orgId" | "active">>,
  ): Promise<UserRecord | null>;
  touchLogin(id: number, at: Date): Promise<void>;
  /**
   * Sets a password (bumping the version): unconditionally, or only over the hash that was verified
   * (`over`), so a change never undoes a reset made meanwhile. False when nothing was written.
   */
  setPassword(
    id: number,
    passwordHash: string,
    mustChangePassword: boolean,
    over?: string | undefined,
  ): Promise<boolean>;
}

/** An API token as administrators see it: never its secret or hash. */
export interface ApiTokenRecord {
  id: number;
  name: string;
  userId: number;
  username: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface SessionRepo {
  insert(session: {
    tokenHash: string;
    userId: number;
    createdAt: Date;
    expiresAt: Date;
    userAgent: string | null;
  }): Promise<void>;
  find(tokenHash: string, now: Date): Promise<{ userId: number; createdAt: Date; expiresAt: Date } | null>;
  extend(tokenHash: string, expiresAt: Date): Promise<void>;
  /** Deletes sessions that ended before `now`; answers how many. */
  purgeExpired(now: Date): Promise<number>;
  delete(tokenHash: string): Promise<void>;
  deleteForUser(userId: number, exceptTokenHash?: string): Promise<void>;
  insertApiToken(token: {
    name: string;
    tokenHash: string;
    userId: number;
    createdAt: Date;
    expiresAt: Date | null;
  }): Promise<number>;
  /** A token neither revoked nor expired at `now`. */
  findApiToken(tokenHash: string, now: Date): Promise<{ id: number; userId: number } | null>;
  /** Records a use, unless one was recorded less than `minGapMs` before. */
  touchApiToken(id: number, now: Date, minGapMs: number): Promise<void>;
  listApiTokens(regionCode: string, userId?: number): Promise<ApiTokenRecord[]>;
  apiToken(regionCode: string, id: number): Promise<ApiTokenRecord | null>;
  /** Sets revoked_at unless already set; false when it was. */
  revokeApiToken(id: number, at: Date): Promise<boolean>;
}

/**
 * Login attempt counters, shared by every server process through the database. Each method is one
 * atomic statement outside any transaction (a login must not wait for, or drop caches of, other work).
 */
export interface LoginThrottleRepo {
  /**
   * Counts one more attempt for the key in the current window (a new window once the old one ended),
   * in one statement; past `slowAfter` attempts the attempt must also take the key's next slot (one per
   * `spacingMs`). Answers the count, the window's start, and when refused for want of a slot, when the
   * next slot frees.
   */
  attempt(
    key: string,
    now: Date,
    windowMs: number,
    slow?: { after: number; spacingMs: number },
  ): Promise<{ count: number; windowStart: Date; retryAt: Date | null }>;
  /** Takes back one attempt (a right password). */
  forgive(key: string): Promise<void>;
  clear(key: string): Promise<void>;
  /** Removes counters whose window ended before `before`. */
  purge(before: Date): Promise<number>;
}

export interface AuditRepo {
  /** Appends entries to the hash chain, inside the caller's transaction. */
  append(entries: readonly AuditFields[]): Promise<void>;
  /** A page of the entries that match, newest first, among those up to `upTo` (an id). */
  page(filter: AuditFilter, upTo: number, page: number, pageSize: number): Promise<AuditEntry[]>;
  /** How many entries match with `after` < id ≤ `upTo`. */
  count(filter: AuditFilter, after: number, upTo: number): Promise<number>;
  /** The id of the newest entry (0 when the log is empty): the log only grows, so it stamps any count. */
  lastId(): Promise<number>;
  /** Every entry in id order with its links, for verification. */
  chain(): AsyncIterable<(AuditFields & { id: number; prevHash: string; hash: string })[]>;
}

/** New and changed rows of one import, as the diff classified them. */
export interface RowsToWrite<R> {
  added: readonly R[];
  changed: readonly R[];
}

/** Bulk writes of an import, keyed by the budget system's codes. */
export interface ImportRepo {
  /** Every organisation with its kind as stored, its number of units, and whether data hangs on it. */
  snapshotOrgs(
    regionCode: string,
  ): Promise<Map<string, OrgRow & { kindInDb: OrgKind; children: number; inUse: boolean }>>;
  /**
   * Locks (FOR UPDATE, in id order) the stored rows an import of these rows may change, before its
   * snapshot is read: a concurrent writer of the same rows waits, so the snapshot (and each audit
   * "before") is what is really overwritten. New codes have no row to lock; their unique index refuses
   * the later of two writers.
   */
  lockKeys<K extends ImportKind>(
    regionCode: string,
    kind: K,
    fiscalYear: number,
    rows: readonly ImportRowsByKind[K][],
  ): Promise<void>;
  snapshotProjects(regionCode: string, fiscalYear: number): Promise<Map<string, ProjectRow>>;
  snapshotExecution(regionCode: string, fiscalYear: number): Promise<Map<string, ExecutionRow>>;
  snapshotDeptBudgets(regionCode: string, fiscalYear: number): Promise<Map<string, DeptBudgetRow>>;
  snapshotDeptExecution(regionCode: string, fiscalYear: number): Promise<Map<string, DeptExecutionRow>>;
  writeOrgs(regionCode: string, rows: RowsToWrite<OrgRow>): Promise<void>;
  writeProjects(regionCode: string, rows: RowsToWrite<ProjectRow>): Promise<void>;
  writeExecution(regionCode: string, rows: RowsToWrite<ExecutionRow>): Promise<void>;
  writeDeptBudgets(regionCode: string, rows: RowsToWrite<DeptBudgetRow>): Promise<void>;
  writeDeptExecution(regionCode: string, rows: RowsToWrite<DeptExecutionRow>): Promise<void>;
  recordBatch(batch: {
    regionCode: string;
    kind: string;
    fileName: string;
    sha256: string;
    counts: unknown;
    actorId: number | null;
  }): Promise<number>;
}

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
  subjectKind?: "project" | "deptWide" | undefined;
  q?: string | undefined;
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

export { LIBRARY_SORTS, type LibrarySort } from "../core/goals/indicator-library";

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
  list(scope: Scope, filter: GoalListFilter, page: number, pageSize: number): Promise<Page<GoalTableRecord>>;
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
}

/** A versioned rule set ([policy] data of domain.md) of one module for a region and year. */
export interface StoredRuleSet {
  id: number;
  fiscalYear: number;
  module: string;
  version: string;
  body: unknown;
  createdAt: string;
  createdByName: string | null;
}

export interface RuleSetRepo {
  /** The rule set in effect for a year: the year's latest version, else the latest of an earlier year. */
  inEffect(regionCode: string, fiscalYear: number, module: string): Promise<StoredRuleSet | null>;
  /** Every version of the year, newest first. */
  history(regionCode: string, fiscalYear: number, module: string): Promise<StoredRuleSet[]>;
  /** Null when the version name is already taken for that year. */
  insert(
    regionCode: string,
    fiscalYear: number,
    module: string,
    version: string,
    body: unknown,
    createdBy: number | null,
  ): Promise<number | null>;
}

/** Goal tables across fiscal years: last year's table of a subject and the carry-over link (上年结转). */
export interface GoalHistoryRepo {
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

export interface Repos {
  orgs: OrgRepo;
  projects: ProjectRepo;
  users: UserRepo;
  sessions: SessionRepo;
  audit: AuditRepo;
  imports: ImportRepo;
  goals: GoalRepo;
  goalImport: GoalImportRepo;
  goalHistory: GoalHistoryRepo;
  indicatorLibrary: IndicatorLibraryRepo;
  reviews: ReviewRepo;
  ruleSets: RuleSetRepo;
}

export interface UnitOfWork {
  /** Repositories outside any transaction, for reads. */
  read: Repos;
  /** Costly reads kept while a stamp of their data is unchanged (memo.ts); one per database. */
  memo: Memo;
  /** Login counters: atomic single statements, outside transactions. */
  loginThrottle: LoginThrottleRepo;
  /** Runs `work` in one transaction: all its writes and audit entries commit together or not at all. */
  transaction<T>(work: (repos: Repos) => Promise<T>): Promise<T>;
}
