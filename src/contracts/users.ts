import { z } from "zod";
import { ROLES } from "../core/roles";
import { USER_SORTS } from "../core/users";
import {
  fileResponse,
  Id,
  IdParam,
  Instant,
  NoContent,
  OrgRef,
  operation,
  Paging,
  page,
  responses,
  Version,
  XLSX,
} from "./common";

/** An account as administrators see it (never its password hash). */
export const User = z
  .object({
    id: Id,
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    regionCode: z.string(),
    orgId: Id,
    active: z.boolean(),
    mustChangePassword: z.boolean(),
    lastLoginAt: Instant.nullable(),
    version: z.number().int().describe("乐观锁版本号：修改时原样带回"),
  })
  .meta({ id: "User" });

export const UserRow = User.extend({ roleLabel: z.string(), org: OrgRef }).meta({ id: "UserRow" });

/** The filters and order of the account list (list and export). */
export const UserFilterQuery = z.object({
  q: z.string().trim().max(64).optional(),
  role: z.enum(ROLES).optional(),
  sort: z.enum(USER_SORTS).default("org"),
  order: z.enum(["asc", "desc"]).default("asc"),
});

export const listUsers = operation("user.manage", {
  operationId: "listUsers",
  tags: ["users"],
  summary: "账号列表",
  querystring: UserFilterQuery.extend(Paging),
  response: responses({ 200: page(UserRow) }),
});

export const exportUsers = operation("user.manage", {
  operationId: "exportUsers",
  tags: ["users"],
  summary: "导出当前筛选的账号为 Excel",
  querystring: UserFilterQuery,
  response: responses({ 200: fileResponse(XLSX, "用户清单 Excel") }),
});

export const createUser = operation("user.manage", {
  operationId: "createUser",
  tags: ["users"],
  summary: "新建账号（首次登录须修改密码）",
  body: z.object({
    username: z.string().max(32),
    displayName: z.string().max(40),
    role: z.enum(ROLES),
    orgId: Id,
    password: z.string().max(128),
  }),
  response: responses({ 201: z.object({ user: User }) }),
});

export const updateUser = operation("user.manage", {
  operationId: "updateUser",
  tags: ["users"],
  summary: "修改账号（姓名、角色、单位、启用状态；须带 version）",
  params: IdParam,
  body: z.object({
    version: Version,
    displayName: z.string().max(40).optional(),
    role: z.enum(ROLES).optional(),
    orgId: Id.optional(),
    active: z.boolean().optional(),
  }),
  response: responses({ 200: z.object({ user: User }) }),
});

export const resetPassword = operation("user.manage", {
  operationId: "resetPassword",
  tags: ["users"],
  summary: "管理员重置密码（该用户下次登录须修改）",
  params: IdParam,
  body: z.object({ password: z.string().max(128) }),
  response: responses({ 204: NoContent }),
});
