import { PrinterOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useHref } from "react-router";

/** 打印: opens the table's print view (the official 申报表 on A4) in a new tab. */
export function GoalTablePrintButton({ id }: { id: number }) {
  const href = useHref(`/goal-tables/${id}/print`);
  return (
    <Button icon={<PrinterOutlined />} href={href} target="_blank" rel="noopener" data-testid="goal-print">
      打印
    </Button>
  );
}
