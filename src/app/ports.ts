import type { AttachmentRepo } from "./attachments/ports";
import type { AuditRepo } from "./audit/ports";
import type { LoginThrottleRepo, SessionRepo } from "./auth/ports";
import type { Clock } from "./context";
import type { DisclosureRepo } from "./disclosure/ports";
import type { EvaluationRepo, ExpertRepo } from "./evaluations/ports";
import type { GoalHistoryRepo, GoalImportRepo, GoalRepo, IndicatorLibraryRepo, ReviewRepo } from "./goals/ports";
import type { ImportRepo } from "./imports/ports";
import type { Memo } from "./memo";
import type { MonitoringActionRepo } from "./monitoring/action-ports";
import type { MonitoringRepo } from "./monitoring/ports";
import type { OrgRepo } from "./org/ports";
import type { PlanRepo } from "./plan/ports";
import type { ProjectRepo } from "./projects/ports";
import type { RectificationRepo } from "./rectification/ports";
import type { ResultRepo } from "./results/adoption-ports";
import type { DeptScoreRepo } from "./results/ports";
import type { BudgetRequestRepo } from "./results/requests-ports";
import type { ReviewThreadRepo } from "./review/ports";
import type { SelfEvalRepo } from "./selfeval/ports";
import type { SelfEvalReviewRepo } from "./selfeval/review-ports";
import type { NotificationRepo, OutboxRepo, TaskRepo } from "./tasks/ports";
import type { UserRepo } from "./users/ports";

/**
 * The repositories use cases depend on. src/db implements them (the only place with SQL); tests and other
 * shells may provide their own. Each module declares its own ports in `app/<module>/ports.ts`; this file holds
 * what every module shares: paging, the versioned rule sets and the unit of work that bundles the repositories.
 */
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
  reviewThreads: ReviewThreadRepo;
  ruleSets: RuleSetRepo;
  plans: PlanRepo;
  tasks: TaskRepo;
  outbox: OutboxRepo;
  notifications: NotificationRepo;
  monitoring: MonitoringRepo;
  monitoringActions: MonitoringActionRepo;
  selfeval: SelfEvalRepo;
  selfevalReviews: SelfEvalReviewRepo;
  attachments: AttachmentRepo;
  rectification: RectificationRepo;
  experts: ExpertRepo;
  evaluations: EvaluationRepo;
  results: ResultRepo;
  budgetRequests: BudgetRequestRepo;
  deptScores: DeptScoreRepo;
  disclosure: DisclosureRepo;
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
  /**
   * The same database, with every transaction's writes stamped with this clock's time (created_at,
   * updated_at, transitions…) instead of the database's: the demo loader replays past years through the
   * use cases, and tests run on a fixed clock.
   */
  dated(clock: Clock): UnitOfWork;
}
