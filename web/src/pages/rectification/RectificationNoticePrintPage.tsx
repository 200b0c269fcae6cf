import { ArrowLeftOutlined } from "@ant-design/icons";
import { Button } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import { isApiError } from "../../api/client";
import { useRectificationNotice } from "../../api/rectification/rectification";
import { PageError } from "../../components/PageError";
import { PageSpin } from "../../components/PageSpin";
import { PrintPage } from "../../components/print/PrintPage";
import { RectificationPrintSheet } from "../../components/rectification/RectificationPrintSheet";
import NotFoundPage from "../NotFoundPage";

/** /rectification/notices/:id/print: the 整改通知书 on A4, to seal and send, and for the unit to sign for. */
export default function RectificationNoticePrintPage() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  return <NoticePrint key={id} id={id} />;
}

function NoticePrint({ id }: { id: number }) {
  const navigate = useNavigate();
  const [printedAt] = useState(() => dayjs().format("YYYY-MM-DD HH:mm"));
  const q = useRectificationNotice(id);
  if (isApiError(q.error) && q.error.status === 404) return <NotFoundPage />;
  if (q.error && !q.data) return <PageError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <PageSpin />;
  return (
    <PrintPage
      documentTitle={`整改通知书-${q.data.unit.name}-${q.data.title}`}
      back={
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/rectification/notices/${id}`)}>
          返回整改通知
        </Button>
      }
    >
      <RectificationPrintSheet data={q.data} printedAt={printedAt} />
    </PrintPage>
  );
}
