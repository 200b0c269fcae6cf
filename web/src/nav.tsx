/** The side menu: one entry per page, shown only to accounts that may use it. */
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CloudUploadOutlined,
  HomeOutlined,
  ProjectOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import type { ReactNode } from "react";
import type { Action } from "../../src/core/permissions";
import type { Me } from "./api/types";

export interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
  /** Needed permission; none = every signed-in account. */
  permission?: Action;
  /** Extra condition beyond the permission. */
  visible?: (me: Me) => boolean;
}

export const NAV: NavItem[] = [
  { path: "/", label: "首页", icon: <HomeOutlined /> },
  { path: "/projects", label: "项目库", icon: <ProjectOutlined />, permission: "project.read" },
  {
    path: "/dept-budgets",
    label: "部门整体预算",
    icon: <BankOutlined />,
    permission: "deptBudget.read",
  },
  { path: "/orgs", label: "组织机构", icon: <ApartmentOutlined />, permission: "org.read" },
  { path: "/imports", label: "数据导入", icon: <CloudUploadOutlined />, permission: "import.run" },
  { path: "/users", label: "用户管理", icon: <TeamOutlined />, permission: "user.manage" },
  { path: "/audit", label: "审计日志", icon: <AuditOutlined />, permission: "audit.read" },
];

export const mayUse = (item: NavItem, me: Me): boolean =>
  (!item.permission || me.permissions.includes(item.permission)) && (!item.visible || item.visible(me));

/** Titles of paths that are not in the menu, for breadcrumbs. */
export const EXTRA_TITLES: Record<string, string> = {
  "/profile": "修改密码",
  "/403": "无权访问",
};
