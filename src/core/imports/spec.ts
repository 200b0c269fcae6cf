/**
 * The layouts the budget system (一体化系统) exchanges with us: one spec per import kind, with the
 * Chinese header of each column as it appears in the downloadable templates. JSON imports use either
 * the English keys or the Chinese headers.
 */
export type CellType = "code" | "text" | "money" | "year" | "month" | "bool" | "category" | "orgKind";

export interface FieldSpec {
  key: string;
  header: string;
  /** Other headers seen in budget-system exports that mean the same column. */
  aliases?: readonly string[];
  type: CellType;
  required: boolean;
  maxLength?: number;
  /** Shown as the template's cell comment. */
  hint?: string;
  /**
   * A column for the clerk's eye only (a name beside its code): shown in the template and recognised in a
   * file, but neither checked nor kept; the system's own record is what counts.
   */
  informative?: boolean;
}

export const IMPORT_KINDS = ["orgs", "projects", "execution", "dept-budgets", "dept-execution", "requests"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  orgs: "单位（部门）",
  projects: "项目及预算",
  execution: "月度执行",
  "dept-budgets": "部门整体预算",
  "dept-execution": "部门整体月度执行",
  requests: "下年度预算申请",
};

/**
 * The field holding a file's one year, by kind: the fiscal year of its rows, or for next year's requests
 * the budget year they ask for (their projects are of the year before). Organisations have no year.
 */
export const IMPORT_YEAR_KEYS: Record<ImportKind, "fiscalYear" | "budgetYear" | null> = {
  orgs: null,
  projects: "fiscalYear",
  execution: "fiscalYear",
  "dept-budgets": "fiscalYear",
  "dept-execution": "fiscalYear",
  requests: "budgetYear",
};

const yearField: FieldSpec = { key: "fiscalYear", header: "预算年度", type: "year", required: true, hint: "如 2024" };

export const IMPORT_SPECS: Record<ImportKind, readonly FieldSpec[]> = {
  orgs: [
    { key: "code", header: "单位编码", aliases: ["单位代码"], type: "code", required: true, maxLength: 32 },
    { key: "name", header: "单位名称", type: "text", required: true, maxLength: 100 },
    { key: "kind", header: "单位类型", type: "orgKind", required: true, hint: "主管部门 或 预算单位" },
    {
      key: "parentCode",
      header: "上级编码",
      aliases: ["主管部门编码"],
      type: "code",
      required: false,
      maxLength: 32,
      hint: "预算单位填所属主管部门的编码；主管部门留空",
    },
    { key: "sector", header: "所属行业", aliases: ["行业"], type: "text", required: false, maxLength: 40 },
    { key: "contactName", header: "联系人", type: "text", required: false, maxLength: 40 },
    { key: "contactPhone", header: "联系电话", type: "text", required: false, maxLength: 40 },
  ],
  projects: [
    yearField,
    { key: "code", header: "项目编码", aliases: ["项目代码"], type: "code", required: true, maxLength: 40 },
    { key: "name", header: "项目名称", type: "text", required: true, maxLength: 200 },
    { key: "departmentCode", header: "主管部门编码", type: "code", required: true, maxLength: 32 },
    { key: "unitCode", header: "实施单位编码", aliases: ["单位编码"], type: "code", required: true, maxLength: 32 },
    { key: "category", header: "项目类别", type: "category", required: true, hint: "常年性、延续性或一次性" },
    { key: "isKey", header: "重点项目", type: "bool", required: false, hint: "是 或 否" },
    { key: "sector", header: "所属行业", aliases: ["行业"], type: "text", required: false, maxLength: 40 },
    { key: "initialBudget", header: "年初预算数（元）", aliases: ["年初预算数"], type: "money", required: true },
    {
      key: "adjustedBudget",
      header: "全年预算数（元）",
      aliases: ["全年预算数", "调整后预算数"],
      type: "money",
      required: true,
    },
    { key: "fiscalFunds", header: "财政拨款（元）", aliases: ["其中：财政拨款"], type: "money", required: true },
    { key: "otherFunds", header: "其他资金（元）", aliases: ["其中：其他资金"], type: "money", required: true },
  ],
  execution: [
    yearField,
    { key: "projectCode", header: "项目编码", aliases: ["项目代码"], type: "code", required: true, maxLength: 40 },
    { key: "month", header: "月份", type: "month", required: true, hint: "1–12" },
    {
      key: "executed",
      header: "支付数（元）",
      aliases: ["执行数（元）", "支付数", "执行数"],
      type: "money",
      required: true,
    },
  ],
  "dept-budgets": [
    yearField,
    { key: "departmentCode", header: "主管部门编码", type: "code", required: true, maxLength: 32 },
    { key: "initialBudget", header: "年初预算数（元）", aliases: ["年初预算数"], type: "money", required: true },
    { key: "adjustedBudget", header: "全年预算数（元）", aliases: ["全年预算数"], type: "money", required: true },
    { key: "fiscalFunds", header: "财政拨款（元）", aliases: ["其中：财政拨款"], type: "money", required: true },
    { key: "otherFunds", header: "其他资金（元）", aliases: ["其中：其他资金"], type: "money", required: true },
  ],
  "dept-execution": [
    yearField,
    { key: "departmentCode", header: "主管部门编码", type: "code", required: true, maxLength: 32 },
    { key: "month", header: "月份", type: "month", required: true, hint: "1–12" },
    {
      key: "executed",
      header: "支付数（元）",
      aliases: ["执行数（元）", "支付数", "执行数"],
      type: "money",
      required: true,
    },
  ],
  requests: [
    {
      key: "budgetYear",
      header: "预算年度",
      aliases: ["申请年度"],
      type: "year",
      required: true,
      hint: "申请安排预算的年度，如 2025（对应2024年度的项目）",
    },
    {
      key: "projectCode",
      header: "项目编码",
      aliases: ["项目代码"],
      type: "code",
      required: true,
      maxLength: 40,
      hint: "上一年度已有项目的编码",
    },
    {
      key: "projectName",
      header: "项目名称",
      type: "text",
      required: false,
      informative: true,
      hint: "仅供核对，不导入；以系统中的项目名称为准",
    },
    {
      key: "amount",
      header: "申请金额（元）",
      aliases: [
        "申请金额",
        "申请数",
        "申请数（元）",
        "申报金额",
        "申报金额（元）",
        "预算申请数",
        "预算申请数（元）",
        "申请预算数（元）",
        "金额（元）",
      ],
      type: "money",
      required: true,
    },
    {
      key: "rigid",
      header: "刚性支出",
      aliases: ["是否刚性支出"],
      type: "bool",
      required: false,
      hint: "是 或 否，空为否",
    },
  ],
};

/** Upper bound for one amount: 100亿元 in fen. Anything larger is a unit mistake (元 vs 万元) or junk. */
export const MAX_AMOUNT_FEN = 100_0000_0000_00;
/** Upper bound for an uploaded file: a whole district's monthly execution as CSV is about 1 MB. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
