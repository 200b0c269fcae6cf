import { PrinterOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { type ReactNode, useEffect } from "react";
import { PRINT_CSS, type PrintOrientation, pageRule } from "./printCss";

/**
 * A print view: one official form on an A4 sheet, without the app's menu and header. The toolbar
 * (打印, and a way back to the record) shows on screen only. `documentTitle` becomes the tab's title, which browsers offer as the
 * name of a saved PDF.
 */
export function PrintPage({
  documentTitle,
  orientation = "portrait",
  back,
  children,
}: {
  documentTitle: string;
  orientation?: PrintOrientation;
  /** A link back to the record (the print view opens in a tab of its own). */
  back?: ReactNode;
  children: ReactNode;
}) {
  useEffect(() => {
    const before = document.title;
    document.title = documentTitle;
    return () => {
      document.title = before;
    };
  }, [documentTitle]);

  return (
    <div className="jx-print-desk">
      <style>{PRINT_CSS + pageRule(orientation)}</style>
      <div className="jx-print-toolbar" data-testid="print-toolbar">
        <span className="jx-print-toolbar-title">{documentTitle}</span>
        {back}
        <Button type="primary" icon={<PrinterOutlined />} data-testid="print-button" onClick={() => window.print()}>
          打印
        </Button>
      </div>
      <div className={`jx-print-sheet jx-print-sheet-${orientation}`}>
        <div className="jx-doc" data-testid="print-document">
          {children}
        </div>
      </div>
    </div>
  );
}

/** The form's title, its year line, and the line above the grid (填报单位（盖章）…, 金额单位). */
export function PrintHeader({
  title,
  subtitle,
  left,
  right,
}: {
  title: string;
  subtitle?: ReactNode;
  left?: ReactNode;
  right?: ReactNode;
}) {
  return (
    <header>
      <h1 className="jx-doc-title" data-testid="print-title">
        {title}
      </h1>
      {subtitle && <div className="jx-doc-subtitle">{subtitle}</div>}
      {(left || right) && (
        <div className="jx-doc-meta">
          <span>{left}</span>
          <span>{right}</span>
        </div>
      )}
    </header>
  );
}

/** The discreet last line: version, status, when printed. */
export function PrintFooter({ parts }: { parts: readonly (string | null | undefined | false)[] }) {
  return (
    <div className="jx-doc-footer" data-testid="print-footer">
      {parts.filter(Boolean).join(" · ")}
    </div>
  );
}
