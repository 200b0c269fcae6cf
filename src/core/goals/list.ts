/**
 * How the goal table list can be sorted (server side, so that paging follows the sort). Finding counts are
 * computed by the checks after the page is read, so they are not a sort: the 目标智能审核 page ranks by them.
 */
export const GOAL_TABLE_SORTS = ["subjectCode", "subjectName", "department", "unit", "status", "updatedAt"] as const;
export type GoalTableSort = (typeof GOAL_TABLE_SORTS)[number];

/** Sorting by status follows how far a table has come: draft, returned, awaiting the department, finance, approved. */
export const GOAL_STATUS_SORT_ORDER = ["draft", "returned", "submitted", "dept_approved", "approved"] as const;
