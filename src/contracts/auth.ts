import { z } from "zod";
import { ACTIONS } from "../core/permissions";
import { ORG_KINDS, ROLES } from "../core/roles";
import { Id, NoContent, operation, responses } from "./common";

/** The signed-in user as the web app needs it: identity, organisation and what the role may do. */
export const Me = z
  .object({
    id: Id,
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    roleLabel: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
    org: z.object({ id: Id, code: z.string(), name: z.string(), kind: z.enum(ORG_KINDS) }),
    mustChangePassword: z.boolean().describe("为真时，除修改密码外的调用均被拒绝"),
    permissions: z.array(z.enum(ACTIONS)).describe("本角色可执行的操作"),
  })
  .meta({ id: "Me" });

const MeBody = z.object({ user: Me });

export const login = operation("public", {
  operationId: "login",
  tags: ["auth"],
  summary: "登录（设置会话 Cookie）",
  description:
    "同一台电脑连续输错 5 次密码后该账号在这台电脑上锁定 10 分钟；账号或地址大量输错时每 3 秒只能尝试一次（429）。",
  body: z.object({
    username: z.string().min(1, "请输入用户名").max(64),
    password: z.string().min(1, "请输入密码").max(128),
  }),
  response: responses({ 200: MeBody }),
});

export const logout = operation("signed-in", {
  operationId: "logout",
  tags: ["auth"],
  summary: "退出登录",
  response: responses({ 204: NoContent }),
});

export const me = operation("signed-in", {
  operationId: "getMe",
  tags: ["auth"],
  summary: "当前用户",
  response: responses({ 200: MeBody }),
});

export const changePassword = operation("signed-in", {
  operationId: "changePassword",
  tags: ["auth"],
  summary: "修改本人密码（其他会话随之失效）",
  body: z.object({ currentPassword: z.string().max(128), newPassword: z.string().max(128) }),
  response: responses({ 204: NoContent }),
});
