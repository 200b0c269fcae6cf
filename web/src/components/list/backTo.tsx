/**
 * The way back from a record to the list it was opened from. A list opens a record with `OpenLink` (or
 * `useOpenFromHere`): the link carries the list's address (path and query string: its filters, sort and
 * page) in the navigation state, and the scroll position is kept for that address. The record's 返回
 * button (`useBack`) goes to that address, or to a fallback when the page was opened directly; the list
 * then restores its scroll (`useRestoreScroll`) once its rows are on screen.
 */
import { type ComponentProps, useEffect, useRef } from "react";
import { Link, useLocation, useNavigate } from "react-router";

const SCROLL_KEY = "jx-list-scroll:";

interface CameFrom {
  from?: unknown;
  restoreScroll?: unknown;
}

/** Only an address inside the app is followed back (never `//host` or a full URL from a crafted state). */
const isAppPath = (p: unknown): p is string => typeof p === "string" && p.startsWith("/") && !p.startsWith("//");

/** What a list's link to a record carries: this list's address, and a click that keeps its scroll. */
export function useOpenFromHere() {
  const location = useLocation();
  const from = location.pathname + location.search;
  return {
    state: { from },
    onClick: () => {
      try {
        sessionStorage.setItem(SCROLL_KEY + from, String(Math.round(window.scrollY)));
      } catch {
        // Storage refused (private mode): going back still works, at the top of the list.
      }
    },
  };
}

/** A link from a list to a record that knows the way back. */
export function OpenLink(props: Omit<ComponentProps<typeof Link>, "state">) {
  const open = useOpenFromHere();
  return (
    <Link
      {...props}
      state={open.state}
      onClick={(e) => {
        open.onClick();
        props.onClick?.(e);
      }}
    />
  );
}

/** Goes back to the list the record was opened from (with its filters, sort and page), else to `fallback`. */
export function useBack(fallback: string) {
  const location = useLocation();
  const navigate = useNavigate();
  const from = (location.state as CameFrom | null)?.from;
  return () => navigate(isAppPath(from) ? from : fallback, { state: { restoreScroll: true } });
}

/** On a list reached by `useBack`: scrolls to where the user was, once `ready` (its rows are shown). */
export function useRestoreScroll(ready: boolean) {
  const location = useLocation();
  const settled = useRef(false);
  useEffect(() => {
    if (settled.current || !ready) return;
    settled.current = true;
    if (!(location.state as CameFrom | null)?.restoreScroll) return;
    let y = 0;
    try {
      y = Number(sessionStorage.getItem(SCROLL_KEY + location.pathname + location.search)) || 0;
    } catch {
      return;
    }
    if (y <= 0) return;
    // The page may still be growing (other cards loading above the list): try again until the position
    // is reachable, for up to two seconds.
    let tries = 0;
    const timer = window.setInterval(() => {
      window.scrollTo(0, y);
      if (Math.abs(window.scrollY - y) < 2 || ++tries >= 20) window.clearInterval(timer);
    }, 100);
    return () => window.clearInterval(timer);
  }, [ready, location]);
}
