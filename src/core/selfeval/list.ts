/** The columns the self-evaluation list sorts by. */
export const FORM_SORTS = ["department", "code", "budget", "rate", "total", "status", "updatedAt"] as const;
export type FormSort = (typeof FORM_SORTS)[number];
