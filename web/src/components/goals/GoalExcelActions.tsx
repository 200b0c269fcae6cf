import { DownloadOutlined, UploadOutlined } from "@ant-design/icons";
import { Button, Tooltip } from "antd";
import { useState } from "react";
import { goalTablesXlsxUrl, goalTableXlsxUrl } from "../../api/goals/goal-tables";
import type { OrgNode } from "../../api/types";
import { useSession } from "../../auth/session";
import { flattenOrgs } from "../orgs";
import { GoalExcelModal } from "./GoalExcelModal";

/**
 * 导出Excel / 导入Excel on the goal tables list. Finance exports the department chosen in the filter;
 * a department or a unit exports its own tables. Importing is for those who declare tables.
 */
export function GoalExcelActions({
  year,
  departmentId,
  orgs,
}: {
  year: number;
  departmentId: number | undefined;
  orgs: readonly OrgNode[] | undefined;
}) {
  const { me } = useSession();
  const [importing, setImporting] = useState(false);
  const isBureau = me.org.kind === "bureau";
  const department = isBureau
    ? flattenOrgs(orgs ?? []).find((o) => o.id === departmentId && o.kind === "department")?.code
    : undefined;
  const canExport = !isBureau || department !== undefined;
  const declares = me.role === "unit" || me.role === "department";
  const exportButton = (
    <Button
      icon={<DownloadOutlined />}
      href={canExport ? goalTablesXlsxUrl({ year, department }) : undefined}
      download
      disabled={!canExport}
      data-testid="goal-export-xlsx"
    >
      导出Excel
    </Button>
  );
  return (
    <>
      {canExport ? (
        exportButton
      ) : (
        <Tooltip title="请先在“主管部门”中选择要导出的部门">
          <span>{exportButton}</span>
        </Tooltip>
      )}
      {declares && (
        <Button icon={<UploadOutlined />} onClick={() => setImporting(true)} data-testid="goal-import-xlsx">
          导入Excel
        </Button>
      )}
      <GoalExcelModal open={importing} onClose={() => setImporting(false)} />
    </>
  );
}

/** 导出Excel on a table's page: the stored table (unsaved edits are not in the file). */
export function GoalTableXlsxButton({ id }: { id: number }) {
  return (
    <Tooltip title="按财预〔2020〕10号格式导出已保存的内容">
      <Button icon={<DownloadOutlined />} href={goalTableXlsxUrl(id)} download data-testid="goal-table-export-xlsx">
        导出Excel
      </Button>
    </Tooltip>
  );
}
