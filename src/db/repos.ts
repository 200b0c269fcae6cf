import { sql } from "drizzle-orm";
import type { Clock } from "../app/context";
import { StampedMemo } from "../app/memo";
import type { Repos, UnitOfWork } from "../app/ports";
import type { Database, Executor } from "./client";
import { attachmentRepo } from "./repos/attachments";
import { auditRepo } from "./repos/audit";
import { disclosureRepo } from "./repos/disclosure";
import { evaluationRepo } from "./repos/evaluations";
import { expertRepo } from "./repos/evaluations/experts";
import { goalHistoryRepo } from "./repos/goals/goal-history";
import { goalImportRepo } from "./repos/goals/goal-import";
import { goalRepo } from "./repos/goals/goal-tables";
import { indicatorLibraryRepo } from "./repos/goals/indicator-library";
import { reviewRepo } from "./repos/goals/review-visits";
import { importRepo } from "./repos/imports";
import { InboxCache } from "./repos/inbox-cache";
import { loginThrottleRepo } from "./repos/login-throttle";
import { monitoringRepo } from "./repos/monitoring";
import { monitoringActionRepo } from "./repos/monitoring/actions";
import { orgRepo } from "./repos/orgs";
import { workPlanRepo } from "./repos/plan/work-plans";
import { ProjectReadModel } from "./repos/project-read-model";
import { projectRepo } from "./repos/projects";
import { SessionCache } from "./repos/read-cache";
import { rectificationRepo } from "./repos/rectification";
import { resultRepo } from "./repos/results/adoptions";
import { deptScoreRepo } from "./repos/results/department-scores";
import { budgetRequestRepo } from "./repos/results/requests";
import { reviewThreadRepo } from "./repos/review/review-threads";
import { ruleSetRepo } from "./repos/rule-sets";
import { selfEvalRepo } from "./repos/selfeval";
import { selfEvalReviewRepo } from "./repos/selfeval/reviews";
import { sessionRepo } from "./repos/sessions";
import { notificationRepo, outboxRepo } from "./repos/tasks/outbox";
import { taskRepo } from "./repos/tasks/tasks";
import { userRepo } from "./repos/users";

function reposFor(db: Database, ex: Executor): Repos {
  return {
    orgs: orgRepo(ex),
    projects: projectRepo(ex),
    users: userRepo(ex),
    sessions: sessionRepo(ex),
    audit: auditRepo(db, ex),
    imports: importRepo(db, ex),
    goals: goalRepo(db, ex),
    goalImport: goalImportRepo(ex),
    goalHistory: goalHistoryRepo(db, ex),
    indicatorLibrary: indicatorLibraryRepo(ex),
    reviews: reviewRepo(ex),
    reviewThreads: reviewThreadRepo(ex),
    ruleSets: ruleSetRepo(ex),
    plans: workPlanRepo(ex),
    tasks: taskRepo(ex),
    outbox: outboxRepo(ex),
    notifications: notificationRepo(ex),
    monitoring: monitoringRepo(ex),
    monitoringActions: monitoringActionRepo(ex),
    selfeval: selfEvalRepo(ex),
    selfevalReviews: selfEvalReviewRepo(ex),
    attachments: attachmentRepo(ex),
    rectification: rectificationRepo(ex),
    disclosure: disclosureRepo(ex),
    experts: expertRepo(ex),
    evaluations: evaluationRepo(ex),
    results: resultRepo(ex),
    budgetRequests: budgetRequestRepo(ex),
    deptScores: deptScoreRepo(ex),
  };
}

/**
 * The unit of work use cases receive: reads outside, writes in one transaction each. On PGlite,
 * which runs one query at a time, hot reads come from in-process caches that every committed
 * transaction drops; PostgreSQL runs queries in parallel and reads straight from SQL.
 */
export function createUnitOfWork(db: Database): UnitOfWork {
  const read = reposFor(db, db.orm);
  const loginThrottle = loginThrottleRepo(db.orm);
  const memo = new StampedMemo();
  const model = db.kind === "pglite" ? new ProjectReadModel(db.orm) : null;
  const sessions = db.kind === "pglite" ? new SessionCache() : null;
  const inbox = db.kind === "pglite" ? new InboxCache() : null;
  const cachedRead: Repos =
    model && sessions && inbox
      ? {
          ...read,
          projects: model.wrap(read.projects),
          sessions: sessions.wrapSessions(read.sessions),
          users: sessions.wrapUsers(read.users),
          tasks: inbox.wrapTasks(read.tasks),
          notifications: inbox.wrapNotifications(read.notifications),
        }
      : read;
  const make = (clock: Clock | null): UnitOfWork => ({
    loginThrottle,
    memo,
    read: cachedRead,
    transaction: async (work) => {
      try {
        return await db.orm.transaction(async (tx) => {
          // app_now() (migration 0009) reads this for the row stamps of this transaction.
          if (clock) await tx.execute(sql`select set_config('jixiao.now', ${clock.now().toISOString()}, true)`);
          return work(reposFor(db, tx));
        });
      } finally {
        model?.invalidate();
        sessions?.invalidate();
        inbox?.invalidate();
      }
    },
    dated: (other) => make(other),
  });
  return make(null);
}
