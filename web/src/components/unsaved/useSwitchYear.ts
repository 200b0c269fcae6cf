import { App } from "antd";
import { useCallback } from "react";
import { useLocation, useNavigate } from "react-router";
import { useYear } from "../../auth/session";
import { discardUnsaved, hasUnsaved } from "./registry";

/**
 * The header's year switch, guarded: while a page holds unsaved edits (registered by useLeaveGuard),
 * switching asks first (放弃修改并切换 / 取消) and does nothing on cancel. On confirmation the edits are
 * dropped: a page that can discard them in place does so and follows the new year; any other (a goal
 * table of the old year) is left for its list, so the header and the page never show different years.
 */
export function useSwitchYear(): (year: number) => void {
  const { year: current, setYear } = useYear();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  return useCallback(
    (year: number) => {
      if (year === current) return;
      if (!hasUnsaved()) {
        setYear(year);
        return;
      }
      modal.confirm({
        title: `切换到 ${year} 年度？`,
        content: "本页有尚未保存的修改，切换年度将放弃这些修改。",
        okText: "放弃修改并切换",
        okButtonProps: { danger: true, "data-testid": "year-switch-confirm" },
        cancelText: "取消",
        onOk: () => {
          if (!discardUnsaved()) navigate(pathname.replace(/\/[^/]+\/?$/, "") || "/");
          setYear(year);
        },
      });
    },
    [current, setYear, modal, navigate, pathname],
  );
}
