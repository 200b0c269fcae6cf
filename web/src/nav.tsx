/** The side menu: one entry per page, shown only to accounts that may use it. */
import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CalculatorOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  ControlOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  ExperimentOutlined,
  FileDoneOutlined,
  FileExcelOutlined,
  FileSearchOutlined,
  FileTextOutlined,
  FileWordOutlined,
  FlagOutlined,
  FormOutlined,
  GlobalOutlined,
  HomeOutlined,
  IdcardOutlined,
  OrderedListOutlined,
  PieChartOutlined,
  ProfileOutlined,
  ProjectOutlined,
  ReconciliationOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  TeamOutlined,
  ToolOutlined,
  TrophyOutlined,
} from "@ant-design/icons";
import type { MenuProps } from "antd";
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
  /** The menu group it is listed under (a key of NAV_GROUPS); none = top level. */
  group?: string;
  /** Another name for some accounts (the same page reads differently to them). */
  labelFor?: (me: Me) => string | undefined;
}

/** Menu groups: a heading over consecutive NAV items that share the group. */
export const NAV_GROUPS: Record<string, { label: string }> = {
  goals: { label: "绩效目标" },
  monitoring: { label: "绩效运行监控" },
  selfeval: { label: "单位自评" },
  review: { label: "抽查复核" },
  evaluations: { label: "绩效评价" },
  results: { label: "结果应用" },
  disclosure: { label: "信息公开" },
};

/** Monitoring's overview pages are for finance, departments and auditors; units work on their own forms. */
const notUnit = (me: Me) => me.role !== "unit";

export const NAV: NavItem[] = [
  { path: "/", label: "首页", icon: <HomeOutlined /> },
  { path: "/plan", label: "年度工作安排", icon: <CalendarOutlined />, permission: "plan.read" },
  { path: "/tasks", label: "任务与进度", icon: <CheckSquareOutlined />, permission: "task.read" },
  { path: "/projects", label: "项目库", icon: <ProjectOutlined />, permission: "project.read" },
  {
    path: "/dept-budgets",
    label: "部门整体预算",
    icon: <BankOutlined />,
    permission: "deptBudget.read",
  },
  {
    path: "/goal-tables",
    label: "绩效目标表",
    icon: <FileTextOutlined />,
    permission: "goal.read",
    group: "goals",
  },
  {
    path: "/goals/library",
    label: "指标库",
    icon: <DatabaseOutlined />,
    permission: "goal.read",
    group: "goals",
  },
  {
    path: "/goals/quality",
    label: "目标智能审核",
    icon: <FileSearchOutlined />,
    permission: "goal.lint",
    group: "goals",
  },
  {
    path: "/goals/check",
    label: "检查外来目标表",
    icon: <FileExcelOutlined />,
    permission: "goal.checkFile",
    group: "goals",
  },
  {
    path: "/goals/reviews",
    label: "目标现场会审",
    icon: <ScheduleOutlined />,
    permission: "goal.lint",
    group: "goals",
  },
  {
    path: "/goals/rules",
    label: "指标体系与规则",
    icon: <ControlOutlined />,
    permission: "goal.lint",
    group: "goals",
  },
  {
    path: "/monitoring",
    label: "运行监控",
    icon: <DashboardOutlined />,
    permission: "monitoring.read",
    visible: notUnit,
    group: "monitoring",
  },
  {
    path: "/monitoring/reports",
    label: "监控填报",
    icon: <FormOutlined />,
    permission: "monitoring.read",
    group: "monitoring",
  },
  {
    path: "/monitoring/rules",
    label: "预警规则",
    icon: <AlertOutlined />,
    permission: "monitoring.read",
    visible: notUnit,
    group: "monitoring",
  },
  {
    path: "/monitoring/follow-ups",
    label: "跟进措施",
    icon: <FlagOutlined />,
    permission: "monitoring.read",
    group: "monitoring",
  },
  {
    path: "/selfeval",
    label: "自评进度",
    icon: <SolutionOutlined />,
    permission: "selfeval.read",
    visible: notUnit,
    group: "selfeval",
  },
  {
    path: "/selfeval/forms",
    label: "自评表",
    icon: <ProfileOutlined />,
    permission: "selfeval.read",
    group: "selfeval",
  },
  {
    path: "/selfeval/rules",
    label: "评分规则",
    icon: <CalculatorOutlined />,
    permission: "selfeval.read",
    group: "selfeval",
  },
  {
    path: "/review",
    label: "复核抽样",
    icon: <ExperimentOutlined />,
    permission: "review.manage",
    group: "review",
  },
  {
    path: "/review/items",
    label: "复核任务",
    icon: <FileDoneOutlined />,
    permission: "review.read",
    group: "review",
    // A reviewer sees the reviews assigned to them; a department or unit the confirmed ones of its forms.
    labelFor: (me) =>
      me.role === "firm" ? "我的复核任务" : me.role === "unit" || me.role === "department" ? "复核结果" : undefined,
  },
  {
    path: "/review/firms",
    label: "第三方机构",
    icon: <SafetyCertificateOutlined />,
    permission: "review.manage",
    group: "review",
  },
  {
    path: "/review/stats",
    label: "复核统计",
    icon: <PieChartOutlined />,
    permission: "review.manage",
    group: "review",
  },
  {
    path: "/evaluations",
    label: "绩效评价",
    icon: <ReconciliationOutlined />,
    permission: "evaluation.read",
    group: "evaluations",
    // An expert sees the key evaluations whose team they are on.
    labelFor: (me) => (me.role === "expert" ? "我的评价任务" : undefined),
  },
  {
    path: "/evaluations/framework",
    label: "评价指标体系",
    icon: <OrderedListOutlined />,
    permission: "evaluation.read",
    group: "evaluations",
  },
  {
    path: "/evaluations/experts",
    label: "专家库",
    icon: <IdcardOutlined />,
    permission: "evaluation.manage",
    group: "evaluations",
  },
  {
    path: "/evaluations/stats",
    label: "评价统计",
    icon: <BarChartOutlined />,
    permission: "evaluation.manage",
    group: "evaluations",
  },
  {
    path: "/rectification",
    label: "整改管理",
    icon: <ToolOutlined />,
    permission: "rectification.read",
    group: "evaluations",
  },
  {
    path: "/results/requests",
    label: "下年度预算申请",
    icon: <FileExcelOutlined />,
    permission: "results.read",
    group: "results",
  },
  {
    path: "/results/department-scores",
    label: "部门绩效考核",
    icon: <TrophyOutlined />,
    permission: "results.read",
    group: "results",
  },
  // 结果应用: rules, simulation and adoption (finance), and the adopted adjustment list (everyone in scope).
  {
    path: "/results/rules",
    label: "结果应用规则",
    icon: <ControlOutlined />,
    permission: "results.manage",
    group: "results",
  },
  {
    path: "/results/simulate",
    label: "模拟与采纳",
    icon: <ExperimentOutlined />,
    permission: "results.manage",
    group: "results",
  },
  {
    path: "/results/adjustments",
    label: "调整清单",
    icon: <FileDoneOutlined />,
    permission: "results.read",
    group: "results",
  },
  // end of 结果应用
  // 信息公开: what the region publishes (the annual work report first).
  {
    path: "/disclosure/publications",
    label: "公开事项",
    icon: <GlobalOutlined />,
    permission: "disclosure.read",
    group: "disclosure",
  },
  {
    path: "/report/annual",
    label: "年度工作报告",
    icon: <FileWordOutlined />,
    permission: "report.read",
    group: "disclosure",
  },
  // end of 信息公开
  { path: "/orgs", label: "组织机构", icon: <ApartmentOutlined />, permission: "org.read" },
  { path: "/imports", label: "数据导入", icon: <CloudUploadOutlined />, permission: "import.run" },
  { path: "/users", label: "用户管理", icon: <TeamOutlined />, permission: "user.manage" },
  { path: "/audit", label: "审计日志", icon: <AuditOutlined />, permission: "audit.read" },
];

/** The name an entry has for an account. */
export const navLabel = (item: NavItem, me: Me): string => item.labelFor?.(me) ?? item.label;

export const mayUse = (item: NavItem, me: Me): boolean =>
  (!item.permission || me.permissions.includes(item.permission)) && (!item.visible || item.visible(me));

type MenuItems = NonNullable<MenuProps["items"]>;

/** The side menu's items for an account: NAV in order, grouped items under their group's heading. */
export function navMenuItems(me: Me): MenuItems {
  const items: MenuItems = [];
  for (const n of NAV.filter((item) => mayUse(item, me))) {
    const item = { key: n.path, icon: n.icon, label: navLabel(n, me) };
    const last = items.at(-1);
    if (!n.group) items.push(item);
    else if (last?.type === "group" && last.key === `group:${n.group}`) last.children?.push(item);
    else items.push({ type: "group", key: `group:${n.group}`, label: NAV_GROUPS[n.group]?.label, children: [item] });
  }
  return items;
}

/** The menu key of a path: the longest NAV path it lies under ("/goals/quality/x" → "/goals/quality"), or "/". */
export function navKeyOf(pathname: string): string {
  let best = "/";
  for (const n of NAV)
    if ((pathname === n.path || pathname.startsWith(`${n.path}/`)) && n.path.length > best.length) best = n.path;
  return best;
}

/** Titles of paths that are not in the menu, for breadcrumbs. */
export const EXTRA_TITLES: Record<string, string> = {
  "/profile": "修改密码",
  "/403": "无权访问",
  "/goals": "绩效目标",
  "/monitoring": "绩效运行监控",
  "/imports/history": "导入记录",
};
