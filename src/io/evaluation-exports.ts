import type { ExpertRecord } from "../app/evaluations/ports";
import { FIRM_RATING_LABELS, FIRM_RATINGS } from "../core/evaluations/list";
import { fenToWan } from "../core/money";
import { writeXlsx } from "./write-xlsx";

/** The expert pool as filtered on screen. */
export function expertsWorkbook(rows: readonly ExpertRecord[]): Promise<Buffer> {
  return writeXlsx([
    {
      name: "专家库",
      title: `专家库（共 ${rows.length} 人）`,
      columns: [
        { header: "姓名", key: "name", kind: "text", width: 12 },
        { header: "工作单位", key: "employer", kind: "text", width: 28 },
        { header: "本地区工作单位（回避）", key: "employerOrg", kind: "text", width: 28 },
        { header: "职称", key: "title", kind: "text", width: 14 },
        { header: "专业领域", key: "fields", kind: "text", width: 24 },
        { header: "联系电话", key: "phone", kind: "text", width: 16 },
        { header: "评分账号", key: "account", kind: "text", width: 16 },
        { header: "状态", key: "active", kind: "text", width: 8 },
      ],
      rows: rows.map((e) => ({
        name: e.name,
        employer: e.employer,
        employerOrg: e.employerOrg ? `${e.employerOrg.name}（${e.employerOrg.code}）` : "",
        title: e.title,
        fields: e.fields.join("、"),
        phone: e.phone,
        account: e.user?.username ?? "未关联",
        active: e.active ? "在用" : "停用",
      })),
    },
  ]);
}

interface Coverage {
  fiscalYear: number;
  minProjectsPerDepartment: number;
  keyProjectCycleYears: number;
  departments: number;
  covered: number;
  rate: string;
  rows: readonly {
    departmentCode: string;
    departmentName: string;
    projects: number;
    evaluations: number;
    finalised: number;
    meets: boolean;
  }[];
  keyProjectsDue: readonly { projectCode: string; name: string; adjustedFen: number; evaluatedYears: number[] }[];
}

interface LedgerFirm {
  firm: { code: string; name: string };
  evaluations: number;
  onTime: number;
  reworks: number;
  ratings: Record<(typeof FIRM_RATINGS)[number], number>;
}

/** 评价统计: coverage by department, the key projects due, and the firms' ledger summed by firm. */
export function evaluationStatsWorkbook(c: Coverage, firms: readonly LedgerFirm[]): Promise<Buffer> {
  return writeXlsx([
    {
      name: "部门评价覆盖",
      title: `${c.fiscalYear}年度部门评价覆盖情况：达到要求 ${c.covered} / ${c.departments} 个部门，覆盖率 ${c.rate}%（每个部门至少评价 ${c.minProjectsPerDepartment} 个项目）`,
      columns: [
        { header: "部门编码", key: "code", kind: "text", width: 10 },
        { header: "主管部门", key: "name", kind: "text", width: 30 },
        { header: "项目数", key: "projects", kind: "int" },
        { header: "已开展评价", key: "evaluations", kind: "int" },
        { header: "已定稿", key: "finalised", kind: "int" },
        { header: "达到要求", key: "meets", kind: "text", width: 10 },
      ],
      rows: c.rows.map((r) => ({
        code: r.departmentCode,
        name: r.departmentName,
        projects: r.projects,
        evaluations: r.evaluations,
        finalised: r.finalised,
        meets: r.meets ? "是" : "否",
      })),
    },
    {
      name: "待评价重点项目",
      title: `${c.keyProjectCycleYears} 年内未评价的重点项目（共 ${c.keyProjectsDue.length} 个）`,
      columns: [
        { header: "项目编码", key: "code", kind: "text", width: 20 },
        { header: "项目名称", key: "name", kind: "text", width: 36 },
        { header: "全年预算（万元）", key: "wan", kind: "money" },
        { header: "周期内评价过的年度", key: "years", kind: "text", width: 20 },
      ],
      rows: c.keyProjectsDue.map((p) => ({
        code: p.projectCode,
        name: p.name,
        wan: Number(fenToWan(p.adjustedFen)),
        years: p.evaluatedYears.join("、") || "从未评价",
      })),
    },
    {
      name: "第三方机构履职",
      title: "第三方机构履职台账（按机构汇总）",
      columns: [
        { header: "机构编码", key: "code", kind: "text", width: 10 },
        { header: "第三方机构", key: "name", kind: "text", width: 30 },
        { header: "承担评价", key: "evaluations", kind: "int" },
        { header: "按时完成", key: "onTime", kind: "int" },
        { header: "返工次数", key: "reworks", kind: "int" },
        ...FIRM_RATINGS.map((r) => ({ header: `评级${FIRM_RATING_LABELS[r]}`, key: r, kind: "int" as const })),
      ],
      rows: firms.map((f) => ({
        code: f.firm.code,
        name: f.firm.name,
        evaluations: f.evaluations,
        onTime: f.onTime,
        reworks: f.reworks,
        ...f.ratings,
      })),
    },
  ]);
}
