/**
 * Every error code the API can answer with, and what it means. The set is closed: `AppError` takes only
 * these, the server maps anything else to REQUEST_INVALID or INTERNAL, and the OpenAPI document lists
 * them as the `code` enum of the one error shape. A new module adds its codes here.
 */
export const ERROR_CODES = {
  // The request itself
  REQUEST_INVALID: "请求参数有误（details.issues 指出字段）",
  UNSUPPORTED_MEDIA_TYPE: "不支持的内容类型",
  NOT_FOUND: "对象或接口不存在",
  INTERNAL: "服务器内部错误",
  CONCURRENT_CHANGE: "数据正被他人同时修改，未写入任何数据",
  STALE_VERSION: "数据已被他人修改（版本号不符），请刷新后重试",
  RATE_LIMITED: "请求过于频繁，details.retryAfterSeconds 秒后再试",
  // Signing in and access
  AUTH_REQUIRED: "未登录或会话已过期",
  AUTH_INVALID: "用户名或密码错误",
  AUTH_INACTIVE: "账号已停用",
  CSRF_HEADER_MISSING: "使用会话的写操作缺少 X-Requested-With 头",
  PASSWORD_CHANGE_REQUIRED: "须先修改密码",
  FORBIDDEN: "无权执行此操作",
  PASSWORD_WRONG: "原密码错误",
  PASSWORD_WEAK: "新密码不符合要求",
  PASSWORD_SAME: "新密码与原密码相同",
  PASSWORD_CHANGED_MEANWHILE: "密码已被他人修改",
  API_TOKEN_NAME_INVALID: "令牌名称无效",
  API_TOKEN_EXPIRY_INVALID: "令牌有效期无效",
  API_TOKEN_REVOKED: "令牌已吊销或过期",
  // Organisations and accounts
  REGION_CODE_INVALID: "行政区划代码无效",
  REGION_NAME_REQUIRED: "缺少地区名称",
  ORG_NOT_FOUND: "单位不存在",
  DEPARTMENT_NOT_FOUND: "主管部门不存在",
  ORG_CODE_INVALID: "单位编码无效",
  ORG_CODE_TAKEN: "单位编码已被使用",
  ORG_PARENT_INVALID: "上级单位无效",
  ORG_FIELD_REQUIRED: "单位信息缺少必填项",
  ORG_FIELD_TOO_LONG: "单位信息过长",
  ORG_FIELD_MARKUP: "单位信息含有标记字符",
  ORG_PHONE_INVALID: "联系电话格式有误",
  USER_NOT_FOUND: "账号不存在",
  USERNAME_INVALID: "用户名无效",
  USERNAME_TAKEN: "用户名已被使用",
  DISPLAY_NAME_INVALID: "姓名无效",
  ROLE_ORG_MISMATCH: "角色与所属单位不符",
  USER_SELF_LOCKOUT: "不能停用或降级自己的账号",
  // Imports and uploads
  IMPORT_INVALID: "导入文件有错误，未写入任何数据（details 列出行、列和原因）",
  IMPORT_EMPTY_FILE: "文件为空",
  IMPORT_UNREADABLE: "文件无法读取",
  IMPORT_MISSING_COLUMNS: "缺少必需的列",
  IMPORT_FILE_TOO_LARGE: "文件超过大小上限",
  IMPORT_FILE_TOO_COMPLEX: "文件解压后过大或结构过于复杂",
  IMPORT_SHEET_TOO_LARGE: "工作表超过行列上限",
  IMPORT_CELL_TOO_LONG: "单元格内容过长",
  IMPORT_TIMEOUT: "文件读取超时",
  IMPORT_ORG_MOVE_REFUSED: "不能移动已有数据的单位",
  UPLOAD_BUSY: "服务器正忙于读取其他文件，请稍后再试",
  UPLOAD_IN_PROGRESS: "本账号已有一个文件正在读取",
  DEMO_PRESENT: "已载入演示数据",
  DEMO_ORG_MISSING: "演示数据缺少单位",
  // Goals
  GOAL_NOT_EDITABLE: "目标表当前状态不可编辑",
  GOAL_ROLE_NOT_ALLOWED: "当前角色不能执行此操作",
  GOAL_HAS_ERRORS: "目标表有须修改的审核问题，不能提交或审核通过（details.findings 列出）",
  GOAL_RETURN_NEEDS_COMMENT: "退回须填写意见",
  GOAL_REVISE_NEEDS_REASON: "调整须填写原因",
  GOAL_INVALID_TRANSITION: "目标表当前状态不能执行此操作",
  GOAL_INDICATOR_UID_DUPLICATE: "指标标识重复",
  GOAL_TEXT_MARKUP: "目标表文字含有标记字符",
  GOAL_COMMENT_UNKNOWN_INDICATOR: "意见所指的指标不存在",
  GOAL_NO_PREVIOUS_YEAR: "上一年度没有可沿用的目标表",
  GOAL_EXPORT_EMPTY: "没有可导出的目标表",
  GOAL_EXPORT_NEEDS_DEPARTMENT: "导出须指定主管部门",
  GOAL_EXPORT_TOO_MANY: "一次导出的目标表过多",
  GOAL_RULES_INVALID: "审核规则设置有误",
  LIBRARY_ENTRY_INVALID: "指标库条目有误",
  LIBRARY_DUPLICATE: "指标库已有相同条目",
  LIBRARY_KEY_IN_USE: "条目已被目标表使用，不能修改其关键字段",
  DRAW_EXISTS: "本年度已抽取过",
  DRAW_PARAMS_INVALID: "抽取参数有误",
  DRAW_SEED_NOT_ALLOWED: "抽取种子由服务器生成，不能指定",
  VISIT_DATE_INVALID: "日期无效",
  VISIT_TOO_LONG: "内容过长",
  VISIT_MARKUP: "内容含有标记字符",
  VISIT_TABLE_OTHER_DEPARTMENT: "目标表不属于该部门",
  VISIT_TABLE_OTHER_YEAR: "目标表不属于该年度",
  PLAN_INVALID: "工作安排有误（details.issues 列出每个阶段的问题）",
  PLAN_NO_BUDGET: "该年度尚未导入预算数据",
  PLAN_DUE_INVALID: "截止日期无效",
  TASK_NOT_OPEN: "任务已提交、完成或关闭，无需催办",
} as const satisfies Record<string, string>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

export const isErrorCode = (code: unknown): code is ErrorCode =>
  typeof code === "string" && Object.hasOwn(ERROR_CODES, code);
