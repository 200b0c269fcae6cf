import { fenToYuan, groupThousands } from "../money";
import { ORG_KIND_LABELS, type OrgKind } from "../roles";
import type { IssueSink, ParsedRow } from "./issues";
import type { ImportKind } from "./spec";

/** What the database already holds, as far as an import's references need it. */
export interface ImportContext {
  regionCode: string;
  /**
   * Organisations known in the database, by code; `children` (units under it) and `inUse` (projects,
   * goal tables or budgets hang on it) say whether it may still move.
   */
  orgsByCode: ReadonlyMap<string, { kind: OrgKind; parentCode: string | null; children?: number; inUse?: boolean }>;
  /** projects known in the database, by `${fiscalYear}:${code}` (for requests: those of the year before) */
  projectsByKey: ReadonlyMap<string, { adjustedBudget: number }>;
  /** department-wide budgets known in the database, by `${fiscalYear}:${departmentCode}` */
  deptBudgetsByKey: ReadonlyMap<string, { adjustedBudget: number }>;
}

const yuan = (fen: number) => groupThousands(fenToYuan(fen));
type Values = Record<string, unknown>;

/** A file holds one fiscal year: rows that differ from the most frequent year are flagged. */
export function checkSingleYear(rows: readonly ParsedRow[], sink: IssueSink, key = "fiscalYear"): void {
  const counts = new Map<number, number>();
  for (const r of rows) {
    const y = r.values[key];
    if (typeof y === "number") counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  if (counts.size <= 1) return;
  let main = 0;
  let most = 0;
  for (const [y, n] of counts) if (n > most) [main, most] = [y, n];
  for (const r of rows) {
    const y = r.values[key];
    if (typeof y === "number" && y !== main)
      sink.add(
        r,
        key,
        "IMPORT_MIXED_YEARS",
        `${y}年与文件中其他行的${main}年（共${most}行）不一致，一个文件只能包含一个预算年度`,
      );
  }
}

interface DuplicateKey {
  /** The row's identity, or null while a part of it failed to parse. */
  key: (v: Values) => string | null;
  /** The column the issue names: the one a clerk most likely mistyped. */
  column: string;
  describe: (v: Values) => string;
}

const parts = (...p: unknown[]) => (p.includes(undefined) ? null : p.join("\u0000"));

const DUPLICATE_KEYS: Record<ImportKind, DuplicateKey> = {
  orgs: { key: (v) => parts(v.code), column: "code", describe: (v) => `单位编码“${v.code}”` },
  projects: {
    key: (v) => parts(v.fiscalYear, v.code),
    column: "code",
    describe: (v) => `${v.fiscalYear}年度项目“${v.code}”`,
  },
  execution: {
    key: (v) => parts(v.fiscalYear, v.projectCode, v.month),
    column: "month",
    describe: (v) => `项目“${v.projectCode}”${v.fiscalYear}年${v.month}月的支付数`,
  },
  "dept-execution": {
    key: (v) => parts(v.fiscalYear, v.departmentCode, v.month),
    column: "month",
    describe: (v) => `主管部门“${v.departmentCode}”${v.fiscalYear}年${v.month}月的支付数`,
  },
  "dept-budgets": {
    key: (v) => parts(v.fiscalYear, v.departmentCode),
    column: "departmentCode",
    describe: (v) => `主管部门“${v.departmentCode}”${v.fiscalYear}年度的预算`,
  },
  requests: {
    key: (v) => parts(v.budgetYear, v.projectCode),
    column: "projectCode",
    describe: (v) => `项目“${v.projectCode}”${v.budgetYear}年度的预算申请`,
  },
};

/** Flags each later row whose key repeats an earlier row's; returns the flagged rows. */
export function checkDuplicates(kind: ImportKind, rows: readonly ParsedRow[], sink: IssueSink): Set<ParsedRow> {
  const { key, column, describe } = DUPLICATE_KEYS[kind];
  const first = new Map<string, number>();
  const dups = new Set<ParsedRow>();
  for (const r of rows) {
    const k = key(r.values);
    if (k === null) continue;
    const seen = first.get(k);
    if (seen === undefined) first.set(k, r.rowNumber);
    else {
      dups.add(r);
      sink.add(r, column, "IMPORT_DUPLICATE", `${describe(r.values)}与第${seen}行重复`);
    }
  }
  return dups;
}

/** 财政拨款 + 其他资金 must make up 全年预算数 exactly. */
export function checkSplit(rows: readonly ParsedRow[], sink: IssueSink): void {
  for (const r of rows) {
    const { adjustedBudget: a, fiscalFunds: f, otherFunds: o } = r.values;
    if (typeof a !== "number" || typeof f !== "number" || typeof o !== "number" || f + o === a) continue;
    sink.add(
      r,
      "adjustedBudget",
      "IMPORT_SPLIT_MISMATCH",
      `财政拨款${yuan(f)}元 + 其他资金${yuan(o)}元 = ${yuan(f + o)}元，与全年预算数${yuan(a)}元不一致`,
    );
  }
}

const kindLabel = (kind: OrgKind) => ORG_KIND_LABELS[kind];

/** Checks that `code` names a department; returns false (after flagging) when it does not. */
function requireDepartment(
  r: ParsedRow,
  key: string,
  code: string,
  kindOf: (code: string) => OrgKind | undefined,
  sink: IssueSink,
  where: string,
): boolean {
  const kind = kindOf(code);
  if (kind === undefined) {
    sink.add(
      r,
      key,
      "IMPORT_UNKNOWN_DEPARTMENT",
      `主管部门“${code}”在${where}中不存在，请核对编码或先导入单位（部门）`,
    );
    return false;
  }
  if (kind !== "department") {
    sink.add(r, key, "IMPORT_NOT_DEPARTMENT", `“${code}”是${kindLabel(kind)}，不是主管部门`);
    return false;
  }
  return true;
}

/** Orgs: a unit belongs to a department (in the file or already known); a department has no parent. */
export function checkOrgRefs(rows: readonly ParsedRow[], ctx: ImportContext, sink: IssueSink): void {
  // The file wins over the database: importing is an upsert by code.
  const inFile = new Map<string, OrgKind>();
  for (const r of rows) {
    const { code, kind } = r.values;
    if (typeof code === "string" && typeof kind === "string" && !inFile.has(code)) inFile.set(code, kind as OrgKind);
  }
  const kindOf = (code: string) => inFile.get(code) ?? ctx.orgsByCode.get(code)?.kind;
  for (const r of rows) {
    const { code, kind, parentCode } = r.values;
    if (typeof code === "string") {
      const known = ctx.orgsByCode.get(code)?.kind;
      if (known === "bureau" || known === "firm")
        sink.add(
          r,
          "code",
          "IMPORT_CODE_CONFLICT",
          `编码“${code}”已被${kindLabel(known)}使用，不能再作为单位或部门导入`,
        );
    }
    if (typeof code === "string" && typeof kind === "string") refuseMove(r, code, kind, parentCode, ctx, sink);
    if (parentCode === undefined) continue;
    if (kind === "department" && parentCode !== null)
      sink.add(
        r,
        "parentCode",
        "IMPORT_UNEXPECTED_PARENT",
        `主管部门不填写上级编码（实际填写了“${parentCode}”），请留空`,
      );
    if (kind === "unit") {
      if (parentCode === null) sink.add(r, "parentCode", "IMPORT_REQUIRED", "预算单位必须填写所属主管部门的编码");
      else requireDepartment(r, "parentCode", parentCode as string, kindOf, sink, "文件和系统");
    }
  }
}

/**
 * An organisation with data stays where it is: its projects, goal tables and budgets carry its department,
 * and a unit's path decides who sees them. So an import may not move a unit that has data to another
 * department, nor change the kind of an organisation that has data or units. One nothing hangs on yet
 * may be corrected (the upsert rewrites its parent and path).
 */
function refuseMove(
  r: ParsedRow,
  code: string,
  kind: string,
  parentCode: unknown,
  ctx: ImportContext,
  sink: IssueSink,
): void {
  const known = ctx.orgsByCode.get(code);
  if (!known || (known.kind !== "unit" && known.kind !== "department")) return;
  const hangs = [
    known.children ? `${known.children} 个下属单位` : null,
    known.inUse ? "项目、绩效目标表或部门预算" : null,
  ].filter(Boolean);
  if (hangs.length === 0) return;
  const advice =
    "。一体化系统调整隶属关系或单位性质时通常会给出新编码，请以新编码导入；确需调整原单位，请联系系统管理员";
  if (known.kind !== kind)
    sink.add(
      r,
      "kind",
      "IMPORT_ORG_MOVE_REFUSED",
      `“${code}”在系统中是${kindLabel(known.kind)}，已有${hangs.join("和")}，不能通过导入改为${kindLabel(kind as OrgKind)}${advice}`,
    );
  else if (kind === "unit" && typeof parentCode === "string" && parentCode !== known.parentCode)
    sink.add(
      r,
      "parentCode",
      "IMPORT_ORG_MOVE_REFUSED",
      `预算单位“${code}”已属于主管部门“${known.parentCode}”，文件中为“${parentCode}”；该单位已有${hangs.join("和")}，改变隶属关系会使这些数据的归属不一致，不能通过导入调整${advice}`,
    );
}

/** Projects: a known department, and an implementing unit that is that department or one of its units. */
export function checkProjectRefs(rows: readonly ParsedRow[], ctx: ImportContext, sink: IssueSink): void {
  const kindOf = (code: string) => ctx.orgsByCode.get(code)?.kind;
  for (const r of rows) {
    const { departmentCode: dept, unitCode: unit } = r.values;
    const deptOk = typeof dept === "string" && requireDepartment(r, "departmentCode", dept, kindOf, sink, "系统");
    if (typeof unit !== "string") continue;
    const org = ctx.orgsByCode.get(unit);
    if (org === undefined) {
      sink.add(r, "unitCode", "IMPORT_UNKNOWN_UNIT", `实施单位“${unit}”在系统中不存在，请核对编码或先导入单位（部门）`);
      continue;
    }
    if (!deptOk || unit === dept) continue;
    if (org.kind !== "unit")
      sink.add(r, "unitCode", "IMPORT_UNIT_NOT_IN_DEPARTMENT", `“${unit}”是${kindLabel(org.kind)}，不能作为实施单位`);
    else if (org.parentCode !== dept)
      sink.add(
        r,
        "unitCode",
        "IMPORT_UNIT_NOT_IN_DEPARTMENT",
        `实施单位“${unit}”隶属于主管部门“${org.parentCode ?? "（无）"}”，不属于“${dept}”`,
      );
  }
}

/** Department budgets: the department must be known. */
export function checkDeptBudgetRefs(rows: readonly ParsedRow[], ctx: ImportContext, sink: IssueSink): void {
  const kindOf = (code: string) => ctx.orgsByCode.get(code)?.kind;
  for (const r of rows) {
    const dept = r.values.departmentCode;
    if (typeof dept === "string") requireDepartment(r, "departmentCode", dept, kindOf, sink, "系统");
  }
}

/**
 * Next year's requests: each belongs to a project of the year before (the results year) with the same code.
 * A request for any other code is reported, never dropped: a new project has no results to apply.
 */
export function checkRequestRefs(rows: readonly ParsedRow[], ctx: ImportContext, sink: IssueSink): void {
  for (const r of rows) {
    const { budgetYear: year, projectCode: code } = r.values;
    if (typeof year !== "number" || typeof code !== "string") continue;
    if (!ctx.projectsByKey.has(`${year - 1}:${code}`))
      sink.add(
        r,
        "projectCode",
        "IMPORT_UNKNOWN_PROJECT",
        `“${code}”不是${year - 1}年度的项目：${year}年度的预算申请须对应${year - 1}年度已有的项目（按项目编码）；没有绩效结果的新增项目请不要列入本文件`,
      );
  }
}

interface PaidWithin {
  /** The field naming who is paid: the project or the department. */
  owner: "projectCode" | "departmentCode";
  budgets: ReadonlyMap<string, { adjustedBudget: number }>;
  unknownCode: string;
  unknown: (year: number, code: string) => string;
  over: (code: string, total: string, budget: string) => string;
}

/**
 * Monthly payments: whom they pay must be known, and what the file pays over the months must stay
 * within the 全年预算数. Months already in the database but absent from the file are not counted here.
 */
function checkPaidWithinBudget(
  rows: readonly ParsedRow[],
  rule: PaidWithin,
  sink: IssueSink,
  duplicates: ReadonlySet<ParsedRow>,
): void {
  const paid = new Map<string, number>();
  for (const r of rows) {
    const { fiscalYear: year, [rule.owner]: code, executed } = r.values;
    if (typeof year !== "number" || typeof code !== "string") continue;
    const key = `${year}:${code}`;
    const budget = rule.budgets.get(key);
    if (budget === undefined) {
      sink.add(r, rule.owner, rule.unknownCode, rule.unknown(year, code));
      continue;
    }
    if (typeof executed !== "number" || duplicates.has(r)) continue;
    const before = paid.get(key) ?? 0;
    const total = before + executed;
    paid.set(key, total);
    if (before <= budget.adjustedBudget && total > budget.adjustedBudget)
      sink.add(r, "executed", "IMPORT_OVER_BUDGET", rule.over(code, yuan(total), yuan(budget.adjustedBudget)));
  }
}

/** Project execution: the project must be in the system and its months within its budget. */
export function checkExecution(
  rows: readonly ParsedRow[],
  ctx: ImportContext,
  sink: IssueSink,
  duplicates: ReadonlySet<ParsedRow>,
): void {
  checkPaidWithinBudget(
    rows,
    {
      owner: "projectCode",
      budgets: ctx.projectsByKey,
      unknownCode: "IMPORT_UNKNOWN_PROJECT",
      unknown: (year, code) => `${year}年度项目“${code}”在系统中不存在，请先导入项目及预算`,
      over: (code, total, budget) => `项目“${code}”截至本行累计支付${total}元，超过全年预算数${budget}元`,
    },
    sink,
    duplicates,
  );
}

/** Department-wide execution: the department's whole budget must be in the system and its months within it. */
export function checkDeptExecution(
  rows: readonly ParsedRow[],
  ctx: ImportContext,
  sink: IssueSink,
  duplicates: ReadonlySet<ParsedRow>,
): void {
  checkPaidWithinBudget(
    rows,
    {
      owner: "departmentCode",
      budgets: ctx.deptBudgetsByKey,
      unknownCode: "IMPORT_UNKNOWN_DEPT_BUDGET",
      unknown: (year, code) => `主管部门“${code}”${year}年度的部门整体预算在系统中不存在，请先导入部门整体预算`,
      over: (code, total, budget) => `主管部门“${code}”截至本行累计支付${total}元，超过部门整体全年预算数${budget}元`,
    },
    sink,
    duplicates,
  );
}
