import { DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import { Button, Tooltip } from "antd";
import { useState } from "react";
import { monitoringWorkbookUrl } from "../../api/monitoring/workbook";
import { useSession } from "../../auth/session";
import { WorkbookImportModal } from "./WorkbookImportModal";

/**
 * 下载填报表 / 导入填报表 for a monitoring round. A unit downloads the reports it fills, a department its own
 * and its units' (or the unit chosen); finance downloads a department or a unit chosen in the filters, since
 * the whole region is too much for one file. Importing is for those who fill reports (units, departments).
 */
export function WorkbookButtons({
  roundId,
  departmentId,
  unitId,
}: {
  roundId: number;
  /** The department chosen in the list's filter, if any. */
  departmentId?: number | undefined;
  /** The unit chosen in the list's filter, if any. */
  unitId?: number | undefined;
}) {
  const { me } = useSession();
  const [importing, setImporting] = useState(false);
  const isBureau = me.org.kind === "bureau";
  const canExport = !isBureau || departmentId !== undefined || unitId !== undefined;
  const fills = me.role === "unit" || me.role === "department";
  const download = (
    <Button
      icon={<DownloadOutlined />}
      href={canExport ? monitoringWorkbookUrl({ roundId, departmentId, unitId }) : undefined}
      download
      disabled={!canExport}
      data-testid="monitoring-workbook-download"
    >
      下载填报表
    </Button>
  );
  return (
    <>
      {canExport ? (
        <Tooltip title="每份监控表一个工作表，预填内容已锁定，黄色单元格可离线填写">{download}</Tooltip>
      ) : (
        <Tooltip title="请先在“主管部门”中选择要下载的部门">
          <span>{download}</span>
        </Tooltip>
      )}
      {fills && (
        <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="monitoring-workbook-import">
          导入填报表
        </Button>
      )}
      <WorkbookImportModal roundId={roundId} open={importing} onClose={() => setImporting(false)} />
    </>
  );
}
