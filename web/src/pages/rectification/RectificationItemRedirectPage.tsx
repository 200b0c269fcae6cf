import { Navigate, useParams } from "react-router";
import { useRectificationItem } from "../../api/rectification/rectification";
import { PageError } from "../../components/PageError";
import { PageSpin } from "../../components/PageSpin";

/** /rectification/items/:id (the link of its task and notifications): the item on its notice, opened. */
export default function RectificationItemRedirectPage() {
  const id = Number(useParams().id);
  const item = useRectificationItem(id);
  if (item.error) return <PageError error={item.error} onRetry={() => void item.refetch()} />;
  if (!item.data) return <PageSpin />;
  return <Navigate to={`/rectification/notices/${item.data.noticeId}?item=${id}`} replace />;
}
