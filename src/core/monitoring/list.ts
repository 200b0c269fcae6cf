/** The columns a monitoring report list may be sorted by (validated by the contract, applied by the use case). */
export const REPORT_SORTS = ["department", "code", "budget", "rate", "light", "status", "updatedAt"] as const;
export type ReportSort = (typeof REPORT_SORTS)[number];
