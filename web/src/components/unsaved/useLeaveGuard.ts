import { App } from "antd";
import { useCallback, useEffect, useRef } from "react";
import { registerUnsaved } from "./registry";

/** The parts of the Navigation API used here (Chromium; elsewhere the guard covers clicks and unloads only). */
interface NavigateEventLike extends Event {
  navigationType: string;
  cancelable: boolean;
  destination: { key: string };
}
interface NavigationLike extends EventTarget {
  traverseTo(key: string): unknown;
}

/** Things in the app shell that take the user to another page. */
const LEAVING = "a[href], .ant-menu-item, .ant-dropdown-menu-item";

/**
 * Asks before unsaved changes are lost. The app uses a plain <BrowserRouter> (no data router, so no
 * useBlocker): this guards the ways out instead — closing or reloading the tab (beforeunload), clicks on
 * links, the side menu and the user menu (caught before the router sees them, replayed when the user
 * confirms), and the browser's back button where the Navigation API can cancel it.
 *
 * While dirty, the page is also registered as holding unsaved edits (registry.ts), so that the header's
 * year selector asks before switching the year under it. `options.discard` lets the page drop its edits
 * in place when the user switches anyway; without it the page is left for its list.
 *
 * Returns `confirmLeave(go)` for the page's own ways out (a 返回 button).
 */
export function useLeaveGuard(dirty: boolean, options: { discard?: () => void } = {}): (go: () => void) => void {
  const { modal } = App.useApp();
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const discardRef = useRef(options.discard);
  discardRef.current = options.discard;
  const canDiscard = options.discard !== undefined;

  useEffect(() => {
    if (!dirty) return;
    return registerUnsaved(canDiscard ? { discard: () => discardRef.current?.() } : {});
  }, [dirty, canDiscard]);
  const passNext = useRef(false);
  const asking = useRef(false);

  const confirmLeave = useCallback(
    (go: () => void) => {
      if (!dirtyRef.current) {
        go();
        return;
      }
      if (asking.current) return;
      asking.current = true;
      modal.confirm({
        title: "有未保存的修改",
        content: "离开本页将丢失尚未保存的修改。确定离开吗？",
        okText: "放弃修改并离开",
        okButtonProps: { danger: true },
        cancelText: "留在本页",
        onOk: () => {
          asking.current = false;
          go();
        },
        onCancel: () => {
          asking.current = false;
        },
      });
    },
    [modal],
  );

  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!dirtyRef.current) return;
      e.preventDefault();
      e.returnValue = "";
    };
    const onClick = (e: MouseEvent) => {
      if (passNext.current) {
        passNext.current = false;
        return;
      }
      if (!dirtyRef.current || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const el = e.target instanceof Element ? e.target.closest<HTMLElement>(LEAVING) : null;
      if (!el) return;
      if (el instanceof HTMLAnchorElement) {
        if (el.target === "_blank" || el.hasAttribute("download")) return;
        const url = new URL(el.href, window.location.href);
        if (url.origin !== window.location.origin) return; // beforeunload asks
        if (url.pathname === window.location.pathname && url.search === window.location.search) return;
      }
      e.preventDefault();
      e.stopPropagation();
      confirmLeave(() => {
        passNext.current = true;
        el.click();
      });
    };
    const navigation = (window as unknown as { navigation?: NavigationLike }).navigation;
    const onNavigate = (event: Event) => {
      const e = event as NavigateEventLike;
      if (passNext.current) {
        passNext.current = false;
        return;
      }
      if (!dirtyRef.current || e.navigationType !== "traverse" || !e.cancelable) return;
      e.preventDefault();
      const key = e.destination.key;
      confirmLeave(() => {
        passNext.current = true;
        navigation?.traverseTo(key);
      });
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    navigation?.addEventListener("navigate", onNavigate);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
      navigation?.removeEventListener("navigate", onNavigate);
    };
  }, [confirmLeave]);

  return confirmLeave;
}
