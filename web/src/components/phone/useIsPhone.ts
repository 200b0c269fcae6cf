import { Grid } from "antd";

/**
 * True below antd's `md` breakpoint (768 px): a phone, or a very narrow window. Pages switch to their
 * phone layout with it (menu drawer, card lists, stacked indicator cards); the first render, before the
 * breakpoints are known, is the desktop one.
 */
export function useIsPhone(): boolean {
  const screens = Grid.useBreakpoint();
  return screens.md === false;
}
