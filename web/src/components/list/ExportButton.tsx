import { DownloadOutlined } from "@ant-design/icons";
import { Button } from "antd";

/** Downloads the list as Excel, with the filters and sort on screen and without paging (the server caps it). */
export function ExportButton({ href, testId }: { href: string; testId: string }) {
  return (
    <Button icon={<DownloadOutlined />} href={href} download data-testid={testId}>
      导出Excel
    </Button>
  );
}
