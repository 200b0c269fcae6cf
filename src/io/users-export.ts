import type { UserRecord } from "../app/users/ports";
import { minuteInChina } from "../core/calendar";
import { ROLE_LABELS } from "../core/roles";
import { writeXlsx } from "./write-xlsx";

type ExportedUser = Omit<UserRecord, "passwordHash"> & { org: { code: string; name: string } };

/** The region's accounts as an Excel sheet (never a password hash: the rows are public users). */
export function usersWorkbook(rows: readonly ExportedUser[]): Promise<Buffer> {
  return writeXlsx([
    {
      name: "用户",
      title: `用户清单（共 ${rows.length} 个账号）`,
      columns: [
        { header: "用户名", key: "username", kind: "text", width: 16 },
        { header: "姓名", key: "displayName", kind: "text", width: 14 },
        { header: "角色", key: "role", kind: "text", width: 14 },
        { header: "所属单位编码", key: "orgCode", kind: "text", width: 14 },
        { header: "所属单位", key: "org", kind: "text", width: 30 },
        { header: "状态", key: "active", kind: "text", width: 8 },
        { header: "须修改密码", key: "mustChange", kind: "text", width: 10 },
        { header: "最近登录", key: "lastLoginAt", kind: "text", width: 20 },
      ],
      rows: rows.map((u) => ({
        username: u.username,
        displayName: u.displayName,
        role: ROLE_LABELS[u.role],
        orgCode: u.org.code,
        org: u.org.name,
        active: u.active ? "启用" : "停用",
        mustChange: u.mustChangePassword ? "是" : "否",
        lastLoginAt: u.lastLoginAt ? minuteInChina(new Date(u.lastLoginAt)) : "从未登录",
      })),
    },
  ]);
}
