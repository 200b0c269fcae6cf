/** How the adopted adjustment list can be ordered. */
export const ADJUSTMENT_SORTS = ["department", "code", "request", "cut", "newAmount"] as const;
export type AdjustmentSort = (typeof ADJUSTMENT_SORTS)[number];
