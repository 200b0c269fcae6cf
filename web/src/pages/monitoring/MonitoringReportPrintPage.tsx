import { ArrowLeftOutlined } from "@ant-design/icons";
import { Button } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import { isApiError } from "../../api/client";
import { useMonitoringReport } from "../../api/monitoring/reports";
import { MonitoringPrintSheet } from "../../components/monitoring/MonitoringPrintSheet";
import { PageError } from "../../components/PageError";
import { PageSpin } from "../../components/PageSpin";
import { PrintPage } from "../../components/print/PrintPage";
import NotFoundPage from "../NotFoundPage";

/** /monitoring/reports/:id/print: the filled 绩效运行监控表 on A4 (landscape), for signature and seal. */
export default function MonitoringReportPrintPage() {
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  return <ReportPrint key={id} id={id} />;
}

function ReportPrint({ id }: { id: number }) {
  const navigate = useNavigate();
  const [printedAt] = useState(() => dayjs().format("YYYY-MM-DD HH:mm"));
  const q = useMonitoringReport(id);
  if (isApiError(q.error) && q.error.status === 404) return <NotFoundPage />;
  if (q.error && !q.data) return <PageError error={q.error} onRetry={() => void q.refetch()} />;
  if (!q.data) return <PageSpin />;
  const d = q.data;
  return (
    <PrintPage
      documentTitle={`绩效运行监控表-${d.name}-${d.round.fiscalYear}年截至${d.round.cutoffMonth}月`}
      orientation="landscape"
      back={
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/monitoring/reports/${id}`)}>
          返回监控表
        </Button>
      }
    >
      <MonitoringPrintSheet data={d} printedAt={printedAt} />
    </PrintPage>
  );
}
