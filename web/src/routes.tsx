import { lazy, type ReactNode, Suspense } from "react";
import { Navigate, Outlet, Route, Routes, useLocation } from "react-router";
import { useMeQuery } from "./api/hooks";
import { SessionProvider, useSession, YearProvider } from "./auth/session";
import { AppLayout } from "./components/AppLayout";
import { PageError } from "./components/PageError";
import { PageSpin } from "./components/PageSpin";
import { mayUse, NAV } from "./nav";
import ForbiddenPage from "./pages/ForbiddenPage";
import LoginPage from "./pages/LoginPage";
import NotFoundPage from "./pages/NotFoundPage";

const HomePage = lazy(() => import("./pages/HomePage"));
const ProjectsPage = lazy(() => import("./pages/ProjectsPage"));
const ProjectDetailPage = lazy(() => import("./pages/ProjectDetailPage"));
const DeptBudgetsPage = lazy(() => import("./pages/DeptBudgetsPage"));
const OrgsPage = lazy(() => import("./pages/OrgsPage"));
const ImportsPage = lazy(() => import("./pages/ImportsPage"));
const ImportHistoryPage = lazy(() => import("./pages/ImportHistoryPage"));
const UsersPage = lazy(() => import("./pages/UsersPage"));
const AuditPage = lazy(() => import("./pages/AuditPage"));
const ProfilePage = lazy(() => import("./pages/ProfilePage"));
const GoalQualityPage = lazy(() => import("./pages/goals/GoalQualityPage"));
const GoalCheckPage = lazy(() => import("./pages/goals/GoalCheckPage"));
const GoalReviewsPage = lazy(() => import("./pages/goals/GoalReviewsPage"));
const IndicatorLibraryPage = lazy(() => import("./pages/goals/IndicatorLibraryPage"));
const GoalRulesPage = lazy(() => import("./pages/goals/GoalRulesPage"));
const GoalTablesPage = lazy(() => import("./pages/goals/GoalTablesPage"));
const GoalTableDetailPage = lazy(() => import("./pages/goals/GoalTableDetailPage"));
const GoalTablePrintPage = lazy(() => import("./pages/goals/GoalTablePrintPage"));
const MonitoringPage = lazy(() => import("./pages/monitoring/MonitoringPage"));
const MonitoringSelectPage = lazy(() => import("./pages/monitoring/MonitoringSelectPage"));
const MonitoringKeyPage = lazy(() => import("./pages/monitoring/MonitoringKeyPage"));
const MonitoringRulesPage = lazy(() => import("./pages/monitoring/MonitoringRulesPage"));
const MonitoringReportsPage = lazy(() => import("./pages/monitoring/MonitoringReportsPage"));
const MonitoringReportPage = lazy(() => import("./pages/monitoring/MonitoringReportPage"));
const MonitoringReportPrintPage = lazy(() => import("./pages/monitoring/MonitoringReportPrintPage"));
const SelfEvalPage = lazy(() => import("./pages/selfeval/SelfEvalPage"));
const SelfEvalFormsPage = lazy(() => import("./pages/selfeval/SelfEvalFormsPage"));
const SelfEvalFormPage = lazy(() => import("./pages/selfeval/SelfEvalFormPage"));
const SelfEvalRulesPage = lazy(() => import("./pages/selfeval/SelfEvalRulesPage"));
const ReviewDrawPage = lazy(() => import("./pages/review/ReviewDrawPage"));
const ReviewFirmsPage = lazy(() => import("./pages/review/ReviewFirmsPage"));
const ReviewItemsPage = lazy(() => import("./pages/review/ReviewItemsPage"));
const ReviewItemPage = lazy(() => import("./pages/review/ReviewItemPage"));
const ReviewStatsPage = lazy(() => import("./pages/review/ReviewStatsPage"));
const EvaluationsPage = lazy(() => import("./pages/evaluations/EvaluationsPage"));
const EvaluationPage = lazy(() => import("./pages/evaluations/EvaluationPage"));
const EvaluationFrameworkPage = lazy(() => import("./pages/evaluations/EvaluationFrameworkPage"));
const ExpertsPage = lazy(() => import("./pages/evaluations/ExpertsPage"));
const EvaluationStatsPage = lazy(() => import("./pages/evaluations/EvaluationStatsPage"));
const DepartmentScoresPage = lazy(() => import("./pages/results/DepartmentScoresPage"));
const WorkPlanPage = lazy(() => import("./pages/plan/WorkPlanPage"));
const TasksPage = lazy(() => import("./pages/tasks/TasksPage"));
const TaskRedirectPage = lazy(() => import("./pages/tasks/TaskRedirectPage"));
const FollowUpsPage = lazy(() => import("./pages/monitoring/FollowUpsPage"));
const FollowUpDetailPage = lazy(() => import("./pages/monitoring/FollowUpDetailPage"));
const RectificationPage = lazy(() => import("./pages/rectification/RectificationPage"));
const RectificationNoticePage = lazy(() => import("./pages/rectification/RectificationNoticePage"));
const RectificationIssuePage = lazy(() => import("./pages/rectification/RectificationIssuePage"));
const RectificationNoticePrintPage = lazy(() => import("./pages/rectification/RectificationNoticePrintPage"));
const RectificationItemRedirectPage = lazy(() => import("./pages/rectification/RectificationItemRedirectPage"));
const RequestsPage = lazy(() => import("./pages/results/RequestsPage"));
const ResultRulesPage = lazy(() => import("./pages/results/ResultRulesPage"));
const ResultSimulatePage = lazy(() => import("./pages/results/ResultSimulatePage"));
const ResultAdjustmentsPage = lazy(() => import("./pages/results/ResultAdjustmentsPage"));
const ResultAdjustmentPage = lazy(() => import("./pages/results/ResultAdjustmentPage"));
const AnnualReportPage = lazy(() => import("./pages/report/AnnualReportPage"));
const PublicationsPage = lazy(() => import("./pages/disclosure/PublicationsPage"));
const PublicationPage = lazy(() => import("./pages/disclosure/PublicationPage"));

/**
 * Signed-in area: loads the account, sends strangers to /login and new accounts to /profile. Its pages
 * are shown in the app's shell (menu, header), or `bare` without it: the print views.
 */
function Protected({ bare = false }: { bare?: boolean }) {
  const { data: me, isPending, error, refetch } = useMeQuery();
  const location = useLocation();
  if (isPending) return <PageSpin />;
  if (error) return <PageError error={error} onRetry={() => void refetch()} />;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (me.mustChangePassword && location.pathname !== "/profile")
    return <Navigate to="/profile" replace state={{ mustChange: true }} />;
  return (
    <SessionProvider me={me}>
      <YearProvider>{bare ? <Outlet /> : <AppLayout />}</YearProvider>
    </SessionProvider>
  );
}

/** A page of the menu: shown if the account may use it, else the 403 page. */
function Guard({ path, children }: { path: string; children: ReactNode }) {
  const { me } = useSession();
  const item = NAV.find((n) => n.path === path);
  if (item && !mayUse(item, me)) return <ForbiddenPage />;
  return <>{children}</>;
}

export function AppRoutes() {
  return (
    <Suspense fallback={<PageSpin />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route element={<Protected bare />}>
          <Route
            path="goal-tables/:id/print"
            element={
              <Guard path="/goal-tables">
                <GoalTablePrintPage />
              </Guard>
            }
          />
          <Route
            path="rectification/notices/:id/print"
            element={
              <Guard path="/rectification">
                <RectificationNoticePrintPage />
              </Guard>
            }
          />
          <Route
            path="monitoring/reports/:id/print"
            element={
              <Guard path="/monitoring/reports">
                <MonitoringReportPrintPage />
              </Guard>
            }
          />
        </Route>
        <Route element={<Protected />}>
          <Route index element={<HomePage />} />
          <Route
            path="plan"
            element={
              <Guard path="/plan">
                <WorkPlanPage />
              </Guard>
            }
          />
          <Route
            path="tasks"
            element={
              <Guard path="/tasks">
                <TasksPage />
              </Guard>
            }
          />
          <Route
            path="tasks/:id"
            element={
              <Guard path="/tasks">
                <TaskRedirectPage />
              </Guard>
            }
          />
          <Route
            path="monitoring/follow-ups"
            element={
              <Guard path="/monitoring/follow-ups">
                <FollowUpsPage />
              </Guard>
            }
          />
          <Route
            path="monitoring/follow-ups/:id"
            element={
              <Guard path="/monitoring/follow-ups">
                <FollowUpDetailPage />
              </Guard>
            }
          />
          <Route
            path="rectification"
            element={
              <Guard path="/rectification">
                <RectificationPage />
              </Guard>
            }
          />
          <Route
            path="results/requests"
            element={
              <Guard path="/results/requests">
                <RequestsPage />
              </Guard>
            }
          />
          <Route
            path="rectification/new"
            element={
              <Guard path="/rectification">
                <RectificationIssuePage />
              </Guard>
            }
          />
          <Route
            path="rectification/notices/:id"
            element={
              <Guard path="/rectification">
                <RectificationNoticePage />
              </Guard>
            }
          />
          <Route
            path="rectification/items/:id"
            element={
              <Guard path="/rectification">
                <RectificationItemRedirectPage />
              </Guard>
            }
          />
          <Route
            path="results/rules"
            element={
              <Guard path="/results/rules">
                <ResultRulesPage />
              </Guard>
            }
          />
          <Route
            path="results/simulate"
            element={
              <Guard path="/results/simulate">
                <ResultSimulatePage />
              </Guard>
            }
          />
          <Route
            path="results/adjustments"
            element={
              <Guard path="/results/adjustments">
                <ResultAdjustmentsPage />
              </Guard>
            }
          />
          <Route
            path="results/adjustments/:id"
            element={
              <Guard path="/results/adjustments">
                <ResultAdjustmentPage />
              </Guard>
            }
          />
          <Route
            path="disclosure/publications"
            element={
              <Guard path="/disclosure/publications">
                <PublicationsPage />
              </Guard>
            }
          />
          <Route
            path="disclosure/publications/:id"
            element={
              <Guard path="/disclosure/publications">
                <PublicationPage />
              </Guard>
            }
          />
          <Route
            path="report/annual"
            element={
              <Guard path="/report/annual">
                <AnnualReportPage />
              </Guard>
            }
          />
          <Route
            path="projects"
            element={
              <Guard path="/projects">
                <ProjectsPage />
              </Guard>
            }
          />
          <Route
            path="projects/:id"
            element={
              <Guard path="/projects">
                <ProjectDetailPage />
              </Guard>
            }
          />
          <Route
            path="dept-budgets"
            element={
              <Guard path="/dept-budgets">
                <DeptBudgetsPage />
              </Guard>
            }
          />
          <Route
            path="goal-tables"
            element={
              <Guard path="/goal-tables">
                <GoalTablesPage />
              </Guard>
            }
          />
          <Route
            path="goal-tables/:id"
            element={
              <Guard path="/goal-tables">
                <GoalTableDetailPage />
              </Guard>
            }
          />
          <Route
            path="monitoring/reports"
            element={
              <Guard path="/monitoring/reports">
                <MonitoringReportsPage />
              </Guard>
            }
          />
          <Route
            path="monitoring/reports/:id"
            element={
              <Guard path="/monitoring/reports">
                <MonitoringReportPage />
              </Guard>
            }
          />
          <Route
            path="goals/library"
            element={
              <Guard path="/goals/library">
                <IndicatorLibraryPage />
              </Guard>
            }
          />
          <Route
            path="goals/quality"
            element={
              <Guard path="/goals/quality">
                <GoalQualityPage />
              </Guard>
            }
          />
          <Route
            path="goals/check"
            element={
              <Guard path="/goals/check">
                <GoalCheckPage />
              </Guard>
            }
          />
          <Route
            path="goals/reviews"
            element={
              <Guard path="/goals/reviews">
                <GoalReviewsPage />
              </Guard>
            }
          />
          <Route
            path="goals/rules"
            element={
              <Guard path="/goals/rules">
                <GoalRulesPage />
              </Guard>
            }
          />
          <Route
            path="monitoring"
            element={
              <Guard path="/monitoring">
                <MonitoringPage />
              </Guard>
            }
          />
          <Route
            path="monitoring/rounds/:id/select"
            element={
              <Guard path="/monitoring">
                <MonitoringSelectPage />
              </Guard>
            }
          />
          <Route
            path="monitoring/rounds/:id/key"
            element={
              <Guard path="/monitoring">
                <MonitoringKeyPage />
              </Guard>
            }
          />
          <Route
            path="monitoring/rules"
            element={
              <Guard path="/monitoring/rules">
                <MonitoringRulesPage />
              </Guard>
            }
          />
          <Route
            path="selfeval"
            element={
              <Guard path="/selfeval">
                <SelfEvalPage />
              </Guard>
            }
          />
          <Route
            path="selfeval/forms"
            element={
              <Guard path="/selfeval/forms">
                <SelfEvalFormsPage />
              </Guard>
            }
          />
          <Route
            path="selfeval/forms/:id"
            element={
              <Guard path="/selfeval/forms">
                <SelfEvalFormPage />
              </Guard>
            }
          />
          <Route
            path="selfeval/rules"
            element={
              <Guard path="/selfeval/rules">
                <SelfEvalRulesPage />
              </Guard>
            }
          />
          <Route
            path="review"
            element={
              <Guard path="/review">
                <ReviewDrawPage />
              </Guard>
            }
          />
          <Route
            path="review/firms"
            element={
              <Guard path="/review/firms">
                <ReviewFirmsPage />
              </Guard>
            }
          />
          <Route
            path="review/items"
            element={
              <Guard path="/review/items">
                <ReviewItemsPage />
              </Guard>
            }
          />
          <Route
            path="review/items/:id"
            element={
              <Guard path="/review/items">
                <ReviewItemPage />
              </Guard>
            }
          />
          <Route
            path="review/stats"
            element={
              <Guard path="/review/stats">
                <ReviewStatsPage />
              </Guard>
            }
          />
          <Route
            path="evaluations"
            element={
              <Guard path="/evaluations">
                <EvaluationsPage />
              </Guard>
            }
          />
          <Route
            path="evaluations/framework"
            element={
              <Guard path="/evaluations/framework">
                <EvaluationFrameworkPage />
              </Guard>
            }
          />
          <Route
            path="evaluations/:id"
            element={
              <Guard path="/evaluations">
                <EvaluationPage />
              </Guard>
            }
          />
          <Route
            path="evaluations/experts"
            element={
              <Guard path="/evaluations/experts">
                <ExpertsPage />
              </Guard>
            }
          />
          <Route
            path="evaluations/stats"
            element={
              <Guard path="/evaluations/stats">
                <EvaluationStatsPage />
              </Guard>
            }
          />
          <Route
            path="results/department-scores"
            element={
              <Guard path="/results/department-scores">
                <DepartmentScoresPage />
              </Guard>
            }
          />
          <Route
            path="orgs"
            element={
              <Guard path="/orgs">
                <OrgsPage />
              </Guard>
            }
          />
          <Route
            path="imports"
            element={
              <Guard path="/imports">
                <ImportsPage />
              </Guard>
            }
          />
          <Route
            path="imports/history"
            element={
              <Guard path="/imports">
                <ImportHistoryPage />
              </Guard>
            }
          />
          <Route
            path="users"
            element={
              <Guard path="/users">
                <UsersPage />
              </Guard>
            }
          />
          <Route
            path="audit"
            element={
              <Guard path="/audit">
                <AuditPage />
              </Guard>
            }
          />
          <Route path="profile" element={<ProfilePage />} />
          <Route path="403" element={<ForbiddenPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
