import type { UserWithOrg } from "../../app/users/ports";
import { ACTIONS, can } from "../../core/permissions";
import { ROLE_LABELS } from "../../core/roles";

/** The signed-in user as the web app needs it: identity, organisation and what the role may do. */
export const presentMe = (u: UserWithOrg) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  roleLabel: ROLE_LABELS[u.role],
  regionCode: u.regionCode,
  regionName: u.regionName,
  org: { id: u.org.id, code: u.org.code, name: u.org.name, kind: u.org.kind },
  mustChangePassword: u.mustChangePassword,
  permissions: ACTIONS.filter((a) => can(u.role, a)),
});
