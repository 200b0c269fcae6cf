import type { Actor } from "../context";
import type { UserWithOrg } from "../users/ports";

export const actorOf = (u: UserWithOrg): Actor => ({
  userId: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  regionCode: u.regionCode,
  orgId: u.orgId,
  orgPath: u.org.path,
});

/** The CLI and the demo loader act as the system, with the rights of the region's administrator. */
export const systemActor = (regionCode: string, orgId = 0, orgPath = ""): Actor => ({
  userId: null,
  username: "system",
  displayName: "系统",
  role: "finance_admin",
  regionCode,
  orgId,
  orgPath,
});
