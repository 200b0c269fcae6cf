import { AppError } from "../../core/errors";
import { passwordProblem, USERNAME_RE, USERNAME_RULE } from "../../core/password-policy";
import { ROLE_LABELS, ROLE_ORG_KIND, type Role } from "../../core/roles";
import { auditEntry } from "../audit/entry";
import { authorize } from "../authorize";
import type { Actor, Deps } from "../context";
import type { UserRecord } from "./ports";

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  orgId: number;
  password: string;
  mustChangePassword?: boolean;
}

/** An administrator creates an account; the organisation must fit the role (a unit account on a unit …). */
export async function createUser(deps: Deps, actor: Actor, input: NewUser): Promise<UserRecord> {
  authorize(actor, "user.manage");
  const username = input.username.trim();
  if (!USERNAME_RE.test(username))
    throw new AppError("validation", "USERNAME_INVALID", USERNAME_RULE, { field: "username" });
  const displayName = input.displayName.trim();
  if (!displayName || displayName.length > 40 || /[<>]/.test(displayName)) {
    throw new AppError("validation", "DISPLAY_NAME_INVALID", "姓名必填，不超过 40 个字，不能含 < >", {
      field: "displayName",
    });
  }
  const problem = passwordProblem(input.password);
  if (problem) throw new AppError("validation", "PASSWORD_WEAK", problem, { field: "password" });
  await checkRoleOrg(deps, actor, input.role, input.orgId);
  if (await deps.uow.read.users.byUsername(username)) {
    throw new AppError("conflict", "USERNAME_TAKEN", `用户名“${username}”已被使用`, { field: "username" });
  }
  const passwordHash = await deps.hasher.hash(input.password);
  return deps.uow.transaction(async (repos) => {
    const user = await repos.users.insert({
      username,
      displayName,
      passwordHash,
      role: input.role,
      regionCode: actor.regionCode,
      orgId: input.orgId,
      active: true,
      mustChangePassword: input.mustChangePassword ?? true,
    });
    await repos.audit.append([
      auditEntry(actor, deps.clock, { action: "create", entity: "user", entityId: user.id, after: publicUser(user) }),
    ]);
    return user;
  });
}

export async function checkRoleOrg(deps: Deps, actor: Actor, role: Role, orgId: number): Promise<void> {
  const org = await deps.uow.read.orgs.byId(orgId);
  if (!org || org.regionCode !== actor.regionCode) {
    throw new AppError("validation", "ORG_NOT_FOUND", `所属单位不存在：${orgId}`, { field: "orgId" });
  }
  const needed = ROLE_ORG_KIND[role];
  if (org.kind !== needed) {
    throw new AppError(
      "validation",
      "ROLE_ORG_MISMATCH",
      `“${ROLE_LABELS[role]}”账号须属于${kindLabel(needed)}，而“${org.name}”不是`,
      {
        field: "orgId",
      },
    );
  }
}

const kindLabel = (k: string) =>
  ({ bureau: "财政局", department: "主管部门", unit: "预算单位", firm: "第三方机构" })[k] ?? k;

/** What the audit log and the API may show of a user: never the password hash. */
export function publicUser(u: UserRecord) {
  const { passwordHash: _omit, ...rest } = u;
  return rest;
}
