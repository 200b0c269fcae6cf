/** The orders the account list offers (the administrator's users page and its Excel export). */
export const USER_SORTS = ["org", "username", "displayName", "role", "lastLoginAt"] as const;
export type UserSort = (typeof USER_SORTS)[number];

/** The filters and order of the account list. */
export interface UserListQuery {
  q?: string | undefined;
  role?: import("./roles").Role | undefined;
  sort?: UserSort | undefined;
  order?: "asc" | "desc" | undefined;
}

/** At most this many accounts go into one export (a region has a few hundred). */
export const MAX_USER_EXPORT = 10_000;
