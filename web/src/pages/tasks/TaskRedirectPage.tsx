import { Navigate, useParams } from "react-router";
import { useTask } from "../../api/tasks/tasks";
import { PageError } from "../../components/PageError";
import { PageSpin } from "../../components/PageSpin";

/** /tasks/:id (the link a notification carries): opens where the task is done, whatever its object now is. */
export default function TaskRedirectPage() {
  const id = Number(useParams().id);
  const task = useTask(id);
  if (task.error) return <PageError error={task.error} onRetry={() => void task.refetch()} />;
  if (!task.data) return <PageSpin />;
  return <Navigate to={task.data.link} replace />;
}
