/** Chinese labels of codes, from the core where it has them. */
import { PROJECT_CATEGORY_LABELS, type ProjectCategory } from "../../../src/core/project";
import { ORG_KIND_LABELS, type OrgKind, ROLE_LABELS, type Role } from "../../../src/core/roles";

export const categoryLabel = (c: string): string => PROJECT_CATEGORY_LABELS[c as ProjectCategory] ?? c;
export const orgKindLabel = (k: string): string => ORG_KIND_LABELS[k as OrgKind] ?? k;
export const roleLabel = (r: string): string => ROLE_LABELS[r as Role] ?? r;

/**
 * Audit-log entities and actions as the server names them (every `entity` and `action` an audit entry is
 * written with); the audit page's filters and table both read these. Unknown names are shown as they are.
 */
export const ENTITY_LABELS: Record<string, string> = {
  project: "项目",
  project_execution: "项目月度执行",
  dept_budget: "部门整体预算",
  dept_execution: "部门整体月度执行",
  goal_table: "绩效目标表",
  goal_rules: "指标体系与规则",
  indicator_library: "指标库",
  review_draw: "目标现场会审抽取",
  review_visit: "目标现场会审记录",
  monitoring_round: "监控轮次",
  monitoring_selection: "部门监控对象选取",
  monitoring_report: "绩效运行监控表",
  monitoring_draw: "重点监控抽取",
  monitoring_rules: "监控预警规则",
  monitoring_action: "监控跟进措施",
  selfeval_round: "单位自评（开启）",
  selfeval_form: "单位自评表",
  selfeval_rules: "自评评分规则",
  work_plan: "年度工作安排",
  plan_phase: "工作阶段（下达）",
  task: "任务",
  import_batch: "导入批次",
  org: "单位",
  user: "用户",
  api_token: "API 令牌",
  region: "区划",
};

export const ACTION_LABELS: Record<string, string> = {
  create: "新增",
  update: "修改",
  delete: "删除",
  import: "导入",
  submit: "提交",
  approve: "审核通过",
  return: "退回",
  withdraw: "撤回",
  revise: "调整",
  carry_over: "上年结转",
  draw: "抽取",
  select: "选取监控对象",
  unselect: "撤销选取",
  confirm: "确认选定",
  unconfirm: "取消确认",
  link: "关联目标表",
  open: "下达",
  remind: "催办",
  feed: "汇入指标库",
  rebuild: "重建指标库",
  retire: "停用",
  restore: "恢复",
  revoke: "吊销",
  login: "登录",
  logout: "退出",
  login_failed: "登录失败",
  password_change: "修改密码",
  password_reset: "重置密码",
  "password.change": "修改密码",
  "password.reset": "重置密码",
};

export const entityLabel = (e: string): string => ENTITY_LABELS[e] ?? e;
export const actionLabel = (a: string): string => ACTION_LABELS[a] ?? a;

/** Chinese names of record fields, for before/after views of the audit log. */
export const FIELD_LABELS: Record<string, string> = {
  id: "编号",
  code: "编码",
  name: "名称",
  kind: "类型",
  parentId: "上级",
  parentCode: "上级编码",
  path: "层级路径",
  sector: "所属行业",
  contactName: "联系人",
  contactPhone: "联系电话",
  version: "版本",
  fiscalYear: "预算年度",
  departmentId: "主管部门",
  departmentCode: "主管部门编码",
  unitId: "实施单位",
  unitCode: "实施单位编码",
  category: "项目类别",
  isKey: "重点项目",
  initialBudget: "年初预算数",
  adjustedBudget: "全年预算数",
  fiscalFunds: "财政拨款",
  otherFunds: "其他资金",
  executed: "执行数",
  projectCode: "项目编码",
  month: "月份",
  username: "用户名",
  displayName: "姓名",
  role: "角色",
  orgId: "所属单位",
  active: "启用",
  mustChangePassword: "须修改密码",
  regionCode: "区划代码",
  createdAt: "创建时间",
  updatedAt: "更新时间",
  params: "抽取参数",
  picks: "抽中部门",
  status: "状态",
  revision: "版本号",
  overallGoal: "年度总体目标",
  indicators: "绩效指标",
  carriedFromId: "结转自目标表",
  subjectKind: "目标表类型",
  subjectCode: "项目或部门编码",
  reviewedOn: "会审日期",
  findings: "会审发现",
  guidance: "指导意见",
  goalTableId: "目标表编号",
  actedOn: "已按意见修改",
  note: "备注",
  phases: "各阶段日期",
  dueOn: "截止日期",
  openedAt: "下达时间",
  tasksCreated: "新建任务数",
  tablesCreated: "新建目标表数",
  tasksExisting: "已有任务数",
  tablesExisting: "已有目标表数",
  reminders: "催办次数",
  message: "催办内容",
  fileName: "文件名",
  sha256: "文件校验码（SHA-256）",
  counts: "行数",
  added: "新增条目",
  removed: "删除条目",
  entries: "条目数",
  curated: "财政推荐",
  retired: "已停用",
  level1: "一级指标",
  level2: "二级指标",
  operator: "运算符",
  target: "指标值",
  unit: "计量单位",
  weight: "权重",
  explanation: "指标解释",
  template: "指标体系",
  policy: "审核规则",
  userAgent: "浏览器",
  lastLoginAt: "最近登录",
  passwordReset: "已重置密码",
  expiresAt: "到期时间",
  userId: "所属用户",
  sortOrder: "排序",
  overallActual: "总体目标实际完成情况",
  rulesVersion: "评分规则版本",
  forms: "自评表数",
  tasks: "任务数",
};

/** Fields holding fen. */
export const MONEY_FIELDS = new Set(["initialBudget", "adjustedBudget", "fiscalFunds", "otherFunds", "executed"]);

export const fieldLabel = (k: string): string => FIELD_LABELS[k] ?? k;

/** Goal tables: whose table it is, and how bad a finding is (errors block submission, warnings do not). */
export const GOAL_SUBJECT_KIND_LABELS: Record<string, string> = { project: "项目", deptWide: "部门整体" };
export const GOAL_SEVERITY_LABELS: Record<string, string> = { error: "错误", warning: "提示" };
export const goalSubjectKindLabel = (k: string): string => GOAL_SUBJECT_KIND_LABELS[k] ?? k;
export const goalSeverityLabel = (s: string): string => GOAL_SEVERITY_LABELS[s] ?? s;
