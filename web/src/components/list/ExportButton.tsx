import { DownloadOutlined } from "@ant-design/icons";
import { Button } from "antd";

/** Downloads the list as Excel, with the filters and sort on screen and without paging (the server caps it). */
export function ExportButton({ href, testId, label = "导出Excel" }: { href: string; testId: string; label?: string }) {
  return (
    <Button icon={<DownloadOutlined />} href={href} download data-testid={testId}>
      {label}
    </Button>
  );
}
