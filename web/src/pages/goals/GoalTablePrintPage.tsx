import { ArrowLeftOutlined } from "@ant-design/icons";
import { Button } from "antd";
import dayjs from "dayjs";
import { useMemo, useState } from "react";
import { useNavigate, useParams } from "react-router";
import { isApiError } from "../../api/client";
import { useGoalRules } from "../../api/goals/goal-rules";
import { useGoalTable } from "../../api/goals/goal-tables";
import { useProjects } from "../../api/hooks";
import { GOAL_PRINT_TITLES, GoalPrintSheet } from "../../components/goals/GoalPrintSheet";
import { sortRows } from "../../components/goals/indicatorForm";
import { PageError } from "../../components/PageError";
import { PageSpin } from "../../components/PageSpin";
import { PrintPage } from "../../components/print/PrintPage";
import NotFoundPage from "../NotFoundPage";

/** /goal-tables/:id/print: the goal table as the official 申报表 on A4, for signature and seal. */
export default function GoalTablePrintPage() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  return <GoalTablePrint key={id} id={id} />;
}

function GoalTablePrint({ id }: { id: number }) {
  const navigate = useNavigate();
  const [printedAt] = useState(() => dayjs().format("YYYY-MM-DD HH:mm"));
  const q = useGoalTable(id);
  const table = q.data?.table;
  // Indicators are printed grouped as the year's template lists them, like the form on screen.
  const rules = useGoalRules(table?.fiscalYear ?? 0, table !== undefined);
  // 实施单位 of a project table comes with the project.
  const isProject = table?.subjectKind === "project";
  const projects = useProjects(
    { q: table?.subjectCode ?? "", year: table?.fiscalYear ?? 0, page: 1, pageSize: 5 },
    isProject,
  );
  const rows = useMemo(
    () => (table && rules.data ? sortRows(table.indicators, rules.data.template) : []),
    [table, rules.data],
  );

  if (isApiError(q.error) && q.error.status === 404) return <NotFoundPage />;
  if (q.error && !q.data) return <PageError error={q.error} onRetry={() => void q.refetch()} />;
  if (rules.error && !rules.data) return <PageError error={rules.error} onRetry={() => void rules.refetch()} />;
  if (!q.data || !table || !rules.data || (isProject && projects.isPending)) return <PageSpin />;

  const project = projects.data?.rows.find((p) => p.code === table.subjectCode);
  return (
    <PrintPage
      documentTitle={`${GOAL_PRINT_TITLES[table.subjectKind]}-${table.subjectName}-${table.fiscalYear}年度`}
      back={
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/goal-tables/${id}`)}>
          返回目标表
        </Button>
      }
    >
      <GoalPrintSheet data={q.data} rows={rows} unitName={project?.unit.name ?? null} printedAt={printedAt} />
    </PrintPage>
  );
}
